// The self-assessment report of criterion regimes (form `tu-danh-gia`; Biểu 1 of 57/2026, the 2018
// packs' report "in the same way"): overview and council; per standard and criterion the items with the
// school's rating and evidence codes, the indicators over three school years, the current state, strengths
// and weaknesses, the improvement plan and the level; the conclusion with the summary tables, the level,
// the shortest path to the next one and the procedure; the evidence catalogue. Everything regime-specific
// comes from the pack (criteria, levels, the form's name and reference, where strengths are written).
import type { ReportFormSpec, RulePack } from '../../engine/rule-types.js';
import type { CriterionStatement, FiledRecord, SchoolResult } from '../../types.js';
import { findPack, findRule, tr, type FormatContext } from '../context.js';
import { criterionHeader, criterionRows, nationalStandardLines, partName, requirementLines } from '../criteria-lines.js';
import { bold, code, italic, type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { recognitionLines } from '../formatters/recognition-lines.js';
import { viewOf, type SchoolView } from '../summary.js';
import { dayMonthYear, recordName, words } from '../text.js';
import { criterionEntries, criterionModel, criterionTitle, indicatorTable, itemLabel, itemTable, levelCountTable, levelText, notRatedBlock, openItems, pathBlocks, type CriterionEntry } from './criterion-parts.js';
import { briefLine, diagnosticLine, factsTable, formBody, indicatorBlocks, NATION, otherBlocks, packLine, schoolClosing, schoolLetterhead, standardTitle } from './parts.js';
import { progressBlocks } from './progress.js';

export function selfAssessmentDocument(result: SchoolResult, ctx: FormatContext, spec: ReportFormSpec): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const { pack, year, body, section, circular } = formBody(result, ctx, { vi: 'Phần', en: 'Part' });
  const sub = (n: number, vi: string, en: string) => body.push({ kind: 'heading', level: 2, text: [`${n}. ${lang === 'vi' ? vi : en}`] });
  const form = spec.name ? ` (${tr(spec.name, lang)}${spec.reference ? `, ${spec.reference}` : ''})` : '';
  body.push({
    kind: 'paragraph',
    text: [vi
      ? `Thực hiện ${circular}, ${result.profile.name} tự đánh giá${year ? ` năm học ${year}` : ''} và báo cáo kết quả theo mẫu báo cáo tự đánh giá${form} như sau:`
      : `Under ${circular}, ${result.profile.name} has assessed itself${year ? ` for school year ${year}` : ''} and reports in the self-assessment form${form}:`],
  });
  const invalid = result.outcome === 'invalid' || !pack || !criterionModel(pack) || !result.criteria;
  const view = invalid ? null : viewOf(result, pack);

  section('TỔNG QUAN', 'OVERVIEW');
  sub(1, 'Thông tin chung', 'Facts');
  body.push(factsTable(result, pack, ctx), { kind: 'list', items: recognitionLines(result, pack, lang).map((l) => [l]) });
  if (view) body.push({ kind: 'paragraph', text: packLine(pack, view, ctx), note: true });
  sub(2, 'Hội đồng tự đánh giá', 'Self-assessment council');
  body.push(...councilBlocks(result, spec, ctx));

  if (!view || !pack) {
    section('LỖI DỮ LIỆU ĐẦU VÀO', 'INPUT ERRORS');
    body.push({ kind: 'list', items: result.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticLine(d, result, ctx)) });
    return documentOf(result, ctx, spec, body);
  }
  const entries = criterionEntries(result, pack, ctx);

  section('TỰ ĐÁNH GIÁ', 'SELF-ASSESSMENT');
  for (const standard of pack.standardNumbers) {
    const inStandard = entries.filter((e) => e.criterion.standard === standard);
    if (inStandard.length === 0) continue;
    body.push({ kind: 'heading', level: 2, text: [standardTitle(pack, standard, lang)] });
    for (const e of inStandard) body.push(...criterionBlocks(e, pack, spec, ctx));
    if (spec.strengths !== 'per_criterion') body.push(...standardAssessment(standard, inStandard, ctx));
  }

  section('KẾT LUẬN', 'CONCLUSION');
  sub(1, 'Bảng tổng hợp kết quả đánh giá tiêu chí', 'Criterion results');
  body.push({ kind: 'table', head: criterionHeader(pack, lang), rows: criterionRows(result, pack, lang).map((row) => row.map((cell) => [cell])), widths: [12, 46, 16, 16, 10] });
  sub(2, 'Bảng tổng hợp chung', 'Summary');
  body.push(levelCountTable(entries, pack, lang), { kind: 'list', items: requirementLines(result, pack, lang).map((l) => [l]) });
  sub(3, 'Mức đạt của nhà trường', 'Level of the school');
  body.push(...pathBlocks(result, pack, ctx));
  const national = nationalStandardLines(result, pack, lang);
  if (national.length > 0) body.push({ kind: 'paragraph', text: [national[0]!] });
  if (national.length > 1) body.push({ kind: 'list', items: national.slice(1).map((l) => [l]) });
  if (view.notRated.length > 0) body.push(notRatedBlock(view.notRated, lang));
  body.push(...progressBlocks(result, ctx));
  sub(4, 'Thủ tục tự đánh giá và điều kiện công nhận', 'Procedure and recognition conditions');
  body.push(...procedureBlocks(result, view, ctx));
  if (view.advisories.length > 0) {
    sub(5, 'Khuyến nghị', 'Advisories');
    body.push({ kind: 'paragraph', text: [italic(vi ? 'Các nội dung sau không tính vào mức đạt; nên rà soát trước khi phê duyệt báo cáo.' : 'These do not count towards the level; worth reviewing before the report is approved.')] });
    for (const f of view.advisories) body.push(...indicatorBlocks(f, result, ctx, 3, false));
  }
  body.push(...otherBlocks(result, view, ctx, false));

  section('PHỤ LỤC', 'ANNEX');
  sub(1, 'Danh mục minh chứng', 'Evidence catalogue');
  body.push(evidenceCatalogue(result, lang));
  const records = result.filing?.records ?? [];
  if (records.length > 0) {
    sub(2, 'Hồ sơ, văn bản kèm theo', 'Records attached');
    body.push({ kind: 'list', items: records.map((r) => recordLine(r, ctx)) });
  }
  return documentOf(result, ctx, spec, body);
}

