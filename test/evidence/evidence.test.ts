import { EXAMPLES } from '../examples.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { schoolYearRange } from '../../src/engine/context.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { RulePack } from '../../src/engine/rule-types.js';
import { checkEvidence } from '../../src/evidence/check-evidence.js';
import { evidencePathProblem } from '../../src/evidence/files.js';
import { diskSource } from '../../src/load/disk-source.js';
import { packageRoot } from '../../src/paths.js';
import type { Diagnostic } from '../../src/types.js';
import { run } from '../cli/run-main.js';
import { yamlOf } from '../helpers.js';

const FIXTURE = 'test/fixtures/evidence-school';
const set = loadRuleSet();
const tt59 = set.packs.find((p) => p.id === 'tt59-2012')!;

let school: string;
beforeAll(() => {
  school = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-evidence-'));
});
afterAll(() => {
  fs.rmSync(school, { recursive: true, force: true });
});

/** The evidence diagnostics of standard files given as plain objects (tc1..tc5), for school year 2025-2026. */
function evidenceOf(standards: Record<number, unknown>, options: { pack?: RulePack; asOf?: string } = {}): Diagnostic[] {
  const pack = options.pack ?? tt59;
  return checkEvidence({
    files: diskSource(school),
    standards: [1, 2, 3, 4, 5].map((n) => (standards[n] ? yamlOf(standards[n], path.join(school, `tieu-chuan-${n}.yaml`)) : null)),
    pack,
    schoolYear: schoolYearRange('2025-2026', pack.schoolYearStart),
    namHoc: '2025-2026',
    asOf: options.asOf ?? '2026-06-15',
  });
}

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const entry = (ma: string, extra: Record<string, unknown> = {}) => ({ ma, ten: `Văn bản ${ma}`, ...extra });

describe('the evidence-school fixture', () => {
  it('yields exactly four findings: a duplicated code, a future date, a required record without evidence, a path leaving the folder — located', () => {
    const result = checkSchool(path.join(packageRoot, FIXTURE), { asOf: '2026-03-01' });
    expect(result.outcome).not.toBe('invalid');
    const found = result.diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: `${path.relative(packageRoot, d.location!.file).split(path.sep).join('/')}:${d.location!.line}:${d.location!.column}` }));
    expect(found).toEqual([
      { code: 'evidence/unknown-code', severity: 'warning', at: `${FIXTURE}/tieu-chuan-1.yaml:12:17` },
      { code: 'evidence/future-date', severity: 'warning', at: `${FIXTURE}/tieu-chuan-1.yaml:36:11` },
      { code: 'evidence/duplicate-code', severity: 'warning', at: `${FIXTURE}/tieu-chuan-2.yaml:9:9` },
      { code: 'evidence/file-outside', severity: 'warning', at: `${FIXTURE}/tieu-chuan-4.yaml:11:10` },
    ]);
    const text = result.diagnostics.map((d) => d.message.vi);
    expect(text[0]).toMatch(/mã minh chứng \[H1\.01\.01\.09\] của hồ sơ ke_hoach_hoc_ky 16\/KH-THKT không có trong danh mục minh chứng/);
    expect(text[1]).toMatch(/ngày 25\/05\/2026 của minh chứng \[H1\.01\.03\.01\] ở sau ngày kiểm tra 01\/03\/2026/);
    expect(text[2]).toMatch(/mã minh chứng \[H2\.02\.01\.01\] đã dùng cho "Hồ sơ cán bộ của hiệu trưởng" \(tieu-chuan-2\.yaml:4\)/);
    expect(text[3]).toMatch(/minh chứng \[H4\.04\.05\.01\]: tep "\.\.\/ngoai-truong\/bien-ban-kiem-ke\.pdf" dùng "\.\." để ra ngoài thư mục trường/);
  });

  it('the CLI prints them as warnings with file:line:column; they do not change the exit code or the level', async () => {
    const github = await run(['check', FIXTURE, '--as-of', '2026-03-01', '--format', 'github']);
    expect(github.stdout).toMatch(new RegExp(`::warning file=${FIXTURE}/tieu-chuan-4\\.yaml,line=11,.*col=10,.*title=evidence/file-outside`));
    const json = await run(['check', FIXTURE, '--as-of', '2026-03-01', '--format', 'json']);
    const result = JSON.parse(json.stdout).results[0];
    expect(result.diagnostics.map((d: { code: string }) => d.code)).toEqual(['evidence/unknown-code', 'evidence/future-date', 'evidence/duplicate-code', 'evidence/file-outside']);
    expect(json.code).toBe(1); // the fixture misses records the rules require (exit 1), never 2: warnings are not input errors
  });
});

