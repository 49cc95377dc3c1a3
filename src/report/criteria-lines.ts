import type { CriterionLevelModel, RulePack } from '../engine/rule-types.js';
import type { CriterionResult, Finding, Lang, LevelRequirement, SchoolResult } from '../types.js';
import { tr } from './context.js';
import { criterionNameAt } from '../engine/wordings.js';
import { dayMonthYear, levelName, referenceText } from './text.js';

/** Criterion regimes: the level model's names, or null for a rule-cumulative pack. */
function model(pack: RulePack | undefined): CriterionLevelModel | null {
  return pack && pack.levelModel.kind !== 'rule_cumulative' ? pack.levelModel : null;
}

export function criterionLevelName(pack: RulePack, level: string | null, lang: Lang): string {
  const m = model(pack)!;
  if (level === null) return lang === 'vi' ? `Không đạt ${tr(m.criterionLevels[0]!.name, lang)}` : `Below ${tr(m.criterionLevels[0]!.name, lang)}`;
  const found = m.criterionLevels.find((l) => l.id === level);
  return found ? tr(found.name, lang) : level;
}

/** One row per criterion (and part): code, name, mandatory mark, level reached, items met per level, not rated. */
export function criterionRows(result: SchoolResult, pack: RulePack, lang: Lang): string[][] {
  return (result.criteria ?? []).map((c: CriterionResult) => {
    const criterion = pack.criteria.find((x) => x.id === c.criterion)!;
    // A level the criterion has no requirement at (on that date) shows a dash.
    const counts = c.levels.map((l) => (l.total === 0 ? '—' : `${l.met}/${l.total}`)).join(' · ');
    const notRated = c.levels.reduce((n, l) => n + l.notRated, 0);
    return [
      `${c.criterion}${c.part ? ` (${partName(c.part, lang)})` : ''}`,
      `${tr(criterionNameAt(criterion, result.wordingDate), lang)}${c.mandatory ? (lang === 'vi' ? ' ★ bắt buộc' : ' ★ mandatory') : ''}`,
      criterionLevelName(pack, c.level, lang),
      counts,
      notRated > 0 ? String(notRated) : '',
    ];
  });
}

export function criterionHeader(pack: RulePack, lang: Lang): string[] {
  const levels = model(pack)!.criterionLevels.map((l) => tr(l.name, lang)).join(' · ');
  return lang === 'vi' ? ['Tiêu chí', 'Tên', 'Mức đạt', `Yêu cầu đạt (${levels})`, 'Chưa tự đánh giá'] : ['Criterion', 'Name', 'Level', `Requirements met (${levels})`, 'Not rated'];
}

/** Why each school level is or is not reached, in numbers ("Mức 1: cần ≥ 5/7 tiêu chí không bắt buộc đạt Mức 1, hiện có 3/7"). */
export function requirementLines(result: SchoolResult, pack: RulePack, lang: Lang): string[] {
  const vi = lang === 'vi';
  const out: string[] = [];
  for (const level of result.levels) {
    for (const r of level.requirements ?? []) {
      const ok = r.have >= r.need;
      const group = groupName(r, pack, lang);
      const need = r.need === r.criteria.length ? (vi ? `cả ${r.need}/${r.criteria.length}` : `all ${r.need}/${r.criteria.length}`) : `≥ ${r.need}/${r.criteria.length}`;
      const part = r.part ? ` (${partName(r.part, lang)})` : '';
      out.push(
        vi
          ? `${ok ? '✔' : '✖'} ${levelName(pack, level.level, lang)}${part}: cần ${need} ${group} đạt ${criterionLevelName(pack, r.atLeast, lang)} trở lên, hiện có ${r.have}/${r.criteria.length}`
          : `${ok ? '✔' : '✖'} ${levelName(pack, level.level, lang)}${part}: needs ${need} ${group} at ${criterionLevelName(pack, r.atLeast, lang)} or above, has ${r.have}/${r.criteria.length}`,
      );
    }
  }
  if ((result.criteria ?? []).some((c) => c.levels.some((l) => l.total === 0))) {
    out.push(vi
      ? 'Tiêu chí không có yêu cầu ở một mức (—) được tính là đạt mức đó khi đạt mọi yêu cầu của các mức dưới; bảng ghi mức cao nhất có yêu cầu.'
      : 'A criterion with no requirement at a level (—) counts as reaching that level once it meets every requirement below it; the table names its highest level with requirements.');
  }
  return out;
}