/** The council's decision and members, from truong.yaml and the decision record the form names. */
function councilBlocks(result: SchoolResult, spec: ReportFormSpec, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const members = result.filing?.council ?? [];
  const decision = spec.records?.council ? result.filing?.records?.find((r) => r.type === spec.records!.council) : undefined;
  const blocks: Block[] = [];
  if (decision) blocks.push({ kind: 'paragraph', text: [vi ? 'Hội đồng được thành lập theo ' : 'Established by ', ...recordLine(decision, ctx), '.'] });
  if (members.length === 0) {
    blocks.push({ kind: 'paragraph', text: [vi ? 'Chưa khai báo thành viên hội đồng tự đánh giá ' : 'No council member declared ', code('hoi_dong_tu_danh_gia'), '.'] });
    return blocks;
  }
  const roles = ctx.ruleSet.vocabulary.values;
  blocks.push({
    kind: 'table',
    head: vi ? ['TT', 'Họ và tên', 'Chức vụ', 'Nhiệm vụ trong hội đồng'] : ['No.', 'Name', 'Position', 'Role in the council'],
    rows: members.map((m, i) => [[String(i + 1)], [m.name], [m.position ?? '—'], [roles[m.role] ? tr(roles[m.role]!, lang) : m.role]]),
    widths: [8, 34, 33, 25],
  });
  return blocks;
}

