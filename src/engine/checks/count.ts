import { evaluateCondition } from '../conditions.js';
import { inRange, resolve, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type CountCheck = Extract<Check, { type: 'min_count' }>;

/** At least `min` elements in a list, optionally only those matching `where` or dated in the school year. */
export function countCheck(check: CountCheck, ctx: EvalContext): Outcome {
  const list = resolve(ctx, check.path);
  if (!Array.isArray(list.value)) return notAssessable([check.path], list.ref);
  if (check.within_school_year && !ctx.schoolYear) return notAssessable(['truong.nam_hoc']);
  let count = 0;
  const missing: string[] = [];
  // One context for the whole list, its item replaced for each element (conditions never keep a context).
  const itemCtx: EvalContext = { ...ctx };
  list.value.forEach((value, index) => {
    if (check.where) {
      itemCtx.item = { value, ref: { root: list.ref.root, path: [...list.ref.path, index] } };
      if (evaluateCondition(check.where, itemCtx, missing) !== true) return;
    }
    if (check.within_school_year) {
      const date = (value as Record<string, unknown> | null)?.[check.within_school_year];
      if (typeof date !== 'string' || !inRange(date, ctx.schoolYear!)) return;
    }
    count++;
  });
  const met = count >= check.min;
  return {
    status: met ? 'met' : 'unmet',
    measure: { kind: 'count', value: count, op: '>=', threshold: check.min },
    gap: met ? 0 : check.min - count,
    unit: check.unit,
    ref: list.ref,
  };
}
