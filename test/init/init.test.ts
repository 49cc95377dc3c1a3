import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { checkSchool } from '../../src/check/check-folder.js';
import { editorSchemaFile, editorSchemaName } from '../../src/init/editor-schemas.js';
import { currentSchoolYear, initSchool, schoolFiles } from '../../src/init/init-school.js';
import { dereference, loadSchemaDocuments, type SchemaNode } from '../../src/init/schema-deref.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { standardSchemaId, profileSchemaId } from '../../src/validate/schemas.js';
import { run } from '../cli/run-main.js';
import { addSchemaFormats } from '../../src/validate/formats.js';

const CAPS = [
  ['mam-non', 'tt02-2014', 'muc_do_1'],
  ['tieu-hoc', 'tt59-2012', 'muc_do_1'],
  ['thcs', 'tt47-2012', 'dat_chuan'],
  ['thpt', 'tt47-2012', 'dat_chuan'],
  ['nhieu-cap', 'tt47-2012', 'dat_chuan'],
] as const;
const FILES = ['truong.yaml', 'tieu-chuan-1.yaml', 'tieu-chuan-2.yaml', 'tieu-chuan-3.yaml', 'tieu-chuan-4.yaml', 'tieu-chuan-5.yaml'];

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-init-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const hashes = (dir: string): Record<string, string> =>
  Object.fromEntries(fs.readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')]));

/** Every property path a schema knows ("giao_vien.xep_loai_chuan_nghe_nghiep.kha", list items with "[]"). */
function schemaPaths(schema: SchemaNode, prefix = ''): string[] {
  const out: string[] = [];
  for (const [key, s] of Object.entries(schema.properties ?? {})) {
    const here = `${prefix}${key}`;
    out.push(here);
    if (s.properties) out.push(...schemaPaths(s, `${here}.`));
    if (s.items?.properties) out.push(...schemaPaths(s.items, `${here}[].`));
  }
  return out;
}

/** The keys a template writes, live or commented out, as paths (from indentation). */
function templatePaths(text: string): string[] {
  const out: string[] = [];
  const stack: { indent: number; name: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = /^# +(-$|[a-z_0-9]+:)/.test(raw) || /^# [a-z_0-9]+:/.test(raw) ? raw.slice(2) : raw;
    const m = /^( *)(-\s*)?([a-z_0-9]+):/.exec(line);
    if (!m) {
      if (/^ *-$/.test(line)) stack.push({ indent: line.indexOf('-'), name: '[]' });
      continue;
    }
    const indent = m[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const name = stack.map((s) => s.name).join('.').replaceAll('.[]', '[]');
    out.push(name ? `${name}.${m[3]}` : m[3]!);
    stack.push({ indent, name: m[3]! });
  }
  return out;
}

describe('chuan init', () => {
  it.each(CAPS)('--cap %s writes six files that validate, every indicator not assessable, none met', (cap, packId, level) => {
    const dir = path.join(tmp, 'truong-moi');
    const result = initSchool(dir, { cap, namHoc: '2025-2026' });
    expect(result.pack.id).toBe(packId);
    expect(fs.readdirSync(dir).sort()).toEqual([...FILES].sort());
    const checked = checkSchool(dir, { asOf: '2025-10-01' });
    // Nothing wrong but the name and the province still to write (warnings).
    expect(checked.diagnostics.map((d) => [d.code, d.severity, d.location?.path])).toEqual(PLACEHOLDERS_LEFT);
    expect(checked.outcome).toBe('not_reached');
    expect(checked.reached).toBeNull();
    expect(checked.profile.target).toBe(level);
    expect(checked.findings.length).toBeGreaterThan(40);
    const statuses = new Set(checked.findings.map((f) => f.status));
    expect([...statuses].sort()).toEqual(['not_applicable', 'not_assessable']);
    expect(checked.findings.filter((f) => f.status === 'not_assessable').length).toBeGreaterThan(checked.findings.length * 0.9);
  });

  it('the hint after each key says what to type: a date only where a date goes, never for the document abbreviation', () => {
    const dir = path.join(tmp, 'goi-y');
    initSchool(dir, { cap: 'tieu-hoc', namHoc: '2025-2026' });
    const text = fs.readFileSync(path.join(dir, 'truong.yaml'), 'utf8');
    expect(text).toMatch(/^# {3}ky_hieu: +# văn bản$/m);
    expect(text).toMatch(/^# {5}ngay_ky: +# ngày dạng YYYY-MM-DD$/m);
  });

  it.each(CAPS)('--cap %s: every file starts with a modeline to a self-contained editor schema that accepts it', (cap, packId) => {
    const dir = path.join(tmp, 'a', 'b');
    initSchool(dir, { cap, namHoc: '2025-2026' });
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addSchemaFormats(ajv);
    FILES.forEach((file, i) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const first = text.split('\n')[0]!;
      const name = i === 0 ? editorSchemaName(null) : editorSchemaName(packId, i);
      expect(first).toBe(`# yaml-language-server: $schema=${path.relative(dir, editorSchemaFile(name)).split(path.sep).join('/')}`);
      const target = path.resolve(dir, first.slice(first.indexOf('=') + 1));
      expect(fs.existsSync(target)).toBe(true);
      const validate = ajv.compile(JSON.parse(fs.readFileSync(target, 'utf8')));
      expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    });
  });

  it.each(CAPS)('--cap %s: every field the schemas know is in the template, documented in Vietnamese', (cap, packId) => {
    const dir = path.join(tmp, 'x');
    const { files } = schoolFiles(dir, { cap, namHoc: '2025-2026' });
    const docs = loadSchemaDocuments();
    files.forEach((f, i) => {
      const schema = dereference(i === 0 ? profileSchemaId : standardSchemaId(packId, i), docs);
      const written = new Set(templatePaths(f.content));
      expect(schemaPaths(schema).filter((p) => !written.has(p))).toEqual([]);
      // Each key line is preceded by its title from the schema.
      for (const [key, s] of Object.entries(schema.properties ?? {})) {
        expect(f.content).toContain(`# ${s.title}`);
        expect(f.content).toMatch(new RegExp(`^(# )?${key}:`, 'm'));
      }
    });
  });

  it('a block uncommented in the editor (one "# " removed per line) is valid YAML with the schema\'s keys, and validates once filled in', () => {
    const dir = path.join(tmp, 'th');
    initSchool(dir, { cap: 'tieu-hoc', namHoc: '2025-2026' });
    const file = path.join(dir, 'tieu-chuan-2.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const start = lines.indexOf('# giao_vien:');
    let end = start + 1;
    while (lines[end]!.startsWith('#   ')) end++;
    const block = lines.slice(start, end).map((l) => l.slice(2));
    const parsed = parse(block.join('\n')) as { giao_vien: Record<string, unknown> };
    const schema = dereference(standardSchemaId('tt59-2012', 2), loadSchemaDocuments());
    expect(Object.keys(parsed.giao_vien)).toEqual(Object.keys(schema.properties!['giao_vien']!.properties!));
    // Fill two counts, drop the keys left empty: what a user does after Ctrl+/.
    const filled = block
      .map((l) => l.replace(/^ {2}tong_so:.*/, '  tong_so: 24').replace(/^ {2}dat_chuan_trinh_do:.*/, '  dat_chuan_trinh_do: 23'))
      .filter((l) => !/^\s+[a-z_]+:\s*(#.*)?$/.test(l));
    fs.writeFileSync(file, [...lines.slice(0, start), ...filled, ...lines.slice(end)].join('\n'));
    const checked = checkSchool(dir, { asOf: '2025-10-01' });
    expect(checked.diagnostics.map((d) => [d.code, d.severity, d.location?.path])).toEqual(PLACEHOLDERS_LEFT);
    const rate = checked.findings.find((f) => f.measure?.kind === 'rate' && f.measure.denominator === 24 && f.measure.numerator === 23);
    expect(rate?.status).toBe('unmet');
  });

  it('refuses to run again: exit 2, a Vietnamese message naming the files, every file byte-identical', async () => {
    const dir = path.join(tmp, 'truong');
    const first = await run(['init', dir, '--cap', 'thcs', '--nam-hoc', '2025-2026']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Đã tạo thư mục trường/);
    const before = hashes(dir);
    const second = await run(['init', dir, '--cap', 'mam-non']);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/không ghi đè: .*truong\.yaml, tieu-chuan-1\.yaml/);
    expect(second.stderr).not.toMatch(/\n\s+at /);
    expect(hashes(dir)).toEqual(before);
  });

  it('checks every target before writing: one existing standard file means nothing is written', async () => {
    const dir = path.join(tmp, 'mot-phan');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'tieu-chuan-3.yaml'), 'tieu_chuan: 3\n');
    const before = hashes(dir);
    const result = await run(['init', dir, '--cap', 'tieu-hoc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/không ghi đè: .*tieu-chuan-3\.yaml; không tệp nào được ghi/);
    expect(hashes(dir)).toEqual(before);
  });

  it('a dangling symbolic link in the way counts as an existing file', async () => {
    const dir = path.join(tmp, 'lien-ket');
    fs.mkdirSync(dir);
    fs.symlinkSync(path.join(tmp, 'khong-co'), path.join(dir, 'truong.yaml'));
    const result = await run(['init', dir, '--cap', 'tieu-hoc']);
    expect(result.code).toBe(2);
    expect(fs.existsSync(path.join(tmp, 'khong-co'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['truong.yaml']);
  });

  it('never inside an existing school folder', async () => {
    const school = path.join(tmp, 'truong-cu');
    initSchool(school, { cap: 'tieu-hoc', namHoc: '2025-2026' });
    const before = hashes(school);
    const result = await run(['init', path.join(school, 'con'), '--cap', 'tieu-hoc']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nằm trong thư mục trường/);
    expect(fs.existsSync(path.join(school, 'con'))).toBe(false);
    expect(hashes(school)).toEqual(before);
  });

  it.each([
    [['--cap', 'dai-hoc'], /--cap phải là một trong/],
    [['--cap', 'tieu-hoc', '--level', 'dat_chuan'], /--level "dat_chuan" không có trong Thông tư 59\/2012/],
    [['--cap', 'thcs', '--nam-hoc', '2025-2027'], /--nam-hoc phải có dạng 2025-2026/],
    [['--cap', 'thcs', '--khu-vuc', 'ngoai_o'], /--khu-vuc phải là một trong/],
    [[], /--cap/],
  ])('%j: usage error, exit 2, nothing created', async (args, pattern) => {
    const dir = path.join(tmp, 'khong-tao');
    const result = await run(['init', dir, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(pattern);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('options fill the profile; the default level is the lowest national-standard level; the default year follows the calendar', () => {
    const dir = path.join(tmp, 'mai-sao');
    initSchool(dir, { cap: 'tieu_hoc', ten: 'Trường Tiểu học Mai Sao', tinh: 'Hưng Yên', khuVuc: 'thanh-thi', level: 'muc-do-2', namHoc: '2026-2027' });
    const profile = parse(fs.readFileSync(path.join(dir, 'truong.yaml'), 'utf8'));
    expect(profile).toEqual({ ten_truong: 'Trường Tiểu học Mai Sao', cap_hoc: 'tieu_hoc', thong_tu: '59/2012', tinh: 'Hưng Yên', khu_vuc: 'thanh_thi', nam_hoc: '2026-2027', muc_tieu: 'muc_do_2' });
    expect(currentSchoolYear('2025-07-31', '08-01')).toBe('2024-2025');
    expect(currentSchoolYear('2025-08-01', '08-01')).toBe('2025-2026');
    const { files } = schoolFiles(path.join(tmp, 'y'), { cap: 'mam-non', today: '2026-02-10' });
    expect(parse(files[0]!.content)).toMatchObject({ nam_hoc: '2025-2026', muc_tieu: 'muc_do_1', khu_vuc: 'nong_thon' });
  });

  it('the standard files list the record types their rules look for and the circular\'s evidence-code form', () => {
    const { files } = schoolFiles(path.join(tmp, 'z'), { cap: 'tieu-hoc', namHoc: '2025-2026', ruleSet: loadRuleSet() });
    const tc2 = files[2]!.content;
    expect(tc2).toMatch(/# Các loại hồ sơ mà quy tắc của tiêu chuẩn 2 tìm .*danh_gia_vien_chuc_cuoi_nam \(/s);
    expect(tc2).toContain('# Mã minh chứng dạng [Hn.ab.cd.ef], ví dụ [H2.02.01.01]');
  });
});

describe('chuan init --circular 57/2026', () => {
  it('writes four standard files with every item unrated, and the filled-in folder checks clean', async () => {
    const { initSchool } = await import('../../src/init/init-school.js');
    const { checkSchool } = await import('../../src/check/check-folder.js');
    const fsm = await import('node:fs');
    const pathm = await import('node:path');
    const os = await import('node:os');
    const dir = pathm.join(fsm.mkdtempSync(pathm.join(os.tmpdir(), 'chuan-init57-')), 'thcs');
    try {
      const made = initSchool(dir, { cap: 'thcs', circular: '57/2026', namHoc: '2026-2027' }, process.cwd());
      expect(made.pack.id).toBe('tt57-2026-pho-thong');
      expect(made.files.map((f) => pathm.basename(f))).toEqual(['truong.yaml', 'tieu-chuan-1.yaml', 'tieu-chuan-2.yaml', 'tieu-chuan-3.yaml', 'tieu-chuan-4.yaml']);
      const unrated = checkSchool(dir, { asOf: '2027-06-20' });
      expect(unrated.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(unrated.findings.filter((f) => f.status === 'not_rated')).toHaveLength(71);
      expect(unrated.reached).toBe(null);
      // Filled in as a school would: every item met with evidence, procedure records and council in place.
      for (const n of [1, 2, 3, 4]) {
        const file = pathm.join(dir, `tieu-chuan-${n}.yaml`);
        let seq = 0;
        const codes: string[] = [];
        let text = fsm.readFileSync(file, 'utf8').replace(/^(\s+)([a-z]): \{ danh_gia: chua_danh_gia, minh_chung: \[\] \}$/gm, (_m, indent: string, item: string) => {
          const code = `MC.${n}.1.${String(++seq).padStart(2, '0')}`;
          codes.push(code);
          return `${indent}${item}: { danh_gia: dat, minh_chung: [${code}] }`;
        });
        const records = n === 1
          ? ['ho_so:', '  - { loai: qd_thanh_lap_hoi_dong_tu_danh_gia, ngay: 2026-09-08, minh_chung: MC.1.4.90 }', '  - { loai: bao_cao_tu_danh_gia, ngay: 2027-06-10, minh_chung: MC.1.4.90 }', '  - { loai: ke_hoach_cai_tien_chat_luong, ngay: 2026-09-20, minh_chung: MC.1.4.90 }', '  - { loai: bien_ban_ra_soat_ke_hoach_cai_tien, ngay: 2027-01-15, minh_chung: MC.1.4.90 }', '  - { loai: bien_ban_ra_soat_ke_hoach_cai_tien, ngay: 2027-05-20, minh_chung: MC.1.4.90 }'].join('\n')
          : 'ho_so: []';
        if (n === 1) codes.push('MC.1.4.90');
        text = text.replace('ho_so: []', records).replace(/^minh_chung: \[\].*$/m, ['minh_chung:', ...codes.map((c) => `  - { ma: ${c}, ten: "Minh chứng ${c}", tieu_chi: ["${n}.1"] }`)].join('\n'));
        fsm.writeFileSync(file, text);
      }
      const profile = pathm.join(dir, 'truong.yaml');
      fsm.appendFileSync(profile, 'hoi_dong_tu_danh_gia:\n' + ['chu_tich', 'pho_chu_tich', 'thu_ky', 'uy_vien', 'uy_vien'].map((r, i) => `  - { ho_ten: Thành viên ${i + 1}, nhiem_vu: ${r} }`).join('\n') + '\n');
      const filled = checkSchool(dir, { asOf: '2027-06-20', level: 'muc_2' });
      expect(filled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(filled.findings.filter((f) => f.severity === 'error' && f.status !== 'met' && f.status !== 'not_applicable' && f.ruleId.split('.')[2] !== 'CN')).toEqual([]);
      expect(filled.reached).toBe('muc_2');
      expect(filled.outcome).toBe('reached');
    } finally {
      fsm.rmSync(pathm.dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('chuan init --circular 57/2026, then chuan check: every item "chưa tự đánh giá", never a schema error', () => {
  const ITEMS = { 'tt57-2026-pho-thong': 71, 'tt57-2026-mam-non': 60 };
  it.each([
    ['mam-non', 'tt57-2026-mam-non', [] as string[]],
    ['tieu-hoc', 'tt57-2026-pho-thong', []],
    ['thcs', 'tt57-2026-pho-thong', []],
    ['thpt', 'tt57-2026-pho-thong', []],
    ['nhieu-cap', 'tt57-2026-pho-thong', ['thcs', 'thpt']],
  ] as const)('--cap %s (%s)', async (cap, pack, parts) => {
    const dir = path.join(tmp, cap);
    const made = await run(['init', dir, '--cap', cap, '--circular', '57/2026', '--nam-hoc', '2026-2027']);
    expect(made.code).toBe(0);
    const checked = await run(['check', dir, '--format', 'json', '--as-of', '2027-06-20']);
    const report = JSON.parse(checked.stdout) as { results: { packId: string; outcome: string; diagnostics: { severity: string; code: string }[]; findings: { status: string; part?: string }[]; criteria: { part?: string }[] }[] };
    const school = report.results[0]!;
    expect(school.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.code).toBe(1);
    expect(school.packId).toBe(pack);
    const unrated = school.findings.filter((f) => f.status === 'not_rated');
    expect(unrated).toHaveLength(ITEMS[pack] * Math.max(1, parts.length));
    expect([...new Set(unrated.map((f) => f.part))]).toEqual(parts.length > 0 ? parts : [undefined]);
    expect(school.criteria).toHaveLength(15 * Math.max(1, parts.length));
  });

  it('a multi-level school: cac_cap_hoc in truong.yaml, one section per part in each standard file; --cac-cap chooses the parts', () => {
    const { files } = schoolFiles(path.join(tmp, 'th-thcs'), { cap: 'nhieu-cap', circular: '57/2026', namHoc: '2026-2027', cacCap: 'tieu-hoc,thcs' });
    const profile = parse(files[0]!.content) as Record<string, unknown>;
    expect(profile['cac_cap_hoc']).toEqual(['tieu_hoc', 'thcs']);
    const standard = parse(files[1]!.content) as { tieu_chi?: unknown; cap_hoc: Record<string, { tieu_chi: Record<string, { muc_1: Record<string, { danh_gia: string }> }> }> };
    expect(standard.tieu_chi).toBeUndefined();
    expect(Object.keys(standard.cap_hoc)).toEqual(['tieu_hoc', 'thcs']);
    expect(Object.keys(standard.cap_hoc['thcs']!.tieu_chi)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(standard.cap_hoc['tieu_hoc']!.tieu_chi['1.3']!.muc_1['a']!.danh_gia).toBe('chua_danh_gia');
    expect(() => schoolFiles(path.join(tmp, 'x'), { cap: 'nhieu-cap', circular: '57/2026', cacCap: 'thcs' })).toThrow(/--cac-cap must list at least two of/);
    expect(() => schoolFiles(path.join(tmp, 'y'), { cap: 'thcs', circular: '57/2026', cacCap: 'thcs,thpt' })).toThrow(/--cac-cap is only for a multi-level school/);
  });
});

/** What a school fresh from chuan init (no --ten, no --tinh) is told: its name and province are still placeholders. */
const PLACEHOLDERS_LEFT = [['value/placeholder', 'warning', ['ten_truong']], ['value/placeholder', 'warning', ['tinh']]];
