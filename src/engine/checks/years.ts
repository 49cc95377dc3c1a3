import { conditionTest } from '../conditions.js';
import { dataPath, ListItem, refAt, sharedRef, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type ConsecutiveYears = Extract<Check, { type: 'consecutive_years' }>;
type YearsSince = Extract<Check, { type: 'years_since' }>;

const SCHOOL_YEAR = 'truong.nam_hoc';

/** School years "2024-2025" … listed without a gap up to the year under review (truong.nam_hoc), counted backwards. */
export function consecutiveYearsCheck(check: ConsecutiveYears, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const list = valueAt(ctx, path);
  const ref = refAt(ctx, path);
  const current = valueAt(ctx, dataPath(SCHOOL_YEAR));
  if (typeof current !== 'string') return notAssessable([SCHOOL_YEAR], sharedRef('truong', ['nam_hoc']));
  if (!Array.isArray(list)) return notAssessable([check.path], ref);
  const years = new Set(list.filter((y): y is string => typeof y === 'string'));
  let first = Number(current.slice(0, 4));
  let run = 0;
  while (years.has(`${first}-${first + 1}`)) {
    run++;
    first--;
  }
  const gap = Math.max(0, check.min - run);
  return { status: gap === 0 ? 'met' : 'unmet', measure: { kind: 'count', value: run, op: '>=', threshold: check.min }, gap, unit: check.unit, ref };
}

/** Whole years from the latest matching element's date to the reference date; nothing matching: not applicable. */
export function yearsSinceCheck(check: YearsSince, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const list = valueAt(ctx, path);
  const ref = refAt(ctx, path);
  if (!Array.isArray(list) || !ctx.asOf) return { status: 'not_applicable', ref };
  const item = new ListItem(ref);
  const itemCtx: EvalContext = { ...ctx, item };
  const where = check.where && conditionTest(check.where);
  let latest: string | undefined;
  list.forEach((value: unknown, index) => {
    item.value = value;
    item.index = index;
    const date = (value as Record<string, unknown> | null)?.[check.date_field];
    if (typeof date === 'string' && (!where || where(itemCtx) === true) && (!latest || date > latest)) latest = date;
  });
  if (!latest) return { status: 'not_applicable', ref };
  const years = wholeYears(latest, ctx.asOf);
  const gap = Math.max(0, check.min - years);
  return { status: gap === 0 ? 'met' : 'unmet', measure: { kind: 'value', value: years, op: '>=', threshold: check.min }, gap, unit: check.unit, ref };
}

function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}