/** The shortest path to the next level: fewest items, naming criteria and items. */
export function nextLevelLines(result: SchoolResult, pack: RulePack, lang: Lang): string[] {
  const path = result.nextLevel;
  if (!path) return [];
  const vi = lang === 'vi';
  const head = vi
    ? `Để đạt ${levelName(pack, path.level, lang)}: cần nâng ít nhất ${path.items} yêu cầu (${path.unmet} chưa đạt, ${path.items - path.unmet} chưa tự đánh giá hoặc chưa đủ minh chứng)`
    : `To reach ${levelName(pack, path.level, lang)}: raise at least ${path.items} requirement(s) (${path.unmet} unmet, ${path.items - path.unmet} not rated or lacking evidence)`;
  const steps = path.steps.map((s) => {
    const items = s.ruleIds.map((id) => id.split('.').slice(-2).join('')).join(', ');
    return vi
      ? `tiêu chí ${s.criterion}${s.part ? ` (${partName(s.part, lang)})` : ''}: từ ${criterionLevelName(pack, s.from, lang)} lên ${criterionLevelName(pack, s.to, lang)} — yêu cầu ${items}`
      : `criterion ${s.criterion}${s.part ? ` (${partName(s.part, lang)})` : ''}: from ${criterionLevelName(pack, s.from, lang)} to ${criterionLevelName(pack, s.to, lang)} — requirements ${items}`;
  });
  const rules = path.rules.length > 0 ? [vi ? `và các thủ tục: ${path.rules.join(', ')}` : `and the procedure rules: ${path.rules.join(', ')}`] : [];
  return [head, ...steps, ...rules];
}

/**
 * Beside the criterion levels: the accreditation result and the national-standard level it implies (with the
 * pack's mapping, reference and recognition conditions), then, for amended packs, the wording applied and the
 * items not applicable on that date with their reason. Empty for a pack without a national standard.
 */
export function nationalStandardLines(result: SchoolResult, pack: RulePack, lang: Lang): string[] {
  if (result.nationalStandard === undefined) return [];
  const vi = lang === 'vi';
  const ns = pack.nationalStandard;
  const national = result.nationalStandard;
  const out: string[] = [];
  if (ns?.accreditation) {
    const reached = result.reached === null ? (vi ? 'chưa đạt' : 'none') : levelName(pack, result.reached, lang);
    out.push(`${tr(ns.accreditation.name, lang)}: ${reached} (${ns.accreditation.reference})`);
  }
  const name = national ? nationalName(pack, national, lang) : vi ? 'chưa đạt' : 'none';
  const basis = ns?.reference ? ` (${mapping(pack, lang)}; ${ns.reference})` : '';
  out.push(vi ? `Chuẩn quốc gia tương ứng: ${name}${basis}` : `Corresponding national standard: ${name}${basis}`);
  for (const c of ns?.conditions ?? []) out.push(conditionLine(c, result, pack, lang));
  return [...out, ...wordingLines(result, pack, lang)];
}

function nationalName(pack: RulePack, id: string, lang: Lang): string {
  const found = pack.nationalStandard?.levels.find((l) => l.id === id);
  return found ? tr(found.name, lang) : id;
}

/** "Mức 2 → mức độ 1; Mức 3, Mức 4 → mức độ 2". */
function mapping(pack: RulePack, lang: Lang): string {
  const ns = pack.nationalStandard!;
  return ns.levels
    .map((n) => {
      const from = pack.levels.filter((l) => ns.fromLevels[l.id] === n.id).map((l) => tr(l.name, lang));
      return from.length > 0 ? `${from.join(', ')} → ${tr(n.name, lang)}` : null;
    })
    .filter((x): x is string => x !== null)
    .join('; ');
}

const MARKS: Record<string, string> = { met: '✔', unmet: '✖', not_assessable: '?', not_applicable: '–', waived: '✔', not_rated: '?' };

