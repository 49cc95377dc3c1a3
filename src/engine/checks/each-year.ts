import { conditionTest } from '../conditions.js';
import { dataPath, ListItem, refAt, sharedRef, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type EachYear = Extract<Check, { type: 'each_year' }>;
type OnlyIf = Extract<Check, { type: 'only_if' }>;
type Run = (check: Check, ctx: EvalContext) => Outcome;

const SCHOOL_YEAR = 'truong.nam_hoc';

/** "2024-2025" and `years` = 3 → 2022-2023, 2023-2024, 2024-2025. */
export function yearsUpTo(current: string, years: number): string[] {
  const last = Number(current.slice(0, 4));
  return Array.from({ length: years }, (_, i) => `${last - years + 1 + i}-${last - years + 2 + i}`);
}

/**
 * "Trong 05 năm liên tiếp tính đến thời điểm đánh giá": the `years` school years ending with the one under
 * review, each read from the list element naming it. Every year must pass (the first failing year speaks for
 * the rule, named as its subject), or at least `at_least` of them (measured as a count of years). A year with
 * no element makes the rule not assessable when the answer depends on it.
 */
export function eachYearCheck(check: EachYear, ctx: EvalContext, run: Run): Outcome {
  const path = dataPath(check.path);
  const list = valueAt(ctx, path);
  const listRef = refAt(ctx, path);
  const current = valueAt(ctx, dataPath(SCHOOL_YEAR));
  if (typeof current !== 'string' || !/^\d{4}-\d{4}$/.test(current)) return notAssessable([SCHOOL_YEAR], sharedRef('truong', ['nam_hoc']));
  if (!Array.isArray(list)) return notAssessable([check.path], listRef);
  const field = check.year_field ?? 'nam_hoc';
  const item = new ListItem(listRef);
  const itemCtx: EvalContext = { ...ctx, item };
  const missing: string[] = [];
  let passed = 0;
  let firstUnmet: Outcome | undefined;
  let firstUnknown: Outcome | undefined;
  for (const year of yearsUpTo(current, check.years)) {
    const index = list.findIndex((e: unknown) => (e as Record<string, unknown> | null)?.[field] === year);
    if (index < 0) {
      missing.push(`${check.path}[${field}=${year}]`);
      continue;
    }
    item.value = list[index];
    item.index = index;
    const outcome = run(check.check, itemCtx);
    outcome.ref ??= item.ref;
    if (outcome.status === 'met' || outcome.status === 'not_applicable') passed++;
    else if (outcome.status === 'unmet') firstUnmet ??= { ...outcome, subject: year };
    else firstUnknown ??= { ...outcome, subject: year };
  }
  if (check.at_least === undefined) {
    if (firstUnmet) return firstUnmet;
    if (missing.length > 0) return notAssessable(missing, listRef);
    if (firstUnknown) return firstUnknown;
    return { status: 'met', measure: { kind: 'count', value: passed, op: '>=', threshold: check.years }, gap: 0, unit: check.unit, ref: listRef };
  }
  const need = check.at_least;
  const measure = { kind: 'count' as const, value: passed, op: '>=' as const, threshold: need };
  if (passed >= need) return { status: 'met', measure, gap: 0, unit: check.unit, ref: listRef };
  const open = missing.length + (firstUnknown ? 1 : 0);
  if (open > 0 && passed + open >= need) return missing.length > 0 ? notAssessable(missing, listRef) : firstUnknown!;
  return { status: 'unmet', measure, gap: need - passed, unit: check.unit, ref: listRef };
}

/** The check where its condition holds; false: not applicable; unknown: not assessable, naming the data. */
export function onlyIfCheck(check: OnlyIf, ctx: EvalContext, run: Run): Outcome {
  const missing: string[] = [];
  const truth = conditionTest(check.condition)(ctx, missing);
  if (truth === false) return { status: 'not_applicable' };
  if (truth === undefined) return notAssessable(missing);
  return run(check.check, ctx);
}
