import type { CriterionLevelModel, RulePack } from '../engine/rule-types.js';
import type { CriterionResult, Lang, LevelRequirement, SchoolResult } from '../types.js';
import { tr } from './context.js';
import { levelName } from './text.js';

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
    const counts = c.levels.map((l) => `${l.met}/${l.total}`).join(' · ');
    const notRated = c.levels.reduce((n, l) => n + l.notRated, 0);
    return [
      `${c.criterion}${c.part ? ` (${partName(c.part, lang)})` : ''}`,
      `${tr(criterion.name, lang)}${c.mandatory ? (lang === 'vi' ? ' ★ bắt buộc' : ' ★ mandatory') : ''}`,
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
      const group = groupName(r, lang);
      const need = r.need === r.criteria.length ? (vi ? `cả ${r.need}/${r.criteria.length}` : `all ${r.need}/${r.criteria.length}`) : `≥ ${r.need}/${r.criteria.length}`;
      const part = r.part ? ` (${partName(r.part, lang)})` : '';
      out.push(
        vi
          ? `${ok ? '✔' : '✖'} ${levelName(pack, level.level, lang)}${part}: cần ${need} ${group} đạt ${criterionLevelName(pack, r.atLeast, lang)} trở lên, hiện có ${r.have}/${r.criteria.length}`
          : `${ok ? '✔' : '✖'} ${levelName(pack, level.level, lang)}${part}: needs ${need} ${group} at ${criterionLevelName(pack, r.atLeast, lang)} or above, has ${r.have}/${r.criteria.length}`,
      );
    }
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

/** The national-standard level the reached level implies. */
export function nationalStandardLine(result: SchoolResult, pack: RulePack, lang: Lang): string | null {
  if (result.nationalStandard === undefined) return null;
  const vi = lang === 'vi';
  const national = result.nationalStandard;
  return vi
    ? `Chuẩn quốc gia tương ứng: ${national ? nationalName(national, lang) : 'chưa đạt'}`
    : `Corresponding national standard: ${national ? nationalName(national, lang) : 'none'}`;
}

function nationalName(id: string, lang: Lang): string {
  const n = /(\d+)$/.exec(id)?.[1] ?? id;
  return lang === 'vi' ? `mức độ ${n}` : `level ${n}`;
}

function groupName(r: LevelRequirement, lang: Lang): string {
  const vi = lang === 'vi';
  switch (r.group) {
    case 'mandatory':
      return vi ? 'tiêu chí bắt buộc' : 'mandatory criteria';
    case 'others':
      return vi ? 'tiêu chí không bắt buộc' : 'other criteria';
    case 'all':
      return vi ? 'tiêu chí' : 'criteria';
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
