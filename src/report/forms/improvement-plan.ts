// The improvement plan of criterion regimes (form `ke-hoach-cai-tien`; Biểu 2 of 57/2026): general
// facts, bases, purpose and requirements, the priority problems, the plan table (criterion, action,
// expected result, time, responsible person, resources), the reviews, organisation, reporting. The rows
// are the school's own (cai_tien of each criterion); where a criterion to raise has none, the plan
// proposes one row per item of the shortest path to the next level (or of the gaps to the target),
// marked as proposed. The form's fixed text comes from the pack (report_forms), never from here.
import type { ReportFormSpec, RulePack } from '../../engine/rule-types.js';
import type { LocalText, SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { criterionLevelName, partName } from '../criteria-lines.js';
import { type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { dayMonthYear, levelName, recordName, remedyText } from '../text.js';
import { criterionEntries, criterionModel, itemLabel, openItems, type CriterionEntry, type ItemLine } from './criterion-parts.js';
import { factsTable, formBody, NATION, planFor, ruleText, schoolClosing, schoolLetterhead, standardTitle } from './parts.js';

/** The plan of a school that could be checked; null otherwise (its self-assessment report says why). */
export function improvementPlanDocument(result: SchoolResult, ctx: FormatContext, spec: ReportFormSpec): OfficeDocument | null {
  const pack = findPack(ctx.ruleSet, result.packId);
  if (result.outcome === 'invalid' || !pack || !criterionModel(pack) || !result.criteria) return null;
  const { lang } = ctx;
  const vi = lang === 'vi';
  const { year, body, section } = formBody(result, ctx);
  const texts = spec.texts ?? {};
  const entries = criterionEntries(result, pack, ctx);
  const chosen = priorities(result, entries);

  section('THÔNG TIN CHUNG', 'FACTS');
  body.push(factsTable(result, pack, ctx));

  section('CĂN CỨ XÂY DỰNG KẾ HOẠCH', 'BASES');
  body.push({ kind: 'list', items: bases(result, pack, spec, ctx) });

  if (texts.purpose) {
    section('MỤC ĐÍCH, YÊU CẦU', 'PURPOSE AND REQUIREMENTS');
    body.push(...formText(texts.purpose, spec, lang));
  }

  section('CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN', 'PRIORITY PROBLEMS');
  if (texts.priorities) body.push({ kind: 'paragraph', text: [tr(texts.priorities, lang)], note: true });
  if (chosen.length === 0) body.push({ kind: 'paragraph', text: [vi ? 'Mọi tiêu chí đã đạt mức cao nhất; không có vấn đề nào phải cải tiến để lên mức.' : 'Every criterion is at the top level; nothing to improve for a level.'] });
  else {
    body.push({
      kind: 'table',
      head: vi ? ['TT', 'Tiêu chuẩn', 'Tiêu chí', 'Đánh giá hiện trạng', 'Điểm hạn chế'] : ['No.', 'Standard', 'Criterion', 'Current state', 'Weaknesses'],
      rows: chosen.map((e, i): Inline[][] => [[String(i + 1)], [standardTitle(pack, e.criterion.standard, lang)], [criterionName(e, lang)], [stateText(e, pack, lang)], [e.statement?.weaknesses ?? openItems(e).map((l) => `${itemLabel(pack, l, lang)}: ${stateWord(l, lang)}`).join('; ')]]),
      widths: [5, 22, 25, 18, 30],
    });
  }

  section('KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG', 'IMPROVEMENT PLAN');
  const rows = planRows(result, pack, chosen, ctx);
  if (rows.length === 0) body.push({ kind: 'paragraph', text: ['—'] });
  else {
    body.push({
      kind: 'table',
      head: vi
        ? ['TT', 'Tiêu chí', 'Nội dung cải tiến', 'Hoạt động, giải pháp', 'Kết quả dự kiến', 'Thời gian thực hiện', 'Người phụ trách', 'Nguồn lực bảo đảm']
        : ['No.', 'Criterion', 'What to improve', 'Actions', 'Expected result', 'Timing', 'Responsible', 'Resources'],
      rows: rows.map((r, i) => [[`${i + 1}${r.proposed ? '*' : ''}`], ...r.cells]),
      widths: [4, 6, 15, 27, 14, 10, 12, 12],
    });
    if (rows.some((r) => r.proposed)) {
      body.push({ kind: 'paragraph', note: true, text: [vi
        ? '* Dòng do chuan đề xuất từ các yêu cầu chưa đạt hoặc chưa tự đánh giá (đường ngắn nhất lên mức tiếp theo, hoặc còn thiếu so với mức đích) vì nhà trường chưa ghi hoạt động cải tiến cho tiêu chí này; hội đồng rà soát, chỉnh sửa trước khi ban hành.'
        : '* Rows proposed by chuan from the requirements unmet or not rated (the shortest path to the next level, or the gaps to the target) because the school wrote no improvement action for the criterion; the council reviews them before the plan is issued.'] });
    }
  }

  section('THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN', 'MONITORING AND REVIEW');
  body.push(reviewTable(result, spec, ctx));

  if (texts.organisation) {
    section('TỔ CHỨC THỰC HIỆN', 'ORGANISATION');
    body.push(...formText(texts.organisation, spec, lang));
  }
  if (texts.reporting) {
    section('CƠ CHẾ ĐÁNH GIÁ VÀ BÁO CÁO', 'REVIEW AND REPORTING');
    body.push(...formText(texts.reporting, spec, lang));
  }
  const generated = `${vi ? 'Kế hoạch tạo bởi chuan' : 'Plan generated by chuan'} ${ctx.toolVersion}, ${pack.id} ${pack.version}.`;
  return {
    heading: `${vi ? 'Kế hoạch cải tiến chất lượng' : 'Quality improvement plan'}: ${result.profile.name}${year ? ` — ${vi ? 'năm học' : 'school year'} ${year}` : ''}`,
    letterhead: schoolLetterhead(result, ctx, 'KH'),
    nation: NATION[lang],
    title: vi ? 'KẾ HOẠCH' : 'PLAN',
    subject: vi ? `Cải tiến chất lượng giáo dục theo kết quả tự đánh giá${year ? ` năm học ${year}` : ''}` : `Quality improvement following the self-assessment${year ? ` of school year ${year}` : ''}`,
    to: null,
    body,
    closing: schoolClosing(result, ctx),
    notes: [[generated]],
    landscape: true,
  };
}

/**
 * The priority problems, not every criterion (the form asks for priorities): the criteria the school wrote
 * improvement actions for, and those on the shortest path to the next level — or, at the top level, those
 * with requirements still open below the target.
 */
function priorities(result: SchoolResult, entries: CriterionEntry[]): CriterionEntry[] {
  const key = (criterion: string, part: string | undefined) => `${criterion}\u0000${part ?? ''}`;
  const onPath = new Set((result.nextLevel?.steps ?? []).map((s) => key(s.criterion, s.part)));
  return entries.filter((e) => {
    if ((e.statement?.actions.length ?? 0) > 0) return true;
    return result.nextLevel ? onPath.has(key(e.criterion.id, e.result.part)) : openItems(e).length > 0 && inTargetScope(result, e);
  });
}

/** Whether a criterion is below the level the school aims at (its gaps then count for the target). */
function inTargetScope(result: SchoolResult, e: CriterionEntry): boolean {
  const target = result.profile.target;
  const levels = e.criterion.levels.map((l) => l.level);
  const want = target && levels.includes(target) ? levels.indexOf(target) : levels.length - 1;
  return (e.result.level === null ? -1 : levels.indexOf(e.result.level)) < want;
}

const criterionName = (e: CriterionEntry, lang: FormatContext['lang']): string => `${e.criterion.id}. ${tr(e.criterion.name, lang)}${e.result.part ? ` (${partName(e.result.part, lang)})` : ''}`;

function stateText(e: CriterionEntry, pack: RulePack, lang: FormatContext['lang']): string {
  return `${lang === 'vi' ? 'Đạt' : 'At'} ${criterionLevelName(pack, e.result.level, lang)}`.replace(/^(Đạt|At) (Không đạt|Below)/, '$2');
}

function stateWord(l: ItemLine, lang: FormatContext['lang']): string {
  const s = l.finding?.status;
  return s === 'not_rated' ? (lang === 'vi' ? 'chưa tự đánh giá' : 'not rated') : s === 'not_assessable' ? (lang === 'vi' ? 'chưa đủ dữ liệu' : 'not assessable') : lang === 'vi' ? 'chưa đạt' : 'unmet';
}

interface PlanRow {
  cells: Inline[][];
  proposed: boolean;
}

/** The school's actions per priority criterion; proposed rows for a criterion it wrote none for. */
function planRows(result: SchoolResult, pack: RulePack, chosen: CriterionEntry[], ctx: FormatContext): PlanRow[] {
  const { lang } = ctx;
  const rows: PlanRow[] = [];
  for (const e of chosen) {
    const id: Inline[] = [`${e.criterion.id}${e.result.part ? ` (${partName(e.result.part, lang)})` : ''}`];
    const actions = e.statement?.actions ?? [];
    for (const a of actions) {
      rows.push({ proposed: false, cells: [id, [a.problem ?? '—'], [a.action], [a.expected ?? '—'], [a.timing ?? '—'], [a.owner ?? '—'], [a.resources ?? '—']] });
    }
    if (actions.length > 0) continue;
    const step = result.nextLevel?.steps.find((s) => s.criterion === e.criterion.id && (s.part ?? '') === (e.result.part ?? ''));
    const lines = step ? e.items.filter((l) => l.rule && step.ruleIds.includes(l.rule.id)) : openItems(e);
    const to = step ? step.to : nextCriterionLevel(e);
    const plan = planFor(result, e.criterion.id, lang);
    for (const l of lines) {
      const remedy = l.rule && l.finding ? ruleText(remedyText(l.rule, l.finding, ctx, true), l.finding, result, ctx) : ['—'];
      const expected = lang === 'vi' ? `Tiêu chí đạt ${criterionLevelName(pack, to, lang)}` : `Criterion at ${criterionLevelName(pack, to, lang)}`;
      rows.push({ proposed: true, cells: [id, [`${itemLabel(pack, l, lang)}: ${l.text}`], remedy, [expected], plan.due, plan.owner, ['—']] });
    }
  }
  return rows;
}

/** The criterion level above the one a criterion has (its top level when it has them all). */
function nextCriterionLevel(e: CriterionEntry): string {
  const levels = e.criterion.levels.map((l) => l.level);
  return levels[Math.min(levels.length - 1, e.result.level === null ? 0 : levels.indexOf(e.result.level) + 1)]!;
}

/** The bases of the plan: the circular and the form, then the records the form names, as the school holds them. */
function bases(result: SchoolResult, pack: RulePack, spec: ReportFormSpec, ctx: FormatContext): Inline[][] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const year = result.profile.schoolYear;
  const form = spec.name ? ` (${vi ? 'mẫu' : 'form'} ${tr(spec.name, lang)}${spec.reference ? `, ${spec.reference}` : ''})` : '';
  const out: Inline[][] = [[`${vi ? 'Thông tư' : 'Circular'} ${pack.circular}${form};`]];
  out.push([vi ? `Kết quả tự đánh giá năm học ${year ?? '…'} của nhà trường: ${levelName(pack, result.reached, lang)};` : `The school's self-assessment of school year ${year ?? '…'}: ${levelName(pack, result.reached, lang)};`]);
  const records = result.filing?.records ?? [];
  for (const type of spec.records?.bases ?? []) {
    for (const r of records.filter((x) => x.type === type)) {
      const name = r.title ?? recordName(r.type, ctx.ruleSet.vocabulary, lang);
      out.push([`${name.charAt(0).toLocaleUpperCase('vi')}${name.slice(1)}${r.number ? ` ${vi ? 'số' : 'no.'} ${r.number}` : ''}${r.date ? ` ${vi ? 'ngày' : 'of'} ${dayMonthYear(r.date)}` : ''};`]);
    }
  }
  const last = out[out.length - 1]!;
  last[0] = String(last[0]).replace(/;$/, '.');
  return out;
}

/** The reviews the form asks for, each beside the review minutes the school holds (in date order). */
function reviewTable(result: SchoolResult, spec: ReportFormSpec, ctx: FormatContext): Block {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const moments = spec.reviewMoments ?? [];
  const minutes = spec.records?.reviews ? (result.filing?.records ?? []).filter((r) => r.type === spec.records!.reviews).sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')) : [];
  const count = Math.max(moments.length, minutes.length, 1);
  const rows: Inline[][][] = [];
  for (let i = 0; i < count; i++) {
    const m = minutes[i];
    rows.push([[String(i + 1)], [moments[i] ? tr(moments[i]!, lang) : '—'], [m ? `${m.title ?? recordName(m.type, ctx.ruleSet.vocabulary, lang)}${m.date ? `, ${dayMonthYear(m.date)}` : ''}${m.evidence ? ` (${m.evidence})` : ''}` : vi ? 'chưa có biên bản' : 'no minutes yet']]);
  }
  return { kind: 'table', head: vi ? ['Lần', 'Thời điểm rà soát, đánh giá', 'Biên bản rà soát'] : ['No.', 'When', 'Review minutes'], rows, widths: [8, 37, 55] };
}

/** The form's own text, a paragraph per line, with its verification when it is not confirmed. */
function formText(text: LocalText, spec: ReportFormSpec, lang: FormatContext['lang']): Block[] {
  const blocks: Block[] = tr(text, lang).split('\n').filter((l) => l.trim() !== '').map((line) => ({ kind: 'paragraph', text: [line] }));
  if (spec.verification && spec.verification !== 'confirmed') {
    blocks.push({ kind: 'paragraph', note: true, text: [lang === 'vi' ? 'Lời văn của mẫu theo nguồn thứ cấp, chưa đối chiếu văn bản gốc.' : 'The form’s wording as secondary sources give it, not checked against the official text.'] });
  }
  return blocks;
}
