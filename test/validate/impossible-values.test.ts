// Values that cannot exist are errors, never data: calendar dates that do not exist (schemas' `date` format,
// --as-of), school years that are not two consecutive years, numbers YAML reads as ±infinity or NaN and
// integers past 2^53 - 1 (refused by the loader). Each is a located Vietnamese message quoting what was typed,
// and exit 2.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { reportSnapshot } from '../../src/diff/snapshot.js';
import { KnownError } from '../../src/errors.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { isKnownError } from '../../src/errors.js';
import { packageRoot, rulesDir, schemasDir } from '../../src/paths.js';
import { impossibleDate } from '../../src/validate/calendar.js';
import { formatsSource, isCalendarDate, isMonthDay, isSchoolYear, isYearOrSchoolYear, SCHEMA_FORMATS } from '../../src/validate/formats.js';
import { profileSchemaId, SchemaRegistry } from '../../src/validate/schemas.js';
import { validateDocument } from '../../src/validate/validate-document.js';
import { run } from '../cli/run-main.js';
import { AS_OF, copyExample, tempRoot } from '../hostile/fixtures.js';

const root = tempRoot('chuan-impossible-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The calendar by another road: JavaScript's own date arithmetic (setUTCFullYear takes years 0–99 as written). */
function existsByDateObject(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const iso = (y: number, m: number, d: number): string => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('the date format: a real day of the calendar', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-28', true],
    ['2025-04-30', true],
    ['2025-04-31', false],
    ['2025-01-00', false],
    ['2025-00-01', false],
    ['2025-13-01', false],
    ['2025-12-31', true],
    ['2025-01-32', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['2025-9-15', false],
    ['15/09/2025', false],
    [' 2025-09-15', false],
    ['2025-09-15T00:00:00Z', false],
  ])('%s: %s', (text, real) => {
    expect(isCalendarDate(text)).toBe(real);
  });

  it('agrees with JavaScript\'s date arithmetic on every shape of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (y, m, d) => {
        expect(isCalendarDate(iso(y, m, d))).toBe(existsByDateObject(y, m, d));
        // A day that does not exist is explained; a real one is not.
        expect(impossibleDate(iso(y, m, d)) === null).toBe(existsByDateObject(y, m, d));
      }),
      { numRuns: 20_000 },
    );
  });

  it('says why a day does not exist, quoting it as typed', () => {
    expect(impossibleDate('2025-02-29')?.vi).toBe('ngày 2025-02-29 không có thật: tháng 2 năm 2025 chỉ có 28 ngày');
    expect(impossibleDate('2024-02-30')?.vi).toBe('ngày 2024-02-30 không có thật: tháng 2 năm 2024 chỉ có 29 ngày');
    expect(impossibleDate('31/02/2025')?.vi).toBe('ngày 31/02/2025 không có thật: tháng 2 năm 2025 chỉ có 28 ngày');
    expect(impossibleDate('31/04/2025')?.vi).toBe('ngày 31/04/2025 không có thật: tháng 4 chỉ có 30 ngày');
    expect(impossibleDate('2025-04-31')?.en).toBe('the date 2025-04-31 does not exist: April has 30 days');
    expect(impossibleDate('00/01/2025')?.vi).toBe('ngày 00/01/2025 không có thật: không có ngày 0');
    expect(impossibleDate('2025-13-01')?.vi).toBe('ngày 2025-13-01 không có thật: không có tháng 13 (một năm có 12 tháng)');
    expect(impossibleDate('0000-06-01')?.vi).toBe('ngày 0000-06-01 không có thật: không có năm 0');
    expect(impossibleDate('29/02/2024')).toBeNull();
    expect(impossibleDate('2024-02-29')).toBeNull();
    expect(impossibleDate('hôm qua')).toBeNull();
  });
});

describe('school years', () => {
  it.each([
    ['2025-2026', true, true],
    ['2025-2027', false, false],
    ['2025-2025', false, false],
    ['1999-2000', true, true],
    ['0000-0001', false, false],
    ['2025', false, true],
    ['2025/2026', false, false],
  ])('%s: school year %s, year or school year %s', (text, schoolYear, either) => {
    expect(isSchoolYear(text)).toBe(schoolYear);
    expect(isYearOrSchoolYear(text)).toBe(either);
  });
});

