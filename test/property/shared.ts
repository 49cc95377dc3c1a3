import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { prepareCheckOptions } from '../../src/batch/index.js';
import { checkSchool, type CheckOptions } from '../../src/check/check-folder.js';
import type { FormatContext } from '../../src/report/context.js';
import { formatters } from '../../src/report/formatters/index.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { AS_OF, copyExample, examplesDir, tempRoot } from '../hostile/fixtures.js';
import { expectWellFormed } from '../hostile/wellformed.js';

export const SCHOOL_FILES = ['truong.yaml', 'tieu-chuan-1.yaml', 'tieu-chuan-2.yaml', 'tieu-chuan-3.yaml', 'tieu-chuan-4.yaml', 'tieu-chuan-5.yaml'];

/** A check this slow means a hang (a case takes milliseconds); generous so that a busy CI machine never trips it. */
export const HANG_MS = 5000;

export interface Workspace {
  root: string;
  /** One writable copy of each bundled example. */
  schools: string[];
  originals: Map<string, Buffer>;
  options: CheckOptions;
  contexts: FormatContext[];
  restore(file: string): void;
  dispose(): void;
}

export function workspace(): Workspace {
  const root = tempRoot('chuan-property-');
  // The five-standard examples of the 2012–2014 packs (the 57/2026 examples have four standard files and their own school year).
  const names = fs.readdirSync(examplesDir).filter((n) => fs.existsSync(path.join(examplesDir, n, 'truong.yaml')) && !fs.readFileSync(path.join(examplesDir, n, 'truong.yaml'), 'utf8').includes('\nthong_tu:')).sort();
  const schools = names.map((n) => copyExample(n, path.join(root, n)));
  const originals = new Map<string, Buffer>();
  for (const dir of schools) for (const f of SCHOOL_FILES) originals.set(path.join(dir, f), fs.readFileSync(path.join(dir, f)));
  const base = formatContext({ cwd: root });
  return {
    root,
    schools,
    originals,
    options: prepareCheckOptions({ asOf: AS_OF, configFile: null }),
    contexts: [base, { ...base, lang: 'en' }],
    restore: (file) => fs.writeFileSync(file, originals.get(file)!),
    dispose: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

/** Every format renders the results, and every rendering is well formed. */
export function expectAllFormatsWellFormed(results: SchoolResult[], ctx: FormatContext): void {
  for (const format of Object.keys(formatters)) {
    const text = formatters[format]!(results, ctx);
    expectWellFormed(format, text);
  }
}

/** A result of checkSchool that is a result: an outcome, no internal error. */
export function expectCleanResult(result: SchoolResult): void {
  expect(['reached', 'not_reached', 'invalid']).toContain(result.outcome);
  expect(result.diagnostics.filter((d) => d.code.startsWith('internal/'))).toEqual([]);
  if (result.outcome === 'invalid') expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.message.vi.length).toBeGreaterThan(0);
    expect(d.message.vi.length).toBeLessThan(1000);
  }
}

export interface Timing {
  cases: number;
  maxMs: number;
  totalMs: number;
  /** How many results of each outcome: the generators must reach the rule engine, not only the parser. */
  outcomes: Record<string, number>;
}

export function timed<T>(timing: Timing, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  const ms = performance.now() - started;
  timing.cases++;
  timing.totalMs += ms;
  timing.maxMs = Math.max(timing.maxMs, ms);
  expect(ms, 'a single check took so long it looks like a hang').toBeLessThan(HANG_MS);
  return value;
}

/**
 * Writes `content` into one file of one school of the workspace, checks the school, and expects a clean
 * result, well-formed reports in every format, and the folder exactly as written (checkSchool writes nothing).
 */
export function checkWithContent(ws: Workspace, timing: Timing, school: number, file: number, content: string | Uint8Array, lang: number, reference = false): void {
  const dir = ws.schools[school % ws.schools.length]!;
  const target = path.join(dir, SCHOOL_FILES[file % SCHOOL_FILES.length]!);
  fs.writeFileSync(target, content);
  const written = fs.readFileSync(target);
  const entries = fs.readdirSync(dir).sort();
  try {
    // `reference`: yaml's parser for every file instead of the fast path (both must hold the same guarantees).
    const result = timed(timing, () => checkSchool(dir, reference ? { ...ws.options, yamlParser: 'reference' } : ws.options));
    timing.outcomes[result.outcome] = (timing.outcomes[result.outcome] ?? 0) + 1;
    expectCleanResult(result);
    expectAllFormatsWellFormed([result], ws.contexts[lang % ws.contexts.length]!);
    expect(fs.readFileSync(target).equals(written), 'checkSchool changed its input').toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(entries);
  } finally {
    ws.restore(target);
  }
}

export const newTiming = (): Timing => ({ cases: 0, maxMs: 0, totalMs: 0, outcomes: {} });

export function timingLine(name: string, t: Timing): string {
  return `property "${name}": ${t.cases} cases (${Object.entries(t.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}), checkSchool mean ${(t.totalMs / Math.max(1, t.cases)).toFixed(1)} ms, max ${t.maxMs.toFixed(0)} ms`;
}
