// What the forms of criterion regimes (levels per criterion) are made of, from pack data only: each
// criterion's items with the school's rating and evidence, its indicators over the school years, the
// council's text, the summary tables, the shortest path to the next level. The self-assessment report
// (self-assessment.ts), the improvement plan (improvement-plan.ts) and the roll-up use them.
import type { Criterion, CriterionLevelModel, Rule, RulePack } from '../../engine/rule-types.js';
import { itemRuleId, wordingAt } from '../../engine/wordings.js';
import type { CriterionResult, CriterionStatement, Finding, IndicatorSeries, Lang, SchoolResult } from '../../types.js';
import { findRule, tr, type FormatContext } from '../context.js';
import { criterionLevelName, itemName, partName } from '../criteria-lines.js';
import { bold, code, type Block, type Inline } from '../document/model.js';
import { figureText, levelName, words } from '../text.js';

export const criterionModel = (pack: RulePack | undefined): CriterionLevelModel | null =>
  pack && pack.levelModel.kind !== 'rule_cumulative' ? pack.levelModel : null;

/** One item of a criterion level, with the school's finding for it (and part). */
export interface ItemLine {
  level: string;
  levelCode: string;
  item: string;
  text: string;
  rule: Rule | undefined;
  finding: Finding | undefined;
}

/** A criterion (and part) as the forms print it: its result, the pack's criterion, the school's text. */
export interface CriterionEntry {
  result: CriterionResult;
  criterion: Criterion;
  statement: CriterionStatement | undefined;
  items: ItemLine[];
  indicators: IndicatorSeries[];
}

/** The school's criteria in criterion order, each part of a multi-level school after the other. */
export function criterionEntries(result: SchoolResult, pack: RulePack, ctx: FormatContext): CriterionEntry[] {
  const model = criterionModel(pack)!;
  const findings = new Map(result.findings.map((f) => [`${f.ruleId}\u0000${f.part ?? ''}`, f]));
  const order = new Map(pack.criteria.map((c, i) => [c.id, i]));
  const parts = [...new Set((result.criteria ?? []).map((c) => c.part ?? ''))];
  const sorted = [...(result.criteria ?? [])].sort((a, b) => order.get(a.criterion)! - order.get(b.criterion)! || parts.indexOf(a.part ?? '') - parts.indexOf(b.part ?? ''));
  return sorted.map((c) => {
    const criterion = pack.criteria.find((x) => x.id === c.criterion)!;
    const items: ItemLine[] = [];
    for (const level of criterion.levels) {
      const code = model.criterionLevels.find((l) => l.id === level.level)?.code ?? level.level;
      for (const item of level.items) {
        const id = itemRuleId(pack, criterion.id, code, item.id);
        items.push({ level: level.level, levelCode: code, item: item.id, text: tr(wordingAt(item.text, ctx.asOf).text, ctx.lang), rule: findRule(ctx.ruleSet, id)?.rule, finding: findings.get(`${id}\u0000${c.part ?? ''}`) });
      }
    }
    return {
      result: c,
      criterion,
      statement: result.filing?.statements?.find((s) => s.criterion === c.criterion && (s.part ?? '') === (c.part ?? '')),
      items,
      indicators: (result.indicators ?? []).filter((i) => i.criterion === c.criterion && (i.part ?? '') === (c.part ?? '')),
    };
  });
}

/** "Tiêu chí 1.3. Quản lý kế hoạch … (bắt buộc) — cấp THCS" */
export function criterionTitle(e: CriterionEntry, lang: Lang): string {
  const vi = lang === 'vi';
  const part = e.result.part ? ` — ${partName(e.result.part, lang)}` : '';
  return `${vi ? 'Tiêu chí' : 'Criterion'} ${e.criterion.id}. ${tr(e.criterion.name, lang)}${e.result.mandatory ? (vi ? ' (bắt buộc)' : ' (mandatory)') : ''}${part}`;
}

/** "Mức 2, yêu cầu b" */
export function itemLabel(pack: RulePack, line: ItemLine, lang: Lang): string {
  return `${criterionLevelName(pack, line.level, lang)}, ${lang === 'vi' ? 'yêu cầu' : 'requirement'} ${line.item}`;
}

