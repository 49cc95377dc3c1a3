// The office roll-up (TONG-HOP): one row per school, schools × standards, and who is due for
// re-recognition or a mid-cycle check.
import type { SchoolResult } from '../../types.js';
import { findPack, type FormatContext } from '../context.js';
import { type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { standardSummaries, viewOf } from '../summary.js';
import { dayMonthYear, displayPath, documentDate, levelName, schoolTypeName } from '../text.js';
import { NATION } from './parts.js';

/** `links` (one file name per school) turns each school's name into a link to its own report. */
export function rollUpDocument(results: SchoolResult[], ctx: FormatContext, links?: string[]): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  // The standards' numbers of every pack in the batch (five in most; a regime may have another count).
  const numbers = [...new Set(results.flatMap((r) => findPack(ctx.ruleSet, r.packId)?.standardNumbers ?? [1, 2, 3, 4, 5]))].sort((a, b) => a - b);
  const views = results.map((r) => (r.outcome === 'invalid' ? null : viewOf(r, findPack(ctx.ruleSet, r.packId))));
  const name = (r: SchoolResult, i: number, linked = false): Inline[] => [linked && links?.[i] ? { text: r.profile.name, link: links[i] } : r.profile.name];
  let unmetTotal = 0;
  let dueTotal = 0;
  const rows = results.map((r, i): Inline[][] => {
    const pack = findPack(ctx.ruleSet, r.packId);
    const gaps = views[i]?.gaps.length ?? null;
    unmetTotal += gaps ?? 0;
    const due = dueText(r, lang);
    if (due) dueTotal += 1;
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    return [name(r, i, true), [displayPath(r.dir, ctx.cwd)], [schoolTypeName(r.profile.schoolType, lang)], [levelName(pack, r.profile.target, lang)], [r.outcome === 'invalid' ? '—' : levelName(pack, r.reached, lang)], [gaps === null ? '—' : String(gaps)], [due], [String(errors)]];
  });
  const reached = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  const notReached = results.length - reached - invalid;
  const body: Block[] = [
    { kind: 'paragraph', text: [{ text: vi ? 'Ngày kiểm tra:' : 'Checked on:', bold: true }, ` ${dayMonthYear(ctx.asOf)}`] },
    { kind: 'heading', level: 1, text: [vi ? 'I. KẾT QUẢ TỪNG TRƯỜNG' : 'I. RESULTS BY SCHOOL'] },
    {
      kind: 'table',
      head: vi ? ['Trường', 'Thư mục', 'Cấp học', 'Mức đích', 'Mức đạt', 'Chỉ số chưa đạt', 'Công nhận lại', 'Lỗi dữ liệu'] : ['School', 'Folder', 'Type', 'Target', 'Reached', 'Unmet', 'Re-recognition due', 'Input errors'],
      rows,
      widths: [19, 15, 10, 12, 12, 8, 16, 8],
    },
    {
      kind: 'paragraph',
      text: [{ text: vi ? 'Tổng:' : 'Totals:', bold: true }, vi
        ? ` ${results.length} trường; ${reached} đạt mức đích; ${notReached} chưa đạt mức đích; ${invalid} dữ liệu lỗi; ${unmetTotal} chỉ số chưa đạt; ${dueTotal} trường cần công nhận lại hoặc kiểm tra giữa chu kỳ.`
        : ` ${results.length} schools; ${reached} reached target; ${notReached} below target; ${invalid} invalid input; ${unmetTotal} unmet indicators; ${dueTotal} due for re-recognition or a mid-cycle check.`],
    },
    ...duplicateCodeNote(results, ctx),
    { kind: 'heading', level: 1, text: [vi ? 'II. TIÊU CHÍ ĐẠT THEO TIÊU CHUẨN' : 'II. CRITERIA MET BY STANDARD'] },
    {
      kind: 'table',
      head: [vi ? 'Trường' : 'School', ...numbers.map((n) => `${vi ? 'TC' : 'S'}${n}`), vi ? 'Mức đạt' : 'Reached'],
      rows: results.map((r, i) => {
        const view = views[i];
        const own = findPack(ctx.ruleSet, r.packId)?.standardNumbers ?? [1, 2, 3, 4, 5];
        const cells = view ? standardSummaries(view, numbers).map((s): Inline[] => [own.includes(s.standard) ? `${s.met}/${s.criteria.length}` : '—']) : numbers.map((): Inline[] => ['—']);
        return [name(r, i), ...cells, [r.outcome === 'invalid' ? '—' : levelName(findPack(ctx.ruleSet, r.packId), r.reached, lang)]];
      }),
      widths: [30, ...numbers.map(() => 50 / numbers.length), 20],
    },
    { kind: 'paragraph', text: [vi ? 'Mỗi ô: số tiêu chí đạt / số tiêu chí được đánh giá của tiêu chuẩn, đến mức đích của trường.' : 'Each cell: criteria met / criteria assessed in the standard, up to the school’s target level.'], note: true },
    { kind: 'heading', level: 1, text: [vi ? 'III. TRƯỜNG CẦN CÔNG NHẬN LẠI HOẶC KIỂM TRA GIỮA CHU KỲ' : 'III. DUE FOR RE-RECOGNITION OR A MID-CYCLE CHECK'] },
  ];
  const due = results.map((r, i) => ({ r, i, due: dueText(r, lang) })).filter((x) => x.due !== '');
  body.push(due.length === 0
    ? { kind: 'paragraph', text: [vi ? 'Không có trường nào đến hạn.' : 'No school is due.'] }
    : { kind: 'table', head: vi ? ['Trường', 'Công nhận gần nhất', 'Việc cần làm'] : ['School', 'Last recognition', 'Due'], rows: due.map(({ r, i, due: d }) => [name(r, i), [lastRecognition(r, lang)], [d]]), widths: [35, 35, 30] });
  return {
    heading: vi ? 'Tổng hợp kết quả tự kiểm tra' : 'Self-review summary',
    letterhead: ctx.config.header ? { parent: null, issuer: ctx.config.header.toLocaleUpperCase('vi'), number: null, placeDate: documentDate(ctx.asOf, lang) } : null,
    nation: ctx.config.header ? NATION[lang] : null,
    title: vi ? 'BẢNG TỔNG HỢP' : 'SUMMARY TABLE',
    subject: vi ? 'Kết quả tự kiểm tra trường đạt chuẩn quốc gia của các trường' : 'Self-review results of the schools',
    to: ctx.config.office ? { label: vi ? 'Kính gửi' : 'To', name: ctx.config.office } : null,
    body,
    closing: null,
    notes: [[`${vi ? 'Bảng tạo bởi chuan' : 'Table generated by chuan'} ${ctx.toolVersion}.`]],
    landscape: true,
  };
}

