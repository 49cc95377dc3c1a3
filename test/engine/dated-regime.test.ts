import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCriterionLevels } from '../../src/engine/criterion-levels.js';
import { wordingDate } from '../../src/engine/context.js';
import { evaluatePack } from '../../src/engine/evaluate.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { addMonths, recognitionStatus } from '../../src/engine/recognition.js';
import { versionOf } from '../../src/engine/wordings.js';
import { packCodeFormats } from '../../src/evidence/codes.js';
import { packageRoot } from '../../src/paths.js';
import { nationalStandardLines } from '../../src/report/criteria-lines.js';
import type { Finding, SchoolResult } from '../../src/types.js';
import { contextOf } from '../helpers.js';

// A four-level pack of the 2018 shape (test/fixtures/rules-dated/t4): dated wordings and thresholds, a
// suspension window, an item added by the amendment, a criterion the amendment removed.
const pack = loadRuleSet(path.join(packageRoot, 'test/fixtures/rules-dated')).packs[0]!;
const rated = (codes: string[]) => ({ danh_gia: 'dat', minh_chung: codes });
const ALL_MET = {
  '1.1': { muc_1: { a: rated(['[H1-1.1-01]']), b: rated(['[H1-1.1-01]']) }, muc_2: { a: rated(['[H1-1.1-01]']) }, muc_3: { a: rated(['[H1-1.1-01]']) }, muc_4: { a: rated(['[H1-1.1-01]']), b: rated(['[H1-1.1-01]']) } },
  '1.2': { muc_1: { a: rated(['[H1-1.1-01]']) }, muc_2: { a: rated(['[H1-1.1-01]']) } },
  '1.3': { muc_1: { a: rated(['[H1-1.1-01]']) } },
};
const YEARS = [
  { nam_hoc: '2022-2023', tong_so: 20, tot: 6, kha: 6, chuyen_de: 1 },
  { nam_hoc: '2023-2024', tong_so: 20, tot: 6, kha: 6, chuyen_de: 0 },
  { nam_hoc: '2024-2025', tong_so: 20, tot: 6, kha: 6, chuyen_de: 2 },
];

interface Case {
  date: string;
  namHoc?: string;
  tc1?: Record<string, unknown>;
  truong?: Record<string, unknown>;
  tieuChi?: Record<string, unknown>;
}

function check(c: Case): { findings: Finding[]; result: ReturnType<typeof computeCriterionLevels> } {
  const namHoc = c.namHoc ?? '2024-2025';
  const tc1 = { tieu_chi: c.tieuChi ?? ALL_MET, hoc_sinh: 100, hoan_thanh: 85, giao_vien: 20, dat_chuan: 18, theo_nam: YEARS, ...c.tc1 };
  const ctx = contextOf({ truong: { nam_hoc: namHoc, vung_kho_khan: false, co_khoa_hoan_thanh: true, ...c.truong }, tc1 }, [], namHoc);
  ctx.date = c.date;
  ctx.evidenceCodes = new Set(['[H1-1.1-01]']);
  const { findings } = evaluatePack(pack, ctx, () => null);
  return { findings, result: computeCriterionLevels(pack, findings, [undefined], c.date) };
}
const finding = (findings: Finding[], id: string) => findings.find((f) => f.ruleId === id);

describe('criterion-cumulative levels across four levels', () => {
  it('every item met: Mức 4, criteria without a Mức 3 or 4 requirement named at their highest level', () => {
    const { result } = check({ date: '2024-06-15' });
    expect(result.reached).toBe('muc_4');
    expect(result.criteria.map((c) => [c.criterion, c.level])).toEqual([['1.1', 'muc_4'], ['1.2', 'muc_2'], ['1.3', 'muc_1']]);
    expect(result.nextLevel).toBeUndefined();
  });

  it('each level needs every lower one: one Mức 1 item unmet leaves no level even with every higher item met', () => {
    const { result } = check({ date: '2024-06-15', tc1: { hoan_thanh: 69 } });
    expect(result.reached).toBe(null);
    expect(result.nextLevel!.steps).toEqual([{ criterion: '1.1', from: null, to: 'muc_1', ruleIds: ['T4.1.1.M1.a'] }]);
  });

  it.each([
    ['muc_2', { '1.2': { muc_1: { a: rated(['[H1-1.1-01]']) }, muc_2: { a: { danh_gia: 'chua_dat' } } } }, 'muc_1'],
    ['muc_3', { '1.1': { ...ALL_MET['1.1'], muc_3: { a: rated(['[H1-1.1-01]']) } } }, 'muc_4'],
    ['muc_4', { '1.1': { ...ALL_MET['1.1'], muc_4: { a: { danh_gia: 'chua_dat' }, b: rated(['[H1-1.1-01]']) } } }, 'muc_3'],
  ])('a gap at %s stops the school just below it', (_level, change, reached) => {
    expect(check({ date: '2024-06-15', tieuChi: { ...ALL_MET, ...change } }).result.reached).toBe(reached);
  });

  it('at least 2 of 3 years: 2 years pass, 1 does not — met; one more year failing — Mức 3 lost', () => {
    expect(finding(check({ date: '2024-06-15' }).findings, 'T4.1.1.M3.a')).toMatchObject({ status: 'met', measure: { kind: 'count', value: 2, threshold: 2 } });
    const fewer = check({ date: '2024-06-15', tc1: { theo_nam: YEARS.map((y) => ({ ...y, chuyen_de: y.nam_hoc === '2024-2025' ? 1 : 0 })) } });
    expect(finding(fewer.findings, 'T4.1.1.M3.a')).toMatchObject({ status: 'unmet', gap: 1 });
    expect(fewer.result.reached).toBe('muc_2');
  });
});

