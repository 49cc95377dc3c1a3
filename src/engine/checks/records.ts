import { inRange, sharedRef, type EvalContext, type RecordEntry, type SchoolYear } from '../context.js';
import { notAssessable, type Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type RecordsCheck = Extract<Check, { type: 'required_records' }>;
type Within = 'school_year' | 'valid' | 'ever';

const DOCUMENTS = { vi: 'văn bản', en: 'documents' };
const SCHOOL_YEAR_REF = sharedRef('truong', ['nam_hoc']);

/** Records (decisions, plans, minutes, registers) of the required types, dated for the school year under review. */
export function recordsCheck(check: RecordsCheck, ctx: EvalContext): Outcome {
  if (ctx.records.length === 0) return notAssessable(['ho_so'], ctx.home);
  if (!ctx.schoolYear) return notAssessable(['truong.nam_hoc'], SCHOOL_YEAR_REF);
  const year = ctx.schoolYear;
  const within = check.within ?? 'school_year';
  const need = check.min_each ?? 1;
  const conclusionNeeded = check.with_conclusion ?? false;
  const deadline = check.by ? `${year.end.slice(0, 4)}-${check.by}` : undefined;
  const missing: string[] = [];
  let gap = 0;
  let found: RecordEntry | undefined;
  for (const type of check.records) {
    let count = 0;
    let first: RecordEntry | undefined;
    for (const record of ctx.records) {
      if (record.type === type && counts(record, within, year) && (!conclusionNeeded || record.conclusion) && (!deadline || record.date! <= deadline)) {
        count++;
        first ??= record;
      }
    }
    if (count < need) {
      missing.push(type);
      gap += need - count;
    } else {
      found ??= first;
    }
  }
  const ref = missing.length > 0 ? ctx.home : found?.ref;
  const outcome: Outcome = {
    status: missing.length === 0 ? 'met' : 'unmet',
    measure: { kind: 'records', required: check.records, missing },
    gap,
    unit: DOCUMENTS,
  };
  if (ref) outcome.ref = ref;
  return outcome;
}

function counts(record: RecordEntry, within: Within, year: SchoolYear): boolean {
  if (record.date === null || record.date > year.end) return false;
  if (within === 'ever') return true;
  if (inRange(record.date, year)) return true;
  return within === 'valid' && record.validUntil !== null && record.validUntil >= year.start;
}