/** Codes two or more folders share for one school year (batch/duplicate-codes.ts): the totals may count a school twice. */
function duplicateCodeNote(results: SchoolResult[], ctx: FormatContext): Block[] {
  const vi = ctx.lang === 'vi';
  const byCode = new Map<string, string[]>();
  for (const r of results) {
    if (!r.profile.code || !r.diagnostics.some((d) => d.code === 'batch/duplicate-code')) continue;
    byCode.set(r.profile.code, [...(byCode.get(r.profile.code) ?? []), displayPath(r.dir, ctx.cwd)]);
  }
  if (byCode.size === 0) return [];
  const list = [...byCode].map(([code, dirs]) => `${code} (${dirs.join(', ')})`).join('; ');
  return [{
    kind: 'paragraph',
    text: [{ text: vi ? 'Mã trường trùng nhau:' : 'Shared school codes:', bold: true }, vi
      ? ` ${list}: nhiều thư mục ghi cùng một mã trường cho cùng năm học, tổng trên có thể tính một trường hai lần; sửa mã của thư mục sao chép nhầm.`
      : ` ${list}: several folders give the same school code for the same school year, so the totals may count a school twice; correct the folder copied by mistake.`],
  }];
}

function lastRecognition(r: SchoolResult, lang: FormatContext['lang']): string {
  const rec = r.recognition;
  if (!rec || rec.state === 'none') return '—';
  return `${rec.decision ?? ''}${rec.decision ? ', ' : ''}${dayMonthYear(rec.signedOn)}`;
}

/** "đã hết hạn từ 12/03/2026" / "đến hạn 12/03/2027", plus a mid-cycle check that is due or overdue; '' when nothing is due. */
export function dueText(r: SchoolResult, lang: FormatContext['lang']): string {
  const rec = r.recognition;
  if (!rec) return '';
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (rec.state === 'expired') parts.push(`${vi ? 'đã hết hạn từ' : 'expired since'} ${dayMonthYear(rec.expiresOn)}`);
  if (rec.state === 'due_soon') parts.push(`${vi ? 'đến hạn' : 'due'} ${dayMonthYear(rec.expiresOn)}`);
  if (rec.midCycle?.state === 'overdue') parts.push(`${vi ? 'kiểm tra giữa chu kỳ đã quá hạn từ' : 'mid-cycle check overdue since'} ${dayMonthYear(rec.midCycle.dueOn)}`);
  if (rec.midCycle?.state === 'due_soon') parts.push(`${vi ? 'kiểm tra giữa chu kỳ' : 'mid-cycle check'} ${dayMonthYear(rec.midCycle.dueOn)}`);
  return parts.join('; ');
}
