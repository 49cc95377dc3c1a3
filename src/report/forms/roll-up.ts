// The office roll-up (TONG-HOP): the schools grouped by the regime (rule pack) they were checked under,
// one row per school; schools × standards for rule-cumulative packs and schools × criteria for criterion
// packs; who is due for re-recognition or a mid-cycle check.
import type { RulePack } from '../../engine/rule-types.js';
import type { SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { criterionLevelName, partName } from '../criteria-lines.js';
import { code, type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { standardSummaries, viewOf, type SchoolView } from '../summary.js';
import { criterionModel } from './criterion-parts.js';
import { dayMonthYear, displayPath, documentDate, levelName, schoolTypeName } from '../text.js';
import { NATION } from './parts.js';

/** `links` (one file name per school) turns each school's name into a link to its own report. */
export function rollUpDocument(results: SchoolResult[], ctx: FormatContext, links?: string[]): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const views = results.map((r) => (r.outcome === 'invalid' ? null : viewOf(r, findPack(ctx.ruleSet, r.packId))));
  const name = (i: number, linked = false): Inline[] => [linked && links?.[i] ? { text: results[i]!.profile.name, link: links[i] } : results[i]!.profile.name];
  const groups = regimeGroups(results, ctx);
  let unmetTotal = 0;
  let dueTotal = 0;
  const body: Block[] = [
    { kind: 'paragraph', text: [{ text: vi ? 'Ngày kiểm tra:' : 'Checked on:', bold: true }, ` ${dayMonthYear(ctx.asOf)}`] },
    { kind: 'heading', level: 1, text: [vi ? 'I. KẾT QUẢ TỪNG TRƯỜNG' : 'I. RESULTS BY SCHOOL'] },
  ];
  for (const g of groups) {
    body.push({ kind: 'heading', level: 2, text: groupTitle(g.pack, ctx) });
    body.push({
      kind: 'table',
      head: vi ? ['Trường', 'Thư mục', 'Cấp học', 'Mức đích', 'Mức đạt', 'Chỉ số chưa đạt', 'Công nhận lại', 'Lỗi dữ liệu'] : ['School', 'Folder', 'Type', 'Target', 'Reached', 'Unmet', 'Re-recognition due', 'Input errors'],
      rows: g.schools.map((i): Inline[][] => {
        const r = results[i]!;
        const gaps = views[i]?.gaps.length ?? null;
        unmetTotal += gaps ?? 0;
        const due = dueText(r, lang);
        if (due) dueTotal += 1;
        const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
        return [name(i, true), [displayPath(r.dir, ctx.cwd)], [schoolTypeName(r.profile.schoolType, lang)], [levelName(g.pack, r.profile.target, lang)], [r.outcome === 'invalid' ? '—' : levelName(g.pack, r.reached, lang)], [gaps === null ? '—' : String(gaps)], [due], [String(errors)]];
      }),
      widths: [19, 15, 10, 12, 12, 8, 16, 8],
    });
  }
  const reached = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  const notReached = results.length - reached - invalid;
  body.push({
    kind: 'paragraph',
    text: [{ text: vi ? 'Tổng:' : 'Totals:', bold: true }, vi
      ? ` ${results.length} trường; ${reached} đạt mức đích; ${notReached} chưa đạt mức đích; ${invalid} dữ liệu lỗi; ${unmetTotal} chỉ số chưa đạt; ${dueTotal} trường cần công nhận lại hoặc kiểm tra giữa chu kỳ.`
      : ` ${results.length} schools; ${reached} reached target; ${notReached} below target; ${invalid} invalid input; ${unmetTotal} unmet indicators; ${dueTotal} due for re-recognition or a mid-cycle check.`],
  }, ...duplicateCodeNote(results, ctx));
  body.push({ kind: 'heading', level: 1, text: [vi ? 'II. KẾT QUẢ THEO TIÊU CHUẨN, TIÊU CHÍ' : 'II. RESULTS BY STANDARD AND CRITERION'] });
  for (const g of groups.filter((x) => x.pack)) {
    const pack = g.pack!;
    body.push({ kind: 'heading', level: 2, text: groupTitle(pack, ctx) });
    body.push(...(criterionModel(pack) ? criterionMatrix(g.schools, results, pack, name, ctx) : standardMatrix(g.schools, results, views, pack, name, ctx)));
  }
  body.push({ kind: 'heading', level: 1, text: [vi ? 'III. TRƯỜNG CẦN CÔNG NHẬN LẠI HOẶC KIỂM TRA GIỮA CHU KỲ' : 'III. DUE FOR RE-RECOGNITION OR A MID-CYCLE CHECK'] });
  const due = results.map((r, i) => ({ r, i, due: dueText(r, lang) })).filter((x) => x.due !== '');
  body.push(due.length === 0
    ? { kind: 'paragraph', text: [vi ? 'Không có trường nào đến hạn.' : 'No school is due.'] }
    : { kind: 'table', head: vi ? ['Trường', 'Công nhận gần nhất', 'Việc cần làm'] : ['School', 'Last recognition', 'Due'], rows: due.map(({ r, i, due: d }) => [name(i), [lastRecognition(r, lang)], [d]]), widths: [35, 35, 30] });
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

/** The schools by the pack they were checked under, in the rule set's order; schools no pack was chosen for last. */
function regimeGroups(results: SchoolResult[], ctx: FormatContext): { pack: RulePack | undefined; schools: number[] }[] {
  const groups = ctx.ruleSet.packs.map((pack) => ({ pack: pack as RulePack | undefined, schools: results.flatMap((r, i) => (r.packId === pack.id ? [i] : [])) }));
  groups.push({ pack: undefined, schools: results.flatMap((r, i) => (findPack(ctx.ruleSet, r.packId) ? [] : [i])) });
  return groups.filter((g) => g.schools.length > 0);
}

/** "Thông tư 59/2012/TT-BGDĐT — Tiểu học" and the pack's id in small print. */
function groupTitle(pack: RulePack | undefined, ctx: FormatContext): Inline[] {
  const vi = ctx.lang === 'vi';
  if (!pack) return [vi ? 'Không xác định được thông tư (dữ liệu lỗi)' : 'No circular could be chosen (invalid input)'];
  return [`${vi ? 'Thông tư' : 'Circular'} ${pack.circular} — ${pack.schoolTypes.map((t) => schoolTypeName(t, ctx.lang)).join(', ')} `, code(pack.id)];
}

type SchoolName = (i: number, linked?: boolean) => Inline[];

/** Schools × standards: criteria met / assessed in each standard, up to the school's target level. */
function standardMatrix(schools: number[], results: SchoolResult[], views: (SchoolView | null)[], pack: RulePack, name: SchoolName, ctx: FormatContext): Block[] {
  const vi = ctx.lang === 'vi';
  const numbers = pack.standardNumbers;
  return [
    {
      kind: 'table',
      head: [vi ? 'Trường' : 'School', ...numbers.map((n) => `${vi ? 'TC' : 'S'}${n}`), vi ? 'Mức đạt' : 'Reached'],
      rows: schools.map((i) => {
        const view = views[i];
        const cells = view ? standardSummaries(view, numbers).map((s): Inline[] => [`${s.met}/${s.criteria.length}`]) : numbers.map((): Inline[] => ['—']);
        return [name(i), ...cells, [views[i] ? levelName(pack, results[i]!.reached, ctx.lang) : '—']];
      }),
      widths: [30, ...numbers.map(() => 50 / numbers.length), 20],
    },
    { kind: 'paragraph', text: [vi ? 'Mỗi ô: số tiêu chí đạt / số tiêu chí được đánh giá của tiêu chuẩn, đến mức đích của trường.' : 'Each cell: criteria met / criteria assessed in the standard, up to the school’s target level.'], note: true },
  ];
}

/** Schools (each part of a multi-level school) × criteria: each criterion's level, by the pack's level codes. */
function criterionMatrix(schools: number[], results: SchoolResult[], pack: RulePack, name: SchoolName, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const model = criterionModel(pack)!;
  const codeOf = (level: string | null): string => (level === null ? '✖' : (model.criterionLevels.find((l) => l.id === level)?.code ?? level));
  const rows: Inline[][][] = [];
  for (const i of schools) {
    const r = results[i]!;
    const parts = r.criteria ? [...new Set(r.criteria.map((c) => c.part))] : [undefined];
    for (const part of parts) {
      const levels = new Map((r.criteria ?? []).filter((c) => c.part === part).map((c) => [c.criterion, c.level]));
      rows.push([
        [...name(i), ...(part ? [` (${partName(part, lang)})`] : [])],
        ...pack.criteria.map((c): Inline[] => [levels.has(c.id) ? codeOf(levels.get(c.id)!) : '—']),
        [r.outcome === 'invalid' ? '—' : levelName(pack, r.reached, lang)],
      ]);
    }
  }
  const legend = model.criterionLevels.map((l) => `${l.code}: ${tr(l.name, lang)}`).join('; ');
  return [
    {
      kind: 'table',
      head: [vi ? 'Trường' : 'School', ...pack.criteria.map((c) => `${c.id}${c.mandatory ? '★' : ''}`), vi ? 'Mức đạt' : 'Reached'],
      rows,
      widths: [22, ...pack.criteria.map(() => 64 / pack.criteria.length), 14],
    },
    { kind: 'paragraph', note: true, text: [vi
      ? `Mỗi ô: mức đạt của tiêu chí (${legend}; ✖: ${criterionLevelName(pack, null, lang)}; —: không đánh giá). ★: tiêu chí bắt buộc.`
      : `Each cell: the criterion's level (${legend}; ✖: ${criterionLevelName(pack, null, lang)}; —: not assessed). ★: mandatory criterion.`] },
  ];
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
