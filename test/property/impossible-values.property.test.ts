// Property: a value that cannot exist, put in any field of its kind of any example school or of the
// configuration, is always refused where it is written. Dates: a day that is not in the calendar (29/02 of a
// common year, 31/04, day 0, month 13, year 0), written YYYY-MM-DD or as in Vietnam (D/M/YYYY); school years
// that are not two consecutive years; numbers YAML reads as ±infinity or NaN, or past 2^53 - 1. Each gives an
// error at that line:column quoting the text typed, the school is invalid, and the exit code is 2.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { isScalar, parseDocument, visit } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { exitCode } from '../../src/cli/commands/check.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { readSchemaSources } from '../../src/validate/precompiled.js';
import { isCalendarDate, isSchoolYear } from '../../src/validate/formats.js';
import { schemasDir } from '../../src/paths.js';
import { jsonFormatter } from '../../src/report/formatters/json.js';
import { run } from '../cli/run-main.js';
import { expectJsonReport } from '../hostile/wellformed.js';
import { fcOptions, PROPERTY_TIMEOUT_MS, RUNS } from './arbitraries.js';
import { expectAllFormatsWellFormed, expectCleanResult, newTiming, SCHOOL_FILES, timed, timingLine, workspace, type Workspace } from './shared.js';

type Kind = 'date' | 'school-year' | 'number';

/** Keys whose values the input schemas type as dates or school years (by $ref or format), from schemas/. */
function typedKeys(): Map<string, Kind> {
  const keys = new Map<string, Kind>();
  const kindOf = (schema: Record<string, unknown>): Kind | null => {
    const ref = typeof schema['$ref'] === 'string' ? schema['$ref'] : '';
    if (schema['format'] === 'date' || ref.endsWith('/$defs/ngay')) return 'date';
    if (schema['format'] === 'school-year' || schema['format'] === 'year-or-school-year' || /\/\$defs\/(?:nam_hoc|nam_hoac_nam_hoc)$/.test(ref)) return 'school-year';
    return null;
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const properties = (node as Record<string, unknown>)['properties'];
    if (properties && typeof properties === 'object') {
      for (const [key, sub] of Object.entries(properties as Record<string, Record<string, unknown>>)) {
        const kind = kindOf(sub);
        if (kind) keys.set(key, kind);
      }
    }
    for (const value of Object.values(node)) walk(value);
  };
  for (const source of readSchemaSources(schemasDir)) if (!source.name.startsWith('editor/')) walk(JSON.parse(source.text));
  return keys;
}

/** A scalar that can be replaced: where it is in its file, and what kind of value it holds. */
interface Slot {
  school: number;
  file: number;
  start: number;
  end: number;
  kind: Kind;
}

