import type { EvalContext } from '../context.js';
import type { Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';
import { isFraction, readFraction } from './fraction.js';

type RatioCheck = Extract<Check, { type: 'ratio' }>;

/** numerator per denominator (m² per pupil, teachers per class); the gap is in the numerator's unit. */
export function ratioCheck(check: RatioCheck, ctx: EvalContext): Outcome {
  const fraction = readFraction(ctx, check.numerator, check.denominator);
  if (!isFraction(fraction)) return fraction;
  const { n, d, num } = fraction;
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
