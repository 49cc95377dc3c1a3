// The self-assessment report laid out in the parts a pack names (report_forms[].parts): the council's list
// with a column to sign, the summary of results, the school's data, then the self-assessment — an
// introduction, each standard (opening, its criteria with current state, strengths, weaknesses, plan and
// level, its conclusion), the criteria of the separate level on their own, the general conclusion — and the
// annex. Every part's name and the introduction's text come from the pack; no regime is named here.
import type { ReportFormSpec, RulePack, SelfAssessmentParts } from '../../engine/rule-types.js';
import type { Lang, SchoolResult } from '../../types.js';
import { tr, type FormatContext } from '../context.js';
import { criterionHeader, criterionLevelName, criterionRows, nationalStandardLines, partName, requirementLines } from '../criteria-lines.js';
import { bold, italic, type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { recognitionLines } from '../formatters/recognition-lines.js';
import { viewOf } from '../summary.js';
import { levelName } from '../text.js';
import { criterionEntries, criterionModel, criterionTitle, itemTable, notRatedBlock, pathBlocks, type CriterionEntry } from './criterion-parts.js';
import { diagnosticLine, factsTable, formBody, indicatorBlocks, otherBlocks, packLine, standardTitle } from './parts.js';
import { progressBlocks } from './progress.js';
import { councilBlocks, criterionBlocks, documentOf, evidenceCatalogue, openingSentence, planText, procedureBlocks, recordLine, written } from './self-assessment.js';

export function selfAssessmentByParts(result: SchoolResult, ctx: FormatContext, spec: ReportFormSpec, parts: SelfAssessmentParts): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const { pack, body, circular } = formBody(result, ctx);
  const heading = (level: 1 | 2 | 3 | 4 | 5, text: string) => body.push({ kind: 'heading', level, text: [text] });
  const name = (text: SelfAssessmentParts[keyof SelfAssessmentParts]) => (text ? tr(text, lang) : '');
  const view = result.outcome === 'invalid' || !pack || !criterionModel(pack) || !result.criteria ? null : viewOf(result, pack);

  heading(1, name(parts.council));
  body.push(...councilBlocks(result, spec, ctx, true));
  if (!view || !pack) {
    heading(1, vi ? 'LỖI DỮ LIỆU ĐẦU VÀO' : 'INPUT ERRORS');
    body.push({ kind: 'list', items: result.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnosticLine(d, result, ctx)) });
    return documentOf(result, ctx, spec, body);
  }
  const entries = criterionEntries(result, pack, ctx);
  const separate = spec.separateLevel;
  const inSeparate = separate ? entries.filter((e) => e.items.some((l) => l.level === separate)) : [];

  heading(1, name(parts.summary));
  body.push(...summaryBlocks(result, pack, entries, inSeparate, spec, lang));

  heading(1, name(parts.data));
  body.push(factsTable(result, pack, ctx), { kind: 'list', items: recognitionLines(result, pack, lang).map((l) => [l]) });
  body.push({ kind: 'paragraph', text: packLine(pack, view, ctx), note: true });

  heading(1, name(parts.assessment));
  heading(2, name(parts.introduction));
  for (const line of (spec.texts?.introduction ? tr(spec.texts.introduction, lang) : '').split('\n').filter(Boolean)) body.push({ kind: 'paragraph', text: [line] });
  body.push({ kind: 'paragraph', text: [openingSentence(result, ctx, spec, circular)] });
  heading(2, name(parts.evaluation));
  heading(3, name(parts.criteria));
  for (const standard of pack.standardNumbers) {
    const inStandard = entries.filter((e) => e.criterion.standard === standard);
    if (inStandard.length === 0) continue;
    heading(4, standardTitle(pack, standard, lang));
    body.push({ kind: 'paragraph', text: [bold(`${name(parts.opening)}:`), ' ', openingText(standard, inStandard, separate, pack, lang)] });
    for (const e of inStandard) body.push(...criterionBlocks(below(e, separate, pack), pack, spec, ctx, 5));
    heading(5, name(parts.standardConclusion).replaceAll('{standard}', String(standard)));
    body.push({ kind: 'paragraph', text: [standardConclusion(inStandard, separate, pack, lang)] });
  }
  if (separate && parts.separate) {
    heading(3, name(parts.separate));
    if (inSeparate.length === 0) body.push({ kind: 'paragraph', text: [italic(vi ? 'Không có tiêu chí nào ở mức này.' : 'No criterion at this level.')] });
    for (const e of inSeparate) body.push(...separateBlocks(e, separate, pack, lang));
  }

  heading(3, name(parts.conclusion));
  heading(4, vi ? '1. Mức đạt của các tiêu chí' : '1. Criterion levels');
  body.push({ kind: 'table', head: criterionHeader(pack, lang), rows: criterionRows(result, pack, lang).map((row) => row.map((cell) => [cell])), widths: [12, 46, 16, 16, 10] });
  body.push({ kind: 'list', items: requirementLines(result, pack, lang).map((l) => [l]) });
  heading(4, vi ? '2. Mức đạt của nhà trường' : '2. Level of the school');
  body.push(...pathBlocks(result, pack, ctx), ...nationalBlocks(result, pack, lang));
  if (view.notRated.length > 0) body.push(notRatedBlock(view.notRated, lang));
  body.push(...progressBlocks(result, ctx));
  heading(4, vi ? '3. Thủ tục tự đánh giá và điều kiện công nhận' : '3. Procedure and recognition conditions');
  body.push(...procedureBlocks(result, view, ctx, 5));
  if (view.advisories.length > 0) {
    heading(4, vi ? '4. Khuyến nghị' : '4. Advisories');
    body.push({ kind: 'paragraph', text: [italic(vi ? 'Các nội dung sau không tính vào mức đạt; nên rà soát trước khi phê duyệt báo cáo.' : 'These do not count towards the level; worth reviewing before the report is approved.')] });
    for (const f of view.advisories) body.push(...indicatorBlocks(f, result, ctx, 5, false));
  }
  body.push(...otherBlocks(result, view, ctx, false, 4));

  heading(1, name(parts.annex));
  heading(2, vi ? '1. Danh mục minh chứng' : '1. Evidence catalogue');
  body.push(evidenceCatalogue(result, lang, spec));
  const records = result.filing?.records ?? [];
  if (records.length > 0) {
    heading(2, vi ? '2. Hồ sơ, văn bản kèm theo' : '2. Records attached');
    body.push({ kind: 'list', items: records.map((r) => recordLine(r, ctx)) });
  }
  return documentOf(result, ctx, spec, body);
}

