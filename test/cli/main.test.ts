import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';
import { run } from './run-main.js';

const AS_OF = ['--as-of', '2026-06-15'];
const PASSING = 'examples/thcs-nguyen-du';

describe('usage', () => {
  it.each([
    [['--help'], 0, /kiểm tra một thư mục trường/],
    [['check', '--help'], 0, /--fail-on/],
    [['--version'], 0, /^\d+\.\d+\.\d+/],
  ])('%j exits %i', async (argv, code, pattern) => {
    const result = await run(argv);
    expect(result.code).toBe(code);
    expect(result.stdout).toMatch(pattern);
  });

  it.each([
    [['check', '--bogus', PASSING], /tùy chọn không hợp lệ/],
    [['frobnicate'], /lệnh không hợp lệ/],
    [['check', PASSING, '--format', 'pdf'], /định dạng không hỗ trợ "pdf"/],
    [['check', PASSING, '--lang', 'fr'], /giá trị không hợp lệ/],
    [['check', PASSING, '--as-of', '15/06/2026'], /--as-of phải là ngày dạng YYYY-MM-DD/],
    [['check', 'khong-co-thu-muc-nay'], /không tìm thấy đường dẫn khong-co-thu-muc-nay/],
    [['check', 'src'], /không tìm thấy thư mục trường nào/],
    [['explain', 'KHONG.CO'], /không có quy tắc "KHONG.CO"/],
    [['rules', '--circular', '99'], /^chuan: --circular "99" không có; chọn một trong: 02, tt02-2014, 17, tt17-2018, (?:.*, )?47, tt47-2012, 57, tt57-2026-mam-non, tt57-2026-pho-thong, 59, tt59-2012\n$/],
    [['rules', '--circular', '59', '--level', 'dat_chuan'], /--level "dat_chuan" không có; chọn một trong: toi_thieu, muc_do_1, muc_do_2/],
    [['rules', '--standard', '9'], /--standard "9" không có; chọn một trong: 1, 2, 3, 4, 5/],
  ])('%j is a usage error: exit 2, one clean Vietnamese line, no stack trace', async (argv, pattern) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("commander's own errors, in Vietnamese by default", () => {
  it.each([
    [['check', '--khong-co'], 'chuan: tùy chọn không hợp lệ: --khong-co (xem chuan --help)\n'],
    [['check', '--formt', 'x'], 'chuan: tùy chọn không hợp lệ: --formt (có phải --format?) (xem chuan --help)\n'],
    [['check', PASSING, '--format'], 'chuan: tùy chọn -f, --format thiếu giá trị <format> (xem chuan --help)\n'],
    [['check', PASSING, '--fail-on', 'bad'], 'chuan: giá trị không hợp lệ cho --fail-on: "bad"; chọn một trong: error, warning, never (xem chuan --help)\n'],
    [['explain'], 'chuan: thiếu tham số <rule-id> (xem chuan --help)\n'],
    [['explain', 'a', 'b'], 'chuan: thừa tham số cho lệnh explain: cần 1 tham số, đang có 2 (xem chuan --help)\n'],
    [['init', 'x'], 'chuan: thiếu tùy chọn bắt buộc --cap <cap> (xem chuan --help)\n'],
    [['chek'], 'chuan: lệnh không hợp lệ: chek (có phải check?); các lệnh: check, rules, explain, init, diff (xem chuan --help)\n'],
  ])('%j', async (argv, stderr) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(stderr);
  });

  it('--lang en keeps commander\'s English', async () => {
    expect((await run(['check', '--khong-co', '--lang', 'en'])).stderr).toBe("chuan: unknown option '--khong-co' (see chuan --help)\n");
  });

  it('the help is Vietnamese and stays in its columns: no English title, choice or default', async () => {
    for (const argv of [['--help'], ['check', '--help'], ['rules', '--help'], ['help', 'init']]) {
      const { stdout } = await run(argv);
      expect(stdout, argv.join(' ')).not.toMatch(/Usage:|Options:|Arguments:|Commands:|choices:|default:|display help|\[options\]|\[command\]/);
      expect(stdout.split('\n').every((l) => [...l].length <= 80), argv.join(' ')).toBe(true);
    }
    expect((await run(['check', '--help'])).stdout).toMatch(/\(chọn một\s+trong:\s+"error",\s+"warning",\s+"never",\s+mặc\s+định:\s+"error"\)/);
  });

  it('rules and explain name the verification status and the severity in words', async () => {
    const listed = (await run(['rules', '--circular', '59'])).stdout.split('\n')[0]!.split('\t');
    expect(['đã đối chiếu văn bản gốc', 'theo nguồn thứ cấp', 'chưa đối chiếu văn bản gốc']).toContain(listed[3]);
    const explained = (await run(['explain', 'TT59.TH.MQ.S1.C2.si-so'])).stdout;
    expect(explained).toContain('tiêu chí 1.2; quyết định mức đạt (error)');
    expect(explained).toContain('Xác minh: theo nguồn thứ cấp (secondary) — ');
  });
});

describe('errors are printed once', () => {
  it('check khong-co: one line naming the path; two missing paths: a count, then one line each', async () => {
    expect((await run(['check', 'khong-co'])).stderr).toBe('chuan: không tìm thấy đường dẫn khong-co\n');
    expect((await run(['check', 'khong-co', 'khong-co-2'])).stderr).toBe('chuan: 2 đường dẫn không dùng được:\nchuan: không tìm thấy đường dẫn khong-co\nchuan: không tìm thấy đường dẫn khong-co-2\n');
  });
});

describe('check', () => {
  it('a passing school exits 0 and says so', async () => {
    const result = await run(['check', PASSING, ...AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✔ Mức đích');
  });

  it('an advisory reads "khuyến nghị" in the terminal report, an unmet indicator "chưa đạt"', async () => {
    const result = await run(['check', 'examples/mn-hoa-sen-2024', ...AS_OF]);
    const line = (id: string) => result.stdout.split('\n').find((l) => l.endsWith(`  ${id}`)) ?? '';
    expect(line('TT02.DP.cbql-chung-chi')).toMatch(/:\d+:\d+  khuyến nghị  2\.1 /);
    expect(line('TT02.MN.L2.S2.C2')).toMatch(/:\d+:\d+  chưa đạt  2\.2 /);
  });

  it('--lang en speaks English', async () => {
    const result = await run(['check', PASSING, ...AS_OF, '--lang', 'en']);
    expect(result.stdout).toContain('Target');
    expect(result.stdout).not.toContain('Mức đích');
  });

  it('refuses to write a report inside the school folder, and writes nothing there', async () => {
    const before = fs.readdirSync(path.join(packageRoot, PASSING)).sort();
    const result = await run(['check', PASSING, ...AS_OF, '-f', 'markdown', '-o', `${PASSING}/bao-cao.md`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không ghi báo cáo vào trong thư mục trường');
    expect(fs.readdirSync(path.join(packageRoot, PASSING)).sort()).toEqual(before);
  });

  it.each([['package.json/r.md'], ['/proc/khong-ghi-duoc/r.md']])('an unwritable --output (%s) is a clean error', async (out) => {
    const result = await run(['check', PASSING, ...AS_OF, '-f', 'markdown', '-o', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/không ghi được tệp .*r\.md: .* \(E[A-Z]+\)\n$/);
  });
});

describe('colour', () => {
  const ESC = '\u001b[';
  it.each([
    [{ tty: true, env: {} }, [], true],
    [{ tty: false, env: {} }, [], false],
    [{ tty: true, env: { NO_COLOR: '1' } }, [], false],
    [{ tty: false, env: { FORCE_COLOR: '1' } }, [], true],
    [{ tty: true, env: { FORCE_COLOR: '0' } }, [], false],
    [{ tty: true, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, [], true],
    [{ tty: true, env: { TERM: 'dumb' } }, [], false],
    [{ tty: false, env: {} }, ['--color'], true],
    [{ tty: true, env: { FORCE_COLOR: '1' } }, ['--no-color'], false],
  ] as const)('%j %j -> colour %s', async (opts, flags, coloured) => {
    const result = await run(['check', PASSING, ...AS_OF, ...flags], { tty: opts.tty, env: opts.env });
    expect(result.stdout.includes(ESC)).toBe(coloured);
  });
  it('never colours Markdown', async () => {
    const result = await run(['check', PASSING, ...AS_OF, '-f', 'markdown', '--color']);
    expect(result.stdout.includes('\u001b[')).toBe(false);
  });
});

describe('rules and explain', () => {
  const set = loadRuleSet();
  it('rules --verification unverified lists exactly the unverified rules', async () => {
    const result = await run(['rules', '--verification', 'unverified', '--format', 'json']);
    const listed = (JSON.parse(result.stdout) as { id: string }[]).map((r) => r.id).sort();
    const expected = set.packs.flatMap((p) => p.rules).filter((r) => r.verification === 'unverified').map((r) => r.id).sort();
    expect(listed).toEqual(expected);
    expect(listed.length).toBeGreaterThan(0);
  });
  it('rules --circular 47 lists only that pack', async () => {
    const result = await run(['rules', '--circular', '47', '--format', 'json']);
    const packs = new Set((JSON.parse(result.stdout) as { pack: string }[]).map((r) => r.pack));
    expect([...packs]).toEqual(['tt47-2012']);
  });
  it('explain works for every rule id', async () => {
    for (const rule of set.packs.flatMap((p) => p.rules)) {
      const result = await run(['explain', rule.id]);
      expect(result.code, rule.id).toBe(0);
      expect(result.stdout).toContain(rule.reference.article);
      expect(result.stdout).toMatch(/Dữ liệu đọc: \S/);
    }
  });
});

describe('configuration overlay', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-config-'));
  const base = checkSchool(path.join(packageRoot, PASSING), { asOf: '2026-06-15' });
  const target = base.findings.find((f) => f.status === 'met' && f.measure?.kind === 'rate' && f.measure.op === '>=' && f.measure.percent < 100)!;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('has a met rate rule to tighten', () => expect(target).toBeDefined());

  it('a corrected threshold changes the verdict and is listed in the report', async () => {
    const config = write('tighten.yaml', `thresholds:\n  - rule: ${target.ruleId}\n    set: { min: 100 }\n    reason: "Văn bản gốc ghi 100 %"\n`);
    const result = await run(['check', PASSING, ...AS_OF, '--config', config, '-f', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Điều chỉnh theo cấu hình');
    expect(result.stdout).toContain(`\`${target.ruleId}\`: ngưỡng min:`);
  });

  it('a valid waiver keeps the school passing; an expired one is ignored and reported', async () => {
    const waiver = (expires: string) =>
      `thresholds:\n  - rule: ${target.ruleId}\n    set: { min: 100 }\n    reason: "thử"\nwaivers:\n  - rule: ${target.ruleId}\n    school: thcs-nguyen-du\n    reason: "Đang tuyển bổ sung"\n    expires: ${expires}\n`;
    const active = await run(['check', PASSING, ...AS_OF, '--config', write('w1.yaml', waiver('2026-12-31')), '-f', 'markdown']);
    expect(active.code).toBe(0);
    expect(active.stdout).toContain('Chỉ số được miễn áp dụng');
    const expired = await run(['check', PASSING, ...AS_OF, '--config', write('w2.yaml', waiver('2026-06-14')), '-f', 'markdown']);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('miễn áp dụng đã hết hạn từ ngày 14/06/2026');
  });

  it('an invalid config is a located error, exit 2', async () => {
    const config = write('bad.yaml', 'thresholds:\n  - rule: X\n    sett: { min: 1 }\n');
    const result = await run(['check', PASSING, ...AS_OF, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad\.yaml:3:5: khóa "sett" không có trong mẫu/);
  });

  it('the receiving office comes from the configuration', async () => {
    const config = write('office.yaml', 'report:\n  office: UBND xã Tân Phú\n');
    const result = await run(['check', PASSING, ...AS_OF, '--config', config, '-f', 'markdown']);
    expect(result.stdout).toContain('**Kính gửi:** UBND xã Tân Phú');
    const without = await run(['check', PASSING, ...AS_OF, '-f', 'markdown']);
    expect(without.stdout).not.toContain('Kính gửi');
  });
});

describe('the built binary', () => {
  const bin = path.join(packageRoot, 'dist', 'cli', 'bin.js');
  it.skipIf(!fs.existsSync(bin))('runs, and sets the exit code', () => {
    const ok = spawnSync(process.execPath, [bin, 'check', PASSING, ...AS_OF], { cwd: packageRoot, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(ok.status).toBe(0);
    const usage = spawnSync(process.execPath, [bin, 'check', '--nope'], { cwd: packageRoot, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('tùy chọn không hợp lệ');
  });

  it.skipIf(!fs.existsSync(bin))('a reader that closes the pipe early is not an error', async () => {
    const child = spawn(process.execPath, [bin, 'check', 'examples', ...AS_OF, '--format', 'json', '--jobs', '1'], { cwd: packageRoot });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).not.toBeNull();
  });
});
