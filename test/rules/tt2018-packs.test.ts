import { describe, expect, it } from 'vitest';
import { schoolYearRange, wordingDate } from '../../src/engine/context.js';
import { computeCriterionLevels } from '../../src/engine/criterion-levels.js';
import { evaluatePack } from '../../src/engine/evaluate.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { Check, Rule, RulePack } from '../../src/engine/rule-types.js';
import { versionOf } from '../../src/engine/wordings.js';
import type { Finding } from '../../src/types.js';
import { contextOf } from '../helpers.js';
import { conditionsTo, expected, fill, hasSide, holds, numericLeaves, ratings, satisfy, SCHOOL_YEAR, type Offset, type Target } from './tt2018-data.js';

// The packs of Circulars 18/2018 (THCS, THPT, nhiều cấp) and 19/2018 (mầm non), as amended by 22/2024:
// every number of every computed item through the real checker, the four cumulative levels, the national
// standard they imply, TT 29/2021 and the 22/2024 wordings in time.
const set = loadRuleSet();
const tt18 = set.packs.find((p) => p.id === 'tt18-2018')!;
const tt19 = set.packs.find((p) => p.id === 'tt19-2018')!;
const CODE = '[H1-1.1-01]';
const SCHOOL_TYPE: Record<string, string> = { 'tt18-2018': 'thcs', 'tt19-2018': 'mam_non' };

type Roots = Record<string, Record<string, unknown>>;

function baseRoots(pack: RulePack, namHoc: string): Roots {
  const roots: Roots = { truong: { nam_hoc: namHoc, cap_hoc: SCHOOL_TYPE[pack.id], khu_vuc: 'nong_thon', vung_kho_khan: false, co_khoa_hoan_thanh: true, so_lop: 10, so_hoc_sinh: 1000 } };
  // A lower-secondary school reports its results for its one level.
  if (pack.id === 'tt18-2018') roots['tc5'] = { ket_qua_theo_cap_hoc: [{ cap_hoc: 'thcs' }] };
  return roots;
}

/** Data meeting every computed rule of `rules` (the target at its threshold plus offset), every item rated met. */
function school(pack: RulePack, rules: Rule[], target: Target | null, namHoc = SCHOOL_YEAR): Roots {
  const roots = baseRoots(pack, namHoc);
  // The target's situation first (its item's `when`, the only_if and where conditions on the way to it).
  for (const rule of rules) {
    if (target && conditionsTo(rule.check, target.leaf)) {
      if (rule.when) satisfy(rule.when, roots, null);
      for (const cond of conditionsTo(rule.check, target.leaf)!) if (!hasItemPath(cond)) satisfy(cond, roots, null);
    }
  }
  for (const rule of rules) {
    if (rule.check.type === 'self_rated') continue;
    // An item that does not apply in this situation gets no data; one whose condition reads data still absent gets it.
    if (rule.when && holds(rule.when, roots, null) === false) continue;
    if (rule.when) satisfy(rule.when, roots, null);
    fill(rule.check, roots, null, target);
  }
  ratings(rules, roots, CODE);
  return roots;
}

function hasItemPath(cond: unknown): boolean {
  return JSON.stringify(cond).includes('"item.');
}

function evaluate(pack: RulePack, rules: Rule[], roots: Roots, date: string): Finding[] {
  const ctx = contextOf(roots, [], String(roots['truong']!['nam_hoc']));
  ctx.date = date;
  ctx.asOf = date;
  ctx.evidenceCodes = new Set([CODE]);
  return evaluatePack({ ...pack, rules }, ctx, () => null).findings;
}

const computed = (pack: RulePack) => pack.rules.filter((r) => (r.item ? r.item.computed && !r.item.conflictOf : r.check.type !== 'self_rated'));
const companions = (pack: RulePack, rule: Rule) => pack.rules.filter((r) => r === rule || r.item?.conflictOf === rule.id);

const cases = [tt18, tt19].flatMap((pack) =>
  computed(pack).flatMap((rule) =>
    numericLeaves(rule.check).flatMap(({ leaf, name }) =>
      ([-1, 0, 1] as Offset[]).filter((o) => hasSide(leaf, o)).map((offset) => [`${rule.id} ${name} ${offset === 0 ? 'at' : offset < 0 ? 'just below' : 'just above'}`, pack, rule, leaf, offset] as const),
    ),
  ),
);