/** The level before `separate` in the pack's order of criterion levels (null when `separate` is the first). */
function levelBefore(pack: RulePack, separate: string): string | null {
  const levels = criterionModel(pack)!.criterionLevels.map((l) => l.id);
  return levels[levels.indexOf(separate) - 1] ?? null;
}

/** A criterion as assessed before the separate level: its other items, its level at most the one before. */
function below(e: CriterionEntry, separate: string | undefined, pack: RulePack): CriterionEntry {
  if (!separate) return e;
  const cap = (level: string | null | undefined) => (level === separate ? levelBefore(pack, separate) : level);
  const stated = cap(e.result.stated);
  return { ...e, items: e.items.filter((l) => l.level !== separate), result: { ...e.result, level: cap(e.result.level) ?? null, ...(stated !== undefined ? { stated } : {}) } };
}

/** A criterion at the separate level: its items there, the council's notes on them, what is left to raise, met or not. */
function separateBlocks(e: CriterionEntry, separate: string, pack: RulePack, lang: Lang): Block[] {
  const vi = lang === 'vi';
  const at: CriterionEntry = { ...e, items: e.items.filter((l) => l.level === separate), statement: undefined };
  const notes = at.items.filter((l) => l.finding?.rating?.note).map((l) => l.finding!.rating!.note!.trim().replace(/[.;]+$/, ''));
  const level = criterionLevelName(pack, separate, lang);
  const met = e.result.level === separate;
  return [
    { kind: 'heading', level: 4, text: [criterionTitle(e, lang)] },
    itemTable(at, pack, lang),
    {
      kind: 'fields',
      rows: [
        { label: vi ? 'Hiện trạng' : 'Current state', value: notes.length > 0 ? [`${notes.join('; ')}.`] : written(null, 'ghi_chu', lang) },
        { label: vi ? 'Kế hoạch cải tiến' : 'Improvement plan', value: planText(at, pack, lang) },
        { label: vi ? 'Tự đánh giá' : 'Self-assessed', value: [bold(met ? (vi ? `Đạt ${level}` : `${level} met`) : vi ? `Chưa đạt ${level}` : `${level} not met`)] },
      ],
    },
  ];
}

/** "Tiêu chuẩn có 4 tiêu chí; 1 tiêu chí có yêu cầu Mức 4 (2.2)." */
function openingText(standard: number, entries: CriterionEntry[], separate: string | undefined, pack: RulePack, lang: Lang): string {
  const vi = lang === 'vi';
  const withSeparate = separate ? entries.filter((e) => e.items.some((l) => l.level === separate)).map((e) => e.criterion.id) : [];
  const level = separate ? criterionLevelName(pack, separate, lang) : '';
  const head = vi ? `Tiêu chuẩn ${standard} có ${entries.length} tiêu chí` : `Standard ${standard} has ${entries.length} criteria`;
  if (!separate) return `${head}.`;
  return withSeparate.length === 0
    ? `${head}${vi ? `; không tiêu chí nào có yêu cầu ${level}.` : `; none has ${level} requirements.`}`
    : `${head}${vi ? `; ${withSeparate.length} tiêu chí có yêu cầu ${level} (${withSeparate.join(', ')}).` : `; ${withSeparate.length} with ${level} requirements (${withSeparate.join(', ')}).`}`;
}

