import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/paths.js';
import { run } from './cli/run-main.js';

import { AS_OF, EXAMPLES } from './examples.js';

export { AS_OF, EXAMPLES };
const expectedDir = path.join(packageRoot, 'examples', 'expected');

describe('bundled examples', () => {
  it('covers every folder in examples/', () => {
    const folders = fs.readdirSync(path.join(packageRoot, 'examples')).filter((f) => fs.existsSync(path.join(packageRoot, 'examples', f, 'truong.yaml')));
    expect(folders.sort()).toEqual(EXAMPLES.map(([name]) => name).sort());
  });

  it.each(EXAMPLES)('%s: Markdown report equals the committed one, exit %i', async (name, code, asOf) => {
    const result = await run(['check', `examples/${name}`, '--format', 'markdown', '--as-of', asOf ?? AS_OF]);
    const file = path.join(expectedDir, `${name}.md`);
    if (process.env['UPDATE_EXPECTED'] === '1') fs.writeFileSync(file, result.stdout);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe(fs.readFileSync(file, 'utf8'));
  });

  it('--output writes the same bytes as the committed report, atomically and outside the input', async () => {
    const dir = fs.mkdtempSync(path.join(packageRoot, 'test', '.tmp-'));
    try {
      const out = path.join(dir, 'r.md');
      const result = await run(['check', 'examples/th-mai-sao', '--format', 'markdown', '--output', out, '--as-of', AS_OF]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(expectedDir, 'th-mai-sao.md'), 'utf8'));
      expect(fs.readdirSync(dir)).toEqual(['r.md']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
