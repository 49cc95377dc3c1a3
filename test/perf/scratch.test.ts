import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { compareParsers } from './equivalence.js';
import { mutate, prng } from './mutate.js';
it('fuzz', () => {
  const files: string[] = [];
  for (const d of fs.readdirSync('examples')) {
    if (d === 'expected') continue;
    for (const f of fs.readdirSync(path.join('examples', d))) files.push(fs.readFileSync(path.join('examples', d, f), 'utf8'));
  }
  const random = prng(Number(process.env['SEED'] ?? 1));
  const N = Number(process.env['N'] ?? 2000);
  let fast = 0, bad = 0;
  const seen = new Set<string>();
  for (let i = 0; i < N; i++) {
    let t = files[Math.floor(random() * files.length)]!;
    const k = 1 + Math.floor(random() * 3);
    for (let j = 0; j < k; j++) t = mutate(t, random);
    const v = compareParsers(t);
    if (v.path === 'fast') fast++;
    if (v.problems.length) {
      bad++;
      const key = v.problems[0]!.replace(/\d+/g, '#');
      if (!seen.has(key) && seen.size < 15) { seen.add(key); fs.writeFileSync(`/tmp/fuzz-${seen.size}.yaml`, t); console.log(seen.size, v.problems.slice(0, 3)); }
    }
  }
  console.log({ N, fast, bad });
}, 600000);