/** "Số tiêu chí đạt Mức 3: 2; Mức 2: 1; không đạt Mức 1: 1 (tổng 4). Đạt Mức 4: 1 tiêu chí." */
function standardConclusion(entries: CriterionEntry[], separate: string | undefined, pack: RulePack, lang: Lang): string {
  const vi = lang === 'vi';
  const levels = criterionModel(pack)!.criterionLevels.map((l) => l.id).filter((l) => l !== separate).reverse();
  const capped = entries.map((e) => below(e, separate, pack).result.level);
  const counts = [...levels, null].map((level) => [level, capped.filter((l) => l === level).length] as const).filter(([, n]) => n > 0);
  const lowest = criterionLevelName(pack, levels.at(-1)!, lang);
  const parts = counts.map(([level, n]) => `${level === null ? (vi ? `không đạt ${lowest}` : `below ${lowest}`) : criterionLevelName(pack, level, lang)}: ${n}`);
  const reachedSeparate = separate ? entries.filter((e) => e.result.level === separate).length : 0;
  const tail = separate && reachedSeparate > 0 ? (vi ? ` Đạt ${criterionLevelName(pack, separate, lang)}: ${reachedSeparate} tiêu chí.` : ` At ${criterionLevelName(pack, separate, lang)}: ${reachedSeparate} criteria.`) : '';
  return `${vi ? 'Số tiêu chí đạt' : 'Criteria at'} ${parts.join('; ')} (${vi ? 'tổng' : 'total'} ${entries.length}).${tail}`;
}

/** The summary of results: each criterion marked at its level below the separate one, the separate level met or not, the school's level. */
function summaryBlocks(result: SchoolResult, pack: RulePack, entries: CriterionEntry[], inSeparate: CriterionEntry[], spec: ReportFormSpec, lang: Lang): Block[] {
  const vi = lang === 'vi';
  const separate = spec.separateLevel;
  const levels = criterionModel(pack)!.criterionLevels.map((l) => l.id).filter((l) => l !== separate);
  const below1 = vi ? 'Không đạt' : 'Not met';
  const blocks: Block[] = [{
    kind: 'table',
    head: [vi ? 'Tiêu chí' : 'Criterion', below1, ...levels.map((l) => `${vi ? 'Đạt' : 'Met'} ${criterionLevelName(pack, l, lang)}`)],
    rows: entries.map((e): Inline[][] => {
      const level = below(e, separate, pack).result.level;
      return [[`${e.criterion.id}${e.result.part ? ` (${partName(e.result.part, lang)})` : ''}`], [level === null ? 'x' : ''], ...levels.map((l): Inline[] => [level === l ? 'x' : ''])];
    }),
    widths: [22, ...[null, ...levels].map(() => 78 / (levels.length + 1))],
    blank: true,
  }];
  if (separate && inSeparate.length > 0) {
    const level = criterionLevelName(pack, separate, lang);
    blocks.push({
      kind: 'table',
      head: [`${vi ? 'Tiêu chí' : 'Criterion'} ${level}`, vi ? 'Đạt' : 'Met', below1],
      rows: inSeparate.map((e): Inline[][] => [[`${e.criterion.id}${e.result.part ? ` (${partName(e.result.part, lang)})` : ''}`], [e.result.level === separate ? 'x' : ''], [e.result.level === separate ? '' : 'x']]),
      widths: [40, 30, 30],
      blank: true,
    });
  }
  blocks.push({ kind: 'paragraph', text: [bold(`${vi ? 'Kết quả' : 'Result'}: ${levelName(pack, result.reached, lang)}`)] });
  // The accreditation level and the national standard it corresponds to, without the conditions.
  const shown = pack.nationalStandard?.accreditation ? 2 : 1;
  for (const line of nationalStandardLines(result, pack, lang).slice(0, shown)) blocks.push({ kind: 'paragraph', text: [line] });
  return blocks;
}

/** The accreditation level and the national standard beside it, then the recognition conditions. */
function nationalBlocks(result: SchoolResult, pack: RulePack, lang: Lang): Block[] {
  const national = nationalStandardLines(result, pack, lang);
  if (national.length === 0) return [];
  const blocks: Block[] = [{ kind: 'paragraph', text: [national[0]!] }];
  if (national.length > 1) blocks.push({ kind: 'list', items: national.slice(1).map((l) => [l]) });
  return blocks;
}
