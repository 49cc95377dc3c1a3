import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from '../../src/batch/index.js';
import { exitCode } from '../../src/cli/commands/check.js';
import type { Finding, SchoolResult } from '../../src/types.js';
import { AS_OF, districtTree, exampleSchools, minimalSchool, tempDir } from '../batch/fixtures.js';
import { run } from './run-main.js';

const roots: string[] = [];
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const fresh = (): string => {
  const dir = tempDir('chuan-cli-batch-');
  roots.push(dir);
  return dir;
};
const asOf = ['--as-of', AS_OF];

interface JsonReport {
  summary: { schools: number; reached: number; notReached: number; invalid: number };
  results: { dir: string; outcome: string; diagnostics: unknown[]; findings: unknown[] }[];
}

describe('chuan check examples/', () => {
  it('checks every example school, prints the batch summary and exits with the batch code', async () => {
    const result = await run(['check', 'examples', ...asOf]);
    const schools = exampleSchools();
    expect(result.code).toBe(2);
    for (const dir of schools) expect(result.stdout).toContain(`examples/${path.basename(dir)} — `);
    expect(result.stdout).toMatch(new RegExp(`Tổng: ${schools.length} trường — \\d+ đạt mức đích, \\d+ chưa đạt, 1 dữ liệu lỗi`));
    expect(result.stderr).toBe('');
  });

  it('the invalid example does not stop the others: every other school gets its full result', async () => {
    const result = await run(['check', 'examples', ...asOf, '--format', 'json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.results).toHaveLength(exampleSchools().length);
    const invalid = report.results.filter((r) => r.outcome === 'invalid');
    expect(invalid.map((r) => r.dir)).toEqual(['examples/thcs-loi-du-lieu']);
    expect(invalid[0]!.diagnostics.length).toBeGreaterThan(0);
    const checked = report.results.filter((r) => r.outcome !== 'invalid');
    expect(checked.length).toBe(exampleSchools().length - 1);
    expect(checked.every((r) => r.findings.length > 0)).toBe(true);
    expect(result.code).toBe(2);
  });
});

describe('--jobs', () => {
  let tree: string;
  let count: number;
  beforeAll(() => {
    // Enough schools for 4 workers to pay for their start-up (see workerCount).
    const copies = Math.ceil(734 / exampleSchools().length);
    tree = districtTree(copies, fresh());
    count = copies * exampleSchools().length;
  }, 60_000);

  it('really uses worker threads for this tree with --jobs 4', () => {
    expect(workerCount(count, 4)).toBe(4);
    expect(workerCount(count, 1)).toBe(0);
  });

  it('--jobs 1 and --jobs 4 write byte-identical JSON, JUnit and SARIF (and stdout)', async () => {
    const out = fresh();
    const runWith = async (jobs: string) => {
      const dir = path.join(out, `j${jobs}`);
      fs.mkdirSync(dir);
      const formats = ['json', 'junit', 'sarif'].flatMap((f) => ['--format', `${f}=${path.join(dir, `bao-cao.${f === 'junit' ? 'xml' : f}`)}`]);
      const result = await run(['check', '.', ...asOf, '--jobs', jobs, ...formats, '--format', 'stylish', '--no-color'], { cwd: tree });
      return { result, files: Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')])) };
    };
    const one = await runWith('1');
    const four = await runWith('4');
    expect(one.result.code).toBe(2);
    expect(four.result.code).toBe(one.result.code);
    expect(Object.keys(one.files)).toEqual(['bao-cao.json', 'bao-cao.sarif', 'bao-cao.xml']);
    for (const name of Object.keys(one.files)) expect(four.files[name], name).toBe(one.files[name]);
    expect(four.result.stdout).toBe(one.result.stdout);
    const report = JSON.parse(one.files['bao-cao.json']!) as JsonReport;
    expect(report.summary.schools).toBe(count);
    expect(XMLValidator.validate(one.files['bao-cao.xml']!)).toBe(true);
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(one.files['bao-cao.xml']!) as {
      testsuites: { testsuite: { testcase?: { classname: string; name: string }[] }[] };
    };
    const keys = junit.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => `${c.classname}\u0000${c.name}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(JSON.parse(one.files['bao-cao.sarif']!)).toMatchObject({ version: '2.1.0' });
  }, 90_000);

  it.each(['0', '-1', 'abc', '1.5', '1000'])('--jobs %s is a usage error (exit 2)', async (jobs) => {
    const result = await run(['check', 'examples/thcs-nguyen-du', ...asOf, '--jobs', jobs]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--jobs|tùy chọn/);
    expect(result.stdout).toBe('');
  });
});

describe('exit codes', () => {
  const finding = (status: Finding['status'], severity: Finding['severity']): Finding => ({ ruleId: 'X', status, severity, level: 'dat_chuan', standard: 1, criterion: '1.1', location: null });
  const school = (outcome: SchoolResult['outcome'], findings: Finding[] = []) => ({ outcome, findings, profile: { code: null, schoolYear: null } }) as unknown as SchoolResult;

  it.each([
    [['reached'], 'error', 0],
    [['reached', 'not_reached'], 'error', 1],
    [['reached', 'not_reached', 'invalid'], 'error', 2],
    [['invalid'], 'never', 2],
    [['not_reached'], 'never', 0],
    [['not_reached'], 'warning', 1],
  ] as const)('%j with --fail-on %s -> %i', (outcomes, failOn, code) => {
    expect(exitCode(outcomes.map((o) => school(o)), failOn)).toBe(code);
  });

  it('--fail-on warning also fails on an unmet advisory rule; error does not', () => {
    const results = [school('reached', [finding('unmet', 'warning')])];
    expect(exitCode(results, 'error')).toBe(0);
    expect(exitCode(results, 'warning')).toBe(1);
    expect(exitCode([school('reached', [finding('waived', 'warning')])], 'warning')).toBe(0);
  });

  it('the output format never changes the exit code', async () => {
    const codes = await Promise.all(['stylish', 'markdown', 'json', 'junit', 'sarif', 'github'].map(async (f) => (await run(['check', 'examples/th-mai-sao', ...asOf, '-f', f])).code));
    expect(new Set(codes)).toEqual(new Set([1]));
  });

  it.each([
    [['check', 'examples', '--unknown-flag'], /tùy chọn không hợp lệ/],
    [['check', 'examples', '--fail-on', 'sometimes'], /giá trị không hợp lệ/],
    [['check', 'khong-co'], /không tìm thấy đường dẫn/],
  ])('%j exits 2 with a clean message', async (argv, pattern) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--output-dir', () => {
  it('writes one Markdown and one Word report per school, TONG-HOP.md and TONG-HOP.docx, atomically, outside the inputs', async () => {
    const out = path.join(fresh(), 'bao-cao');
    const result = await run(['check', 'examples', ...asOf, '--output-dir', out, '--format', 'json']);
    expect(result.code).toBe(2);
    JSON.parse(result.stdout);
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual([...exampleSchools().flatMap((d) => [`${path.basename(d)}.md`, `${path.basename(d)}.docx`]), 'TONG-HOP.md', 'TONG-HOP.docx'].sort());
    const summary = fs.readFileSync(path.join(out, 'TONG-HOP.md'), 'utf8');
    expect(summary).toContain('# Tổng hợp kết quả tự kiểm tra');
    expect(summary.split('\n').filter((l) => l.startsWith('| [')).length).toBe(exampleSchools().length);
    expect(files.some((f) => f.startsWith('.chuan-tmp'))).toBe(false);
  });

  it('creates the report folder and its missing parents; a folder that cannot be made is a clean error', async () => {
    const parent = fresh();
    const made = await run(['check', 'examples/thcs-nguyen-du', ...asOf, '--output-dir', path.join(parent, 'xa', 'bao-cao')]);
    expect(made.code).toBe(0);
    expect(fs.readdirSync(path.join(parent, 'xa', 'bao-cao')).sort()).toEqual(['TONG-HOP.docx', 'TONG-HOP.md', 'thcs-nguyen-du.docx', 'thcs-nguyen-du.md']);
    const proc = await run(['check', 'examples/thcs-nguyen-du', ...asOf, '--output-dir', '/proc/khong-ghi-duoc/bao-cao']);
    expect(proc.code).toBe(2);
    expect(proc.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a directory inside a school folder and writes nothing there', async () => {
    const school = path.join('examples', 'thcs-nguyen-du');
    const before = fs.readdirSync(school).sort();
    const result = await run(['check', 'examples', ...asOf, '--output-dir', `${school}/bao-cao`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không ghi báo cáo vào trong thư mục trường');
    expect(fs.readdirSync(school).sort()).toEqual(before);
  });
});

describe('--format github and GITHUB_STEP_SUMMARY', () => {
  it('appends the Markdown batch summary to $GITHUB_STEP_SUMMARY, keeping what was there', async () => {
    const file = path.join(fresh(), 'step-summary.md');
    fs.writeFileSync(file, '# Bước trước\n');
    const result = await run(['check', 'examples', ...asOf, '--format', 'github'], { env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: file, CI: 'true' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('');
    // Commands, the totals, and the indented log lines of the criterion regimes' groups.
    expect(result.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('::') || l.startsWith('chuan: ') || /^ {2,}\S/.test(l))).toBe(true);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('# Bước trước\n# Tổng hợp kết quả tự kiểm tra')).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
  });

  it('leaves $GITHUB_STEP_SUMMARY alone for other formats', async () => {
    const file = path.join(fresh(), 'step-summary.md');
    await run(['check', 'examples/thcs-nguyen-du', ...asOf, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: file } });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('progress on stderr', () => {
  it('shows n/N and the current school on a terminal', async () => {
    const result = await run(['check', 'examples', ...asOf, '--format', 'json'], { tty: true, env: {} });
    expect(result.stderr).toMatch(/Đang kiểm tra \d+\/\d+ trường — /);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stdout.startsWith('{')).toBe(true);
  });

  it.each([
    [{ tty: true, env: { CI: 'true' } }],
    [{ tty: true, env: { GITHUB_ACTIONS: 'true' } }],
    [{ tty: true, env: { TERM: 'dumb' } }],
    [{ tty: false, env: {} }],
  ])('nothing on stderr in CI or when not a terminal: %j', async (opts) => {
    const result = await run(['check', 'examples', ...asOf, '--format', 'sarif'], opts);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ version: '2.1.0' });
  });
});

describe('receiving office and report header come from configuration', () => {
  it('chuan.config.yaml report.office/header appear in every Markdown report, the summary and JSON; nothing by default', async () => {
    const tree = fresh();
    minimalSchool(path.join(tree, 'xa-a', 'truong-1'), { ma_truong: 'A1' });
    minimalSchool(path.join(tree, 'xa-b', 'truong-2'), { ma_truong: 'B2' });
    const plain = path.join(fresh(), 'khong-cau-hinh');
    const before = await run(['check', '.', ...asOf, '--output-dir', plain, '--format', 'json'], { cwd: tree });
    expect(fs.readFileSync(path.join(plain, 'TONG-HOP.md'), 'utf8')).not.toContain('Kính gửi');
    expect(fs.readFileSync(path.join(plain, 'truong-1.md'), 'utf8')).not.toContain('Kính gửi');
    expect((JSON.parse(before.stdout) as { report: object }).report).toEqual({});

    fs.writeFileSync(path.join(tree, 'chuan.config.yaml'), 'report:\n  office: "Phòng GD&ĐT huyện Thử"\n  header: "UBND HUYỆN THỬ"\n');
    const out = path.join(fresh(), 'co-cau-hinh');
    const after = await run(['check', '.', ...asOf, '--output-dir', out, '--format', 'json'], { cwd: tree });
    for (const file of ['TONG-HOP.md', 'truong-1.md', 'truong-2.md']) {
      const text = fs.readFileSync(path.join(out, file), 'utf8');
      expect(text, file).toContain('**Kính gửi:** Phòng GD&amp;ĐT huyện Thử');
      expect(text, file).toContain('UBND HUYỆN THỬ');
    }
    expect((JSON.parse(after.stdout) as { report: object }).report).toEqual({ office: 'Phòng GD&ĐT huyện Thử', header: 'UBND HUYỆN THỬ' });
  });
});
