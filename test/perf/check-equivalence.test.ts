// Whole schools, fast path against the positional reference path (yaml for every file): the same
// results — findings, measured values, diagnostics, evidence, and every file:line:column — on every
// bundled example and on a seeded generated corpus (the benchmark's generator).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { checkSchool } from '../../src/check/check-folder.js';
import { discoverSchools } from '../../src/discover/discover.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { diskSource } from '../../src/load/disk-source.js';
import { loadSchoolFolder } from '../../src/load/school-folder.js';
import { packageRoot } from '../../src/paths.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';

const registry = SchemaRegistry.shared();
const ruleSet = loadRuleSet(undefined, registry);
const options = { registry, ruleSet, asOf: '2026-06-15' };
const examples = discoverSchools([path.join(packageRoot, 'examples')], packageRoot).schools;
const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-perf-'));
const corpus = generateCorpus(corpusDir, 60, 20261123, path.join(packageRoot, 'examples'));
const generated = discoverSchools([corpusDir], corpusDir).schools;

afterAll(() => fs.rmSync(corpusDir, { recursive: true, force: true }));

function sameResults(dir: string): void {
  const fast = checkSchool(dir, { ...options, yamlParser: 'fast' });
  const reference = checkSchool(dir, { ...options, yamlParser: 'reference' });
  expect(fast.findings.length + fast.diagnostics.length).toBeGreaterThan(0);
  expect(JSON.stringify(fast, null, 1)).toBe(JSON.stringify(reference, null, 1));
}

describe('same findings and locations on the fast and the positional path', () => {
  it.each(examples.map((d) => [path.basename(d), d]))('example %s', (_name, dir) => sameResults(dir));

  it(`a generated corpus of ${corpus.schools} schools (all school types, gaps, broken files, CRLF, BOM)`, () => {
    expect(generated).toHaveLength(60);
    for (const dir of generated) sameResults(dir);
  });

  it('the generated corpus mostly takes the fast path, so the comparison above means something', () => {
    let files = 0;
    let fast = 0;
    for (const dir of generated) {
      const docs = loadSchoolFolder(diskSource(dir));
      for (const yaml of [docs.profile, ...docs.standards]) {
        files++;
        if (yaml?.source.parser === 'fast') fast++;
      }
    }
    expect(fast / files).toBeGreaterThan(0.9);
  });
});