/** The school's rating of an item as counted: "đạt", "chưa đạt: tự đánh giá đạt nhưng chưa dẫn mã minh chứng" … */
export function itemState(f: Finding | undefined, lang: Lang): string {
  const vi = lang === 'vi';
  if (!f) return '—';
  const r = f.rating;
  if (f.status === 'unmet' && r?.problem === 'no_evidence') return vi ? 'chưa đạt: tự đánh giá đạt nhưng chưa dẫn mã minh chứng' : 'unmet: rated met without an evidence code';
  if (f.status === 'unmet' && r?.problem === 'unknown_evidence') return vi ? `chưa đạt: mã minh chứng không có trong danh mục (${r.unknownEvidence.join(', ')})` : `unmet: evidence code not in the register (${r.unknownEvidence.join(', ')})`;
  if (f.status === 'unmet' && r?.conflict === 'rated_met_computed_unmet') return vi ? 'chưa đạt theo số liệu (nhà trường tự đánh giá đạt)' : 'unmet by the data (rated met by the school)';
  if (f.status === 'met' && r?.conflict === 'rated_unmet_computed_met') return vi ? 'đạt theo số liệu (nhà trường tự đánh giá chưa đạt)' : 'met by the data (rated unmet by the school)';
  return tr(words.status[f.status], lang);
}

/** The items of a criterion as a table: level and letter, requirement, the school's rating, evidence codes. */
export function itemTable(e: CriterionEntry, pack: RulePack, lang: Lang): Block {
  const vi = lang === 'vi';
  return {
    kind: 'table',
    head: vi ? ['Mức, yêu cầu', 'Nội dung yêu cầu', 'Tự đánh giá', 'Minh chứng'] : ['Level, item', 'Requirement', 'Self-rating', 'Evidence'],
    rows: e.items.map((line) => [[`${criterionLevelName(pack, line.level, lang)} ${line.item}`], [line.text], [itemState(line.finding, lang)], [(line.finding?.rating?.evidence ?? []).join(', ') || '—']]),
    widths: [13, 55, 18, 14],
  };
}

const TREND: Record<NonNullable<IndicatorSeries['trend']> | 'none', { vi: string; en: string }> = {
  up: { vi: '↗ tăng', en: '↗ up' },
  down: { vi: '↘ giảm', en: '↘ down' },
  flat: { vi: '→ không đổi', en: '→ flat' },
  none: { vi: '—', en: '—' },
};

/** The indicators of a criterion over the school years, with the trend; null when the criterion has none. */
export function indicatorTable(e: CriterionEntry, lang: Lang): Block | null {
  if (e.indicators.length === 0) return null;
  const vi = lang === 'vi';
  const years = e.indicators[0]!.values.map((v) => v.year);
  return {
    kind: 'table',
    head: [vi ? 'Chỉ số (số liệu 03 năm học)' : 'Indicator (three school years)', ...years, vi ? 'Xu hướng' : 'Trend'],
    rows: e.indicators.map((s): Inline[][] => {
      const spec = e.criterion.indicators.find((q) => q.id === s.id);
      const unit = s.kind === 'ty_le' ? ' %' : '';
      return [
        [spec ? capital(tr(spec.name, lang)) : s.id, ' ', code(s.id)],
        ...years.map((y): Inline[] => {
          const v = s.values.find((x) => x.year === y)?.value ?? null;
          return [v === null ? (vi ? 'chưa ghi' : 'not recorded') : `${figureText(v, lang)}${unit}`];
        }),
        [tr(TREND[s.trend ?? 'none'], lang)],
      ];
    }),
    widths: [46, ...years.map(() => 14), 12],
  };
}

const capital = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** The criterion's level as the items give it, and the council's own conclusion when it differs. */
export function levelText(e: CriterionEntry, pack: RulePack, lang: Lang): Inline[] {
  const vi = lang === 'vi';
  const own = e.result.stated !== undefined && e.result.stated !== e.result.level
    ? [` (${vi ? 'hội đồng kết luận' : 'the council concluded'} ${criterionLevelName(pack, e.result.stated, lang)}; ${vi ? 'xem lưu ý về số liệu' : 'see the data remarks'})`]
    : [];
  return [bold(criterionLevelName(pack, e.result.level, lang)), ...own];
}

/** The criterion's items that are not met (unmet, not rated, not assessable), in level order. */
export const openItems = (e: CriterionEntry): ItemLine[] => e.items.filter((l) => l.finding && l.finding.status !== 'met' && l.finding.status !== 'not_applicable' && l.finding.status !== 'waived');