/** One criterion: its items, its indicators, then the council's text and the level. */
function criterionBlocks(e: CriterionEntry, pack: RulePack, spec: ReportFormSpec, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const s = e.statement;
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: [criterionTitle(e, lang)] }, itemTable(e, pack, lang)];
  const indicators = indicatorTable(e, lang);
  if (indicators) blocks.push(indicators);
  const rows: { label: string; value: Inline[] }[] = [{ label: vi ? 'Hiện trạng' : 'Current state', value: currentState(e, pack, lang) }];
  if (spec.strengths === 'per_criterion') {
    rows.push({ label: vi ? 'Điểm mạnh' : 'Strengths', value: written(s?.strengths, 'diem_manh', lang) });
    rows.push({ label: vi ? 'Điểm yếu' : 'Weaknesses', value: written(s?.weaknesses, 'diem_yeu', lang) });
  }
  rows.push({ label: vi ? 'Kế hoạch cải tiến' : 'Improvement plan', value: planText(e, pack, lang) });
  rows.push({ label: vi ? 'Tự đánh giá' : 'Self-assessed level', value: levelText(e, pack, lang) });
  blocks.push({ kind: 'fields', rows });
  return blocks;
}

/** The council's description, else its notes on the items; the evidence codes are in the table above. */
function currentState(e: CriterionEntry, pack: RulePack, lang: FormatContext['lang']): Inline[] {
  if (e.statement?.currentState) return [e.statement.currentState];
  const notes = e.items.filter((l) => l.finding?.rating?.note).map((l) => `${itemLabel(pack, l, lang)}: ${l.finding!.rating!.note!.trim().replace(/[.;]+$/, '')}`);
  return notes.length > 0 ? [`${notes.join('; ')}.`] : written(null, 'hien_trang', lang);
}

/** A text the council writes, or "chưa ghi" and the key to write it under. */
function written(text: string | null | undefined, key: string, lang: FormatContext['lang']): Inline[] {
  return text ? [text] : [italic(lang === 'vi' ? 'chưa ghi' : 'not written'), ' ', code(key)];
}

/** The criterion's improvement actions in brief, or what is left to raise when the school wrote none. */
function planText(e: CriterionEntry, pack: RulePack, lang: FormatContext['lang']): Inline[] {
  const vi = lang === 'vi';
  const actions = e.statement?.actions ?? [];
  if (actions.length > 0) return [actions.map((a) => `${a.action}${a.owner || a.timing ? ` (${[a.owner, a.timing].filter(Boolean).join(', ')})` : ''}`).join('; ')];
  const open = openItems(e);
  if (open.length === 0) return ['—'];
  return [...written(null, 'cai_tien', lang), vi ? `; cần nâng: ${open.map((l) => `${l.levelCode}${l.item}`).join(', ')} (đề xuất trong kế hoạch cải tiến kèm theo)` : `; to raise: ${open.map((l) => `${l.levelCode}${l.item}`).join(', ')} (proposed in the improvement plan)`];
}

/** Strengths and weaknesses of a standard, from its criteria (the form writes them per standard). */
function standardAssessment(standard: number, entries: CriterionEntry[], ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const lines = (pick: (s: CriterionStatement) => string | null): Inline[][] =>
    entries.flatMap((e) => (e.statement && pick(e.statement) ? [[bold(`${e.criterion.id}${e.result.part ? ` (${partName(e.result.part, lang)})` : ''}`), `: ${pick(e.statement)!}`]] : []));
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: [vi ? `Đánh giá chung về Tiêu chuẩn ${standard}` : `General assessment of Standard ${standard}`] }];
  for (const [label, key, list] of [[vi ? 'Điểm mạnh' : 'Strengths', 'diem_manh', lines((s) => s.strengths)], [vi ? 'Điểm yếu' : 'Weaknesses', 'diem_yeu', lines((s) => s.weaknesses)]] as const) {
    if (list.length === 0) blocks.push({ kind: 'fields', rows: [{ label, value: written(null, key, lang) }] });
    else blocks.push({ kind: 'paragraph', text: [bold(`${label}:`)] }, { kind: 'list', items: list });
  }
  return blocks;
}

