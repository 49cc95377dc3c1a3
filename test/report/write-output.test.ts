import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnownError } from '../../src/errors.js';
import { ensureFolder, planOutput, writeFileAtomic } from '../../src/report/write-atomic.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-write-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => fs.mkdtempSync(path.join(root, `t${++n}-`));

const fifos = process.platform !== 'win32' && spawnSync('mkfifo', ['--help']).status === 0;

function mkfifo(file: string): string {
  const made = spawnSync('mkfifo', [file]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${String(made.stderr)}`);
  return file;
}

/** A reader on the FIFO, started before the write (opening a FIFO for writing waits for one). */
function reader(fifo: string, args: string[] = []): Promise<string> {
  const child = spawn(args.length > 0 ? 'head' : 'cat', [...args, fifo]);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', () => resolve(out)));
}

function failure(action: () => unknown): KnownError {
  try {
    action();
  } catch (error) {
    if (error instanceof KnownError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe.runIf(fifos)('special files are written through, never replaced', () => {
  it('a FIFO: the reader gets the report, and the FIFO is still a FIFO', async () => {
    const fifo = mkfifo(path.join(fresh(), 'bao-cao.md'));
    const got = reader(fifo);
    expect(planOutput(fifo).mode).toBe('through');
    writeFileAtomic(fifo, '# Báo cáo\n');
    expect(await got).toBe('# Báo cáo\n');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
    expect(fs.readdirSync(path.dirname(fifo))).toEqual(['bao-cao.md']);
  });

  it('a write error on a special file (the reader went away: EPIPE) is a clear error', async () => {
    const fifo = mkfifo(path.join(fresh(), 'ong'));
    const got = reader(fifo, ['-c', '1']);
    // More than a pipe holds, so the write is still going on when the reader leaves.
    const error = failure(() => writeFileAtomic(fifo, 'x'.repeat(4 << 20)));
    expect(error.text.vi).toMatch(/^không ghi được tệp .*ong: chương trình đọc ở đầu kia đã đóng trước khi nhận hết báo cáo \(EPIPE\)$/);
    expect(await got).toBe('x');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('a link to a FIFO is written through, and stays a link', async () => {
    const dir = fresh();
    const fifo = mkfifo(path.join(dir, 'ong'));
    const link = path.join(dir, 'bao-cao.json');
    fs.symlinkSync('ong', link);
    const got = reader(fifo);
    writeFileAtomic(link, '{}\n');
    expect(await got).toBe('{}\n');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('chuan check --output FIFO: the reader gets the whole report, exit code as usual', async () => {
    const fifo = mkfifo(path.join(fresh(), 'bao-cao.md'));
    const got = reader(fifo);
    const result = await run(['check', 'examples/thcs-nguyen-du', '--as-of', '2026-06-15', '-f', 'markdown', '-o', fifo]);
    expect(result.code).toBe(0);
    expect(await got).toMatch(/^# Báo cáo tự kiểm tra/);
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('the streamed JSON report (--format json --output FIFO) goes through the FIFO too', async () => {
    const fifo = mkfifo(path.join(fresh(), 'ket-qua.json'));
    const got = reader(fifo);
    const result = await run(['check', 'examples/thcs-nguyen-du', '--as-of', '2026-06-15', '-f', 'json', '-o', fifo, '--jobs', '1']);
    expect(result.code).toBe(0);
    expect(JSON.parse(await got)).toMatchObject({ summary: { schools: 1 } });
    expect(fs.readdirSync(path.dirname(fifo))).toEqual(['ket-qua.json']);
  });
});

describe('links and regular files', () => {
  it('a link to a regular file: the target is replaced atomically, the link stays a link', () => {
    const dir = fresh();
    fs.mkdirSync(path.join(dir, 'that'));
    const target = path.join(dir, 'that', 'r.md');
    fs.writeFileSync(target, 'old\n');
    fs.chmodSync(target, 0o640);
    const link = path.join(dir, 'r.md');
    fs.symlinkSync(path.join('that', 'r.md'), link);
    const plan = writeFileAtomic(link, 'new\n');
    expect(plan).toMatchObject({ mode: 'replace', target });
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('new\n');
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(path.join(dir, 'that'))).toEqual(['r.md']);
  });

  it('a chain of links is followed to its end; a dangling link creates its target (and its folders)', () => {
    const dir = fresh();
    fs.symlinkSync(path.join(dir, 'moi', 'r.json'), path.join(dir, 'b'));
    fs.symlinkSync('b', path.join(dir, 'a'));
    writeFileAtomic(path.join(dir, 'a'), '[]\n');
    expect(fs.readFileSync(path.join(dir, 'moi', 'r.json'), 'utf8')).toBe('[]\n');
    expect(fs.lstatSync(path.join(dir, 'a')).isSymbolicLink()).toBe(true);
  });

  it('a link loop, a folder and a path through a file are clear errors', () => {
    const dir = fresh();
    fs.symlinkSync('y', path.join(dir, 'x'));
    fs.symlinkSync('x', path.join(dir, 'y'));
    expect(failure(() => writeFileAtomic(path.join(dir, 'x'), '')).text.vi).toMatch(/liên kết tượng trưng trỏ vòng quanh nhau \(ELOOP\)/);
    expect(failure(() => writeFileAtomic(dir, '')).text.vi).toMatch(/đây là một thư mục; ghi rõ tên tệp/);
    fs.writeFileSync(path.join(dir, 'tep'), '');
    expect(failure(() => writeFileAtomic(path.join(dir, 'tep', 'con', 'r.md'), '')).text.vi).toMatch(/một phần của đường dẫn là tệp, không phải thư mục .*\(ENOTDIR\)/);
  });

  it('a new path gets its missing folders, one level at a time', () => {
    const dir = fresh();
    writeFileAtomic(path.join(dir, 'a', 'b', 'c.json'), '{}');
    expect(fs.readFileSync(path.join(dir, 'a', 'b', 'c.json'), 'utf8')).toBe('{}');
    ensureFolder(path.join(dir, 'a', 'b'));
    expect(fs.readdirSync(path.join(dir, 'a', 'b'))).toEqual(['c.json']);
  });
});

describe('chuan check writes where it is told, and says so', () => {
  const school = path.join(packageRoot, 'examples', 'thcs-nguyen-du');
  const argv = (...rest: string[]) => ['check', school, '--as-of', '2026-06-15', ...rest];

  it('--output into a folder that does not exist yet (docs/huong-dan.md step 6), one line on stderr', async () => {
    const cwd = fresh();
    const result = await run(argv('--format', 'json', '--output', 'ket-qua/mai-sao-2024-2025.json'), { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(cwd, 'ket-qua', 'mai-sao-2024-2025.json'), 'utf8'))).toMatchObject({ schemaVersion: expect.any(String) });
    expect(result.stderr).toBe('chuan: đã ghi báo cáo json vào ket-qua/mai-sao-2024-2025.json\n');
    expect(result.stdout).toBe('');
  });

  it('--output-dir with missing parents; --quiet says nothing', async () => {
    const cwd = fresh();
    const loud = await run(argv('--output-dir', 'bao-cao/2026/truong'), { cwd });
    expect(fs.readdirSync(path.join(cwd, 'bao-cao', '2026', 'truong')).sort()).toEqual(['TONG-HOP.docx', 'TONG-HOP.md', 'thcs-nguyen-du.docx', 'thcs-nguyen-du.md']);
    expect(loud.stderr).toBe('chuan: đã ghi 1 báo cáo Markdown và 1 bản Word (mỗi trường một tệp), TONG-HOP.md và TONG-HOP.docx vào bao-cao/2026/truong\n');
    const quiet = await run(argv('--output-dir', 'khac', '-f', 'markdown', '-o', 'r.md', '--quiet'), { cwd });
    expect(quiet.stderr).toBe('');
    expect(fs.existsSync(path.join(cwd, 'khac', 'TONG-HOP.md'))).toBe(true);
    expect(fs.existsSync(path.join(cwd, 'r.md'))).toBe(true);
  });

  it('--lang en: "1 Markdown report", "1 Word file", and a link names where it led', async () => {
    const cwd = fresh();
    fs.symlinkSync(path.join('that', 'r.md'), path.join(cwd, 'r.md'));
    const result = await run(argv('--output-dir', 'out', '-f', 'markdown', '-o', 'r.md', '--lang', 'en'), { cwd });
    expect(result.stderr).toBe('chuan: wrote the markdown report to r.md (through the link to that/r.md)\nchuan: wrote 1 Markdown report and 1 Word file (one per school), TONG-HOP.md and TONG-HOP.docx to out\n');
    expect(fs.readFileSync(path.join(cwd, 'that', 'r.md'), 'utf8')).toMatch(/^# /);
  });

  it('"-" is standard output, for --output and for --format name=-', async () => {
    const cwd = fresh();
    const plain = await run(argv('-f', 'markdown', '-o', '-'), { cwd });
    expect(plain.stdout).toMatch(/^# Báo cáo tự kiểm tra/);
    expect(plain.stderr).toBe('');
    const both = await run(argv('-f', 'json=-', '-f', 'markdown=r.md'), { cwd });
    expect(JSON.parse(both.stdout)).toMatchObject({ results: [{ outcome: 'reached' }] });
    expect(fs.readdirSync(cwd)).toEqual(['r.md']);
  });

  it('a link given as --output that leads into a school folder is refused, and the school file is untouched', async () => {
    const cwd = fresh();
    const copy = path.join(cwd, 'truong');
    fs.cpSync(school, copy, { recursive: true });
    const before = fs.readFileSync(path.join(copy, 'truong.yaml'), 'utf8');
    fs.symlinkSync(path.join(copy, 'truong.yaml'), path.join(cwd, 'r.md'));
    const result = await run(['check', 'truong', '--as-of', '2026-06-15', '-f', 'markdown', '-o', 'r.md'], { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không ghi báo cáo vào trong thư mục trường');
    expect(fs.readFileSync(path.join(copy, 'truong.yaml'), 'utf8')).toBe(before);
  });
});
