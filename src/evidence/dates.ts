import type { YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, YamlPath } from '../types.js';
import { dateWords, recordItems, registerEntries, warning, type EvidenceContext } from './context.js';
import { requiredRecordTypes, type RecordWindow } from './required-records.js';

interface Dated {
  /** How the message names it; built only for a date that is wrong. */
  what: () => LocalText;
  yaml: YamlFile;
  at: YamlPath;
  date: string;
  validUntil: string | null;
  /** 'ever': an old date is fine (e.g. a decision establishing the professional groups). */
  window: RecordWindow;
}

/**
 * Dates of records (ho_so) and register entries (minh_chung): never after --as-of; inside the school year
 * under review, or before it with a stated validity (hieu_luc_den) reaching into it. A record type some rule
 * accepts from any year, and register entries only such records point to, may be older.
 */
export function checkDates(ctx: EvidenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const required = requiredRecordTypes(ctx.pack);
  const records = recordItems(ctx);
  // A record type no rule asks for (a recognition decision, "khac") is taken from any year.
  const windowOf = (type: string): RecordWindow => required.get(type) ?? 'ever';
  const dated: Dated[] = [];
  for (const r of records) {
    if (typeof r.value['ngay'] !== 'string') continue;
    const code = r.code ? ` (${r.code})` : '';
    dated.push({ what: () => ({ vi: `hồ sơ ${r.label}${code}`, en: `record ${r.label}${code}` }), yaml: r.yaml, at: ['ho_so', r.index, 'ngay'], date: r.value['ngay'], validUntil: text(r.value['hieu_luc_den']), window: windowOf(r.type) });
  }
  const byCode = new Map<string | null, typeof records>();
  for (const r of records) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  for (const e of registerEntries(ctx)) {
    if (typeof e.value['ngay'] !== 'string') continue;
    // The records pointing at this entry lend it their window and their stated validity.
    const linked = byCode.get(e.code) ?? [];
    const validUntil = [text(e.value['hieu_luc_den']), ...linked.map((r) => text(r.value['hieu_luc_den']))].filter((v): v is string => v !== null).sort().at(-1) ?? null;
    const window = linked.some((r) => windowOf(r.type) === 'ever') ? 'ever' : 'school_year';
    dated.push({ what: () => ({ vi: `minh chứng ${e.code}`, en: `evidence ${e.code}` }), yaml: e.yaml, at: ['minh_chung', e.index, 'ngay'], date: e.value['ngay'], validUntil, window });
  }
  for (const d of dated) {
    const problem = dateProblem(d, ctx);
    if (problem) out.push(problem);
  }
  return out;
}

function dateProblem(d: Dated, ctx: EvidenceContext): Diagnostic | null {
  const year = ctx.schoolYear;
  // The usual case, decided before any text is built.
  if (d.date <= ctx.asOf && (!year || (d.date <= year.end && (d.window === 'ever' || d.date >= year.start || (d.validUntil !== null && d.validUntil >= year.start))))) return null;
  const date = dateWords(d.date);
  const what = d.what();
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
