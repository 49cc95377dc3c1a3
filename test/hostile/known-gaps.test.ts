// Gaps the hostile corpus and the property tests found in the formatters and the CLI, kept as regression tests.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run-main.js';
import { AS_OF, copyExample, tempRoot, treeFingerprint } from './fixtures.js';
import { expectWellFormed } from './wellformed.js';

describe.skipIf(process.platform === 'win32')('known gaps', () => {
  it('a decision number cannot put a control character in the stylish output', async () => {
    const root = tempRoot('chuan-gap-decision-');
    try {
      const school = copyExample('mn-hoa-sen', path.join(root, 'truong'));
      const file = path.join(school, 'truong.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/so_quyet_dinh: 2876\/QĐ-UBND/, 'so_quyet_dinh: "2876\\r\\u001b[2K/QĐ-UBND"'));
      const result = await run(['check', '.', '--as-of', AS_OF, '--jobs', '1'], { cwd: root });
      expect(result.stdout).toContain('2876');
      expectWellFormed('stylish', result.stdout);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('GITHUB_STEP_SUMMARY inside a school folder is refused, not appended to', async () => {
    const root = tempRoot('chuan-gap-summary-');
    try {
      copyExample('mn-hoa-sen', path.join(root, 'truong'));
      const before = treeFingerprint(root);
      const result = await run(['check', '.', '--format', 'github', '--as-of', AS_OF, '--jobs', '1'], { cwd: root, env: { GITHUB_STEP_SUMMARY: path.join(root, 'truong', 'truong.yaml') } });
      expect(treeFingerprint(root)).toBe(before);
      expect(result.code).toBe(2);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
