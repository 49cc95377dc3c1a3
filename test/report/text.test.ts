import { describe, expect, it } from 'vitest';
import { gapText, measuredText, num, requiredText } from '../../src/report/text.js';
import type { Finding } from '../../src/types.js';

const vocabulary = { records: { quy_che_dan_chu: { vi: 'quy chế dân chủ', en: 'democracy regulation' } }, rooms: {} };

describe('rounding: one decimal, towards the failing side', () => {
  it.each([
    [29.96, 'down', 'vi', '29,9'],
    [29.96, 'nearest', 'vi', '30'],
    [5.806, 'up', 'vi', '5,9'],
    [5.8, 'up', 'vi', '5,8'],
    [30, 'down', 'vi', '30'],
    [1234.5, 'nearest', 'vi', '1.234,5'],
    [1234.5, 'nearest', 'en', '1,234.5'],
  ] as const)('%d rounded %s (%s) -> %s', (value, round, lang, text) => {
    expect(num(value, lang, round)).toBe(text);
  });

  it('a rate just under a minimum never displays as the minimum', () => {
    const measure = { kind: 'rate', numerator: 2999, denominator: 10000, percent: 29.99, op: '>=', threshold: 30 } as const;
    expect(measuredText(measure, 'vi', undefined, vocabulary)).toBe('29,9 % (2999/10000)');
    expect(requiredText(measure, 'vi', undefined, vocabulary)).toBe('≥ 30 %');
  });
});

describe('gapText', () => {
  const base: Finding = { ruleId: 'X', status: 'unmet', severity: 'error', level: 'dat_chuan', standard: 2, criterion: '2.2', location: null, unit: { vi: 'giáo viên', en: 'teachers' } };
  it('states the shortfall of a minimum rate in the unit and in points', () => {
    const f = { ...base, gap: 2, measure: { kind: 'rate', numerator: 8, denominator: 32, percent: 25, op: '>=', threshold: 30 } } as Finding;
    expect(gapText(f, 'vi')).toBe('cần thêm 2 giáo viên (thiếu 5 điểm %)');
    expect(gapText(f, 'en')).toBe('2 more teachers needed (5 points short)');
  });
  it('states the excess over a maximum', () => {
    const f = { ...base, gap: 5, unit: { vi: 'học sinh', en: 'pupils' }, measure: { kind: 'rate', numerator: 36, denominator: 620, percent: 5.806, op: '<=', threshold: 5 } } as Finding;
    expect(gapText(f, 'vi')).toBe('vượt 5 học sinh (0,9 điểm %)');
  });
  it('says nothing for met findings or records', () => {
    expect(gapText({ ...base, status: 'met', gap: 0 }, 'vi')).toBeNull();
    expect(measuredText({ kind: 'records', required: ['quy_che_dan_chu'], missing: ['quy_che_dan_chu'] }, 'vi', undefined, vocabulary)).toBe('thiếu: quy chế dân chủ');
  });
});
