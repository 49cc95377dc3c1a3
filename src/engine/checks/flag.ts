import { resolve, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type FlagCheck = Extract<Check, { type: 'required_flag' | 'value_in' }>;

/** A yes/no fact that must hold, or a value that must be one of a list (a rating, a qualification). */
export function flagCheck(check: FlagCheck, ctx: EvalContext): Outcome {
  const { value, ref } = resolve(ctx, check.path);
  if (value === undefined) return notAssessable([check.path], ref);
  const expected = check.type === 'value_in' ? check.values : [check.equals ?? true];
  const met = expected.includes(value as never);
  return { status: met ? 'met' : 'unmet', measure: { kind: 'flag', value, expected }, ref };
}
