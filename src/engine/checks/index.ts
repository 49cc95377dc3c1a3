import { conditionTest } from '../conditions.js';
import { dataPath, ListItem, refAt, valueAt, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';
import { countCheck } from './count.js';
import { eachYearCheck, onlyIfCheck } from './each-year.js';
import { flagCheck } from './flag.js';
import { rateCheck } from './rate.js';
import { ratioCheck } from './ratio.js';
import { recordsCheck } from './records.js';
import { selfRatedCheck } from './self-rated.js';
import { consecutiveYearsCheck, yearsSinceCheck } from './years.js';
import { valueCheck } from './value.js';

/**
 * The closed check vocabulary: one named function per check type, no expressions, no eval.
 * Every call returns a new outcome that belongs to the caller (for_each completes its elements' in place).
 */
export function runCheck(check: Check, ctx: EvalContext): Outcome {
  switch (check.type) {
    case 'min_rate':
    case 'max_rate':
      return rateCheck(check, ctx);
    case 'min_value':
    case 'max_value':
      return valueCheck(check, ctx);
    case 'ratio':
      return ratioCheck(check, ctx);
    case 'required_flag':
    case 'value_in':
      return flagCheck(check, ctx);
    case 'required_records':
      return recordsCheck(check, ctx);
    case 'min_count':
      return countCheck(check, ctx);
    case 'all':
    case 'any':
      return combineChecks(check.type, runEach(check.checks, ctx));
    case 'for_each':
      return forEachCheck(check, ctx);
    case 'self_rated':
      return selfRatedCheck(check, ctx);
    case 'consecutive_years':
      return consecutiveYearsCheck(check, ctx);
    case 'years_since':
      return yearsSinceCheck(check, ctx);
    case 'each_year':
      return eachYearCheck(check, ctx, runCheck);
    case 'only_if':
      return onlyIfCheck(check, ctx, runCheck);
  }
}

export const CHECK_TYPES = ['min_rate', 'max_rate', 'min_value', 'max_value', 'ratio', 'required_flag', 'value_in', 'required_records', 'min_count', 'consecutive_years', 'years_since', 'all', 'any', 'for_each', 'each_year', 'only_if', 'self_rated'] as const;

function runEach(checks: Check[], ctx: EvalContext): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const check of checks) outcomes.push(runCheck(check, ctx));
  return outcomes;
}

/** all: the first unmet sub-check speaks for the rule; any: one met sub-check is enough. */
function combineChecks(mode: 'all' | 'any', all: Outcome[]): Outcome {
  // Sub-checks that do not apply take no part; if none applies, neither does the combination.
  // A part the school has not rated yet (self_rated inside an item's check) leaves the whole unrated, unless decided.
  const decisiveStatus = mode === 'all' ? 'unmet' : 'met';
  let first: Outcome | undefined;
  let decisive: Outcome | undefined;
  let notAssessableOne: Outcome | undefined;
  let notRated: Outcome | undefined;
  let remarks: NonNullable<Outcome['remarks']> | undefined;
  for (const outcome of all) {
    if (outcome.status === 'not_applicable') continue;
    first ??= outcome;
    if (outcome.status === decisiveStatus) decisive ??= outcome;
    else if (outcome.status === 'not_assessable') notAssessableOne ??= outcome;
    else if (outcome.status === 'not_rated') notRated ??= outcome;
    if (outcome.remarks?.length) (remarks ??= []).push(...outcome.remarks);
  }
  if (!first) return all[0]!;
  const result = decisive ?? (notAssessableOne ? { ...notAssessableOne, missingData: missingData(all) } : notRated ?? first);
  return remarks ? { ...result, remarks } : result;
}

/** The missing data of every sub-check that applies, in order. */
function missingData(all: Outcome[]): string[] {
  const missing: string[] = [];
  for (const outcome of all) {
    if (outcome.status !== 'not_applicable' && outcome.missingData) missing.push(...outcome.missingData);
  }
  return missing;
}

function forEachCheck(check: Extract<Check, { type: 'for_each' }>, ctx: EvalContext): Outcome {
  const path = dataPath(check.path);
  const list = valueAt(ctx, path);
  const listRef = refAt(ctx, path);
  if (!Array.isArray(list) || list.length === 0) return notAssessable([check.path], listRef);
  const items: Outcome[] = [];
  // One context for the whole list, its item moved along (checks never keep a context).
  const item = new ListItem(listRef);
  const itemCtx: EvalContext = { ...ctx, item };
  const where = check.where && conditionTest(check.where);
  for (let index = 0; index < list.length; index++) {
    const value: unknown = list[index];
    item.value = value;
    item.index = index;
    if (where && where(itemCtx) !== true) continue;
    const outcome = runCheck(check.check, itemCtx);
    outcome.subject = subjectOf(check.label, value, index);
    outcome.ref ??= item.ref;
    items.push(outcome);
  }
  // A filter that matches no element: the rule has nothing to apply to.
  if (items.length === 0) return { status: 'not_applicable', ref: listRef };
  const aggregate = combineChecks('all', items);
  return { ...aggregate, items };
}

/** The element's label field when it is text, else its position (#1, #2…). */
function subjectOf(label: string | undefined, value: unknown, index: number): string {
  const text = label ? (value as Record<string, unknown> | null)?.[label] : undefined;
  return typeof text === 'string' ? text : position(index);
}

const POSITIONS = Array.from({ length: 64 }, (_, index) => `#${index + 1}`);

function position(index: number): string {
  return POSITIONS[index] ?? `#${index + 1}`;
}
