// Property: whatever a school's files contain, checkSchool returns a result (never throws, never hangs),
// and every output format renders that result well formed. Two generators: random YAML-like text or bytes
// in one file of a bundled example, and random mutations of the example files themselves.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-school.js';
import { treeFingerprint } from '../hostile/fixtures.js';
import { fcOptions, mutate, mutation, randomYaml, RUNS } from './arbitraries.js';
import { expectAllFormatsWellFormed, expectCleanResult, SCHOOL_FILES, timed, workspace, type Timing, type Workspace } from './shared.js';

let ws: Workspace;
const timings: Record<string, Timing> = {};
beforeAll(() => {
  ws = workspace();
});
afterAll(() => {
  ws.dispose();
  for (const [name, t] of Object.entries(timings)) {
    console.log(`property "${name}": ${t.cases} cases, checkSchool mean ${(t.totalMs / Math.max(1, t.cases)).toFixed(1)} ms, max ${t.maxMs.toFixed(0)} ms`);
  }
});

const schoolAndFile = fc.tuple(fc.nat({ max: 6 }), fc.nat({ max: SCHOOL_FILES.length - 1 }));

function checkWith(name: string, school: number, file: number, content: string | Uint8Array, lang: number): void {
  timings[name] ??= { cases: 0, maxMs: 0, totalMs: 0 };
  const dir = ws.schools[school % ws.schools.length]!;
  const target = path.join(dir, SCHOOL_FILES[file]!);
  fs.writeFileSync(target, content);
  try {
    const result = timed(timings[name], () => checkSchool(dir, ws.options));
    expectCleanResult(result);
    expectAllFormatsWellFormed([result], ws.contexts[lang % ws.contexts.length]!);
  } finally {
    ws.restore(target);
  }
}

describe(`random input never crashes or hangs checkSchool, and every report stays well formed (${RUNS} runs each)`, () => {
  it('random YAML-like text or bytes in any file of a school', () => {
    const before = treeFingerprint(ws.root);
    const content = fc.oneof({ weight: 5, arbitrary: randomYaml }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) });
    fc.assert(
      fc.property(schoolAndFile, content, fc.nat(), ([school, file], text, lang) => checkWith('random YAML', school, file, text, lang)),
      fcOptions,
    );
    // checkSchool wrote nothing: after the last restore the copies are byte for byte the examples again.
    for (const [file, bytes] of ws.originals) expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(treeFingerprint(ws.root)).not.toBe('');
    expect(before).not.toBe('');
  });

  it('random mutations of the bundled example schools', () => {
    fc.assert(
      fc.property(schoolAndFile, fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.nat(), ([school, file], mutations, lang) => {
        const dir = ws.schools[school % ws.schools.length]!;
        const source = ws.originals.get(path.join(dir, SCHOOL_FILES[file]!))!.toString('utf8');
        checkWith('mutated examples', school, file, mutate(source, mutations), lang);
      }),
      fcOptions,
    );
  });
});
