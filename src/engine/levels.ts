import type { Finding, LevelId, LevelResult } from '../types.js';
import type { RulePack } from './rule-types.js';

const PASSING = new Set(['met', 'not_applicable', 'waived']);

/**
 * Levels are cumulative: level i is reached when every error rule of levels 0..i passes.
 * A not-assessable rule blocks its level: a level is never granted on missing data.
 */
export function computeLevels(pack: RulePack, findings: Finding[]): { levels: LevelResult[]; reached: LevelId | null } {
  const order = pack.levels.map((l) => l.id);
  const levels: LevelResult[] = [];
  let reached: LevelId | null = null;
  let stillClimbing = true;
  order.forEach((level, index) => {
    const relevant = findings.filter((f) => f.severity === 'error' && order.indexOf(f.level) <= index);
    const unmet = relevant.filter((f) => f.status === 'unmet').length;
    const notAssessable = relevant.filter((f) => f.status === 'not_assessable').length;
    const ok = relevant.every((f) => PASSING.has(f.status));
    levels.push({ level, reached: ok && stillClimbing, unmet, notAssessable });
    if (ok && stillClimbing) reached = level;
    else stillClimbing = false;
  });
  return { levels, reached };
}

export function levelIndex(pack: RulePack, level: LevelId | null): number {
  return level === null ? -1 : pack.levels.findIndex((l) => l.id === level);
}