describe('every number of every computed item: at, just below and just above its threshold', () => {
  it('covers the computed items of both packs', () => {
    expect(computed(tt18).length).toBeGreaterThanOrEqual(20);
    expect(computed(tt19).length).toBeGreaterThanOrEqual(30);
    expect(cases.length).toBeGreaterThan(250);
  });

  it.each(cases)('%s', (_name, pack, rule, leaf, offset) => {
    const rules = companions(pack, rule);
    const findings = evaluate(pack, rules, school(pack, [rule], { leaf, offset }), '2021-05-31');
    const finding = findings.find((f) => f.ruleId === rule.id)!;
    expect(finding.status, JSON.stringify(finding)).toBe(expected(leaf, offset));
  });
});

/** A whole school meeting every item of the pack, except one threshold put just past it. */
function wholeSchool(pack: RulePack, target: Target | null, date = '2021-05-31', namHoc = SCHOOL_YEAR) {
  const rules = pack.rules.filter((r) => r.scope !== 'recognition');
  const roots = school(pack, rules, target, namHoc);
  const findings = evaluate(pack, rules, roots, date);
  return { findings, levels: computeCriterionLevels(pack, findings, [undefined], date) };
}

function leafOf(pack: RulePack, ruleId: string, pick: (c: Check) => boolean = () => true): Target {
  const leaf = numericLeaves(pack.rules.find((r) => r.id === ruleId)!.check).map((l) => l.leaf).find(pick)!;
  return { leaf, offset: (leaf.type === 'max_rate' || leaf.type === 'max_value' ? 1 : -1) as Offset };
}

describe.each([
  [tt18, 'TT18.2.2.M1.c', 'TT18.1.5.M2.a', 'TT18.5.6.M3.b', 'TT18.5.6.M4.a'],
  [tt19, 'TT19.2.2.M1.c', 'TT19.5.4.M2.b', 'TT19.5.3.M3.a', 'TT19.5.4.M4.a'],
])('%s: cumulative levels Mức 1–4 and the national standard', (pack, m1, m2, m3, m4) => {
  it('every item met: Mức 4, national standard mức độ 2', () => {
    const { findings, levels } = wholeSchool(pack, null);
    expect(findings.filter((f) => f.severity === 'error' && !['met', 'not_applicable'].includes(f.status)).map((f) => `${f.ruleId} ${f.status}`)).toEqual([]);
    expect(levels.reached).toBe('muc_4');
    expect(pack.nationalStandard!.fromLevels['muc_4']).toBe('muc_do_2');
  });

  it.each([
    [m1, null, undefined],
    [m2, 'muc_1', undefined],
    [m3, 'muc_2', 'muc_do_1'],
    [m4, 'muc_3', 'muc_do_2'],
  ])('one number just short in %s: reached %s (national standard %s)', (ruleId, reached, national) => {
    const { levels } = wholeSchool(pack, leafOf(pack, ruleId));
    expect(levels.reached).toBe(reached);
    expect(reached === null ? undefined : pack.nationalStandard!.fromLevels[reached]).toBe(national);
  });
});

