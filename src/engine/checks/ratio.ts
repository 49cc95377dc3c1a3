import { refAt, type EvalContext } from '../context.js';
import type { Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';
import type { Comparator, Measure } from '../../types.js';
import { isFraction, readFraction } from './fraction.js';

type RatioCheck = Extract<Check, { type: 'ratio' }>;

/** numerator per denominator (m² per pupil, teachers per class); the gap is in the numerator's unit. */
export function ratioCheck(check: RatioCheck, ctx: EvalContext): Outcome {
  const fraction = readFraction(ctx, check.numerator, check.denominator);
  if (!isFraction(fraction)) return fraction;
  const { n, d } = fraction;
  const ref = refAt(ctx, fraction.numerator);
  if (check.min !== undefined && n < check.min * d) {
    return { status: 'unmet', measure: ratioMeasure(check, n, d, '>=', check.min), gap: check.min * d - n, unit: check.unit, ref };
  }
  if (check.max !== undefined && n > check.max * d) {
    return { status: 'unmet', measure: ratioMeasure(check, n, d, '<=', check.max), gap: n - check.max * d, unit: check.unit, ref };
  }
  const op = check.min !== undefined ? '>=' : '<=';
  const threshold = (check.min ?? check.max)!;
  return { status: 'met', measure: ratioMeasure(check, n, d, op, threshold), gap: 0, unit: check.unit, ref };
}

/** One literal each way: a property added afterwards would cost the object a second allocation. */
function ratioMeasure(check: RatioCheck, n: number, d: number, op: Comparator, threshold: number): Measure {
  const value = n / d;
  return check.per
    ? { kind: 'ratio', numerator: n, denominator: d, value, op, threshold, per: check.per }
    : { kind: 'ratio', numerator: n, denominator: d, value, op, threshold };
}
