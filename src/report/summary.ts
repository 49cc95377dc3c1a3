import { compareStrings } from '../discover/school-folders.js';
import { levelIndex } from '../engine/levels.js';
import type { RulePack } from '../engine/rule-types.js';
import type { Finding, FindingStatus, SchoolResult } from '../types.js';

export interface CriterionSummary {
  criterion: string;
  status: FindingStatus;
  findings: Finding[];
}

export interface StandardSummary {
  standard: number;
  criteria: CriterionSummary[];
  met: number;
  unmet: number;
  notAssessable: number;
}

/** The groups every report prints, computed once from a school result. */
export interface SchoolView {
  /** Every finding, in report order. */
  findings: Finding[];
  /** Error findings up to the target level, in report order: what the standards table counts. */
  scoped: Finding[];
  /** Error findings up to the target level, unmet: the gaps to close. */
  gaps: Finding[];
  /** Error findings above the target level, unmet: what the next level would need. */
  beyondTarget: Finding[];
  /** Advisory (warning) rules unmet. */
  advisories: Finding[];
  notAssessable: Finding[];
  waived: Finding[];
  /** Criterion regimes: items the school has not rated yet, up to the target level. */
  notRated: Finding[];
}

/** Report order: standard, criterion, rule, subject; code-point order, so every machine sorts alike. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.standard - b.standard || criterionOrder(a.criterion) - criterionOrder(b.criterion) || compareStrings(a.ruleId, b.ruleId) || compareStrings(a.subject ?? '', b.subject ?? '');
}

/** "2.10" -> 210; criteria are few, sorts ask for them again and again. */
const criterionOrders = new Map<string, number>();
const criterionOrder = (c: string): number => {
  let order = criterionOrders.get(c);
  if (order === undefined) {
    const [s, n] = c.split('.');
    order = Number(s) * 100 + Number(n);
    criterionOrders.set(c, order);
  }
  return order;
};

/**
 * The findings in report order (compareFindings). With the school's pack, each rule's place in that order
 * is computed once per pack, so sorting a school compares two numbers and, for one rule, two subjects.
 */
export function sortFindings(findings: readonly Finding[], pack: RulePack | undefined): Finding[] {
  const rank = pack ? ruleRanks(pack) : undefined;
  if (!rank || !findings.every((f) => rank.has(f.ruleId))) return [...findings].sort(compareFindings);
  return [...findings].sort((a, b) => rank.get(a.ruleId)! - rank.get(b.ruleId)! || compareStrings(a.subject ?? '', b.subject ?? ''));
}

const ranks = new WeakMap<RulePack, Map<string, number>>();

function ruleRanks(pack: RulePack): Map<string, number> {
  let rank = ranks.get(pack);
  if (!rank) {
    const ordered = [...pack.rules].sort((a, b) => a.standard - b.standard || criterionOrder(a.criterion) - criterionOrder(b.criterion) || compareStrings(a.id, b.id));
    rank = new Map(ordered.map((rule, i) => [rule.id, i]));
    ranks.set(pack, rank);
  }
  return rank;
}

export function viewOf(result: SchoolResult, pack: RulePack | undefined): SchoolView {
  const targetIndex = pack && result.profile.target ? levelIndex(pack, result.profile.target) : Number.MAX_SAFE_INTEGER;
  const inScope = (f: Finding) => !pack || levelIndex(pack, f.level) <= targetIndex;
  const sorted = sortFindings(result.findings, pack);
  const errors = sorted.filter((f) => f.severity === 'error');
  const scoped = errors.filter(inScope);
  return {
    findings: sorted,
    scoped,
    gaps: scoped.filter((f) => f.status === 'unmet'),
    beyondTarget: errors.filter((f) => !inScope(f) && f.status === 'unmet'),
    advisories: sorted.filter((f) => f.severity === 'warning' && f.status === 'unmet'),
    notAssessable: sorted.filter((f) => f.status === 'not_assessable' && (f.severity === 'warning' || inScope(f))),
    waived: sorted.filter((f) => f.status === 'waived'),
    notRated: scoped.filter((f) => f.status === 'not_rated'),
  };
}

/** The five standards' criteria met / unmet / not assessable, for the reports that print the standards table. */
export function standardSummaries(view: SchoolView, numbers: readonly number[] = [1, 2, 3, 4, 5]): StandardSummary[] {
  return numbers.map((standard) => summariseStandard(standard, view.scoped.filter((f) => f.standard === standard)));
}

function summariseStandard(standard: number, findings: Finding[]): StandardSummary {
  const byCriterion = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCriterion.get(f.criterion);
    if (list) list.push(f);
    else byCriterion.set(f.criterion, [f]);
  }
  const criteria = [...byCriterion.entries()].map(([criterion, list]): CriterionSummary => ({ criterion, status: criterionStatus(list), findings: list }));
  return {
    standard,
    criteria,
    met: criteria.filter((c) => c.status === 'met').length,
    unmet: criteria.filter((c) => c.status === 'unmet').length,
    notAssessable: criteria.filter((c) => c.status === 'not_assessable').length,
  };
}

function criterionStatus(findings: Finding[]): FindingStatus {
  if (findings.some((f) => f.status === 'unmet')) return 'unmet';
  if (findings.some((f) => f.status === 'not_assessable')) return 'not_assessable';
  if (findings.every((f) => f.status === 'not_applicable')) return 'not_applicable';
  return 'met';
}
