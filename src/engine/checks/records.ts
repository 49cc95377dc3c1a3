import { inRange, type EvalContext, type RecordEntry, type SchoolYear } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type RecordsCheck = Extract<Check, { type: 'required_records' }>;

const DOCUMENTS = { vi: 'văn bản', en: 'documents' };

/** Records (decisions, plans, minutes, registers) of the required types, dated for the school year under review. */
export function recordsCheck(check: RecordsCheck, ctx: EvalContext): Outcome {
  if (ctx.records.length === 0) return notAssessable(['ho_so'], ctx.home);
  if (!ctx.schoolYear) return notAssessable(['truong.nam_hoc'], { root: 'truong', path: ['nam_hoc'] });
  const year = ctx.schoolYear;
  const within = check.within ?? 'school_year';
  const need = check.min_each ?? 1;
  const missing: string[] = [];
  let gap = 0;
  let found: RecordEntry | undefined;
  for (const type of check.records) {
    const matches = ctx.records.filter((r) => r.type === type && counts(r, within, year) && (!check.with_conclusion || r.conclusion));
    if (matches.length < need) {
      missing.push(type);
      gap += need - matches.length;
    } else {
      found ??= matches[0];
    }
  }
  const ref = missing.length > 0 ? ctx.home : found?.ref;
  return {
    status: missing.length === 0 ? 'met' : 'unmet',
    measure: { kind: 'records', required: check.records, missing },
    gap,
    unit: DOCUMENTS,
    ...(ref ? { ref } : {}),
  };
}

function counts(record: RecordEntry, within: 'school_year' | 'valid' | 'ever', year: SchoolYear): boolean {
  if (record.date === null || record.date > year.end) return false;
  if (within === 'ever') return true;
  if (inRange(record.date, year)) return true;
  return within === 'valid' && record.validUntil !== null && record.validUntil >= year.start;
}
