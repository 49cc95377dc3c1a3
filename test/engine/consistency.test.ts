// so_lop against the class rows (issue 15, item 2): which list goes with which field is each pack's data
// (pack.yaml `consistency`), and a mismatch is a located warning that never changes a level.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';

const AS_OF = '2026-06-15';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-consistency-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function withClasses(example: string, from: string, to: string): string {
  const dir = fs.mkdtempSync(path.join(root, `${example}-`));
  fs.cpSync(path.join(packageRoot, 'examples', example), dir, { recursive: true });
  const file = path.join(dir, 'truong.yaml');
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
  return dir;
}

describe('so_lop against the class rows', () => {
  it.each([
    ['th-mai-sao', 'so_lop: 20 ', 'so_lop: 16 ', 'so_lop: ghi 16 nhưng danh sách lop (tieu-chuan-1.yaml:7) có 20 lớp; sửa so_lop hoặc danh sách cho khớp nhau'],
    ['thcs-nguyen-du', 'so_lop: 22', 'so_lop: 23', 'so_lop: ghi 23 nhưng danh sách lop (tieu-chuan-1.yaml:'],
    ['mn-hoa-sen', 'so_lop: 12 ', 'so_lop: 10 ', 'so_lop: ghi 10 nhưng danh sách nhom_lop (tieu-chuan-4.yaml:7) có 12 nhóm trẻ, lớp mẫu giáo'],
  ])('%s: a so_lop that is not the number of rows is a warning at so_lop naming both', (example, from, to, message) => {
    const before = checkSchool(path.join(packageRoot, 'examples', example), { asOf: AS_OF });
    const after = checkSchool(withClasses(example, from, to), { asOf: AS_OF });
    const found = after.diagnostics.filter((d) => d.code === 'data/count-mismatch');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', location: { path: ['so_lop'], line: 13 } });
    expect(found[0]!.message.vi).toContain(message);
    expect(before.diagnostics.filter((d) => d.code === 'data/count-mismatch')).toEqual([]);
  });

  it('every example school\'s so_lop matches its rows', () => {
    for (const example of fs.readdirSync(path.join(packageRoot, 'examples')).filter((d) => fs.existsSync(path.join(packageRoot, 'examples', d, 'truong.yaml')))) {
      const result = checkSchool(path.join(packageRoot, 'examples', example), { asOf: AS_OF });
      expect(result.diagnostics.filter((d) => d.code === 'data/count-mismatch'), example).toEqual([]);
    }
  });

  it('is declared by the packs that have class rows, as data', () => {
    const declared = Object.fromEntries(loadRuleSet().packs.map((p) => [p.id, p.consistency.map((c) => `${c.count} = ${c.equals}`)]));
    expect(declared).toMatchObject({ 'tt02-2014': ['tc4.nhom_lop = truong.so_lop'], 'tt47-2012': ['tc1.lop = truong.so_lop'], 'tt59-2012': ['tc1.lop = truong.so_lop'] });
    const source = fs.readFileSync(path.join(packageRoot, 'src', 'engine', 'consistency.ts'), 'utf8');
    expect(source).not.toMatch(/so_lop|nhom_lop|'lop'|tc1|tc4/);
  });
});