/** Every date, school year and number written in the files of the schools that are valid as shipped. */
function slotsOf(ws: Workspace, clean: number[]): Slot[] {
  const keys = typedKeys();
  const slots: Slot[] = [];
  for (const school of clean) {
    SCHOOL_FILES.forEach((name, file) => {
      const text = ws.originals.get(path.join(ws.schools[school]!, name))!.toString('utf8');
      visit(parseDocument(text), {
        Pair(_, pair) {
          if (!isScalar(pair.value) || !pair.value.range) return;
          const key = isScalar(pair.key) ? String(pair.key.value) : '';
          const value = pair.value.value;
          const [start, end] = pair.value.range;
          const typed = keys.get(key);
          if (typed === 'date' && typeof value === 'string' && isCalendarDate(value)) slots.push({ school, file, start, end, kind: 'date' });
          if (typed === 'school-year' && typeof value === 'string' && isSchoolYear(value)) slots.push({ school, file, start, end, kind: 'school-year' });
          if (typeof value === 'number' && pair.value.type === 'PLAIN') slots.push({ school, file, start, end, kind: 'number' });
        },
      });
    });
  }
  return slots;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number): number => (m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** [year, month, day] of a day that is not in the calendar. */
const impossibleDay: fc.Arbitrary<[number, number, number]> = fc.oneof(
  // 29 February of a common year (1900 and 2100 included: divisible by 100, not by 400).
  fc.integer({ min: 1, max: 9999 }).filter((y) => !isLeap(y)).map((y): [number, number, number] => [y, 2, 29]),
  fc.constantFrom<[number, number, number]>([1900, 2, 29], [2100, 2, 29], [2025, 2, 29], [2026, 2, 30], [2025, 4, 31], [2025, 6, 31], [2025, 9, 31], [2025, 11, 31]),
  // A day past the end of its month, up to 99.
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 68 })).map(([y, m, extra]): [number, number, number] => [y, m, Math.min(99, daysIn(y, m) + extra)]),
  // Day 0, month 0, months 13 to 99, year 0.
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 })).map(([y, m]): [number, number, number] => [y, m, 0]),
  fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(0, 13, 14, 20, 31, 99), fc.integer({ min: 1, max: 28 })).map(([y, m, d]): [number, number, number] => [y, m, d]),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]): [number, number, number] => [0, m, d]),
);

/** The day written as people write it: YYYY-MM-DD, DD/MM/YYYY, D/M/YYYY or DD.MM.YYYY. */
const impossibleDate: fc.Arbitrary<string> = fc.tuple(impossibleDay, fc.nat({ max: 3 })).map(([[y, m, d], spelling]) => {
  if (spelling === 0) return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  if (spelling === 1) return `${pad(d, 2)}/${pad(m, 2)}/${pad(y, 4)}`;
  if (spelling === 2) return `${d}/${m}/${pad(y, 4)}`;
  return `${pad(d, 2)}.${pad(m, 2)}.${pad(y, 4)}`;
});

const impossibleSchoolYear: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: 0, max: 9999 }))
  .filter(([a, b]) => b !== a + 1)
  .map(([a, b]) => `${pad(a, 4)}-${pad(b, 4)}`);

/** Numbers as YAML spells them that cannot be a quantity: ±infinity, NaN, too large for a double, past 2^53 - 1. */
const impossibleNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('.inf', '-.inf', '+.inf', '.Inf', '-.Inf', '.INF', '+.INF', '.nan', '.NaN', '.NAN', '1e309', '-1e309', '9007199254740992', '9007199254740993', '-9007199254740993'),
  // Exponents past what a double holds, with any mantissa.
  fc.tuple(fc.constantFrom('', '-', '+'), fc.integer({ min: 1, max: 9 }), fc.nat({ max: 99 }), fc.integer({ min: 309, max: 9999 }), fc.constantFrom('e', 'E', 'e+'))
    .map(([sign, whole, fraction, exponent, e]) => `${sign}${whole}.${fraction}${e}${exponent}`),
  // Integers past 2^53 - 1, written in decimal or hexadecimal.
  fc.bigInt({ min: 2n ** 53n, max: 10n ** 35n }).chain((n) => fc.constantFrom(String(n), `-${n}`, `0x${n.toString(16)}`)),
  // Floats whose size is beyond 2^53 - 1 (every such double is an integer that was rounded).
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 16, max: 300 })).map(([d, e]) => `${d}.5e${e}`),
);

/** Rules of the bundled packs whose thresholds the configuration can correct: a min, a max, a sub-check, a count per record type. */
function thresholdTargets(): { min: string; max: string; at: { rule: string; at: number }; each: { rule: string; at?: number } } {
  const rules = loadRuleSet().packs.flatMap((p) => p.rules);
  const has = (check: object, key: string): boolean => typeof (check as Record<string, unknown>)[key] === 'number';
  const sub = (key: string): { rule: string; at: number } | undefined => {
    for (const r of rules) {
      if (r.check.type !== 'all' && r.check.type !== 'any') continue;
      const at = r.check.checks.findIndex((c) => has(c, key));
      if (at >= 0) return { rule: r.id, at };
    }
    return undefined;
  };
  const top = (key: string, not?: string): string | undefined => rules.find((r) => has(r.check, key) && (not === undefined || !has(r.check, not)))?.id;
  const each = top('min_each');
  return { min: top('min', 'max')!, max: top('max', 'min')!, at: sub('min')!, each: each !== undefined ? { rule: each } : sub('min_each')! };
}

