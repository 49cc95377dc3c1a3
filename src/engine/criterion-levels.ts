import type { CriterionResult, Finding, LevelId, LevelPath, LevelRequirement, LevelResult } from '../types.js';
import type { Criterion, CriterionGroup, CriterionLevelModel, LevelRequirementSpec, RulePack } from './rule-types.js';
import { inWindow } from './wordings.js';

const PASSING = new Set(['met', 'not_applicable', 'waived']);

/** What a school reached under a criterion level model (criterion_cumulative, mandatory_plus_k). */
export interface CriterionLevels {
  criteria: CriterionResult[];
  levels: LevelResult[];
  reached: LevelId | null;
  nextLevel?: LevelPath;
}

/** One part's items of one criterion, by criterion level (a whole school is one part). */
interface CriterionState {
  criterion: Criterion;
  part: string | undefined;
  byLevel: Finding[][];
  /** Index of the highest criterion level reached, -1 below the first. */
  rank: number;
}

/**
 * A criterion's level is the highest n whose items at levels 1..n are all met (sequential: Mức 2 only on
 * top of Mức 1). A school level needs every requirement of the model for that level, every error rule
 * (procedure) of that level and below, and every lower level; a multi-level school takes its lowest part.
 */
export function computeCriterionLevels(pack: RulePack, findings: Finding[], parts: (string | undefined)[], date?: string): CriterionLevels {
  const model = pack.levelModel as CriterionLevelModel;
  const levelIds = model.criterionLevels.map((l) => l.id);
  const items = itemRuleIds(pack);
  const itemFindings = findings.filter((f) => items.has(f.ruleId) && f.severity === 'error');
  // Criteria in force on the date only (an amendment may have replaced some).
  const criteria = date === undefined ? pack.criteria : pack.criteria.filter((c) => inWindow(c.inForce, date));
  const states = parts.flatMap((part) => criteria.map((criterion) => criterionState(criterion, part, itemFindings, levelIds)));
  const order = pack.levels.map((l) => l.id);
  const recognition = recognitionRuleIds(pack);
  const ruleFindings = findings.filter((f) => !items.has(f.ruleId) && f.severity === 'error' && !recognition.has(f.ruleId));

  const levels: LevelResult[] = [];
  let reached: LevelId | null = null;
  let climbing = true;
  order.forEach((level, index) => {
    const specs = model.schoolLevels[level] ?? [];
    const requirements = parts.flatMap((part) => specs.map((spec) => requirement(spec, states.filter((s) => s.part === part), levelIds, part)));
    const rules = ruleFindings.filter((f) => order.indexOf(f.level) <= index);
    const levelItems = states.flatMap((s) => s.byLevel.slice(0, levelIds.indexOf(level) + 1).flat());
    const ok = requirements.every((r) => r.have >= r.need) && rules.every((f) => PASSING.has(f.status));
    const result: LevelResult = {
      level,
      reached: ok && climbing,
      unmet: count(levelItems, 'unmet') + count(rules, 'unmet'),
      notAssessable: count(levelItems, 'not_assessable') + count(rules, 'not_assessable'),
      notRated: count(levelItems, 'not_rated'),
      requirements,
    };
    levels.push(result);
    if (ok && climbing) reached = level;
    else climbing = false;
  });

  const results = states.map((s) => criterionResult(s, levelIds));
  const next = order[reached === null ? 0 : order.indexOf(reached) + 1];
  const out: CriterionLevels = { criteria: results, levels, reached };
  if (next !== undefined) out.nextLevel = shortestPath(next, model, states, parts, ruleFindings.filter((f) => order.indexOf(f.level) <= order.indexOf(next) && !PASSING.has(f.status)), levelIds);
  return out;
}

function criterionState(criterion: Criterion, part: string | undefined, findings: Finding[], levelIds: LevelId[]): CriterionState {
  const byLevel: Finding[][] = levelIds.map(() => []);
  for (const f of findings) {
    if (f.criterion !== criterion.id || f.part !== part) continue;
    const index = levelIds.indexOf(f.level);
    if (index >= 0) byLevel[index]!.push(f);
  }
  let rank = -1;
  for (let i = 0; i < byLevel.length; i++) {
    if (!byLevel[i]!.every((f) => PASSING.has(f.status))) break;
    rank = i;
  }
  return { criterion, part, byLevel, rank };
}

/**
 * The level to name for a criterion at `rank`: the highest level up to it that has items (a criterion with no
 * Mức 3 requirement that meets all its Mức 1 and Mức 2 ones counts towards Mức 3 but is named at Mức 2).
 */
function shownLevel(state: CriterionState, rank: number, levelIds: LevelId[]): LevelId | null {
  if (rank < 0) return null;
  for (let i = rank; i >= 0; i--) if (state.byLevel[i]!.length > 0) return levelIds[i]!;
  return levelIds[rank]!;
}

function criterionResult(state: CriterionState, levelIds: LevelId[]): CriterionResult {
  const result: CriterionResult = {
    criterion: state.criterion.id,
    standard: state.criterion.standard,
    mandatory: state.criterion.mandatory,
    level: shownLevel(state, state.rank, levelIds),
    levels: state.byLevel.map((items, i) => ({
      level: levelIds[i]!,
      met: items.filter((f) => PASSING.has(f.status)).length,
      unmet: count(items, 'unmet'),
      notRated: count(items, 'not_rated'),
      notAssessable: count(items, 'not_assessable'),
      total: items.length,
    })),
  };
  if (state.part !== undefined) result.part = state.part;
  return result;
}