describe('the situation decides the threshold (trường thuộc vùng khó khăn: 50 % instead of 60 %)', () => {
  const rule = tt18.rules.find((r) => r.id === 'TT18.2.2.M2.b')!;
  const years = (roots: Roots) => (roots['tc2']!['giao_vien'] as { theo_nam: Record<string, unknown>[] }).theo_nam;
  const run = (vungKhoKhan: boolean, kha: number) => {
    const roots = school(tt18, [rule], null);
    roots['truong']!['vung_kho_khan'] = vungKhoKhan;
    for (const y of years(roots)) Object.assign(y, { tong_so: 20, tot: 4, kha: kha - 4, dat: 20 - kha, chua_dat: 0 });
    return evaluate(tt18, companions(tt18, rule), roots, '2021-05-31').find((f) => f.ruleId === rule.id)!;
  };
  it('11 of 20 teachers "khá" or above (55 %) in each of 5 years: short of 60 % elsewhere, enough in a disadvantaged area', () => {
    expect(run(false, 11)).toMatchObject({ status: 'unmet', measure: { threshold: 60, numerator: 11, denominator: 20 }, gap: 1 });
    expect(run(true, 11).status).toBe('met');
    expect(run(true, 9)).toMatchObject({ status: 'unmet', measure: { threshold: 50, numerator: 9 } });
    expect(run(false, 12).status).toBe('met');
  });
  it('the situation not stated: not assessable, naming truong.vung_kho_khan', () => {
    const roots = school(tt18, [rule], null);
    delete roots['truong']!['vung_kho_khan'];
    const f = evaluate(tt18, companions(tt18, rule), roots, '2021-05-31').find((x) => x.ruleId === rule.id)!;
    expect(f).toMatchObject({ status: 'not_assessable' });
    expect(f.missingData).toContain('truong.vung_kho_khan');
  });
  it('a year missing from the five makes the item not assessable, naming the year', () => {
    const roots = school(tt18, [rule], null);
    (roots['tc2']!['giao_vien'] as { theo_nam: { nam_hoc: string }[] }).theo_nam = years(roots).filter((y) => y['nam_hoc'] !== '2017-2018') as { nam_hoc: string }[];
    const f = evaluate(tt18, companions(tt18, rule), roots, '2021-05-31').find((x) => x.ruleId === rule.id)!;
    expect(f).toMatchObject({ status: 'not_assessable', missingData: ['tc2.giao_vien.theo_nam[nam_hoc=2017-2018]'] });
  });
});

describe('TT 29/2021: training-level items not applicable from 20/10/2021, with reason and reference', () => {
  const trained = (pack: RulePack, id: string, namHoc: string, date: string) => {
    const rule = pack.rules.find((r) => r.id === id)!;
    const roots = school(pack, [rule], { leaf: numericLeaves(rule.check)[0]!.leaf, offset: -1 }, namHoc);
    return evaluate(pack, companions(pack, rule), roots, date);
  };
  it.each([
    [tt18, 'TT18.2.2.M1.b'],
    [tt19, 'TT19.2.2.M1.b'],
    [tt19, 'TT19.2.2.M2.a'],
    [tt19, 'TT19.2.2.M3.a'],
  ])('%s %s: computed (and short) on 19/10/2021, not applicable from 20/10/2021, no rating conflict', (pack, id) => {
    expect(trained(pack, id, '2021-2022', '2021-10-19').find((f) => f.ruleId === id)!.status).toBe('unmet');
    const on = trained(pack, id, '2021-2022', '2021-10-20');
    expect(on.find((f) => f.ruleId === id)).toMatchObject({ status: 'not_applicable', reason: { reference: 'Thông tư 29/2021/TT-BGDĐT, Điều 1' } });
    expect(on.some((f) => f.ruleId === `${id}.tu-danh-gia`)).toBe(false);
  });
  it('the 18/2018 self-rated item 2.2 Mức 2 a (share above the training standard) is not applicable as well', () => {
    const rule = tt18.rules.find((r) => r.id === 'TT18.2.2.M2.a')!;
    const roots = school(tt18, [rule], null, '2022-2023');
    expect(evaluate(tt18, [rule], roots, '2023-05-31')[0]).toMatchObject({ status: 'not_applicable', reason: { reference: 'Thông tư 29/2021/TT-BGDĐT, Điều 1' } });
  });
  it('19/2018 2.2 Mức 2 a and Mức 3 a: from 25/01/2025 the reason is their repeal by 22/2024', () => {
    const f = trained(tt19, 'TT19.2.2.M2.a', '2024-2025', '2025-03-01').find((x) => x.ruleId === 'TT19.2.2.M2.a')!;
    expect(f).toMatchObject({ status: 'not_applicable', reason: { reference: 'Thông tư 22/2024/TT-BGDĐT, Điều 4, khoản 3' }, wording: { from: '2025-01-25', document: '22/2024/TT-BGDĐT' } });
  });
});

