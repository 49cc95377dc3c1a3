import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/checks/index.js';
import type { Check } from '../../src/engine/rule-types.js';
import { contextOf } from '../helpers.js';

const unit = { vi: 'giáo viên', en: 'teachers' };

describe('min_rate: compared exactly on counts, gap in the rule unit', () => {
  const check: Check = { type: 'min_rate', numerator: 'tc2.gv.tren_chuan', denominator: 'tc2.gv.tong_so', min: 30, unit };
  it.each([
    // [above standard, total, status, gap]
    [9, 30, 'met', 0], // exactly 30 %
    [8, 30, 'unmet', 1], // just below
    [3, 10, 'met', 0],
    [2, 10, 'unmet', 1],
    [0, 7, 'unmet', 3], // ceil(2.1) = 3
    [3, 7, 'met', 0], // 42.9 %
  ])('%i of %i -> %s, gap %i', (n, d, status, gap) => {
    const outcome = runCheck(check, contextOf({ tc2: { gv: { tren_chuan: n, tong_so: d } } }));
    expect(outcome.status).toBe(status);
    expect(outcome.gap).toBe(gap);
    expect(outcome.measure).toMatchObject({ kind: 'rate', numerator: n, denominator: d, threshold: 30 });
  });

  it('is not assessable when a count is missing or the total is 0, never unmet', () => {
    expect(runCheck(check, contextOf({ tc2: { gv: { tong_so: 10 } } }))).toMatchObject({ status: 'not_assessable', missingData: ['tc2.gv.tren_chuan'] });
    expect(runCheck(check, contextOf({ tc2: { gv: { tren_chuan: 0, tong_so: 0 } } })).status).toBe('not_assessable');
  });

  it('flags a numerator larger than its total', () => {
    const outcome = runCheck(check, contextOf({ tc2: { gv: { tren_chuan: 12, tong_so: 10 } } }));
    expect(outcome.status).toBe('not_assessable');
    expect(outcome.remarks?.[0]?.code).toBe('data/numerator-exceeds-total');
  });

  it('cross-checks a stated percentage', () => {
    const stated: Check = { ...check, stated: 'tc2.gv.ty_le_ghi' } as Check;
    const ok = runCheck(stated, contextOf({ tc2: { gv: { tren_chuan: 1, tong_so: 3, ty_le_ghi: 33.3 } } }));
    expect(ok.remarks).toBeUndefined();
    const off = runCheck(stated, contextOf({ tc2: { gv: { tren_chuan: 1, tong_so: 3, ty_le_ghi: 40 } } }));
    expect(off.remarks?.[0]?.code).toBe('data/stated-rate-mismatch');
  });
});

describe('max_rate', () => {
  const check: Check = { type: 'max_rate', numerator: 'tc3.bo_hoc', denominator: 'tc3.tong', max: 1, unit: { vi: 'học sinh', en: 'pupils' } };
  it.each([
    [5, 500, 'met', 0], // exactly 1 %
    [6, 500, 'unmet', 1], // just past
    [0, 1, 'met', 0],
    [1, 99, 'unmet', 1],
  ])('%i of %i -> %s, gap %i', (n, d, status, gap) => {
    const outcome = runCheck(check, contextOf({ tc3: { bo_hoc: n, tong: d } }));
    expect([outcome.status, outcome.gap]).toEqual([status, gap]);
  });
});

describe('min_value / max_value', () => {
  it.each([
    [{ type: 'min_value', path: 'tc2.nam', min: 5, unit }, 5, 'met', 0],
    [{ type: 'min_value', path: 'tc2.nam', min: 5, unit }, 4, 'unmet', 1],
    [{ type: 'max_value', path: 'tc2.nam', max: 45, unit }, 45, 'met', 0],
    [{ type: 'max_value', path: 'tc2.nam', max: 45, unit }, 46, 'unmet', 1],
  ] as [Check, number, string, number][])('%o with %i -> %s', (check, value, status, gap) => {
    const outcome = runCheck(check, contextOf({ tc2: { nam: value } }));
    expect([outcome.status, outcome.gap]).toEqual([status, gap]);
  });
});