describe('two wordings in time', () => {
  it('a school year before the amendment gets the original wording and threshold', () => {
    const { findings } = check({ date: wordingDate('2026-06-15', { start: '2023-08-01', end: '2024-07-31' }), namHoc: '2023-2024', tc1: { theo_nam: YEARS.map((y, i) => ({ ...y, nam_hoc: `${2021 + i}-${2022 + i}` })) } });
    const a = finding(findings, 'T4.1.1.M1.a')!;
    expect(a).toMatchObject({ status: 'met', wording: { from: '2000-01-01', document: '1/2000/TT-THU' }, measure: { threshold: 70 } });
    expect(versionOf(pack.rules.find((r) => r.id === 'T4.1.1.M1.a')!, a.wording)!.requirement.vi).toBe('Ít nhất 70 % hoàn thành');
  });

  it('on and after the in-force date the amended wording applies (85 % now falls short of 90 %)', () => {
    const { findings } = check({ date: '2025-01-25' });
    const a = finding(findings, 'T4.1.1.M1.a')!;
    expect(a).toMatchObject({ status: 'unmet', wording: { from: '2025-01-25', document: '9/2024/TT-THU' }, measure: { threshold: 90 }, gap: 5 });
    expect(versionOf(pack.rules.find((r) => r.id === 'T4.1.1.M1.a')!, a.wording)!.title.vi).toBe('Đội ngũ giáo viên — Mức 1, yêu cầu a');
    expect(finding(check({ date: '2025-01-24' }).findings, 'T4.1.1.M1.a')!.status).toBe('met');
  });

  it('the wording date is the reference date, at most the end of the school year under review', () => {
    expect(wordingDate('2026-06-15', { start: '2023-08-01', end: '2024-07-31' })).toBe('2024-07-31');
    expect(wordingDate('2025-03-01', { start: '2024-08-01', end: '2025-07-31' })).toBe('2025-03-01');
    expect(wordingDate('2025-03-01', null)).toBe('2025-03-01');
  });

  it('an item added by the amendment and a criterion it removed exist only in their period', () => {
    const before = check({ date: '2024-06-15' });
    const after = check({ date: '2025-06-15' });
    expect(finding(before.findings, 'T4.1.1.M4.b')).toBeUndefined();
    expect(finding(after.findings, 'T4.1.1.M4.b')).toBeDefined();
    expect(before.result.criteria.map((c) => c.criterion)).toContain('1.3');
    expect(after.result.criteria.map((c) => c.criterion)).not.toContain('1.3');
    expect(finding(after.findings, 'T4.1.3.M1.a')).toBeUndefined();
  });
});

describe('suspension windows (not applicable, with reason and reference)', () => {
  it('before the window the item is checked; from its first day it is not applicable, never dropped', () => {
    expect(finding(check({ date: '2021-10-19', namHoc: '2021-2022', tc1: { theo_nam: YEARS.map((y, i) => ({ ...y, nam_hoc: `${2019 + i}-${2020 + i}` })) } }).findings, 'T4.1.1.M1.b')!.status).toBe('unmet');
    const on = finding(check({ date: '2021-10-20' }).findings, 'T4.1.1.M1.b')!;
    expect(on).toMatchObject({ status: 'not_applicable', reason: { text: { vi: 'tạm ngưng theo thông tư thử' }, reference: 'TT thử, Điều 1' } });
    expect(check({ date: '2021-10-20' }).findings.some((f) => f.ruleId === 'T4.1.1.M1.b.tu-danh-gia')).toBe(false);
  });
});

