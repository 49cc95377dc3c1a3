import { isNumber, missingNumbers, resolve, type EvalContext, type Resolved } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';

export interface Fraction {
  n: number;
  d: number;
  num: Resolved;
  den: Resolved;
}

/** Reads a numerator and a denominator; absent data or a zero denominator makes the check not assessable. */
export function readFraction(ctx: EvalContext, numerator: string, denominator: string): Fraction | Outcome {
  const num = resolve(ctx, numerator);
  const den = resolve(ctx, denominator);
  const missing = missingNumbers([numerator, num.value], [denominator, den.value]);
  if (missing.length > 0) return notAssessable(missing, (isNumber(num.value) ? den : num).ref);
  const d = den.value as number;
  if (d === 0) return notAssessable([denominator], den.ref);
  return { n: num.value as number, d, num, den };
}

export const isFraction = (value: Fraction | Outcome): value is Fraction => 'num' in value;