describe('ratio: area per pupil, gap in m²', () => {
  const check: Check = { type: 'ratio', numerator: 'tc4.dien_tich', denominator: 'truong.so_hoc_sinh', min: 10, unit: { vi: 'm²', en: 'm²' }, per: { vi: 'học sinh', en: 'pupil' } };
  it.each([
    [6500, 650, 'met', 0],
    [6499, 650, 'unmet', 1],
    [6080, 650, 'unmet', 420],
  ])('%i m² for %i pupils -> %s, gap %i', (area, pupils, status, gap) => {
    const outcome = runCheck(check, contextOf({ tc4: { dien_tich: area }, truong: { so_hoc_sinh: pupils } }));
    expect([outcome.status, outcome.gap]).toEqual([status, gap]);
  });
  it('checks a maximum ratio', () => {
    const max: Check = { type: 'ratio', numerator: 'truong.hs', denominator: 'truong.lop', max: 35, unit: { vi: 'học sinh', en: 'pupils' } };
    expect(runCheck(max, contextOf({ truong: { hs: 350, lop: 10 } })).status).toBe('met');
    expect(runCheck(max, contextOf({ truong: { hs: 351, lop: 10 } }))).toMatchObject({ status: 'unmet', gap: 1 });
  });
});

describe('required_flag / value_in', () => {
  it('requires the flag to be true (or the given value)', () => {
    expect(runCheck({ type: 'required_flag', path: 'tc4.nuoc_sach' }, contextOf({ tc4: { nuoc_sach: true } })).status).toBe('met');
    expect(runCheck({ type: 'required_flag', path: 'tc4.nuoc_sach' }, contextOf({ tc4: { nuoc_sach: false } })).status).toBe('unmet');
    expect(runCheck({ type: 'required_flag', path: 'tc4.nuoc_sach' }, contextOf({ tc4: {} })).status).toBe('not_assessable');
  });
  it('accepts only listed values', () => {
    const check: Check = { type: 'value_in', path: 'tc1.dang', values: ['trong_sach_vung_manh'] };
    expect(runCheck(check, contextOf({ tc1: { dang: 'trong_sach_vung_manh' } })).status).toBe('met');
    expect(runCheck(check, contextOf({ tc1: { dang: 'hoan_thanh' } })).status).toBe('unmet');
  });
});

describe('required_records: typed records dated in the school year', () => {
  const check: Check = { type: 'required_records', records: ['quy_che_dan_chu', 'so_theo_doi_cong_khai'] };
  const rec = (type: string, date: string, extra: Partial<{ validUntil: string; conclusion: boolean }> = {}) => ({ type, date, validUntil: extra.validUntil ?? null, conclusion: extra.conclusion ?? false });
  it('is met when every type is present in the year', () => {
    const outcome = runCheck(check, contextOf({}, [rec('quy_che_dan_chu', '2025-09-10'), rec('so_theo_doi_cong_khai', '2026-07-31')]));
    expect(outcome.status).toBe('met');
  });
  it('lists the missing types; a record of last year does not count', () => {
    const outcome = runCheck(check, contextOf({}, [rec('quy_che_dan_chu', '2025-07-31'), rec('so_theo_doi_cong_khai', '2025-08-01')]));
    expect(outcome).toMatchObject({ status: 'unmet', gap: 1, measure: { kind: 'records', missing: ['quy_che_dan_chu'] } });
  });
  it('within: valid accepts an older record still in force', () => {
    const valid: Check = { type: 'required_records', records: ['qd_thanh_lap_hoi_dong_truong'], within: 'valid' };
    expect(runCheck(valid, contextOf({}, [rec('qd_thanh_lap_hoi_dong_truong', '2023-09-01', { validUntil: '2028-08-31' })])).status).toBe('met');
    expect(runCheck(valid, contextOf({}, [rec('qd_thanh_lap_hoi_dong_truong', '2019-09-01', { validUntil: '2024-08-31' })])).status).toBe('unmet');
  });
  it('min_each and with_conclusion', () => {
    const minutes: Check = { type: 'required_records', records: ['bien_ban_hop_hoi_dong_truong'], min_each: 2, with_conclusion: true };
    const one = [rec('bien_ban_hop_hoi_dong_truong', '2025-10-01', { conclusion: true }), rec('bien_ban_hop_hoi_dong_truong', '2026-01-01')];
    expect(runCheck(minutes, contextOf({}, one))).toMatchObject({ status: 'unmet', gap: 1 });
    const two = [rec('bien_ban_hop_hoi_dong_truong', '2025-10-01', { conclusion: true }), rec('bien_ban_hop_hoi_dong_truong', '2026-01-01', { conclusion: true })];
    expect(runCheck(minutes, contextOf({}, two)).status).toBe('met');
  });
  it('is not assessable when no record at all is declared', () => {
    expect(runCheck(check, contextOf({}, [])).status).toBe('not_assessable');
  });
});