/** Criteria met per exact level, by group (mandatory, the others, all): the general summary table. */
export function levelCountTable(entries: CriterionEntry[], pack: RulePack, lang: Lang): Block {
  const vi = lang === 'vi';
  const model = criterionModel(pack)!;
  const columns: (string | null)[] = [null, ...model.criterionLevels.map((l) => l.id)];
  const row = (label: string, list: CriterionEntry[]): Inline[][] => [[label], ...columns.map((level): Inline[] => [String(list.filter((e) => e.result.level === level).length)]), [String(list.length)]];
  const rows: Inline[][][] = [];
  const mandatory = entries.filter((e) => e.result.mandatory);
  if (mandatory.length > 0) {
    rows.push(row(vi ? 'Tiêu chí bắt buộc' : 'Mandatory criteria', mandatory), row(vi ? 'Tiêu chí còn lại' : 'Other criteria', entries.filter((e) => !e.result.mandatory)));
  }
  rows.push(row(vi ? 'Tổng số' : 'Total', entries).map((cell, i) => (i === 0 ? [bold(vi ? 'Tổng số' : 'Total')] : cell)));
  return {
    kind: 'table',
    head: [vi ? 'Nhóm tiêu chí' : 'Criteria', ...columns.map((level) => criterionLevelName(pack, level, lang)), vi ? 'Cộng' : 'Total'],
    rows,
    widths: [34, ...columns.map(() => 50 / columns.length), 16],
  };
}

/** The school's level in one sentence, then the shortest path to the next level (criteria, items, procedure rules). */
export function pathBlocks(result: SchoolResult, pack: RulePack, ctx: FormatContext): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const blocks: Block[] = [{ kind: 'paragraph', text: [vi ? 'Nhà trường đạt: ' : 'The school reaches: ', bold(levelName(pack, result.reached, lang))] }];
  const path = result.nextLevel;
  if (!path) return blocks;
  blocks.push({
    kind: 'paragraph',
    text: [bold(vi
      ? `Để đạt ${levelName(pack, path.level, lang)}, cần nâng ít nhất ${path.items} yêu cầu (${path.unmet} chưa đạt, ${path.items - path.unmet} chưa tự đánh giá hoặc chưa đủ minh chứng):`
      : `To reach ${levelName(pack, path.level, lang)}, raise at least ${path.items} requirement(s) (${path.unmet} unmet, ${path.items - path.unmet} not rated or lacking evidence):`)],
  });
  const items: Inline[][] = path.steps.map((s) => {
    const letters = s.ruleIds.map((id) => id.split('.').slice(-2).join('')).join(', ');
    const part = s.part ? ` (${partName(s.part, lang)})` : '';
    return [bold(`${vi ? 'Tiêu chí' : 'Criterion'} ${s.criterion}${part}`), vi
      ? `: từ ${criterionLevelName(pack, s.from, lang)} lên ${criterionLevelName(pack, s.to, lang)} — yêu cầu ${letters}`
      : `: from ${criterionLevelName(pack, s.from, lang)} to ${criterionLevelName(pack, s.to, lang)} — requirements ${letters}`];
  });
  for (const id of path.rules) {
    const rule = findRule(ctx.ruleSet, id)?.rule;
    items.push([vi ? 'và thủ tục: ' : 'and the procedure: ', rule ? tr(rule.title, lang) : id, ' ', code(id)]);
  }
  blocks.push({ kind: 'list', items });
  return blocks;
}

/** Findings that are no criterion item: the procedure of the self-assessment and the recognition conditions. */
export const procedureFindings = (result: SchoolResult, ctx: FormatContext): Finding[] =>
  result.findings.filter((f) => !findRule(ctx.ruleSet, f.ruleId)?.rule.item);

/** "Chưa tự đánh giá: 1.1 M2a, 4.3 (cấp THCS) M1b": the items not rated yet, in one line. */
export function notRatedBlock(notRated: Finding[], lang: Lang): Block {
  const vi = lang === 'vi';
  return { kind: 'paragraph', text: [bold(`${vi ? 'Chưa tự đánh giá' : 'Not rated yet'}:`), ` ${notRated.map((f) => itemName(f, lang)).join(', ')}`] };
}