/** A recognition condition: a recognition rule's result with its reference, or a condition stated in the pack. */
function conditionLine(c: NonNullable<RulePack['nationalStandard']>['conditions'][number], result: SchoolResult, pack: RulePack, lang: Lang): string {
  const vi = lang === 'vi';
  const head = vi ? 'Điều kiện công nhận' : 'Recognition condition';
  if ('text' in c) return `${head}: ${tr(c.text, lang)} (${c.reference})`;
  const rule = pack.rules.find((r) => r.id === c.rule);
  if (!rule) return `${head}: ${c.rule}`;
  const finding = result.findings.find((f) => f.ruleId === rule.id);
  const status = finding ? finding.status : 'not_assessable';
  const state = { met: vi ? 'đạt' : 'met', unmet: vi ? 'chưa đạt' : 'not met', not_assessable: vi ? 'chưa đủ dữ liệu' : 'not assessable', not_applicable: vi ? 'không áp dụng' : 'not applicable', waived: vi ? 'miễn áp dụng' : 'waived', not_rated: vi ? 'chưa tự đánh giá' : 'not rated' }[status];
  return `${MARKS[status]} ${head}: ${tr(rule.title, lang)} — ${state} (${referenceText(rule, pack, lang)})`;
}

/** The wording applied (amended packs), and the items not applicable on that date, grouped by reason. */
function wordingLines(result: SchoolResult, pack: RulePack, lang: Lang): string[] {
  const date = result.wordingDate;
  if (!date || pack.amendments.length === 0) return [];
  const vi = lang === 'vi';
  const parts = pack.amendments.map((a) =>
    a.from <= date
      ? vi ? `sửa đổi, bổ sung bởi ${a.document} (có hiệu lực từ ${dayMonthYear(a.from)})` : `as amended by ${a.document} (in force from ${dayMonthYear(a.from)})`
      : vi ? `chưa gồm sửa đổi của ${a.document} (có hiệu lực từ ${dayMonthYear(a.from)})` : `without the amendments of ${a.document} (in force from ${dayMonthYear(a.from)})`);
  const out = [vi ? `Lời văn áp dụng (ngày ${dayMonthYear(date)}): ${pack.circular}, ${parts.join('; ')}` : `Wording applied (on ${dayMonthYear(date)}): ${pack.circular}, ${parts.join('; ')}`];
  const byReason = new Map<string, string[]>();
  for (const f of result.findings) {
    if (!f.reason || f.severity !== 'error') continue;
    const key = `${tr(f.reason.text, lang)} (${f.reason.reference})`;
    const label = itemName(f, lang);
    const list = byReason.get(key);
    if (list) list.push(label);
    else byReason.set(key, [label]);
  }
  for (const [reason, items] of byReason) out.push(vi ? `Không áp dụng: ${items.join(', ')} — ${reason}` : `Not applicable: ${items.join(', ')} — ${reason}`);
  return out;
}

function groupName(r: LevelRequirement, pack: RulePack, lang: Lang): string {
  const vi = lang === 'vi';
  switch (r.group) {
    case 'mandatory':
      return vi ? 'tiêu chí bắt buộc' : 'mandatory criteria';
    case 'others':
      return vi ? 'tiêu chí không bắt buộc' : 'other criteria';
    case 'all':
      return vi ? 'tiêu chí' : 'criteria';
    case 'having':
      return vi ? `tiêu chí có yêu cầu ${criterionLevelName(pack, r.atLeast, lang)}` : `criteria with ${criterionLevelName(pack, r.atLeast, lang)} requirements`;
    default:
      return vi ? `tiêu chí ${r.criteria.join(', ')}` : `criteria ${r.criteria.join(', ')}`;
  }
}

const PART_NAMES: Record<string, { vi: string; en: string }> = {
  tieu_hoc: { vi: 'cấp tiểu học', en: 'primary' },
  thcs: { vi: 'cấp THCS', en: 'lower secondary' },
  thpt: { vi: 'cấp THPT', en: 'upper secondary' },
};

export function partName(part: string, lang: Lang): string {
  return PART_NAMES[part]?.[lang] ?? part;
}

/** An item by criterion, part and level code with letter: "4.3 M1b", "1.1 (cấp THCS) M2a". */
export function itemName(f: Pick<Finding, 'criterion' | 'part' | 'ruleId'>, lang: Lang): string {
  return `${f.criterion}${f.part ? ` (${partName(f.part, lang)})` : ''} ${f.ruleId.split('.').slice(-2).join('')}`;
}