describe('min_count with where and within_school_year', () => {
  const rooms = [
    { ten: 'Phòng 1', chuc_nang: ['phong_tin_hoc', 'phong_ngoai_ngu'] },
    { ten: 'Phòng 2', chuc_nang: ['thu_vien'] },
  ];
  it('a shared room counts for each function it hosts', () => {
    const it1: Check = { type: 'min_count', path: 'tc4.phong', min: 1, where: { path: 'item.chuc_nang', contains: 'phong_ngoai_ngu' }, unit: { vi: 'phòng', en: 'rooms' } };
    const it2: Check = { type: 'min_count', path: 'tc4.phong', min: 1, where: { path: 'item.chuc_nang', contains: 'phong_tin_hoc' }, unit: { vi: 'phòng', en: 'rooms' } };
    const ctx = contextOf({ tc4: { phong: rooms } });
    expect(runCheck(it1, ctx).status).toBe('met');
    expect(runCheck(it2, ctx).status).toBe('met');
  });
  it.each([
    [2, 'met', 0],
    [1, 'unmet', 1],
  ])('%i topics in the year -> %s', (n, status, gap) => {
    const topics = [...Array(n).keys()].map((i) => ({ ten: `Chuyên đề ${i}`, ngay: '2025-10-0' + (i + 1) }));
    topics.push({ ten: 'Năm trước', ngay: '2025-05-01' });
    const check: Check = { type: 'min_count', path: 'tc1.chuyen_de', min: 2, within_school_year: 'ngay', unit: { vi: 'chuyên đề', en: 'topics' } };
    const outcome = runCheck(check, contextOf({ tc1: { chuyen_de: topics } }));
    expect([outcome.status, outcome.gap]).toEqual([status, gap]);
  });
});

describe('all / any / for_each', () => {
  const a: Check = { type: 'required_flag', path: 'tc4.a' };
  const b: Check = { type: 'required_flag', path: 'tc4.b' };
  it.each([
    [true, true, 'met', 'met'],
    [true, false, 'unmet', 'met'],
    [false, false, 'unmet', 'unmet'],
    [undefined, true, 'not_assessable', 'met'],
    [undefined, false, 'unmet', 'not_assessable'],
  ])('a=%s b=%s -> all %s, any %s', (va, vb, all, any) => {
    const ctx = contextOf({ tc4: { ...(va === undefined ? {} : { a: va }), b: vb } });
    expect(runCheck({ type: 'all', checks: [a, b] }, ctx).status).toBe(all);
    expect(runCheck({ type: 'any', checks: [a, b] }, ctx).status).toBe(any);
  });
  it('for_each gives one outcome per element, labelled', () => {
    const check: Check = { type: 'for_each', path: 'tc2.cbql', label: 'ho_ten', check: { type: 'value_in', path: 'item.llct', values: ['so_cap', 'trung_cap', 'cao_cap'] } };
    const outcome = runCheck(check, contextOf({ tc2: { cbql: [{ ho_ten: 'Nguyễn Thị Lan', llct: 'trung_cap' }, { ho_ten: 'Trần Văn Nam', llct: 'chua_co' }] } }));
    expect(outcome.status).toBe('unmet');
    expect(outcome.items?.map((i) => [i.subject, i.status])).toEqual([['Nguyễn Thị Lan', 'met'], ['Trần Văn Nam', 'unmet']]);
    expect(outcome.items?.[1]?.ref).toEqual({ root: 'tc2', path: ['cbql', 1, 'llct'] });
  });
  it('for_each over an empty list is not assessable', () => {
    const check: Check = { type: 'for_each', path: 'tc2.cbql', check: a };
    expect(runCheck(check, contextOf({ tc2: { cbql: [] } })).status).toBe('not_assessable');
  });
});

describe('not applicable parts', () => {
  it('for_each whose filter matches no element does not apply; all() ignores it', () => {
    const none: Check = { type: 'for_each', path: 'tc4.nhom', where: { path: 'item.tuoi', equals: 'nha_tre' }, check: { type: 'max_value', path: 'item.so_tre', max: 15, unit } };
    const ctx = contextOf({ tc4: { nhom: [{ tuoi: 'mau_giao', so_tre: 30 }], ok: true } });
    expect(runCheck(none, ctx).status).toBe('not_applicable');
    expect(runCheck({ type: 'all', checks: [none, { type: 'required_flag', path: 'tc4.ok' }] }, ctx).status).toBe('met');
  });
});
