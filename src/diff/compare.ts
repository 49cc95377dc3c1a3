import type { LevelId } from '../types.js';
import type { SchoolSnapshot, SnapshotFinding } from './snapshot.js';

/** One indicator (rule, and element of a for_each rule) in the earlier and the later year. */
export interface IndicatorChange {
  ruleId: string;
  subject?: string;
  standard: number;
  criterion: string;
  before: SnapshotFinding | null;
  after: SnapshotFinding | null;
}

export interface YearSide {
  schoolYear: string | null;
  asOf: string | null;
  target: LevelId | null;
  reached: LevelId | null;
  outcome: SchoolSnapshot['outcome'];
}

/** Year-over-year progress of one school, as plain data; the formatters write the sentences. */
export interface SchoolProgress {
  school: { name: string; code: string | null; folder: string; packId: string | null };
  /** How the earlier result was found: by school code (ma_truong) or by folder name. */
  matchedBy: 'code' | 'folder';
  /** The file the earlier result came from, as the user named it. */
  source: string;
  before: YearSide;
  after: YearSide;
  levelsGained: LevelId[];
  levelsLost: LevelId[];
  /** Unmet before, met (or not applicable, waived) now. */
  resolved: IndicatorChange[];
  /** Unmet now, not unmet before. */
  newGaps: IndicatorChange[];
  /** Unmet in both years, with the values of each. */
  stillUnmet: IndicatorChange[];
  /** Other status changes: data now missing, or assessed for the first time. */
  otherChanges: IndicatorChange[];
  /** Indicators met in both years. */
  metBoth: number;
}

const PASSING = new Set(['met', 'not_applicable', 'waived']);

/**
 * The earlier result of the same school: by school code when both have one, otherwise by folder name.
 * Never by path: the earlier run may have been on another machine or from another working directory.
 */
export function matchSchool(now: SchoolSnapshot, earlier: SchoolSnapshot[]): { school: SchoolSnapshot; by: 'code' | 'folder' } | undefined {
  if (now.code) {
    const byCode = earlier.find((e) => e.code === now.code);
    if (byCode) return { school: byCode, by: 'code' };
  }
  const byFolder = earlier.find((e) => e.folder === now.folder && (!now.code || !e.code));
  return byFolder ? { school: byFolder, by: 'folder' } : undefined;
}

export function compareSchools(before: SchoolSnapshot, after: SchoolSnapshot, sides: { beforeAsOf: string | null; afterAsOf: string | null; matchedBy: 'code' | 'folder'; source: string }): SchoolProgress {
  const key = (f: SnapshotFinding) => `${f.ruleId}\u0000${f.subject ?? ''}`;
  const earlier = new Map(before.findings.map((f) => [key(f), f]));
  const later = new Map(after.findings.map((f) => [key(f), f]));
  const progress: SchoolProgress = {
    school: { name: after.name, code: after.code, folder: after.folder, packId: after.packId },
    matchedBy: sides.matchedBy,
    source: sides.source,
    before: { schoolYear: before.schoolYear, asOf: sides.beforeAsOf, target: before.target, reached: before.reached, outcome: before.outcome },
    after: { schoolYear: after.schoolYear, asOf: sides.afterAsOf, target: after.target, reached: after.reached, outcome: after.outcome },
    levelsGained: after.levels.filter((l) => l.reached && !before.levels.some((b) => b.level === l.level && b.reached)).map((l) => l.level),
    levelsLost: before.levels.filter((b) => b.reached && !after.levels.some((l) => l.level === b.level && l.reached)).map((b) => b.level),
    resolved: [],
    newGaps: [],
    stillUnmet: [],
    otherChanges: [],
    metBoth: 0,
  };
  const keys = [...new Set([...earlier.keys(), ...later.keys()])];
  for (const k of keys) {
    const b = earlier.get(k) ?? elementOf(k, before.findings);
    const a = later.get(k) ?? elementOf(k, after.findings);
    if (!a && !b) continue;
    const any = (a ?? b)!;
    const change: IndicatorChange = { ruleId: any.ruleId, ...(any.subject !== undefined ? { subject: any.subject } : {}), standard: any.standard, criterion: any.criterion, before: b, after: a };
    const wasUnmet = b?.status === 'unmet';
    const isUnmet = a?.status === 'unmet';
    if (wasUnmet && isUnmet) progress.stillUnmet.push(change);
    else if (isUnmet) progress.newGaps.push(change);
    else if (wasUnmet && a && PASSING.has(a.status)) progress.resolved.push(change);
    else if (a && b && a.status === 'met' && b.status === 'met') progress.metBoth++;
    else if (a && b && a.status !== b.status) progress.otherChanges.push(change);
    else if (wasUnmet && !a) progress.otherChanges.push(change);
  }
  for (const list of [progress.resolved, progress.newGaps, progress.stillUnmet, progress.otherChanges]) list.sort(compareChanges);
  return progress;
}

/**
 * A for_each rule reports only its failing elements ("— Trần Thị Mai"), or one finding for the whole rule when
 * none fails. An element missing on one side therefore did not fail there: it takes the rule's own finding
 * when there is one (all passed, or the list is missing), else it passed while other elements failed.
 * A subjectless key whose rule reports elements on that side is not an indicator of its own: null.
 */
function elementOf(key: string, findings: SnapshotFinding[]): SnapshotFinding | null {
  const [ruleId, subject] = key.split('\u0000') as [string, string];
  const same = findings.filter((f) => f.ruleId === ruleId);
  if (same.length === 0 || subject === '') return null;
  const whole = same.find((f) => f.subject === undefined);
  const base = whole ?? same[0]!;
  const { measure: _m, gap: _g, ...rest } = base;
  return whole ? { ...rest, subject, ...(base.measure && base.status !== 'met' ? { measure: base.measure } : {}) } : { ...rest, subject, status: 'met' };
}

function compareChanges(a: IndicatorChange, b: IndicatorChange): number {
  const order = (c: string) => {
    const [s, n] = c.split('.');
    return Number(s) * 1000 + Number(n);
  };
  return a.standard - b.standard || order(a.criterion) - order(b.criterion) || cmp(a.ruleId, b.ruleId) || cmp(a.subject ?? '', b.subject ?? '');
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
