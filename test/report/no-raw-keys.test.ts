import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { AS_OF, EXAMPLES } from '../examples.test.js';
import { run } from '../cli/run-main.js';
import { markdownWithoutCode, schemaKeys, withoutKeys } from './schema-keys.js';

const keys = schemaKeys();
const DIM = /\u001b\[2m[\s\S]*?\u001b\[22m/g;

describe('no raw field name or YAML key in a human report of the examples (keys only in small print)', () => {
  it('the schemas have keys to look for', () => {
    expect(keys.length).toBeGreaterThan(200);
    expect(keys).toEqual(expect.arrayContaining(['ho_so', 'co_ket_luan', 'nam_hoc', 'lich_su_cong_nhan', 'bao_cao']));
  });

  it.each(EXAMPLES.map(([name]) => name))('%s: Markdown, outside code spans', (name) => {
    const markdown = fs.readFileSync(path.join(packageRoot, 'examples', 'expected', `${name}.md`), 'utf8');
    expect(withoutKeys(markdownWithoutCode(markdown), keys)).toEqual([]);
  });

  it.each(EXAMPLES.map(([name]) => name))('%s: terminal report, outside the dimmed small print', async (name) => {
    const result = await run(['check', `examples/${name}`, '--as-of', AS_OF, '--color'], { tty: true });
    expect(withoutKeys(result.stdout.replace(DIM, ' '), keys)).toEqual([]);
  });

  it('the check finds a key where there is one', () => {
    expect(withoutKeys('ghi vào ho_so rồi', keys)).toEqual(['ho_so']);
    expect(withoutKeys('ghi vào hồ sơ `ho_so`', keys)).toEqual(['ho_so']);
    expect(withoutKeys(markdownWithoutCode('ghi vào hồ sơ `ho_so`'), keys)).toEqual([]);
  });
});
