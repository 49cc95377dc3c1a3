// Criterion regimes in the machine formats (JUnit, SARIF, GitHub): where each criterion and each school
// level stands against the school's target, in the terms of the level model and the shortest path.
import { levelIndex } from '../engine/levels.js';
import type { CriterionLevelModel, RulePack } from '../engine/rule-types.js';
import type { CriterionResult, Finding, LevelResult, SchoolResult } from '../types.js';
import { tr, type FormatContext } from './context.js';
import { criterionLevelName, partName, requirementLines } from './criteria-lines.js';
import { levelName } from './text.js';

export type CaseOutcome = 'passed' | 'failure' | 'skipped';

export interface Verdict {
  outcome: CaseOutcome;
  /** One line: the level reached and what the target needs of it. */
  message: string;
}

const model = (pack: RulePack): CriterionLevelModel => pack.levelModel as CriterionLevelModel;

/** "1.3 (cấp THCS)": a criterion, with its part in a multi-level school. */
export function criterionLabel(c: Pick<CriterionResult, 'criterion' | 'part'>, ctx: FormatContext): string {
  return `${c.criterion}${c.part ? ` (${partName(c.part, ctx.lang)})` : ''}`;
}

/** The school levels a check reports on: up to the target (every level when the profile names none). */
export function levelsInScope(r: SchoolResult, pack: RulePack): LevelResult[] {
  const target = levelIndex(pack, r.profile.target);
  return r.levels.filter((l) => target < 0 || levelIndex(pack, l.level) <= target);
}

/** The shortest path's step for a criterion, when the path leads to a level within the target. */
export function pathStep(r: SchoolResult, pack: RulePack, c: Pick<CriterionResult, 'criterion' | 'part'>): NonNullable<SchoolResult['nextLevel']>['steps'][number] | undefined {
  const path = r.nextLevel;
  const target = levelIndex(pack, r.profile.target);
  if (!path || (target >= 0 && levelIndex(pack, path.level) > target)) return undefined;
  return path.steps.find((s) => s.criterion === c.criterion && s.part === c.part);
}

/**
 * A criterion against the target: failure when the shortest path to the next level (within the target)
 * raises it; passed when it is at the target level or above (or at the top criterion level); skipped
 * otherwise — below the target, but the level model does not need it for the next level.
 */
export function criterionVerdict(r: SchoolResult, pack: RulePack, c: CriterionResult, ctx: FormatContext): Verdict {
  const v = ctx.lang === 'vi';
  const levels = model(pack).criterionLevels.map((l) => l.id);
  const reached = criterionLevelName(pack, c.level, ctx.lang);
  const step = pathStep(r, pack, c);
  if (step) {
    const items = step.ruleIds.map(itemCode).join(', ');
    return {
      outcome: 'failure',
      message: v
        ? `${reached}, cần nâng lên ${criterionLevelName(pack, step.to, ctx.lang)} để trường đạt ${levelName(pack, r.nextLevel!.level, ctx.lang)} — yêu cầu ${items}`
        : `${reached}, to be raised to ${criterionLevelName(pack, step.to, ctx.lang)} for the school to reach ${levelName(pack, r.nextLevel!.level, ctx.lang)} — requirements ${items}`,
    };
  }
  const wanted = r.profile.target && levels.includes(r.profile.target) ? levels.indexOf(r.profile.target) : levels.length - 1;
  const rank = c.level === null ? -1 : levels.indexOf(c.level);
  if (rank >= wanted) return { outcome: 'passed', message: reached };
  const next = r.nextLevel ? levelName(pack, r.nextLevel.level, ctx.lang) : levelName(pack, r.profile.target, ctx.lang);
  return {
    outcome: 'skipped',
    message: v
      ? `${reached} (mức đích ${levelName(pack, r.profile.target, ctx.lang)}): không nằm trên đường ngắn nhất lên ${next}`
      : `${reached} (target ${levelName(pack, r.profile.target, ctx.lang)}): not on the shortest path to ${next}`,
  };
}

/** "M2a" for TT57.PT.1.3.M2.a: the item's level code and letter. */
export function itemCode(ruleId: string): string {
  return ruleId.split('.').slice(-2).join('');
}

/** The requirement lines of one school level ("✖ Mức 2: cần cả 8/8 tiêu chí bắt buộc đạt Mức 2 trở lên, hiện có 7/8"). */
export function levelRequirementLines(r: SchoolResult, pack: RulePack, level: LevelResult, ctx: FormatContext): string[] {
  return requirementLines({ ...r, levels: [level] }, pack, ctx.lang);
}

/** A school level against the target: passed when reached, failure when not, with its first unmet requirement. */
export function levelVerdict(r: SchoolResult, pack: RulePack, level: LevelResult, ctx: FormatContext): Verdict {
  const v = ctx.lang === 'vi';
  const name = levelName(pack, level.level, ctx.lang);
  if (level.reached) return { outcome: 'passed', message: `${name}: ${v ? 'đạt' : 'reached'}` };
  const unmet = levelRequirementLines(r, pack, level, ctx).find((l) => l.startsWith('✖'));
  const blocked = unmet
    ? unmet.replace(/^✖ /, '')
    : v
      ? `${name}: ${level.unmet} yêu cầu hoặc thủ tục chưa đạt, ${level.notRated ?? 0} chưa tự đánh giá, ${level.notAssessable} chưa đủ dữ liệu`
      : `${name}: ${level.unmet} requirement(s) or procedure rule(s) unmet, ${level.notRated ?? 0} not rated, ${level.notAssessable} not assessable`;
  return { outcome: 'failure', message: `${v ? 'chưa đạt' : 'not reached'} — ${blocked}` };
}

/** The items of a criterion (one part) still to raise to the level of its path step, in report order. */
export function stepFindings(r: SchoolResult, step: NonNullable<SchoolResult['nextLevel']>['steps'][number]): Finding[] {
  const ids = new Set(step.ruleIds);
  return r.findings.filter((f) => ids.has(f.ruleId) && f.part === step.part && f.severity === 'error');
}

export const criterionName = (pack: RulePack, id: string, ctx: FormatContext): string => {
  const criterion = pack.criteria.find((c) => c.id === id);
  return criterion ? tr(criterion.name, ctx.lang) : id;
};