/** What the message must say besides the text typed. */
const WORDS: Record<Kind, string> = { date: 'không có thật', 'school-year': 'không có thật', number: '' };

let ws: Workspace;
let slots: Slot[];
const timing = newTiming();
beforeAll(() => {
  ws = workspace();
  // The schools valid as shipped: there an impossible value is the only error, so it must be the one reported.
  const clean = ws.schools.map((dir, i) => [i, checkSchool(dir, ws.options)] as const).filter(([, r]) => r.outcome !== 'invalid').map(([i]) => i);
  slots = slotsOf(ws, clean);
});
afterAll(() => {
  ws.dispose();
  console.log(timingLine('impossible values', timing));
});

describe(`an impossible value in any field of its kind is a located error and exit 2 (${RUNS} runs)`, () => {
  it('finds dates, school years and numbers in every kind of file', () => {
    const kinds = new Set(slots.map((s) => `${s.kind}:${SCHOOL_FILES[s.file]}`));
    for (const kind of ['date', 'school-year', 'number'] as const) expect([...kinds].filter((k) => k.startsWith(kind)).length).toBeGreaterThan(0);
    expect(slots.filter((s) => s.kind === 'date').length).toBeGreaterThan(100);
    expect(new Set(slots.filter((s) => s.kind === 'number').map((s) => s.file)).size).toBe(SCHOOL_FILES.length);
  });

  it('in the example schools', () => {
    fc.assert(
      // One run in four on yaml's parser for every file (the reference path), one in four rendering every format.
      fc.property(fc.nat(), impossibleDate, impossibleSchoolYear, impossibleNumber, fc.nat({ max: 3 }), fc.nat({ max: 3 }), (pick, date, year, number, parser, render) => {
        const slot = slots[pick % slots.length]!;
        const typed = slot.kind === 'date' ? date : slot.kind === 'school-year' ? year : number;
        const dir = ws.schools[slot.school]!;
        const file = path.join(dir, SCHOOL_FILES[slot.file]!);
        const original = ws.originals.get(file)!.toString('utf8');
        fs.writeFileSync(file, `${original.slice(0, slot.start)}${typed}${original.slice(slot.end)}`);
        try {
          const result = timed(timing, () => checkSchool(dir, parser === 0 ? { ...ws.options, yamlParser: 'reference' } : ws.options));
          timing.outcomes[result.outcome] = (timing.outcomes[result.outcome] ?? 0) + 1;
          expectCleanResult(result);
          expect(result.outcome).toBe('invalid');
          expect(exitCode([result], 'error')).toBe(2);
          const before = original.slice(0, slot.start).split('\n');
          const at = { file, line: before.length, column: before.at(-1)!.length + 1 };
          const here = result.diagnostics.filter((d) => d.severity === 'error' && d.location?.file === at.file && d.location.line === at.line && d.location.column === at.column);
          expect(here, `no error at ${SCHOOL_FILES[slot.file]}:${at.line}:${at.column} for ${typed}: ${JSON.stringify(result.diagnostics.map((d) => d.message.vi))}`).toHaveLength(1);
          const message = here[0]!.message;
          const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
          expect(message.vi).toContain(shown);
          expect(message.en).toContain(shown);
          expect(message.vi).toContain(WORDS[slot.kind]);
          // Nothing of what JavaScript made of the text: no Infinity, NaN or null besides the text quoted.
          for (const text of [message.vi, message.en]) expect(text.replaceAll(shown, '')).not.toMatch(/Infinity|NaN|\bnull\b|undefined/);
          if (render === 0) expectAllFormatsWellFormed([result], ws.contexts[parser % ws.contexts.length]!);
          else expectJsonReport(jsonFormatter([result], ws.contexts[0]!));
        } finally {
          ws.restore(file);
        }
      }),
      fcOptions,
    );
  }, PROPERTY_TIMEOUT_MS);

  it('in the configuration', async () => {
    const config = path.join(ws.root, 'chuan.config.yaml');
    const school = path.relative(ws.root, ws.schools[0]!);
    // A valid configuration, with a placeholder for the one field each run makes impossible.
    const fields: [string, fc.Arbitrary<string>][] = [
      ['EXPIRES', impossibleDate],
      ['MID_CYCLE', impossibleNumber],
      ['MIN_VALUE', impossibleNumber],
      ['MAX_VALUE', impossibleNumber],
      ['AT_INDEX', impossibleNumber],
      ['EACH_COUNT', impossibleNumber],
    ];
    const t = thresholdTargets();
    const template = [
      'report:', '  office: UBND xã Tân Phú', 'recognition:', '  mid_cycle_years: MID_CYCLE', 'thresholds:',
      `  - rule: ${t.min}`, '    set: { min: MIN_VALUE }', '    reason: "thử"',
      `  - rule: ${t.max}`, '    set:', '      max: MAX_VALUE', '    reason: "thử"',
      `  - rule: ${t.at.rule}`, '    at: AT_INDEX', '    set: { min: 1 }', '    reason: "thử"',
      `  - rule: ${t.each.rule}`, ...(t.each.at !== undefined ? [`    at: ${t.each.at}`] : []), '    set: { min_each: EACH_COUNT }', '    reason: "thử"',
      'waivers:', `  - rule: ${t.min}`, `    school: ${path.basename(school)}`, '    reason: "thử"', '    expires: EXPIRES', '',
    ].join('\n');
    const valid: Record<string, string> = { EXPIRES: '2026-12-31', MID_CYCLE: '2.5', MIN_VALUE: '50', MAX_VALUE: '90', AT_INDEX: String(t.at.at), EACH_COUNT: '2' };
    const fill = (text: string, except: string): string => Object.entries(valid).reduce((out, [key, value]) => (key === except ? out : out.replace(key, value)), text);
    // The configuration without an impossible value is accepted: the refusals below are the values' doing.
    fs.writeFileSync(config, fill(template, ''));
    const accepted = await run(['check', school, '--as-of', '2026-06-15', '--jobs', '1'], { cwd: ws.root });
    expect(accepted.stderr).toBe('');
    expect(accepted.code).not.toBe(2);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: fields.length - 1 }).chain((i) => fc.tuple(fc.constant(fields[i]![0]), fields[i]![1])), async ([name, typed]) => {
        const offset = template.indexOf(name);
        const text = fill(`${template.slice(0, offset)}${typed}${template.slice(offset + name.length)}`, name);
        fs.writeFileSync(config, text);
        const before = fill(template.slice(0, offset), name).split('\n');
        const result = await run(['check', school, '--as-of', '2026-06-15', '--jobs', '1'], { cwd: ws.root });
        expect(result.code).toBe(2);
        const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
        expect(result.stderr).toContain(`chuan.config.yaml:${before.length}:${before.at(-1)!.length + 1}: `);
        expect(result.stderr).toContain(shown);
        expect(result.stderr.replaceAll(shown, '')).not.toMatch(/Infinity|NaN|\bnull\b|\n\s+at /);
        expect(result.stdout).toBe('');
      }),
      { ...fcOptions, numRuns: Math.max(50, Math.round(RUNS / 4)) },
    );
    fs.rmSync(config);
  }, PROPERTY_TIMEOUT_MS);
});
