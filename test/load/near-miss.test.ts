import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalName, nearMisses } from '../../src/load/near-miss.js';
import { diskSource } from '../../src/load/disk-source.js';
import { loadSchoolFolder } from '../../src/load/school-folder.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-names-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const EXPECTED = ['truong.yaml', ...[1, 2, 3, 4, 5].map((n) => `tieu-chuan-${n}.yaml`)];

function schoolWith(rename: (dir: string) => void): string {
  const dir = fs.mkdtempSync(path.join(root, 'truong-'));
  fs.cpSync(path.join(packageRoot, 'examples', 'th-mai-sao'), dir, { recursive: true });
  rename(dir);
  return dir;
}

describe('a school file under a near name', () => {
  it.each([
    ['tieu-chuan-3.yml', ''],
    ['tieu-chuan-3.yaml.txt', ' (Windows có thể đang ẩn phần đuôi: bật View → File name extensions để thấy tên đầy đủ)'],
    ['Tieu-Chuan-3.yaml', ''],
    ['tiêu chuẩn 3.yaml', ''],
    ['tieu-chuan3.yaml', ''],
  ])('%s: the message names the file that is there and the rename', (name, extra) => {
    const dir = schoolWith((d) => fs.renameSync(path.join(d, 'tieu-chuan-3.yaml'), path.join(d, name)));
    // A case-insensitive disk finds Tieu-Chuan-3.yaml under its expected name: nothing to report there.
    if (fs.existsSync(path.join(dir, 'tieu-chuan-3.yaml'))) return;
    const found = loadSchoolFolder(diskSource(dir)).diagnostics.filter((d) => d.location?.file.endsWith('tieu-chuan-3.yaml'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'file/misnamed', severity: 'error' });
    expect(found[0]!.message.vi).toBe(`thiếu tệp tieu-chuan-3.yaml, nhưng thư mục có tệp "${name}": đổi tên tệp đó thành tieu-chuan-3.yaml${extra}`);
  });

  it('never proposes another standard\'s file, nor a file of another number', () => {
    expect(nearMisses(['tieu-chuan-4.yaml', 'tieu-chuan-13.yaml', 'ghi-chu.txt'], EXPECTED, ['tieu-chuan-3.yaml']).size).toBe(0);
    expect(nearMisses(['tieu-chuan-3.yaml.bak', 'tieu-chuan-3.yml'], EXPECTED, ['tieu-chuan-3.yaml']).get('tieu-chuan-3.yaml')).toBe('tieu-chuan-3.yaml.bak');
    expect(canonicalName('Truong.YML')).toBe('truong.yaml');
  });

  it('a file that is simply missing is still "thiếu tệp"', () => {
    const dir = schoolWith((d) => fs.rmSync(path.join(d, 'tieu-chuan-3.yaml')));
    const [d] = loadSchoolFolder(diskSource(dir)).diagnostics;
    expect(d).toMatchObject({ code: 'file/missing' });
  });

  it.each(['tieu-chuan-3.yml', 'tieu-chuan-3.yaml.txt', 'Tieu-Chuan-3.yaml'])('chuan check (checkSchool) on a folder with %s names it and the rename, for the pack\'s files', async (name) => {
    const dir = schoolWith((d) => fs.renameSync(path.join(d, 'tieu-chuan-3.yaml'), path.join(d, name)));
    if (fs.existsSync(path.join(dir, 'tieu-chuan-3.yaml'))) return;
    const result = await run(['check', dir, '--as-of', '2026-06-15']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(`lỗi  thiếu tệp tieu-chuan-3.yaml, nhưng thư mục có tệp "${name}": đổi tên tệp đó thành tieu-chuan-3.yaml`);
    expect(result.stdout).not.toContain('file/missing');
  });

  it('chuan check on a folder whose truong.yaml is truong.yml names it', async () => {
    const dir = schoolWith((d) => fs.renameSync(path.join(d, 'truong.yaml'), path.join(d, 'truong.yml')));
    const result = await run(['check', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`; thư mục ${dir} có tệp "truong.yml": đổi tên thành truong.yaml`);
  });

  it.runIf(process.platform !== 'win32')('a FIFO in place of a file is called a FIFO, not a link or a folder', () => {
    const dir = schoolWith((d) => {
      fs.rmSync(path.join(d, 'tieu-chuan-2.yaml'));
      spawnSync('mkfifo', [path.join(d, 'tieu-chuan-2.yaml')]);
    });
    const [d] = loadSchoolFolder(diskSource(dir)).diagnostics;
    expect(d).toMatchObject({ code: 'file/not-regular' });
    expect(d!.message.vi).toBe('tieu-chuan-2.yaml không phải tệp thường (là một ống có tên (FIFO), không được mở); hãy đặt tệp YAML thật, tên tieu-chuan-2.yaml, trong thư mục trường');
    const folder = schoolWith((x) => {
      fs.rmSync(path.join(x, 'tieu-chuan-2.yaml'));
      fs.mkdirSync(path.join(x, 'tieu-chuan-2.yaml'));
    });
    expect(loadSchoolFolder(diskSource(folder)).diagnostics[0]!.message.vi).toContain('(là một thư mục, không được mở)');
  });
});
