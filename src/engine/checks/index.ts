import { evaluateCondition } from '../conditions.js';
import { resolve, type EvalContext } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';
import { countCheck } from './count.js';
import { flagCheck } from './flag.js';
import { rateCheck } from './rate.js';
import { ratioCheck } from './ratio.js';
import { recordsCheck } from './records.js';
import { valueCheck } from './value.js';

/** The closed check vocabulary: one named function per check type, no expressions, no eval. */
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
      return combineChecks(check.type, check.checks.map((c) => runCheck(c, ctx)));
    case 'for_each':
      return forEachCheck(check, ctx);
  }
}

export const CHECK_TYPES = ['min_rate', 'max_rate', 'min_value', 'max_value', 'ratio', 'required_flag', 'value_in', 'required_records', 'min_count', 'all', 'any', 'for_each'] as const;

/** all: the first unmet sub-check speaks for the rule; any: one met sub-check is enough. */
function combineChecks(mode: 'all' | 'any', all: Outcome[]): Outcome {
  // Sub-checks that do not apply take no part; if none applies, neither does the combination.
  const outcomes = all.filter((o) => o.status !== 'not_applicable');
  if (outcomes.length === 0) return all[0]!;
  const remarks = outcomes.flatMap((o) => o.remarks ?? []);
  const withRemarks = (o: Outcome): Outcome => (remarks.length > 0 ? { ...o, remarks } : o);
  const first = (status: Outcome['status']) => outcomes.find((o) => o.status === status);
  const missing = outcomes.flatMap((o) => o.missingData ?? []);
  if (mode === 'all') {
    const unmet = first('unmet');
    if (unmet) return withRemarks(unmet);
    if (first('not_assessable')) return withRemarks({ ...first('not_assessable')!, missingData: missing });
    return withRemarks(outcomes[0]!);
  }
  const met = first('met');
  if (met) return withRemarks(met);
  if (first('not_assessable')) return withRemarks({ ...first('not_assessable')!, missingData: missing });
  return withRemarks(outcomes[0]!);
}

function forEachCheck(check: Extract<Check, { type: 'for_each' }>, ctx: EvalContext): Outcome {
  const list = resolve(ctx, check.path);
  if (!Array.isArray(list.value) || list.value.length === 0) return notAssessable([check.path], list.ref);
  const items: Outcome[] = [];
  // One context for the whole list, its item replaced for each element (checks never keep a context).
  const itemCtx: EvalContext = { ...ctx };
  const missing: string[] = [];
  list.value.forEach((value, index) => {
    itemCtx.item = { value, ref: { root: list.ref.root, path: [...list.ref.path, index] } };
    missing.length = 0;
    if (check.where && evaluateCondition(check.where, itemCtx, missing) !== true) return;
    const outcome = runCheck(check.check, itemCtx);
    const label = check.label ? (value as Record<string, unknown> | null)?.[check.label] : undefined;
    items.push({ ...outcome, subject: typeof label === 'string' ? label : `#${index + 1}`, ref: outcome.ref ?? itemCtx.item!.ref });
  });
  // A filter that matches no element: the rule has nothing to apply to.
  if (items.length === 0) return { status: 'not_applicable', ref: list.ref };
  const aggregate = combineChecks('all', items);
  return { ...aggregate, items };
}
