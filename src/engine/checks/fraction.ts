import { dataPath, isNumber, refAt, valueAt, type DataPath, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Numerator } from '../rule-types.js';

export interface Fraction {
  n: number;
  d: number;
  /** The (first) numerator path, where the finding points. */
  numerator: DataPath;
}

/**
 * Reads a numerator (one count, or several added up) and a denominator; absent data or a zero denominator
 * makes the check not assessable.
 */
export function readFraction(ctx: EvalContext, numerator: Numerator, denominator: string): Fraction | Outcome {
  if (typeof numerator === 'string') return readOne(ctx, numerator, denominator);
  const parts = numerator;
  const numPaths = parts.map(dataPath);
  const denPath = dataPath(denominator);
  const d = valueAt(ctx, denPath);
  let n = 0;
  const missing: string[] = [];
  numPaths.forEach((p, i) => {
    const value = valueAt(ctx, p);
    if (isNumber(value)) n += value;
    else missing.push(parts[i]!);
  });
  if (missing.length > 0) return notAssessable(isNumber(d) ? missing : [...missing, denominator], refAt(ctx, dataPath(missing[0]!)));
  if (!isNumber(d) || d === 0) return notAssessable([denominator], refAt(ctx, denPath));
  return { n, d, numerator: numPaths[0]! };
}

function readOne(ctx: EvalContext, numerator: string, denominator: string): Fraction | Outcome {
  const numPath = dataPath(numerator);
  const denPath = dataPath(denominator);
  const n = valueAt(ctx, numPath);
  const d = valueAt(ctx, denPath);
  if (!isNumber(n)) return notAssessable(isNumber(d) ? [numerator] : [numerator, denominator], refAt(ctx, numPath));
  if (!isNumber(d) || d === 0) return notAssessable([denominator], refAt(ctx, denPath));
  return { n, d, numerator: numPath };
}

/** "a" or "a + b" for messages. */
export function numeratorText(numerator: Numerator): string {
  return typeof numerator === 'string' ? numerator : numerator.join(' + ');
}

export const isFraction = (value: Fraction | Outcome): value is Fraction => 'n' in value;