describe('evidence code form (pack.yaml evidence_code_formats)', () => {
  it.each([
    ['[H1.01.01.01]', ['hn.ab.cd.ef'], []],
    ['[H15.01.08.02]', ['hn.ab.cd.ef'], []],
    ['H1.01.01.01', ['hn.ab.cd.ef'], ['evidence/code-format']],
    ['[H1.1.1.1]', ['hn.ab.cd.ef'], ['evidence/code-format']],
    ['[H1-1.1-01]', ['hn.ab.cd.ef'], ['evidence/code-format']],
    ['[H1-1.1-01]', ['hn-a.b-c'], []],
    ['[H15-1.10-02]', ['hn-a.b-c'], []],
    ['[H1.01.01.01]', ['hn-a.b-c'], ['evidence/code-format']],
    ['[H1-1.1-1]', ['hn-a.b-c'], ['evidence/code-format']],
    ['[H1.01.01.01]', ['hn.ab.cd.ef', 'hn-a.b-c'], []],
    ['[H1-1.1-01]', ['hn.ab.cd.ef', 'hn-a.b-c'], []],
  ])('%s with %j', (code, formats, expected) => {
    const pack = { ...tt59, evidenceCodeFormats: formats };
    const found = evidenceOf({ 1: { tieu_chuan: 1, minh_chung: [entry(code, { tieu_chi: ['1.1'] })] } }, { pack });
    expect(codes(found)).toEqual(expected);
    if (expected.length > 0) expect(found[0]!.message.vi).toContain(`"${code}" không đúng dạng`);
  });
});

describe('register and references', () => {
  it('a code is unique in the school, across the five registers; the later entry is flagged and names the first', () => {
    const found = evidenceOf({ 1: { tieu_chuan: 1, minh_chung: [entry('[H1.01.01.01]')] }, 3: { tieu_chuan: 3, minh_chung: [entry('[H1.01.01.01]')] } });
    expect(codes(found)).toEqual(['evidence/duplicate-code']);
    expect(found[0]!.location!.file).toMatch(/tieu-chuan-3\.yaml$/);
    expect(found[0]!.message.vi).toContain('(tieu-chuan-1.yaml:');
  });

  it('a record of a required type needs a code; a record no rule requires does not; a code used by several records is fine', () => {
    const found = evidenceOf({
      1: {
        tieu_chuan: 1,
        ho_so: [
          { loai: 'ke_hoach_nam_hoc', ngay: '2025-09-10', ten: 'Kế hoạch năm học' },
          { loai: 'khac', ngay: '2025-09-10' },
          { loai: 'ke_hoach_hoc_ky', ngay: '2025-09-12', minh_chung: '[H1.01.01.02]' },
          { loai: 'ke_hoach_hoc_ky', ngay: '2026-01-12', minh_chung: '[H1.01.01.02]' },
        ],
        minh_chung: [entry('[H1.01.01.02]', { ngay: '2025-09-12' })],
      },
    });
    expect(codes(found)).toEqual(['evidence/record-without-code']);
    expect(found[0]!.message.vi).toMatch(/hồ sơ "Kế hoạch năm học" \(ke_hoach_nam_hoc\) là loại hồ sơ quy tắc yêu cầu nhưng chưa có mã minh chứng/);
    expect(found[0]!.location!.path).toEqual(['ho_so', 0]);
  });

  it('a code written anywhere (a manager, a room) must be in a register ("mã treo")', () => {
    const found = evidenceOf({
      2: { tieu_chuan: 2, can_bo_quan_ly: [{ chuc_vu: 'hieu_truong', ho_ten: 'Nguyễn Văn A', minh_chung: '[H2.02.01.05]' }] },
      4: { tieu_chuan: 4, minh_chung: [entry('[H2.02.01.06]')] },
    });
    expect(codes(found)).toEqual(['evidence/unknown-code']);
    expect(found[0]!.location!.path).toEqual(['can_bo_quan_ly', 0, 'minh_chung']);
    expect(found[0]!.message.vi).toContain('[H2.02.01.05] của can_bo_quan_ly.0.minh_chung');
  });

  it('every criterion an entry names exists in the pack', () => {
    const found = evidenceOf({ 1: { tieu_chuan: 1, minh_chung: [entry('[H1.01.01.01]', { tieu_chi: ['1.1', '1.9'] })] } });
    expect(codes(found)).toEqual(['evidence/unknown-criterion']);
    expect(found[0]!.location!.path).toEqual(['minh_chung', 0, 'tieu_chi', 1]);
    expect(found[0]!.message.vi).toMatch(/ghi tiêu chí 1\.9, .*tiêu chuẩn 1 có: 1\.1, 1\.2, 1\.3/);
  });
});

