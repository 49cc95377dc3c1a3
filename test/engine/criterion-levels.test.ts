import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCriterionLevels } from '../../src/engine/criterion-levels.js';
import { evaluatePack } from '../../src/engine/evaluate.js';
import { loadCriteria } from '../../src/engine/load-criteria.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { RulePack } from '../../src/engine/rule-types.js';
import { packageRoot } from '../../src/paths.js';
import type { Diagnostic, Finding, FindingStatus } from '../../src/types.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';
import { contextOf } from '../helpers.js';

const pt = loadRuleSet().packs.find((p) => p.id === 'tt57-2026-pho-thong')!;
const MANDATORY = ['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2'];
const OTHERS = ['1.1', '1.2', '2.3', '3.3', '3.4', '3.5', '4.3'];

/** Item findings for a school whose criteria sit at the given levels (2, 1 or 0 = below Mức 1; default 2). */
function school(levels: Record<string, 0 | 1 | 2>, unrated: string[] = []): Finding[] {
  return pt.rules.filter((r) => r.item).map((r) => {
    const at = levels[r.criterion] ?? 2;
    const rank = r.level === 'muc_1' ? 1 : 2;
    // The last item of the first level the criterion misses is the one not met.
    const items = pt.criteria.find((c) => c.id === r.criterion)!.levels.find((l) => l.level === r.level)!.items;
    const failing = rank === at + 1 && r.item!.item === items[items.length - 1]!.id;
    const status: FindingStatus = failing ? (unrated.includes(r.criterion) ? 'not_rated' : 'unmet') : 'met';
    return { ruleId: r.id, status, severity: 'error', level: r.level, standard: r.standard, criterion: r.criterion, location: null };
  });
}
const levelOf = (findings: Finding[]) => computeCriterionLevels(pt, findings, [undefined]);

describe('mandatory-plus-k (57/2026, khoản 3 Điều 5)', () => {
  it('every criterion at Mức 2: Mức 2, nothing left to raise', () => {
    const result = levelOf(school({}));
    expect(result.reached).toBe('muc_2');
    expect(result.nextLevel).toBeUndefined();
    expect(result.criteria).toHaveLength(15);
  });

  it('5 of the 7 others at Mức 2 is Mức 2; 4 of 7 is Mức 1, and the path names one criterion', () => {
    expect(levelOf(school({ '1.1': 1, '1.2': 1 })).reached).toBe('muc_2');
    const four = levelOf(school({ '1.1': 1, '1.2': 1, '2.3': 1 }));
    expect(four.reached).toBe('muc_1');
    const others = four.levels.find((l) => l.level === 'muc_2')!.requirements!.find((r) => r.group === 'others' && r.atLeast === 'muc_2')!;
    expect([others.need, others.have, others.criteria.length]).toEqual([5, 4, 7]);
    expect(four.nextLevel!.steps.map((s) => s.criterion)).toEqual(['1.1']);
    expect(four.nextLevel!.items).toBe(1);
  });

  it('one mandatory criterion at Mức 1 blocks Mức 2', () => {
    const result = levelOf(school({ '2.2': 1 }));
    expect(result.reached).toBe('muc_1');
    expect(result.nextLevel!.steps).toEqual([{ criterion: '2.2', from: 'muc_1', to: 'muc_2', ruleIds: ['TT57.PT.2.2.M2.b'] }]);
  });

  it('one other criterion below Mức 1 blocks Mức 2 even with 6 others at Mức 2', () => {
    const result = levelOf(school({ '4.3': 0 }));
    expect(result.reached).toBe('muc_1');
    expect(result.levels.find((l) => l.level === 'muc_2')!.requirements!.find((r) => r.group === 'others' && r.atLeast === 'muc_1')!.have).toBe(6);
  });

  it('Mức 1 allows two others below Mức 1, not three; a mandatory one below Mức 1 leaves no level', () => {
    expect(levelOf(school({ '4.3': 0, '3.4': 0 })).reached).toBe('muc_1');
    expect(levelOf(school({ '4.3': 0, '3.4': 0, '1.1': 0 })).reached).toBe(null);
    expect(levelOf(school({ '1.3': 0 })).reached).toBe(null);
  });

  it('the shortest path takes the cheapest criteria, unrated before unmet at equal cost, then criterion order', () => {
    // Others at Mức 1: 1.1, 1.2, 2.3, 3.3 (one item each short of Mức 2); 1.2 only unrated.
    const result = levelOf(school({ '1.1': 1, '1.2': 1, '2.3': 1, '3.3': 1 }, ['1.2']));
    expect(result.reached).toBe('muc_1');
    expect(result.nextLevel!.steps.map((s) => s.criterion)).toEqual(['1.1', '1.2']);
    expect([result.nextLevel!.items, result.nextLevel!.unmet]).toEqual([2, 1]);
  });

  it('an unrated item is counted apart from unmet and does not count as met', () => {
    const result = levelOf(school({ '1.1': 1 }, ['1.1']));
    const c = result.criteria.find((x) => x.criterion === '1.1')!;
    expect(c.level).toBe('muc_1');
    expect(c.levels[1]).toMatchObject({ notRated: 1, unmet: 0 });
  });

  it('a multi-level school takes the lowest of its parts', () => {
    const thcs = school({}).map((f) => ({ ...f, part: 'thcs' }));
    const thpt = school({ '2.2': 1 }).map((f) => ({ ...f, part: 'thpt' }));
    const result = computeCriterionLevels(pt, [...thcs, ...thpt], ['thcs', 'thpt']);
    expect(result.reached).toBe('muc_1');
    expect(result.criteria).toHaveLength(30);
    expect(result.nextLevel!.steps).toEqual([{ criterion: '2.2', part: 'thpt', from: 'muc_1', to: 'muc_2', ruleIds: ['TT57.PT.2.2.M2.b'] }]);
  });

  it('the packs hold the mandatory set and the item counts of the digest', () => {
    expect(pt.criteria.filter((c) => c.mandatory).map((c) => c.id)).toEqual(MANDATORY);
    expect(pt.criteria.filter((c) => !c.mandatory).map((c) => c.id)).toEqual(OTHERS);
    expect(pt.rules.filter((r) => r.item).length).toBe(71);
    const mn = loadRuleSet().packs.find((p) => p.id === 'tt57-2026-mam-non')!;
    expect(mn.rules.filter((r) => r.item).length).toBe(60);
  });
});

