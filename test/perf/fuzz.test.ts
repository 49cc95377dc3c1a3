// A long run of the parser comparison, off by default: CHUAN_FUZZ=20000 npx vitest run test/perf/fuzz.test.ts
// (CHUAN_FUZZ_SEED picks another corpus). Each case is a random document or an example file with random
// edits; whenever the fast path takes one, yaml must give the same data and the same ranges.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { compareParsers } from './equivalence.js';
import { mutate, prng, randomDocument } from './mutate.js';

const cases = Number(process.env['CHUAN_FUZZ'] ?? 0);
const seed = Number(process.env['CHUAN_FUZZ_SEED'] ?? 1);

describe.skipIf(cases === 0)('long parser comparison', () => {
  const examplesDir = path.join(packageRoot, 'examples');
  const texts = fs
    .readdirSync(examplesDir)
    .filter((d) => fs.existsSync(path.join(examplesDir, d, 'truong.yaml')))
    .flatMap((d) => fs.readdirSync(path.join(examplesDir, d)).map((f) => fs.readFileSync(path.join(examplesDir, d, f), 'utf8')));

  it(`${cases} random documents and ${cases} edited example files`, () => {
    const random = prng(seed);
    const failures: string[] = [];
    let fast = 0;
    let repeated = 0;
    for (let i = 0; i < 2 * cases && failures.length < 5; i++) {
      let text: string;
      if (i % 2 === 0) {
        text = randomDocument(random);
      } else {
        text = texts[Math.floor(random() * texts.length)]!;
        for (let k = 1 + Math.floor(random() * 3); k > 0; k--) text = mutate(text, random);
      }
      const verdict = compareParsers(text);
      if (verdict.path === 'fast') fast++;
      if (verdict.path === 'duplicates') repeated++;
      if (verdict.problems.length > 0) failures.push(`${JSON.stringify(text)}\n  ${verdict.problems.slice(0, 3).join('\n  ')}`);
    }
    console.log(`${2 * cases} cases, ${fast} on the fast path, ${repeated} rejected there for repeated keys, ${failures.length} differences`);
    expect(failures).toEqual([]);
  }, 3_600_000);
});