describe('rule packs: the school-year start is a day of every year, the dates in force are dates', () => {
  it.each([
    ['08-01', true],
    ['02-28', true],
    ['02-29', false],
    ['04-31', false],
    ['00-10', false],
    ['13-01', false],
    ['8-01', false],
  ])('%s: %s', (text, real) => {
    expect(isMonthDay(text)).toBe(real);
  });

  /** The tt47 pack in a temporary rules folder with one line of pack.yaml replaced; the located error. */
  function packError(from: RegExp, to: string) {
    const dir = fs.mkdtempSync(path.join(root, 'rules-'));
    fs.copyFileSync(path.join(rulesDir, 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
    fs.cpSync(path.join(rulesDir, 'tt47-2012'), path.join(dir, 'tt47-2012'), { recursive: true });
    const file = path.join(dir, 'tt47-2012', 'pack.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(from);
    fs.writeFileSync(file, text.replace(from, to));
    try {
      loadRuleSet(dir);
    } catch (error) {
      if (isKnownError(error)) return error.details.map((d) => ({ file: path.basename(d.location!.file), line: d.location!.line, vi: d.message.vi }));
      throw error;
    }
    throw new Error('the pack was accepted');
  }

  it('a pack in force from 2013-02-30 is refused where it says so', () => {
    expect(packError(/from: "2013-01-10"/, 'from: "2013-02-30"')).toEqual([{ file: 'pack.yaml', line: 10, vi: 'in_force.from: ngày 2013-02-30 không có thật: tháng 2 năm 2013 chỉ có 28 ngày' }]);
  });

  it('a school year starting on 02-29 is refused', () => {
    const [error] = packError(/school_year_start: "?08-01"?/, 'school_year_start: "02-29"');
    expect(error!.vi).toBe('school_year_start: phải là một ngày có trong mọi năm, dạng tháng-ngày (MM-DD, ví dụ 08-01), đang ghi "02-29"');
  });
});

describe('the formats in the validators generated at build time', () => {
  it('are copied as self-contained source, and judge as the functions do', () => {
    const context = vm.createContext({});
    const copied = vm.runInContext(`${formatsSource()}chuanFormats`, context) as Record<string, (text: string) => boolean>;
    expect(Object.keys(copied)).toEqual(Object.keys(SCHEMA_FORMATS));
    const samples = ['2024-02-29', '2025-02-29', '2025-04-31', '2025-2026', '2025-2027', '2025', 'x', ''];
    for (const [name, check] of Object.entries(SCHEMA_FORMATS)) for (const s of samples) expect(copied[name]!(s)).toBe(check(s));
  });

  const profile = (ngayKy: string, namHoc = '2025-2026'): string =>
    `ten_truong: Trường Mầm non Thử\ncap_hoc: mam_non\ntinh: Hưng Yên\nkhu_vuc: nong_thon\nnam_hoc: ${namHoc}\nmuc_tieu: muc_do_1\nlich_su_cong_nhan:\n  - muc: muc_do_1\n    ngay_ky: ${ngayKy}\n`;
  const registries = [
    ['generated', new SchemaRegistry(schemasDir, { precompiled: path.join(packageRoot, 'dist', 'validate', 'precompiled-validators.cjs') })],
    ['compiled', new SchemaRegistry(schemasDir, { precompiled: false })],
  ] as const;

  it.each(registries)('%s: an impossible date is one located error saying so; a leap day is a date', (_name, registry) => {
    const validate = (text: string) => {
      const parsed = parseYaml('truong.yaml', text);
      if (!parsed.ok) throw new Error('parse');
      return validateDocument(registry, profileSchemaId, parsed.yaml).map((d) => ({ code: d.code, line: d.location?.line, column: d.location?.column, vi: d.message.vi }));
    };
    expect(validate(profile('2024-02-29'))).toEqual([]);
    for (const [typed, why] of [
      ['2025-02-29', 'tháng 2 năm 2025 chỉ có 28 ngày'],
      ['2025-04-31', 'tháng 4 chỉ có 30 ngày'],
      ['2025-01-00', 'không có ngày 0'],
      ['2025-13-01', 'không có tháng 13'],
      ['31/02/2025', 'tháng 2 năm 2025 chỉ có 28 ngày'],
      ['00/01/2025', 'không có ngày 0'],
    ]) {
      // One message, not the pattern's and the format's.
      expect(validate(profile(typed!))).toEqual([{ code: 'schema/format', line: 9, column: 14, vi: expect.stringContaining(`lich_su_cong_nhan[1].ngay_ky: ngày ${typed} không có thật: ${why}`) }]);
    }
    expect(validate(profile('18/11/2016'))).toEqual([{ code: 'schema/format', line: 9, column: 14, vi: 'lich_su_cong_nhan[1].ngay_ky: ghi ngày theo dạng năm-tháng-ngày: 2016-11-18' }]);
    expect(validate(profile('2016-11-18', '2025-2027'))).toEqual([{ code: 'schema/format', line: 5, column: 10, vi: 'nam_hoc: năm học 2025-2027 không có thật: năm học gồm hai năm liền nhau, ví dụ 2025-2026' }]);
  });
});

describe('schools with impossible values: a located error, exit 2', () => {
  const school = (name: string, file: string, from: RegExp, to: string): string => {
    const dir = copyExample('mn-hoa-sen', path.join(root, name));
    const target = path.join(dir, file);
    const text = fs.readFileSync(target, 'utf8');
    expect(text).toMatch(from);
    fs.writeFileSync(target, text.replace(from, to));
    return dir;
  };

  it.each([
    ['1e309', 'số "1e309" quá lớn, YAML đọc thành vô cực'],
    ['-.inf', '"-.inf" là vô cực'],
    ['.nan', '".nan" không phải là số'],
    // 2^53 + 1: JavaScript would read it as 2^53.
    ['9007199254740993', 'số "9007199254740993" quá lớn để tính chính xác'],
  ])('so_hoc_sinh: %s', async (typed, words) => {
    const dir = school(`so-hoc-sinh-${typed.replace(/\W/g, '_')}`, 'truong.yaml', /so_hoc_sinh: 325/, `so_hoc_sinh: ${typed}`);
    for (const yamlParser of ['fast', 'reference'] as const) {
      const result = checkSchool(dir, { asOf: AS_OF, yamlParser });
      expect(result.outcome).toBe('invalid');
      expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column, d.message.vi])).toEqual([['yaml/impossible-number', 14, 14, expect.stringContaining(words)]]);
    }
    const cli = await run(['check', dir, '--as-of', AS_OF, '--jobs', '1', '--format', 'json']);
    expect(cli.code).toBe(2);
    expect(cli.stdout).not.toMatch(/Infinity|NaN|"value":\s*null/);
    expect(cli.stdout).toContain(words.replaceAll('"', '\\"'));
  });

  it('a 57/2026 school: figures of the school year 2024-2026 are one error, saying why', () => {
    const dir = copyExample('thcs-dong-tien-57', path.join(root, 'so-lieu-2024-2026'));
    const file = path.join(dir, 'tieu-chuan-1.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('q1: { "2024-2025": 90.0');
    fs.writeFileSync(file, text.replace('q1: { "2024-2025": 90.0', 'q1: { "2024-2026": 90.0'));
    const result = checkSchool(dir, { asOf: AS_OF });
    expect(result.outcome).toBe('invalid');
    expect(result.diagnostics.map((d) => [d.code, d.message.vi])).toEqual([['schema/format', 'tieu_chi.1.3.so_lieu.q1: năm học 2024-2026 không có thật: năm học gồm hai năm liền nhau, ví dụ 2024-2025']]);
  });

  it('a record dated 2025-02-31 is no decision of the school year', async () => {
    const dir = copyExample('th-binh-minh', path.join(root, 'ho-so-31-02'));
    const file = path.join(dir, 'tieu-chuan-1.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const at = text.indexOf('ngay: 2025-');
    expect(at).toBeGreaterThan(0);
    fs.writeFileSync(file, `${text.slice(0, at)}ngay: 2025-02-31${text.slice(at + 'ngay: 2025-09-15'.length)}`);
    const result = await run(['check', dir, '--as-of', AS_OF, '--jobs', '1']);
    expect(result.code).toBe(2);
    const line = text.slice(0, at).split('\n').length;
    expect(result.stdout).toMatch(new RegExp(`tieu-chuan-1\\.yaml:${line}:\\d+ +lỗi .*ngay\\)?: ngày 2025-02-31 không có thật: tháng 2 năm 2025 chỉ có 28 ngày`));
  });
});

describe('command line and configuration', () => {
  const PASSING = 'examples/thcs-nguyen-du';
  const write = (name: string, text: string): string => {
    const file = path.join(root, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it.each([
    ['2025-02-29', '--as-of: ngày 2025-02-29 không có thật: tháng 2 năm 2025 chỉ có 28 ngày'],
    ['2026-04-31', '--as-of: ngày 2026-04-31 không có thật: tháng 4 chỉ có 30 ngày'],
    ['2026-13-01', '--as-of: ngày 2026-13-01 không có thật: không có tháng 13'],
    ['2026-1-5', '--as-of phải là ngày dạng YYYY-MM-DD (đang ghi "2026-1-5")'],
  ])('--as-of %s is refused: exit 2, one line', async (asOf, message) => {
    const result = await run(['check', PASSING, '--as-of', asOf]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('--as-of on a leap day is a date', async () => {
    expect((await run(['check', PASSING, '--as-of', '2028-02-29'])).code).not.toBe(2);
  });

  it('a waiver expiring on 2026-02-30 is refused where it is written, never printed as a date', async () => {
    const config = write('het-han.yaml', 'waivers:\n  - rule: X\n    school: thcs-nguyen-du\n    reason: "thử"\n    expires: 2026-02-30\n');
    const result = await run(['check', PASSING, '--as-of', AS_OF, '--config', config, '-f', 'markdown']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/het-han\.yaml:5:14: waivers\[1\]\.expires: ngày 2026-02-30 không có thật: tháng 2 năm 2026 chỉ có 28 ngày/);
    expect(result.stdout).not.toContain('2026-02-30');
  });

  it.each([
    ['recognition:\n  mid_cycle_years: .inf\n', 2, 20, '".inf" là vô cực'],
    ['thresholds:\n  - rule: X\n    set: { min: 1e309 }\n    reason: "thử"\n', 3, 17, 'số "1e309" quá lớn'],
    ['thresholds:\n  - rule: X\n    at: 9007199254740993\n    set: { min: 1 }\n    reason: "thử"\n', 3, 9, 'số "9007199254740993" quá lớn để tính chính xác'],
  ])('a number that cannot exist in the configuration is a located error: %j', async (text, line, column, words) => {
    const config = write(`so-${line}-${column}.yaml`, text);
    const result = await run(['check', PASSING, '--as-of', AS_OF, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path.basename(config)}:${line}:${column}: ${words}`);
  });

  it('a deadline 04-31 in the configuration is refused where it is written', async () => {
    const rule = loadRuleSet().packs.flatMap((p) => p.rules).find((r) => r.check.type === 'required_records')!;
    const config = write('han.yaml', `thresholds:\n  - rule: ${rule.id}\n    set: { by: "04-31" }\n    reason: "thử"\n`);
    const result = await run(['check', PASSING, '--as-of', AS_OF, '--config', config]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('han.yaml:3:16: thresholds[1].set.by: phải là một ngày có trong mọi năm, dạng tháng-ngày (MM-DD, ví dụ 08-01), đang ghi "04-31"');
  });

  it('a baseline whose date does not exist is refused', () => {
    expect(() => reportSnapshot({ tool: { name: 'chuan' }, schemaVersion: '2', asOf: '2025-02-30', results: [] }, 'nam-truoc.json')).toThrow(KnownError);
    expect(reportSnapshot({ tool: { name: 'chuan' }, schemaVersion: '2', asOf: '2024-02-29', results: [] }, 'nam-truoc.json').asOf).toBe('2024-02-29');
  });
});
