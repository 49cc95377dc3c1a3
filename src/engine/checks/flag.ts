import { dataPath, refAt, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check, Scalar } from '../rule-types.js';

type FlagCheck = Extract<Check, { type: 'required_flag' | 'value_in' }>;

/** A yes/no fact that must hold, or a value that must be one of a list (a rating, a qualification). */
export function flagCheck(check: FlagCheck, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const value = valueAt(ctx, path);
  const ref = refAt(ctx, path);
  if (value === undefined) return notAssessable([check.path], ref);
  const expected = check.type === 'value_in' ? check.values : expectedFlag(check.equals ?? true);
  const met = expected.includes(value as never);
  return { status: met ? 'met' : 'unmet', measure: { kind: 'flag', value, expected }, ref };
}

// Shared by every finding of a required_flag (as value_in shares its rule's list): never modified.
const ONLY_TRUE: Scalar[] = [true];
const ONLY_FALSE: Scalar[] = [false];
Object.freeze(ONLY_TRUE);
Object.freeze(ONLY_FALSE);

function expectedFlag(equals: Scalar): Scalar[] {
  if (equals === true) return ONLY_TRUE;
  if (equals === false) return ONLY_FALSE;
  return [equals];
}
