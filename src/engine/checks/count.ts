import { conditionTest } from '../conditions.js';
import { dataPath, inRange, ListItem, refAt, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type DataRef, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type CountCheck = Extract<Check, { type: 'min_count' }>;

/** At least `min` elements in a list (an odd number with `odd`), optionally only those matching `where` or dated in the school year. */
export function countCheck(check: CountCheck, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const list = valueAt(ctx, path);
  const ref = refAt(ctx, path);
  if (!Array.isArray(list)) return notAssessable([check.path], ref);
  if (check.within_school_year && !ctx.schoolYear) return notAssessable(['truong.nam_hoc']);
  const count = check.where || check.within_school_year ? countMatching(check, ctx, list, ref) : list.length;
  // An odd count (a council of 5, 7 …): one short of the next odd number when even.
  const gap = count < check.min ? check.min - count : check.odd && count % 2 === 0 ? 1 : 0;
  return {
    status: gap === 0 ? 'met' : 'unmet',
    measure: { kind: 'count', value: count, op: '>=', threshold: check.min },
    gap,
    unit: check.unit,
    ref,
  };
}

function countMatching(check: CountCheck, ctx: EvalContext, list: unknown[], ref: DataRef): number {
  // One context for the whole list, its item moved along (conditions never keep a context).
  const item = new ListItem(ref);
  const itemCtx: EvalContext = { ...ctx, item };
  const where = check.where && conditionTest(check.where);
  const dateKey = check.within_school_year;
  let count = 0;
  for (let index = 0; index < list.length; index++) {
    const value: unknown = list[index];
    if (where) {
      item.value = value;
      item.index = index;
      if (where(itemCtx) !== true) continue;
    }
    if (dateKey) {
      const date = (value as Record<string, unknown> | null)?.[dateKey];
      if (typeof date !== 'string' || !inRange(date, ctx.schoolYear!)) continue;
    }
    count++;
  }
  return count;
}
