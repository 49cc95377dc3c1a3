import type { SchoolResult } from '../types.js';
import { compareSchools, matchSchool, type SchoolProgress } from './compare.js';
import { readReport, snapshotFromResult, type ReportSnapshot, type SchoolSnapshot } from './snapshot.js';

export interface Pairing {
  pairs: { after: SchoolSnapshot; progress: SchoolProgress }[];
  /** Later schools with no earlier result, and earlier schools with no later one. */
  onlyAfter: SchoolSnapshot[];
  onlyBefore: SchoolSnapshot[];
}

/** Pairs the schools of two runs (by ma_truong, else by folder name) and compares each pair. */
export function pairSnapshots(before: ReportSnapshot, after: { asOf: string | null; schools: SchoolSnapshot[] }, source: string): Pairing {
  const used = new Set<SchoolSnapshot>();
  const pairs: Pairing['pairs'] = [];
  const onlyAfter: SchoolSnapshot[] = [];
  for (const school of after.schools) {
    const match = matchSchool(school, before.schools.filter((s) => !used.has(s)));
    if (!match) {
      onlyAfter.push(school);
      continue;
    }
    used.add(match.school);
    pairs.push({ after: school, progress: compareSchools(match.school, school, { beforeAsOf: before.asOf, afterAsOf: after.asOf, matchedBy: match.by, source }) });
  }
  return { pairs, onlyAfter, onlyBefore: before.schools.filter((s) => !used.has(s)) };
}

export { readReport };

/**
 * `chuan check --baseline PREVIOUS.json`: each checked school gets its progress since the earlier result
 * (the Markdown report prints it). Schools that could not be checked now, or have no earlier result, get none.
 */
export function withBaseline(results: SchoolResult[], before: ReportSnapshot, shownAs: string, asOf: string): { results: SchoolResult[]; unmatched: SchoolResult[] } {
  const checked = results.filter((r) => r.outcome !== 'invalid');
  const snapshots = new Map(checked.map((r) => [snapshotFromResult(r), r] as const));
  const pairing = pairSnapshots(before, { asOf, schools: [...snapshots.keys()] }, shownAs);
  const byResult = new Map(pairing.pairs.map((p) => [snapshots.get(p.after)!, p.progress] as const));
  return {
    results: results.map((r) => (byResult.has(r) ? { ...r, progress: byResult.get(r)! } : r.outcome === 'invalid' ? r : { ...r, baselineMissing: shownAs })),
    unmatched: checked.filter((r) => !byResult.has(r)),
  };
}