describe('dates', () => {
  const year = (items: unknown[], register: unknown[] = [], asOf?: string) =>
    evidenceOf({ 1: { tieu_chuan: 1, ho_so: items, minh_chung: register } }, asOf ? { asOf } : {});

  it.each([
    ['inside the school year', { loai: 'ke_hoach_nam_hoc', ngay: '2025-09-10', minh_chung: '[H1.01.01.01]' }, []],
    ['the first day', { loai: 'ke_hoach_nam_hoc', ngay: '2025-08-01', minh_chung: '[H1.01.01.01]' }, []],
    ['the day before: stale', { loai: 'ke_hoach_nam_hoc', ngay: '2025-07-31', minh_chung: '[H1.01.01.01]' }, ['evidence/stale']],
    ['older, still in force', { loai: 'qd_thanh_lap_hoi_dong_truong', ngay: '2023-09-04', hieu_luc_den: '2028-09-04', minh_chung: '[H1.01.01.01]' }, []],
    ['older, expired before the year', { loai: 'qd_thanh_lap_hoi_dong_truong', ngay: '2020-09-04', hieu_luc_den: '2025-07-01', minh_chung: '[H1.01.01.01]' }, ['evidence/stale']],
    ['older, a type taken from any year', { loai: 'gia_tri_cot_loi', ngay: '2019-05-01', minh_chung: '[H1.01.01.01]' }, []],
    ['after the year', { loai: 'ke_hoach_nam_hoc', ngay: '2026-08-15', minh_chung: '[H1.01.01.01]' }, ['evidence/outside-school-year']],
  ])('a record dated %s', (_name, record, expected) => {
    expect(codes(year([record], [entry('[H1.01.01.01]')], '2026-09-01'))).toEqual(expected);
  });

  it('never after --as-of, even inside the year; the entry is located at its date', () => {
    const found = year([{ loai: 'ke_hoach_nam_hoc', ngay: '2026-05-02', minh_chung: '[H1.01.01.01]' }], [entry('[H1.01.01.01]', { ngay: '2026-05-02' })], '2026-05-01');
    expect(codes(found)).toEqual(['evidence/future-date', 'evidence/future-date']);
    expect(found.map((d) => d.location!.path)).toEqual([['ho_so', 0, 'ngay'], ['minh_chung', 0, 'ngay']]);
  });

  it('a register entry is inside the year or states a validity; the records pointing at it lend theirs', () => {
    expect(codes(year([], [entry('[H1.01.01.01]', { ngay: '2024-03-01' })]))).toEqual(['evidence/stale']);
    expect(codes(year([], [entry('[H1.01.01.01]', { ngay: '2024-03-01', hieu_luc_den: '2029-03-01' })]))).toEqual([]);
    expect(codes(year([{ loai: 'qd_thanh_lap_hoi_dong_truong', ngay: '2024-03-01', hieu_luc_den: '2029-03-01', minh_chung: '[H1.01.01.01]' }], [entry('[H1.01.01.01]', { ngay: '2024-03-01' })]))).toEqual([]);
    expect(codes(year([{ loai: 'gia_tri_cot_loi', ngay: '2019-05-01', minh_chung: '[H1.01.01.01]' }], [entry('[H1.01.01.01]', { ngay: '2019-05-01' })]))).toEqual([]);
  });
});

