import { describe, expect, it } from 'vitest';
import { dayMonthYear, documentDate, gapText, measuredText, num, numberAgainst, requiredText } from '../../src/report/text.js';
import type { Finding } from '../../src/types.js';
import { valueText } from '../../src/diff/render.js';
import { figureText } from '../../src/report/text.js';

const vocabulary = { records: { quy_che_dan_chu: { vi: 'quy chế dân chủ', en: 'democracy regulation' } }, rooms: {}, values: { dat_chuan: { vi: 'đạt chuẩn', en: 'standard' }, tien_tien: { vi: 'tiên tiến', en: 'advanced' } } };

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

describe('human reports: half-up to one decimal, one more whenever rounding would meet or cross the threshold', () => {
  it.each([
    // [value, threshold, exact fraction, shown]
    [(21 / 22) * 100, 95.5, { n: 2100, d: 22 }, '95,45'],
    [(21 / 22) * 100, 95, { n: 2100, d: 22 }, '95,5'],
    [84.96, 85, undefined, '84,96'],
    [84.94, 85, undefined, '84,9'],
    [85.04, 85, undefined, '85,04'],
    [85, 85, undefined, '85'],
    [84.996, 85, undefined, '84,996'],
    [(35120 / 39516) * 100, 90, { n: 3512000, d: 39516 }, '88,9'],
    [(1 / 8) * 100, 12.4, { n: 100, d: 8 }, '12,5'],
  ])('%d against %d -> %s', (value, threshold, exact, text) => {
    expect(numberAgainst(value, threshold, 'vi', exact)).toBe(text);
  });

  it('a rate 21/22 against 95,5 % prints 95,45 % in a human report, 95,4 % in the machine formats', () => {
    const measure = { kind: 'rate', numerator: 21, denominator: 22, percent: (21 / 22) * 100, op: '>=', threshold: 95.5 } as const;
    expect(measuredText(measure, 'vi', undefined, vocabulary, true)).toBe('95,45 % (21/22)');
    expect(measuredText(measure, 'vi', undefined, vocabulary)).toBe('95,4 % (21/22)');
  });

  it('a value of 84,96 against a minimum of 85 never shows as 85', () => {
    const measure = { kind: 'value', value: 84.96, op: '>=', threshold: 85 } as const;
    expect(measuredText(measure, 'vi', { vi: 'm²', en: 'm²' }, vocabulary, true)).toBe('84,96 m²');
  });

  it('the progress section (and chuan diff) rounds the same way: 21/22 against 95,5 % is 95,45 %, 84,96 against 85 is 84,96', () => {
    const rate = { kind: 'rate', numerator: 21, denominator: 22, percent: (21 / 22) * 100, op: '>=', threshold: 95.5 } as const;
    const base = { ruleId: 'R', status: 'unmet', severity: 'error', level: 'l', standard: 1, criterion: '1.1' } as const;
    expect(valueText({ ...base, measure: rate }, 'vi')).toBe('95,45 %');
    expect(valueText({ ...base, measure: { ...rate, threshold: 95 } }, 'vi')).toBe('95,5 %');
    expect(valueText({ ...base, measure: { kind: 'value', value: 84.96, op: '>=', threshold: 85 } }, 'vi')).toBe('84,96');
  });

  it('figures with no threshold (a criterion\'s indicators) are rounded half-up to one decimal', () => {
    expect(figureText(91.25, 'vi')).toBe('91,3');
    expect(figureText(7, 'vi')).toBe('7');
    expect(figureText(0.05, 'en')).toBe('0.1');
  });

  it('names enumerated values in words, the machine formats keep the code', () => {
    const measure = { kind: 'flag', value: 'dat_chuan', expected: ['tien_tien'] } as const;
    expect(measuredText(measure, 'vi', undefined, vocabulary, true)).toBe('đạt chuẩn');
    expect(requiredText(measure, 'vi', undefined, vocabulary, true)).toBe('tiên tiến');
    expect(measuredText(measure, 'vi', undefined, vocabulary)).toBe('dat_chuan');
  });

  it('dates: dd/mm/yyyy; the place-date line with a zero before days 1-9 and months 1-2 only', () => {
    expect(dayMonthYear('2026-09-28')).toBe('28/09/2026');
    expect(documentDate('2026-06-15', 'vi')).toBe('ngày 15 tháng 6 năm 2026');
    expect(documentDate('2026-02-05', 'vi')).toBe('ngày 05 tháng 02 năm 2026');
    expect(documentDate('2026-12-01', 'en')).toBe('1 December 2026');
  });
});
