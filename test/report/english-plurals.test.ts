// --lang en is grammatical (issue 15, item 11): "1 more teacher", not "1 more teachers". Units agree with
// their number through rules/vocabulary.yaml (english_units); templates give a noun its two forms.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { Check } from '../../src/engine/rule-types.js';
import { gapText, interpolate, unitText } from '../../src/report/text.js';
import type { Finding } from '../../src/types.js';
import { run } from '../cli/run-main.js';

const set = loadRuleSet();
const vocabulary = set.vocabulary;
const pairs = Object.values(vocabulary.englishUnits);

describe('a unit agrees with its number', () => {
  it('singular for 1, plural otherwise, in English only', () => {
    expect(unitText({ vi: 'giáo viên', en: 'teachers' }, '1', 'en', vocabulary)).toBe('teacher');
    expect(unitText({ vi: 'giáo viên', en: 'teachers' }, '3', 'en', vocabulary)).toBe('teachers');
    expect(unitText({ vi: 'phòng âm nhạc', en: 'music room' }, '0', 'en', vocabulary)).toBe('music rooms');
    expect(unitText({ vi: 'phòng âm nhạc', en: 'music room' }, '1', 'en', vocabulary)).toBe('music room');
    expect(unitText({ vi: 'giáo viên', en: 'teachers' }, '1', 'vi', vocabulary)).toBe('giáo viên');
    expect(unitText({ vi: 'm²', en: 'm²' }, '1', 'en', vocabulary)).toBe('m²');
  });

  it('the shortfall: "1 more teacher above the standard needed", "2 more teachers …"', () => {
    const finding = (gap: number): Finding => ({
      ruleId: 'X', status: 'unmet', severity: 'error', level: 'muc_do_1', standard: 2, criterion: '2.2', location: null, gap,
      unit: { vi: 'giáo viên trên chuẩn', en: 'teachers above the standard' },
      measure: { kind: 'rate', numerator: 11, denominator: 25, percent: 44, op: '>=', threshold: 50 },
    });
    expect(gapText(finding(1), 'en', vocabulary)).toBe('1 more teacher above the standard needed (6 points short)');
    expect(gapText(finding(2), 'en', vocabulary)).toBe('2 more teachers above the standard needed (6 points short)');
  });

  it('a template names a noun in both forms: {{gap|pupil|pupils}}', () => {
    expect(interpolate('move {{gap|pupil|pupils}} to another class', { gap: '1' })).toBe('move 1 pupil to another class');
    expect(interpolate('move {{gap|pupil|pupils}} to another class', { gap: '3' })).toBe('move 3 pupils to another class');
    expect(interpolate('{{gap}} {{unit}}', { gap: '2', unit: 'rooms' })).toBe('2 rooms');
  });
});

describe('the rules give English the forms it needs', () => {
  const units = new Set<string>();
  const visit = (check: Check): void => {
    if ('unit' in check && check.unit) units.add(check.unit.en);
    if ('checks' in check) check.checks.forEach(visit);
    if ('check' in check) visit(check.check);
  };
  for (const pack of set.packs) {
    for (const rule of pack.rules) visit(rule.check);
    for (const pair of pack.consistency) units.add(pair.items.en);
  }

  it('every English unit that changes with its number is in english_units', () => {
    // Invariant units: measures (m²) and forms already neutral ("teacher(s)", "health staff").
    const invariant = (u: string): boolean => u.includes('m²') || u.includes('(s)') || u === 'health staff';
    expect([...units].filter((u) => !invariant(u) && !Object.hasOwn(vocabulary.englishUnits, u)).sort()).toEqual([]);
    expect(units.size).toBeGreaterThan(50);
  });

  it('no English remedy writes a plural noun straight after a number: it gives both forms', () => {
    const plurals = new Set(pairs.map((p) => p[1]).filter((many, i) => many !== pairs[i]![0]));
    const offenders: string[] = [];
    for (const pack of set.packs) {
      for (const rule of pack.rules) {
        for (const m of rule.remedy.en.matchAll(/\{\{(gap|count|numerator|denominator)\}\} (?:more )?([a-z][a-z-]*(?: [a-z-]+)?)/g)) {
          const [one, two] = [m[2]!.split(' ')[0]!, m[2]!];
          if (plurals.has(one) || plurals.has(two)) offenders.push(`${rule.id}: ${m[0]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('chuan check --lang en on the examples', () => {
  it('never prints "1 teachers", nor "0 music room"', async () => {
    const out = (await Promise.all(['stylish', 'markdown', 'json'].map((f) => run(['check', 'examples', '--lang', 'en', '--as-of', '2026-06-15', '-f', f])))).map((r) => r.stdout).join('\n');
    const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const wrong: string[] = [];
    for (const [one, many] of pairs) {
      if (one === many) continue;
      for (const m of out.matchAll(new RegExp(`(?<![\\d.,])1 (?:more )?${escape(many)}(?![\\w(-])`, 'g'))) wrong.push(m[0]);
      for (const m of out.matchAll(new RegExp(`(?<![\\d.,])(?:0|[2-9]|\\d{2,}) (?:more )?${escape(one)}(?![\\w(-])`, 'g'))) wrong.push(m[0]);
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(out).toContain('1 music room short');
    expect(out).toContain('0 music rooms');
    expect(out).toMatch(/1 advisory, /);
  });
});