function groupOf(spec: CriterionGroup, states: CriterionState[], rank: number): CriterionState[] {
  if (spec === 'all') return states;
  if (spec === 'having') return states.filter((s) => s.byLevel[rank]!.length > 0);
  if (spec === 'mandatory') return states.filter((s) => s.criterion.mandatory);
  if (spec === 'others') return states.filter((s) => !s.criterion.mandatory);
  return states.filter((s) => spec.includes(s.criterion.id));
}

function requirement(spec: LevelRequirementSpec, states: CriterionState[], levelIds: LevelId[], part: string | undefined): LevelRequirement {
  const rank = levelIds.indexOf(spec.at_least);
  const group = groupOf(spec.criteria, states, rank);
  const result: LevelRequirement = {
    group: Array.isArray(spec.criteria) ? 'listed' : spec.criteria,
    criteria: group.map((s) => s.criterion.id),
    atLeast: spec.at_least,
    need: spec.count ?? group.length,
    have: group.filter((s) => s.rank >= rank).length,
  };
  if (part !== undefined) result.part = part;
  return result;
}

/** Items of a criterion still to raise for it to reach criterion level index `rank`. */
function toRaise(state: CriterionState, rank: number): Finding[] {
  return state.byLevel.slice(0, rank + 1).flat().filter((f) => !PASSING.has(f.status));
}

/**
 * The fewest items to raise for `level`: first every criterion a whole-group requirement names, then, for a
 * counted requirement (k of a group), the cheapest further criteria — fewest items, then fewest unmet
 * items (an unrated item may only need rating), then criterion order. Costs are independent per
 * criterion, so taking the cheapest one by one is optimal for one counted requirement per level (every
 * model here); with several, each is filled in turn.
 */
function shortestPath(level: LevelId, model: CriterionLevelModel, all: CriterionState[], parts: (string | undefined)[], rules: Finding[], levelIds: LevelId[]): LevelPath {
  const specs = model.schoolLevels[level] ?? [];
  const targets = new Map<CriterionState, number>();
  const raiseTo = (s: CriterionState, rank: number): void => {
    if (s.rank < rank && (targets.get(s) ?? -1) < rank) targets.set(s, rank);
  };
  for (const part of parts) {
    const states = all.filter((s) => s.part === part);
    for (const spec of specs.filter((x) => x.count === undefined)) for (const s of groupOf(spec.criteria, states, levelIds.indexOf(spec.at_least))) raiseTo(s, levelIds.indexOf(spec.at_least));
    for (const spec of specs.filter((x) => x.count !== undefined)) {
      const rank = levelIds.indexOf(spec.at_least);
      const group = groupOf(spec.criteria, states, rank);
      const short = spec.count! - group.filter((s) => Math.max(s.rank, targets.get(s) ?? -1) >= rank).length;
      const candidates = group
        .filter((s) => Math.max(s.rank, targets.get(s) ?? -1) < rank)
        .map((s) => ({ s, extra: extraCost(s, rank, targets.get(s) ?? s.rank) }))
        .sort((a, b) => a.extra.items - b.extra.items || a.extra.unmet - b.extra.unmet || compareCriteria(a.s.criterion.id, b.s.criterion.id));
      for (const { s } of candidates.slice(0, Math.max(0, short))) raiseTo(s, rank);
    }
  }
  const steps = [...targets.entries()]
    .sort(([a], [b]) => parts.indexOf(a.part) - parts.indexOf(b.part) || compareCriteria(a.criterion.id, b.criterion.id))
    .map(([s, rank]) => {
      const step: LevelPath['steps'][number] = { criterion: s.criterion.id, from: shownLevel(s, s.rank, levelIds), to: shownLevel(s, rank, levelIds)!, ruleIds: toRaise(s, rank).map((f) => f.ruleId) };
      if (s.part !== undefined) step.part = s.part;
      return step;
    });
  const raised = [...targets.entries()].flatMap(([s, rank]) => toRaise(s, rank));
  return { level, items: raised.length, unmet: count(raised, 'unmet'), steps, rules: rules.map((f) => f.ruleId) };
}

function extraCost(state: CriterionState, rank: number, already: number): { items: number; unmet: number } {
  const more = toRaise(state, rank).filter((f) => !toRaise(state, already).includes(f));
  return { items: more.length, unmet: count(more, 'unmet') };
}

/** "1.10" after "1.9". */
export function compareCriteria(a: string, b: string): number {
  const [as, ac] = a.split('.').map(Number) as [number, number];
  const [bs, bc] = b.split('.').map(Number) as [number, number];
  return as - bs || ac - bc;
}

function count(findings: Finding[], status: Finding['status']): number {
  let n = 0;
  for (const f of findings) if (f.status === status) n++;
  return n;
}

const itemIds = new WeakMap<RulePack, Set<string>>();
const recognitionIds = new WeakMap<RulePack, Set<string>>();

export function itemRuleIds(pack: RulePack): Set<string> {
  let ids = itemIds.get(pack);
  if (!ids) itemIds.set(pack, (ids = new Set(pack.rules.filter((r) => r.item).map((r) => r.id))));
  return ids;
}

export function recognitionRuleIds(pack: RulePack): Set<string> {
  let ids = recognitionIds.get(pack);
  if (!ids) recognitionIds.set(pack, (ids = new Set(pack.rules.filter((r) => r.scope === 'recognition').map((r) => r.id))));
  return ids;
}
