import { isNumber, missingNumbers, resolve, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type RatioCheck = Extract<Check, { type: 'ratio' }>;

/** numerator per denominator (m² per pupil, teachers per class); the gap is in the numerator's unit. */
export function ratioCheck(check: RatioCheck, ctx: EvalContext): Outcome {
  const num = resolve(ctx, check.numerator);
  const den = resolve(ctx, check.denominator);
  const missing = missingNumbers([check.numerator, num.value], [check.denominator, den.value]);
  if (missing.length > 0) return notAssessable(missing, (isNumber(num.value) ? den : num).ref);
  const n = num.value as number;
  const d = den.value as number;
  if (d === 0) return notAssessable([check.denominator], den.ref);
  const value = n / d;
  const per = check.per ? { per: check.per } : {};
  if (check.min !== undefined && n < check.min * d) {
    return { status: 'unmet', measure: { kind: 'ratio', numerator: n, denominator: d, value, op: '>=', threshold: check.min, ...per }, gap: check.min * d - n, unit: check.unit, ref: num.ref };
  }
  if (check.max !== undefined && n > check.max * d) {
    return { status: 'unmet', measure: { kind: 'ratio', numerator: n, denominator: d, value, op: '<=', threshold: check.max, ...per }, gap: n - check.max * d, unit: check.unit, ref: num.ref };
  }
  const op = check.min !== undefined ? '>=' : '<=';
  const threshold = (check.min ?? check.max)!;
  return { status: 'met', measure: { kind: 'ratio', numerator: n, denominator: d, value, op, threshold, ...per }, gap: 0, unit: check.unit, ref: num.ref };
}