describe('a computed item and the school rating it', () => {
  const pack: RulePack = { ...pt, id: 'test-criteria', itemIdPrefix: 'T', criteria: [], rules: [], standardNumbers: [1] };
  const diagnostics: Diagnostic[] = [];
  loadCriteria(path.join(packageRoot, 'test/fixtures/criterion-pack'), pack, SchemaRegistry.shared(), diagnostics);
  const evaluate = (soLop: number, rating: string) => {
    const ctx = contextOf({ tc1: { so_lop: soLop, tieu_chi: { '1.1': { muc_1: { a: { danh_gia: rating, minh_chung: ['MC.1.1.01'] }, b: { danh_gia: 'dat', minh_chung: ['MC.1.1.02'] } } } } } });
    ctx.evidenceCodes = new Set(['MC.1.1.01', 'MC.1.1.02']);
    return evaluatePack(pack, ctx, () => null).findings;
  };

  it('loads the fixture: a computed item with its companion rule, and a self-rated one', () => {
    expect(diagnostics).toEqual([]);
    expect(pack.rules.map((r) => r.id)).toEqual(['T.1.1.M1.a', 'T.1.1.M1.a.tu-danh-gia', 'T.1.1.M1.b']);
  });

  it('rated met but the data say unmet: the item is unmet and the contradiction is a finding of its own', () => {
    const findings = evaluate(8, 'dat');
    expect(findings.find((f) => f.ruleId === 'T.1.1.M1.a')!.status).toBe('unmet');
    const conflict = findings.find((f) => f.ruleId === 'T.1.1.M1.a.tu-danh-gia')!;
    expect(conflict).toMatchObject({ status: 'unmet', severity: 'warning' });
    expect(conflict.rating!.conflict).toBe('rated_met_computed_unmet');
    expect(computeCriterionLevels(pack, findings, [undefined]).criteria[0]!.level).toBe(null);
  });

  it('rated not met but the data say met: the item is met, the contradiction still reported', () => {
    const findings = evaluate(12, 'chua_dat');
    expect(findings.find((f) => f.ruleId === 'T.1.1.M1.a')!.status).toBe('met');
    expect(findings.find((f) => f.ruleId === 'T.1.1.M1.a.tu-danh-gia')!.rating!.conflict).toBe('rated_unmet_computed_met');
  });

  it('rating and data agree: no second finding', () => {
    expect(evaluate(12, 'dat').some((f) => f.ruleId.endsWith('.tu-danh-gia'))).toBe(false);
  });
});

describe('self-rated items', () => {
  const rate = (entry: unknown, codes: string[]) => {
    const ctx = contextOf({ tc1: { tieu_chi: { '1.1': { muc_1: { a: entry } } } } });
    ctx.evidenceCodes = new Set(codes);
    const rule = pt.rules.find((r) => r.id === 'TT57.PT.1.1.M1.a')!;
    return evaluatePack({ ...pt, rules: [rule] }, ctx, () => null).findings[0]!;
  };
  it.each([
    [{ danh_gia: 'dat', minh_chung: ['MC.1.1.01'] }, ['MC.1.1.01'], 'met', undefined],
    [{ danh_gia: 'dat' }, [], 'unmet', 'no_evidence'],
    [{ danh_gia: 'dat', minh_chung: ['MC.1.1.09'] }, ['MC.1.1.01'], 'unmet', 'unknown_evidence'],
    [{ danh_gia: 'chua_dat' }, [], 'unmet', undefined],
    [{ danh_gia: 'chua_danh_gia' }, [], 'not_rated', undefined],
    [undefined, [], 'not_rated', undefined],
  ])('%o with register %o: %s', (entry, codes, status, problem) => {
    const finding = rate(entry, codes);
    expect(finding.status).toBe(status);
    expect(finding.rating?.problem).toBe(problem);
  });
});

describe('no regime in the engine', () => {
  it('src/ names no circular number and no pack id', async () => {
    const { execFileSync } = await import('node:child_process');
    const hits = execFileSync('git', ['grep', '-nE', 'tt(02|47|57|59|17|18|19)-20|57/2026|59/2012|47/2012|02/2014|TT57|17/2018|18/2018|19/2018|22/2024|29/2021|TT1[789]', '--', 'src'], { cwd: packageRoot, encoding: 'utf8' }).trim();
    const code = hits.split('\n').filter((line) => !/^\S+?:\d+:\s*(\/\/|\/\*\*|\*)/.test(line));
    expect(code).toEqual([]);
  });
});
