import { describe, expect, it } from 'vitest';
import { computeLevels } from '../../src/engine/levels.js';
import { addMonths, monthsBetween, recognitionStatus } from '../../src/engine/recognition.js';
import { evaluateCondition } from '../../src/engine/conditions.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { Finding, FindingStatus, LevelId } from '../../src/types.js';
import { contextOf } from '../helpers.js';

const tt59 = loadRuleSet().packs.find((p) => p.id === 'tt59-2012')!;
const tt47 = loadRuleSet().packs.find((p) => p.id === 'tt47-2012')!;
const f = (level: LevelId, status: FindingStatus, severity: 'error' | 'warning' = 'error'): Finding => ({ ruleId: `R.${level}.${status}`, status, severity, level, standard: 1, criterion: '1.1', location: null });

describe('levels are cumulative', () => {
  it.each([
    [[f('toi_thieu', 'met'), f('muc_do_1', 'met'), f('muc_do_2', 'met')], 'muc_do_2'],
    [[f('toi_thieu', 'met'), f('muc_do_1', 'met'), f('muc_do_2', 'unmet')], 'muc_do_1'],
    [[f('toi_thieu', 'unmet'), f('muc_do_1', 'met'), f('muc_do_2', 'met')], null],
    [[f('toi_thieu', 'met'), f('muc_do_1', 'not_assessable')], 'toi_thieu'],
    [[f('toi_thieu', 'met'), f('muc_do_1', 'waived'), f('muc_do_2', 'not_applicable')], 'muc_do_2'],
    [[f('toi_thieu', 'met'), f('toi_thieu', 'unmet', 'warning')], 'muc_do_2'],
  ] as [Finding[], LevelId | null][])('%#: reached %s', (findings, reached) => {
    expect(computeLevels(tt59, findings).reached).toBe(reached);
  });
  it('a higher level never counts when a lower one fails', () => {
    const { levels } = computeLevels(tt59, [f('toi_thieu', 'unmet')]);
    expect(levels.map((l) => l.reached)).toEqual([false, false, false]);
  });
});

describe('recognition cycle', () => {
  it('adds months and clamps month ends', () => {
    expect(addMonths('2021-08-31', 60)).toBe('2026-08-31');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2021-10-20', 30)).toBe('2024-04-20');
    expect(monthsBetween('2026-06-15', '2026-10-20')).toBe(4);
    expect(monthsBetween('2026-06-15', '2026-10-14')).toBe(3);
  });
  it.each([
    ['2021-10-20', '2026-06-15', 'due_soon'],
    ['2022-11-25', '2026-06-15', 'valid'],
    ['2021-06-14', '2026-06-15', 'expired'],
    ['2021-06-15', '2026-06-15', 'due_soon'],
  ])('signed %s, as of %s: %s', (signed, asOf, state) => {
    expect(recognitionStatus({ cap_hoc: 'thcs', lich_su_cong_nhan: [{ muc: 'dat_chuan', ngay_ky: signed }] }, tt47, asOf).state).toBe(state);
  });
  it('mid-cycle check every 2.5 years for lower secondary only', () => {
    const history = { lich_su_cong_nhan: [{ muc: 'dat_chuan', ngay_ky: '2024-01-10' }] };
    expect(recognitionStatus({ cap_hoc: 'thcs', ...history }, tt47, '2026-06-15').midCycle).toEqual({ dueOn: '2026-07-10', state: 'due_soon', checkedOn: null });
    expect(recognitionStatus({ cap_hoc: 'thcs', ...history }, tt47, '2026-08-01').midCycle?.state).toBe('overdue');
    expect(recognitionStatus({ cap_hoc: 'thcs', ...history, kiem_tra_giua_chu_ky: [{ ngay: '2026-07-01' }] }, tt47, '2026-08-01').midCycle?.state).toBe('done');
    expect(recognitionStatus({ cap_hoc: 'thpt', ...history }, tt47, '2026-06-15').midCycle).toBeNull();
  });
});

describe('conditions: three-valued', () => {
  const ctx = contextOf({ truong: { cap_hoc: 'thcs', cac_cap_hoc: ['thcs'] } });
  it.each([
    [{ path: 'truong.cap_hoc', equals: 'thcs' }, true],
    [{ path: 'truong.cap_hoc', in: ['thpt', 'nhieu_cap'] }, false],
    [{ path: 'truong.cac_cap_hoc', contains: 'thcs' }, true],
    [{ path: 'truong.khong_co', equals: 1 }, undefined],
    [{ path: 'truong.khong_co', exists: false }, true],
    [{ all: [{ path: 'truong.cap_hoc', equals: 'thpt' }, { path: 'truong.khong_co', equals: 1 }] }, false],
    [{ any: [{ path: 'truong.cap_hoc', equals: 'thcs' }, { path: 'truong.khong_co', equals: 1 }] }, true],
    [{ not: { path: 'truong.khong_co', equals: 1 } }, undefined],
  ] as const)('%j -> %s', (condition, expected) => {
    expect(evaluateCondition(condition as never, ctx, [])).toBe(expected);
  });
});