describe('evidence file paths (tep)', () => {
  beforeAll(() => {
    fs.mkdirSync(path.join(school, 'minh-chung', 'H1'), { recursive: true });
    fs.writeFileSync(path.join(school, 'minh-chung', 'H1', 'kh.pdf'), 'x');
    fs.mkdirSync(path.join(school, 'minh-chung', 'thu-muc'));
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-outside-'));
    fs.writeFileSync(path.join(outside, 'bi-mat.pdf'), 'secret');
    fs.symlinkSync(path.join(outside, 'bi-mat.pdf'), path.join(school, 'minh-chung', 'ra-ngoai.pdf'));
    fs.symlinkSync(outside, path.join(school, 'minh-chung', 'thu-muc-ngoai'));
    fs.symlinkSync(path.join(school, 'minh-chung', 'H1'), path.join(school, 'minh-chung', 'H1-lien-ket'));
    fs.symlinkSync(path.join(school, 'minh-chung', 'vong-b'), path.join(school, 'minh-chung', 'vong-a'));
    fs.symlinkSync(path.join(school, 'minh-chung', 'vong-a'), path.join(school, 'minh-chung', 'vong-b'));
    fs.symlinkSync(path.join(school, 'khong-co.pdf'), path.join(school, 'minh-chung', 'hong.pdf'));
  });

  it.each([
    ['minh-chung/H1/kh.pdf', null],
    ['./minh-chung/H1/kh.pdf', null],
    ['minh-chung\\H1\\kh.pdf', null],
    ['minh-chung/H1-lien-ket/kh.pdf', null],
    ['minh-chung/H1/khong-co.pdf', 'missing'],
    ['minh-chung/H1/kh.pdf/x', 'missing'],
    ['minh-chung/thu-muc', 'not_file'],
    ['../bi-mat.pdf', 'outside'],
    ['minh-chung/../../bi-mat.pdf', 'outside'],
    ['minh-chung/../minh-chung/H1/kh.pdf', 'outside'],
    ['/etc/passwd', 'absolute'],
    ['C:\\Users\\ht\\kh.pdf', 'absolute'],
    ['\\\\may-chu\\chia-se\\kh.pdf', 'absolute'],
    ['https://drive.google.com/file/d/abc', 'absolute'],
    ['minh-chung/ra-ngoai.pdf', 'symlink'],
    ['minh-chung/thu-muc-ngoai/bi-mat.pdf', 'symlink'],
    ['minh-chung/vong-a', 'symlink'],
    ['minh-chung/hong.pdf', 'symlink'],
  ])('%s → %s', (tep, expected) => {
    expect(evidencePathProblem(diskSource(school), tep)).toBe(expected);
  });

  it('a named pipe is refused as "not a file" without being opened (opening one would block)', () => {
    const fifo = path.join(school, 'minh-chung', 'ong.pdf');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return;
    expect(evidencePathProblem(diskSource(school), 'minh-chung/ong.pdf')).toBe('not_file');
  });

  it('each problem is a located warning naming the code', () => {
    const found = evidenceOf({ 1: { tieu_chuan: 1, minh_chung: [entry('[H1.01.01.01]', { tep: 'minh-chung/ra-ngoai.pdf' }), entry('[H1.01.01.02]', { tep: '/etc/passwd' }), entry('[H1.01.01.03]', { tep: 'minh-chung/H1/kh.pdf' })] } });
    expect(codes(found)).toEqual(['evidence/file-symlink', 'evidence/file-absolute']);
    expect(found[0]!.location!.path).toEqual(['minh_chung', 0, 'tep']);
    expect(found[0]!.message.vi).toMatch(/^minh chứng \[H1\.01\.01\.01\]: tep "minh-chung\/ra-ngoai\.pdf" đi qua liên kết tượng trưng/);
  });
});

describe('bundled examples', () => {
  it('every example is free of evidence findings', () => {
    const examples = path.join(packageRoot, 'examples');
    for (const name of fs.readdirSync(examples).filter((d) => fs.existsSync(path.join(examples, d, 'truong.yaml')))) {
      const asOf = EXAMPLES.find(([n]) => n === name)?.[2] ?? '2026-06-15';
      const result = checkSchool(path.join(examples, name), { asOf });
      expect(result.diagnostics.filter((d) => d.code.startsWith('evidence/')), name).toEqual([]);
    }
  });
});