describe('22/2024: two wordings in time', () => {
  const rule = tt19.rules.find((r) => r.id === 'TT19.1.1.M1.c')!;
  const rated = (namHoc: string, asOf: string) => evaluate(tt19, [rule], school(tt19, [rule], null, namHoc), wordingDate(asOf, schoolYearRange(namHoc, '08-01')))[0]!;
  it('a school year before 25/01/2025 gets the 2018 wording (phòng giáo dục và đào tạo)', () => {
    const f = rated('2023-2024', '2025-06-15');
    expect(f.wording).toEqual({ from: '2018-10-10', document: '19/2018/TT-BGDĐT' });
    expect(versionOf(rule, f.wording)!.requirement.vi).toContain('trang thông tin điện tử của phòng giáo dục và đào tạo');
  });
  it('from 25/01/2025 the amended wording (cơ quan quản lý giáo dục cấp trên)', () => {
    const f = rated('2024-2025', '2025-03-01');
    expect(f.wording).toEqual({ from: '2025-01-25', document: '22/2024/TT-BGDĐT' });
    expect(versionOf(rule, f.wording)!.requirement.vi).toContain('trang thông tin điện tử của cơ quan quản lý giáo dục cấp trên');
  });
  it('18/2018 has no transcription of the amended text: no item has a second wording', () => {
    expect(tt18.rules.filter((r) => r.versions).map((r) => r.id)).toEqual([]);
    expect(tt19.rules.filter((r) => r.versions && !r.item?.conflictOf).map((r) => r.id)).toEqual(['TT19.1.1.M1.c', 'TT19.2.2.M2.a', 'TT19.2.2.M3.a']);
  });
});

describe('the packs as the digest counts them', () => {
  const counts = (pack: RulePack) => {
    const items = pack.rules.filter((r) => r.item && !r.item.conflictOf);
    return { criteria: pack.criteria.length, items: items.length, computed: items.filter((r) => r.item!.computed).length, m4: items.filter((r) => r.level === 'muc_4').length };
  };
  it('18/2018: 28 criteria (10/4/6/2/6), 6 Mức 4 criteria; 19/2018: 25 criteria (10/3/6/2/4)', () => {
    const per = (pack: RulePack) => [1, 2, 3, 4, 5].map((s) => pack.criteria.filter((c) => c.standard === s).length);
    expect(per(tt18)).toEqual([10, 4, 6, 2, 6]);
    expect(per(tt19)).toEqual([10, 3, 6, 2, 4]);
    expect(counts(tt18)).toEqual({ criteria: 28, items: 172, computed: 21, m4: 8 });
    expect(counts(tt19)).toEqual({ criteria: 25, items: 157, computed: 31, m4: 10 });
  });
  it('references: Mức n of standard s is Điều 6 + s + 5(n − 1), khoản = criterion, điểm = letter; Mức 4 is Điều 22', () => {
    const ref = (pack: RulePack, id: string) => pack.rules.find((r) => r.id === id)!.reference;
    expect(ref(tt18, 'TT18.2.2.M1.b')).toMatchObject({ article: 'Điều 8', clause: 'khoản 2', point: 'điểm b' });
    expect(ref(tt18, 'TT18.5.6.M3.a')).toMatchObject({ article: 'Điều 21', clause: 'khoản 6', point: 'điểm a' });
    expect(ref(tt18, 'TT18.3.1.M3.a')).toMatchObject({ article: 'Điều 19', clause: 'khoản 1' });
    expect(ref(tt18, 'TT18.3.1.M3.a').point).toBeUndefined();
    expect(ref(tt19, 'TT19.3.3.M4.a')).toMatchObject({ article: 'Điều 22', clause: 'khoản 4' });
  });
});

/** Every threshold of a rule, in check order: n for a minimum, "≤n" for a maximum, "k/5y" for k of 5 years, "n≥k" for a count. */
function thresholds(rule: Rule): (number | string)[] {
  const out: (number | string)[] = [];
  const visit = (c: Check): void => {
    if (c.type === 'all' || c.type === 'any') c.checks.forEach(visit);
    else if (c.type === 'for_each' || c.type === 'only_if') visit(c.check);
    else if (c.type === 'each_year') {
      if (c.at_least !== undefined) out.push(`${c.at_least}/${c.years}y`);
      visit(c.check);
    } else if (c.type === 'min_count') out.push(`n≥${c.min}`);
    else if ('min' in c && c.min !== undefined) out.push(c.min);
    else if ('max' in c && c.max !== undefined) out.push(`≤${c.max}`);
  };
  visit(rule.check);
  return out;
}

