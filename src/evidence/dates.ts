import type { YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, YamlPath } from '../types.js';
import { dateWords, recordLabel, warning, type EvidenceContext, type RecordItem, type SchoolEvidence } from './context.js';
import { requiredRecordTypes, type RecordWindow } from './required-records.js';

/** A date found wrong, with what the message needs. */
interface Dated {
  what: LocalText;
  yaml: YamlFile;
  at: YamlPath;
  date: string;
  validUntil: string | null;
  /** 'ever': an old date is fine (e.g. a decision establishing the professional groups). */
  window: RecordWindow;
}

/** What the records pointing at register codes lend those entries; only the few codes concerned are kept. */
interface Linked {
  /** The latest validity (hieu_luc_den) stated by a record pointing at the code. */
  validUntil: Map<string, string>;
  /** Codes some record taken from any year points at. */
  ever: Set<string>;
}

/**
 * Dates of records (ho_so) and register entries (minh_chung): never after --as-of; inside the school year
 * under review, or before it with a stated validity (hieu_luc_den) reaching into it. A record type some rule
 * accepts from any year, and register entries only such records point to, may be older.
 */
export function checkDates(ctx: EvidenceContext, school: SchoolEvidence, out: Diagnostic[]): void {
  const required = requiredRecordTypes(ctx.pack);
  // A record type no rule asks for (a recognition decision, "khac") is taken from any year.
  const windowOf = (type: string): RecordWindow => required.get(type) ?? 'ever';
  for (const r of school.records) {
    const date = r.value['ngay'];
    if (typeof date !== 'string') continue;
    const validUntil = text(r.value['hieu_luc_den']);
    const window = windowOf(r.type);
    if (isWellDated(ctx, date, validUntil, window)) continue;
    const problem = dateProblem({ what: recordWhat(r), yaml: r.yaml, at: ['ho_so', r.index, 'ngay'], date, validUntil, window }, ctx);
    if (problem) out.push(problem);
  }
  const linked = linkRecords(school.records, windowOf);
  for (const e of school.register) {
    const date = e.value['ngay'];
    if (typeof date !== 'string') continue;
    // The records pointing at this entry lend it their window and their stated validity.
    const validUntil = later(text(e.value['hieu_luc_den']), linked.validUntil.get(e.code) ?? null);
    const window = linked.ever.has(e.code) ? 'ever' : 'school_year';
    if (isWellDated(ctx, date, validUntil, window)) continue;
    const what = { vi: `minh chứng ${e.code}`, en: `evidence ${e.code}` };
    const problem = dateProblem({ what, yaml: e.yaml, at: ['minh_chung', e.index, 'ngay'], date, validUntil, window }, ctx);
    if (problem) out.push(problem);
  }
}

function linkRecords(records: RecordItem[], windowOf: (type: string) => RecordWindow): Linked {
  const linked: Linked = { validUntil: new Map(), ever: new Set() };
  for (const r of records) {
    if (r.code === null) continue;
    const validUntil = later(linked.validUntil.get(r.code) ?? null, text(r.value['hieu_luc_den']));
    if (validUntil !== null) linked.validUntil.set(r.code, validUntil);
    if (windowOf(r.type) === 'ever') linked.ever.add(r.code);
  }
  return linked;
}

function recordWhat(r: RecordItem): LocalText {
  const label = recordLabel(r);
  const code = r.code ? ` (${r.code})` : '';
  return { vi: `hồ sơ ${label}${code}`, en: `record ${label}${code}` };
}

/** The usual case, decided before any text is built. */
function isWellDated(ctx: EvidenceContext, date: string, validUntil: string | null, window: RecordWindow): boolean {
  const year = ctx.schoolYear;
  return date <= ctx.asOf && (!year || (date <= year.end && (window === 'ever' || date >= year.start || (validUntil !== null && validUntil >= year.start))));
}

function dateProblem(d: Dated, ctx: EvidenceContext): Diagnostic | null {
  const year = ctx.schoolYear;
  const date = dateWords(d.date);
  const what = d.what;
  if (d.date > ctx.asOf) {
    const asOf = dateWords(ctx.asOf);
    return warning('future-date', d.yaml, d.at, {
      vi: `ngày ${date.vi} của ${what.vi} ở sau ngày kiểm tra ${asOf.vi}; văn bản chưa ban hành thì chưa là minh chứng: kiểm tra lại ngày`,
      en: `the date ${date.en} of ${what.en} is after the check date ${asOf.en}; a document not yet issued is no evidence: check the date`,
    });
  }
  if (!year) return null;
  if (d.date > year.end) {
    return warning('outside-school-year', d.yaml, d.at, {
      vi: `ngày ${date.vi} của ${what.vi} ở sau năm học ${ctx.namHoc} (kết thúc ${dateWords(year.end).vi}); văn bản thuộc năm học sau`,
      en: `the date ${date.en} of ${what.en} is after school year ${ctx.namHoc} (ends ${year.end}); it belongs to a later year`,
    });
  }
  if (d.window === 'ever' || d.date >= year.start || (d.validUntil !== null && d.validUntil >= year.start)) return null;
  const expired = d.validUntil !== null ? { vi: `, hết hiệu lực ngày ${dateWords(d.validUntil).vi}`, en: `, valid until ${d.validUntil}` } : { vi: '', en: '' };
  return warning('stale', d.yaml, d.at, {
    vi: `${what.vi} ngày ${date.vi}${expired.vi} có trước năm học ${ctx.namHoc} (bắt đầu ${dateWords(year.start).vi}); cập nhật văn bản của năm học này, hoặc ghi hieu_luc_den nếu văn bản vẫn còn giá trị`,
    en: `${what.en} dated ${date.en}${expired.en} predates school year ${ctx.namHoc} (starts ${year.start}); use this year's document, or state hieu_luc_den if it is still in force`,
  });
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The later of two ISO dates (compared as strings, as a sort would), either possibly absent. */
const later = (a: string | null, b: string | null): string | null => (a === null || (b !== null && b > a) ? b : a);
