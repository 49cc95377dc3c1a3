// The same ma_truong twice in a batch (issue 15, item 2): a located warning on each school, named in the
// office roll-up; one school's earlier year beside this one is not a duplicate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { duplicateCodes } from '../../src/batch/duplicate-codes.js';
import { checkTree } from '../../src/batch/index.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';

const AS_OF = '2026-06-15';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-codes-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const batch = path.join(root, 'xa');
for (const [name, example] of [['mai-sao', 'th-mai-sao'], ['mai-sao-ban-sao', 'th-mai-sao'], ['nguyen-du', 'thcs-nguyen-du']] as const) {
  fs.cpSync(path.join(packageRoot, 'examples', example), path.join(batch, name), { recursive: true });
}

describe('duplicateCodes', () => {
  it('pairs the schools of one code and one school year; other years, other codes and no code are left alone', () => {
    const found = duplicateCodes([
      { dir: 'a', code: '1', schoolYear: '2025-2026' },
      { dir: 'b', code: '2', schoolYear: '2025-2026' },
      { dir: 'c', code: '1', schoolYear: '2025-2026' },
      { dir: 'd', code: '1', schoolYear: '2024-2025' },
      { dir: 'e', code: null, schoolYear: '2025-2026' },
      { dir: 'f', code: null, schoolYear: '2025-2026' },
      { dir: 'g', code: '1', schoolYear: '2025-2026' },
    ]);
    expect([...found]).toEqual([[0, ['c', 'g']], [2, ['a', 'g']], [6, ['a', 'c']]]);
  });
});

describe('a code two folders share', () => {
  it('is a warning at ma_truong in each, naming the other folder', async () => {
    const results = await checkTree([batch], root, { asOf: AS_OF, configFile: null, jobs: 1 });
    const warned = results.map((r) => r.diagnostics.filter((d) => d.code === 'batch/duplicate-code'));
    expect(warned.map((w) => w.length)).toEqual([1, 1, 0]);
    expect(warned[0]![0]).toMatchObject({ severity: 'warning', location: { file: path.join(batch, 'mai-sao', 'truong.yaml'), line: 4, column: 12 } });
    expect(warned[0]![0]!.message.vi).toBe('ma_truong: mã "33101205" cũng là mã của thư mục xa/mai-sao-ban-sao trong cùng lần kiểm tra, cùng năm học 2025-2026: mỗi trường một mã; sửa mã của thư mục bị sao chép nhầm để báo cáo tổng hợp không tính một trường hai lần');
    expect(results.map((r) => r.outcome)).toEqual(['not_reached', 'not_reached', 'reached']);
  });

  it('chuan check: in the terminal report, the JSON report and the office roll-up; a JSON report written as it goes says it on stderr', async () => {
    const terminal = await run(['check', 'xa', '--as-of', AS_OF], { cwd: root });
    expect(terminal.stdout.match(/lưu ý  Mã trường \(ma_truong\): mã "33101205" cũng là mã của thư mục/g)).toHaveLength(2);
    const json = JSON.parse((await run(['check', 'xa', '--as-of', AS_OF, '-f', 'json'], { cwd: root })).stdout) as { results: { diagnostics: { code: string }[] }[] };
    expect(json.results.map((r) => r.diagnostics.filter((d) => d.code === 'batch/duplicate-code').length)).toEqual([1, 1, 0]);
    const streamed = await run(['check', 'xa', '--as-of', AS_OF, '-f', 'json', '-o', 'ket-qua/xa.json'], { cwd: root });
    expect(streamed.stderr.split('\n').filter((l) => l.includes('cũng là mã của'))).toEqual([
      expect.stringMatching(/^chuan: xa\/mai-sao: ma_truong: mã "33101205" cũng là mã của thư mục xa\/mai-sao-ban-sao /),
      expect.stringMatching(/^chuan: xa\/mai-sao-ban-sao: ma_truong: mã "33101205" cũng là mã của thư mục xa\/mai-sao /),
    ]);
    await run(['check', 'xa', '--as-of', AS_OF, '--output-dir', 'bao-cao', '-q'], { cwd: root });
    expect(fs.readFileSync(path.join(root, 'bao-cao', 'TONG-HOP.md'), 'utf8')).toContain('**Mã trường trùng nhau:** 33101205 (xa/mai-sao, xa/mai-sao-ban-sao): nhiều thư mục ghi cùng một mã trường cho cùng năm học');
  });

  it('the examples keep an earlier year of one school beside it: not a duplicate', async () => {
    const results = await checkTree(['examples'], packageRoot, { asOf: AS_OF, configFile: null, jobs: 1 });
    const hoaSen = results.filter((r) => r.profile.code === '33.MN.0412');
    expect(hoaSen.map((r) => r.profile.schoolYear)).toEqual(['2025-2026', '2024-2025']);
    expect(results.flatMap((r) => r.diagnostics).filter((d) => d.code === 'batch/duplicate-code')).toEqual([]);
  });
});
