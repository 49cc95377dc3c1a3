import { dataPath, isNumber, refAt, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';
import { isFraction, numeratorText, readFraction } from './fraction.js';

type RateCheck = Extract<Check, { type: 'min_rate' | 'max_rate' }>;

/** Tolerance for the floating-point products below; counts are integers, thresholds have few decimals. */
const EPSILON = 1e-9;
/** A stated percentage may differ from the computed one by rounding only. */
const STATED_TOLERANCE = 0.1;

/** numerator/denominator as a percentage against a minimum or maximum; compared exactly on the counts. */
export function rateCheck(check: RateCheck, ctx: EvalContext): Outcome {
  const fraction = readFraction(ctx, check.numerator, check.denominator);
  if (!isFraction(fraction)) return fraction;
  const { n, d } = fraction;
  const ref = refAt(ctx, fraction.numerator);
  if (n > d) {
    const name = numeratorText(check.numerator);
    return {
      ...notAssessable(typeof check.numerator === 'string' ? [check.numerator] : check.numerator, ref),
      remarks: [{ code: 'data/numerator-exceeds-total', ref, message: { vi: `${name} (${n}) lớn hơn ${check.denominator} (${d}); kiểm tra lại số liệu`, en: `${name} (${n}) exceeds ${check.denominator} (${d})` } }],
    };
  }
  const percent = (100 * n) / d;
  const isMin = check.type === 'min_rate';
  const threshold = isMin ? check.min : check.max;
  const met = isMin ? 100 * n + EPSILON >= threshold * d : 100 * n <= threshold * d + EPSILON;
  const gap = met ? 0 : isMin ? Math.ceil((threshold * d) / 100 - EPSILON) - n : n - Math.floor((threshold * d) / 100 + EPSILON);
  const outcome: Outcome = {
    status: met ? 'met' : 'unmet',
    measure: { kind: 'rate', numerator: n, denominator: d, percent, op: isMin ? '>=' : '<=', threshold },
    gap,
    unit: check.unit,
    ref,
  };
  if (check.stated) {
    const statedPath = dataPath(check.stated);
    const stated = valueAt(ctx, statedPath);
    if (isNumber(stated) && Math.abs(stated - percent) > STATED_TOLERANCE) {
      const computed = Math.round(percent * 10) / 10;
      outcome.remarks = [{
        code: 'data/stated-rate-mismatch',
        ref: refAt(ctx, statedPath),
        message: {
          vi: `tỷ lệ ghi ${stated}% không khớp với tỷ lệ tính từ số đếm ${computed}% (${n}/${d}); sửa tỷ lệ ghi hoặc số đếm`,
          en: `stated rate ${stated}% does not match the rate computed from the counts, ${computed}% (${n}/${d})`,
        },
      }];
    }
  }
  return outcome;
}