/** The procedure of the self-assessment and the recognition conditions: each in a line, the unmet ones in full. */
function procedureBlocks(result: SchoolResult, view: SchoolView, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const found = view.findings.filter((f) => f.severity === 'error' && !findRule(ctx.ruleSet, f.ruleId)?.rule.item);
  if (found.length === 0) return [{ kind: 'paragraph', text: [vi ? 'Bộ quy tắc không có quy tắc thủ tục nào.' : 'The rule pack has no procedure rule.'] }];
  const blocks: Block[] = [{ kind: 'list', items: found.map((f) => [...briefLine(f, ctx), ` — ${tr(words.status[f.status], lang)}`]) }];
  for (const f of found.filter((x) => x.status === 'unmet')) blocks.push(...indicatorBlocks(f, result, ctx, 3, true));
  return blocks;
}

/** The evidence catalogue in the form's five columns: no., code, title, format or location, notes. */
function evidenceCatalogue(result: SchoolResult, lang: FormatContext['lang']): Block {
  const vi = lang === 'vi';
  return {
    kind: 'table',
    head: vi ? ['TT', 'Mã minh chứng', 'Tên minh chứng', 'Định dạng, vị trí lưu trữ', 'Ghi chú'] : ['No.', 'Code', 'Title', 'Format, location', 'Notes'],
    rows: result.evidence.map((e, i): Inline[][] => [
      [String(i + 1)],
      [e.code],
      [e.title],
      [e.file ?? '—'],
      [[e.issued, e.issuer, e.criteria.length > 0 ? `${vi ? 'tiêu chí' : 'criteria'} ${e.criteria.join(', ')}` : null].filter(Boolean).join('; ')],
    ]),
    widths: [7, 16, 39, 18, 20],
  };
}

/** "Quyết định thành lập hội đồng tự đánh giá số 12/QĐ-THHM ngày 08/09/2026 (MC.1.4.90)" */
function recordLine(r: FiledRecord, ctx: FormatContext): Inline[] {
  const vi = ctx.lang === 'vi';
  const name = r.title ?? recordName(r.type, ctx.ruleSet.vocabulary, ctx.lang);
  const label = name.charAt(0).toLocaleUpperCase('vi') + name.slice(1);
  return [`${label}${r.number ? ` ${vi ? 'số' : 'no.'} ${r.number}` : ''}${r.date ? ` ${vi ? 'ngày' : 'of'} ${dayMonthYear(r.date)}` : ''}${r.evidence ? ` (${r.evidence})` : ''}`];
}

function documentOf(result: SchoolResult, ctx: FormatContext, spec: ReportFormSpec, body: Block[]): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const pack = findPack(ctx.ruleSet, result.packId);
  const year = result.profile.schoolYear;
  const generated = `${vi ? 'Báo cáo tạo bởi chuan' : 'Report generated by chuan'} ${ctx.toolVersion}${pack ? `, ${pack.id} ${pack.version}` : ''}.`;
  const source = spec.verification && spec.verification !== 'confirmed'
    ? `${vi ? 'Bố cục theo mẫu' : 'Layout of the form'}${spec.name ? ` ${tr(spec.name, lang)}` : ''} ${vi ? 'như nguồn thứ cấp mô tả (chưa đối chiếu văn bản gốc)' : 'as secondary sources describe it (not checked against the official text)'}. `
    : '';
  return {
    heading: `${vi ? 'Báo cáo tự đánh giá' : 'Self-assessment report'}: ${result.profile.name}${year ? ` — ${vi ? 'năm học' : 'school year'} ${year}` : ''}`,
    letterhead: schoolLetterhead(result, ctx),
    nation: NATION[lang],
    title: vi ? 'BÁO CÁO TỰ ĐÁNH GIÁ' : 'SELF-ASSESSMENT REPORT',
    subject: vi ? `Năm học ${year ?? '…'}` : `School year ${year ?? '…'}`,
    to: ctx.config.office ? { label: vi ? 'Kính gửi' : 'To', name: ctx.config.office } : null,
    body,
    closing: schoolClosing(result, ctx),
    notes: [[`${source}${generated}`]],
  };
}
