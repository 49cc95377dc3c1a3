import { dataPath, isNumber, refAt, valueAt, type DataPath, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';

export interface Fraction {
  n: number;
  d: number;
  numerator: DataPath;
}

/** Reads a numerator and a denominator; absent data or a zero denominator makes the check not assessable. */
export function readFraction(ctx: EvalContext, numerator: string, denominator: string): Fraction | Outcome {
  const numPath = dataPath(numerator);
  const denPath = dataPath(denominator);
  const n = valueAt(ctx, numPath);
  const d = valueAt(ctx, denPath);
  if (!isNumber(n)) return notAssessable(isNumber(d) ? [numerator] : [numerator, denominator], refAt(ctx, numPath));
  if (!isNumber(d) || d === 0) return notAssessable([denominator], refAt(ctx, denPath));
  return { n, d, numerator: numPath };
}

export const isFraction = (value: Fraction | Outcome): value is Fraction => 'n' in value;