describe('checks over years and situations', () => {
  it('the threshold follows the school situation (60 %, or 50 % in a hard area), counts added up', () => {
    const years = YEARS.map((y) => ({ ...y, tot: 5, kha: 6 }));
    expect(finding(check({ date: '2024-06-15', tc1: { theo_nam: years } }).findings, 'T4.1.1.M2.a')).toMatchObject({ status: 'unmet', subject: '2022-2023', measure: { numerator: 11, threshold: 60 } });
    expect(finding(check({ date: '2024-06-15', tc1: { theo_nam: years }, truong: { vung_kho_khan: true } }).findings, 'T4.1.1.M2.a')!.status).toBe('met');
    expect(finding(check({ date: '2024-06-15', truong: { vung_kho_khan: undefined } }).findings, 'T4.1.1.M2.a')).toMatchObject({ status: 'not_assessable', missingData: ['truong.vung_kho_khan'] });
  });

  it('a year without data makes an every-year item not assessable, naming the year', () => {
    const f = finding(check({ date: '2024-06-15', tc1: { theo_nam: YEARS.slice(1) } }).findings, 'T4.1.1.M2.a')!;
    expect(f).toMatchObject({ status: 'not_assessable', missingData: ['tc1.theo_nam[nam_hoc=2022-2023]'] });
  });

  it('a mixed item: unrated description keeps it unrated; its data alone decides a contradiction', () => {
    const unrated = check({ date: '2024-06-15', tieuChi: { ...ALL_MET, '1.1': { ...ALL_MET['1.1'], muc_2: {} } } });
    expect(finding(unrated.findings, 'T4.1.1.M2.a')!.status).toBe('not_rated');
    const noEvidence = check({ date: '2024-06-15', tieuChi: { ...ALL_MET, '1.1': { ...ALL_MET['1.1'], muc_2: { a: { danh_gia: 'dat' } } } } });
    expect(finding(noEvidence.findings, 'T4.1.1.M2.a')!.status).toBe('unmet');
    expect(finding(noEvidence.findings, 'T4.1.1.M2.a.tu-danh-gia')).toBeUndefined();
    const lowData = check({ date: '2024-06-15', tc1: { theo_nam: YEARS.map((y) => ({ ...y, tot: 1 })) } });
    expect(finding(lowData.findings, 'T4.1.1.M2.a.tu-danh-gia')!.rating!.conflict).toBe('rated_met_computed_unmet');
  });
});

describe('the national standard beside the accreditation level', () => {
  const lines = (reached: string | null, findings: Finding[] = [], wordingDate?: string) => {
    const result = { reached, nationalStandard: reached ? (pack.nationalStandard!.fromLevels[reached] ?? null) : null, findings, ...(wordingDate ? { wordingDate } : {}) } as unknown as SchoolResult;
    return nationalStandardLines(result, pack, 'vi');
  };

  it.each([
    ['muc_1', 'chưa đạt'],
    ['muc_2', 'mức độ 1'],
    ['muc_3', 'mức độ 2'],
    ['muc_4', 'mức độ 2'],
  ])('%s: %s, with the mapping and its reference', (level, national) => {
    const out = lines(level);
    expect(out[0]).toBe(`Kết quả kiểm định: ${pack.levels.find((l) => l.id === level)!.name.vi} (Điều 6 thử)`);
    expect(out[1]).toBe(`Chuẩn quốc gia tương ứng: ${national} (Mức 2 → mức độ 1; Mức 3, Mức 4 → mức độ 2; Điều 37 thử)`);
  });

  it('lists each recognition condition with its state and reference', () => {
    const findings = [{ ruleId: 'T4.CN.khoa', status: 'unmet', severity: 'error', level: 'muc_2', standard: 0, criterion: '0.1', location: null }] as Finding[];
    expect(lines('muc_3', findings).slice(2)).toEqual([
      '✖ Điều kiện công nhận: Có khóa hoàn thành — chưa đạt (Quy định thử, Điều 37 thử)'.replace('Quy định thử', 'Thông tư 1/2000/TT-THU'),
      'Điều kiện công nhận: Bằng có giá trị 05 năm (Điều 38 thử)',
    ]);
  });

  it('names the wording applied and the items not applicable, by reason', () => {
    const { findings } = check({ date: '2024-06-15' });
    const out = lines('muc_2', findings, '2024-06-15');
    expect(out).toContain('Lời văn áp dụng (ngày 15/06/2024): 1/2000/TT-THU, chưa gồm sửa đổi của 9/2024/TT-THU (có hiệu lực từ 25/01/2025)');
    expect(out).toContain('Không áp dụng: 1.1 M1b — tạm ngưng theo thông tư thử (TT thử, Điều 1)');
    expect(lines('muc_2', findings, '2025-02-01')).toContain('Lời văn áp dụng (ngày 01/02/2025): 1/2000/TT-THU, sửa đổi, bổ sung bởi 9/2024/TT-THU (có hiệu lực từ 25/01/2025)');
  });

  it('re-recognition: the self-assessment and registration deadline is 5 months before expiry', () => {
    const status = recognitionStatus({ lich_su_cong_nhan: [{ muc: 'muc_do_1', ngay_ky: '2021-03-10' }] }, pack, '2025-06-01');
    expect(status.expiresOn).toBe('2026-03-10');
    expect(status.reapplyBy).toBe(addMonths('2026-03-10', -5));
    expect(status.reapplyBy).toBe('2025-10-10');
  });
});

describe('an evidence-code format declared in pack.yaml', () => {
  const [format] = packCodeFormats(pack);
  it('matches the 2018 shape and names the criterion a code is filed under', () => {
    expect(format!.pattern.test('[H1-1.1-01]')).toBe(true);
    expect(format!.pattern.test('[H1.01.01.01]')).toBe(false);
    expect(format!.criterionOf!('[H15-1.10-02]')).toBe('1.10');
    expect(format!.example(2, 3)).toBe('[H2-2.3-01]');
  });
});