// The numbers of circular-2018-regime.md §4.2 (18/2018) and §4.3 (19/2018), written out by hand.
const DIGEST: Record<string, (number | string)[]> = {
  'TT18.1.3.M2.a': ['1/5y'], // ≥ 1 of 5 years "hoàn thành tốt nhiệm vụ", the other years "hoàn thành"
  'TT18.1.3.M3.a': ['2/5y'],
  'TT18.1.4.M2.a': ['n≥1'], // ≥ 1 chuyên đề per tổ chuyên môn
  'TT18.1.5.M2.a': ['≤45'],
  'TT18.1.5.M3.a': ['≤45'],
  'TT18.1.5.M3.b': ['≤40', '≤35'], // THCS/THPT class ≤ 40, primary class ≤ 35
  'TT18.2.1.M2.a': ['2/5y'],
  'TT18.2.1.M3.a': ['1/5y'], // all 5 years ≥ khá, ≥ 1 "tốt"
  'TT18.2.2.M1.b': [100],
  'TT18.2.2.M1.c': [95],
  'TT18.2.2.M2.b': [100, 60, 50],
  'TT18.2.2.M2.c': ['≤0'],
  'TT18.2.2.M3.a': [80, 70, 30, 20],
  'TT18.2.3.M2.b': ['≤0'],
  'TT18.3.1.M3.a': [6], // m² per pupil, nội thành / nội thị
  'TT18.3.1.M3.b': [10], // m² per pupil, nông thôn
  'TT18.3.1.M3.d': [25], // sân chơi, bãi tập ≥ 25 % of the used area
  'TT18.5.2.M4.a': [100], // Đ22 k2
  'TT18.5.6.M3.a': [5, 10, 20, 25, 30, 20, 55, 35, 25, 60, '≤10', '≤5', '≤0', 95, 90, 80, 100, 90, 98],
  'TT18.5.6.M3.b': ['≤3', '≤5', '≤1', '≤2', '≤0', '≤0'],
  'TT18.5.6.M4.a': ['2/5y'], // Đ22 k6
  'TT19.1.3.M2.a': ['1/5y'],
  'TT19.1.3.M3.a': ['2/5y'],
  'TT19.1.4.M2.a': ['n≥1'],
  'TT19.1.5.M1.b': [100], // every group 2 sessions a day
  'TT19.1.5.M1.c': ['≤2'],
  'TT19.1.5.M3.a': ['≤20'],
  'TT19.2.1.M2.a': ['2/5y'],
  'TT19.2.1.M3.a': ['1/5y'],
  'TT19.2.2.M1.b': [100],
  'TT19.2.2.M1.c': [95],
  'TT19.2.2.M2.a': [55, 40],
  'TT19.2.2.M2.b': [100, 60, 50],
  'TT19.2.2.M2.c': ['≤0'],
  'TT19.2.2.M3.a': [65, 50],
  'TT19.2.2.M3.b': [80, 70, 30, 20],
  'TT19.2.2.M4.a': [90, 80, 40, 30], // Đ22 k2
  'TT19.2.3.M2.b': ['≤0'],
  'TT19.3.3.M4.a': [100], // Đ22 k4: 100 % permanent buildings
  'TT19.3.3.M4.d': ['n≥2'], // 2 sports
  'TT19.5.3.M1.b': [100],
  'TT19.5.3.M1.c': [80],
  'TT19.5.3.M2.c': [100],
  'TT19.5.3.M3.a': [95],
  'TT19.5.4.M1.a': [90, 85, 85, 80],
  'TT19.5.4.M1.b': [85, 80],
  'TT19.5.4.M2.a': [95, 90, 90, 85],
  'TT19.5.4.M2.b': [95, 90],
  'TT19.5.4.M2.c': [80],
  'TT19.5.4.M3.a': [97, 95],
  'TT19.5.4.M3.b': [85],
  'TT19.5.4.M4.a': ['2/5y'], // Đ22 k6
  'TT19.CN.nam-hoat-dong': ['n≥1', 5], // ≥ 5 years of operation
};

describe('the numbers are those of the digest', () => {
  it('every computed rule of both packs, threshold by threshold', () => {
    const actual = Object.fromEntries([tt18, tt19].flatMap((p) => computed(p)).map((r) => [r.id, thresholds(r)]).filter(([, t]) => (t as unknown[]).length > 0));
    expect(actual).toEqual(DIGEST);
  });
});
