import { dataPath, isNumber, refAt, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type ValueCheck = Extract<Check, { type: 'min_value' | 'max_value' }>;

/** A single number against a minimum or maximum (years of service, number of classes…). */
export function valueCheck(check: ValueCheck, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const value = valueAt(ctx, path);
  const ref = refAt(ctx, path);
  if (!isNumber(value)) return notAssessable([check.path], ref);
  const isMin = check.type === 'min_value';
  const threshold = isMin ? check.min : check.max;
  const met = isMin ? value >= threshold : value <= threshold;
  return {
    status: met ? 'met' : 'unmet',
    measure: { kind: 'value', value, op: isMin ? '>=' : '<=', threshold },
    gap: met ? 0 : Math.abs(value - threshold),
    unit: check.unit,
    ref,
  };
}
