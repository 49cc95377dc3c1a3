import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-file.js';
import { profileSchemaId, SchemaRegistry } from '../../src/validate/schemas.js';
import { validateDocument } from '../../src/validate/validate-document.js';

const registry = SchemaRegistry.shared();
const profile = (extra: string) =>
  `ten_truong: Trường THCS A\ncap_hoc: thcs\ntinh: Hà Nội\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\n${extra}`;

function diagnose(text: string) {
  const parsed = parseYaml('truong.yaml', text);
  if (!parsed.ok) throw new Error('parse');
  return validateDocument(registry, profileSchemaId, parsed.yaml);
}

describe('schema errors are located and say how to fix them', () => {
  it('accepts a valid profile', () => {
    expect(diagnose(profile(''))).toEqual([]);
  });
  it('"95,5" -> use a decimal point', () => {
    const [d] = diagnose(profile('so_hoc_sinh: 95,5\n'));
    expect(d).toMatchObject({ code: 'schema/type', location: { line: 7, column: 14 } });
    expect(d!.message.vi).toContain('dùng dấu chấm thập phân: 95.5');
  });
  it('a list where a count is wanted, its element keyed toString, is a message, not a crash', () => {
    const [d] = diagnose(profile('so_hoc_sinh:\n  - toString: "0"\n'));
    expect(d).toMatchObject({ code: 'schema/type', location: { line: 8 } });
  });
  it('"95%" -> write the count, not a percentage', () => {
    const [d] = diagnose(profile('so_hoc_sinh: 95%\n'));
    expect(d!.message.vi).toContain('ghi số lượng, không ghi phần trăm');
  });
  it('a mapping where a number belongs, even one with a toString key, is a located type error', () => {
    const [d] = diagnose(profile('so_hoc_sinh:\n  - toString: "0"\n'));
    expect(d).toMatchObject({ code: 'schema/type', location: { line: 8, path: ['so_hoc_sinh'] } });
  });
  it('1.234 for an integer -> no thousands separator', () => {
    const [d] = diagnose(profile('so_hoc_sinh: 1.234\n'));
    expect(d!.message.vi).toContain('1234');
  });
  it('dd/mm/yyyy -> year-month-day', () => {
    const [d] = diagnose(profile('lich_su_cong_nhan:\n  - muc: dat_chuan\n    ngay_ky: 15/09/2021\n'));
    expect(d!.message.vi).toContain('2021-09-15');
    expect(d!.location).toMatchObject({ line: 9, column: 14 });
  });
  it('an unknown key points at the key and suggests the close one', () => {
    const [d] = diagnose(profile('so_hoc_snh: 500\n'));
    expect(d).toMatchObject({ code: 'schema/additionalProperties', location: { line: 7, column: 1 } });
    expect(d!.message.vi).toContain('có phải "so_hoc_sinh"');
  });
  it('a wrong enum value lists the allowed ones', () => {
    const [d] = diagnose(profile('').replace('cap_hoc: thcs', 'cap_hoc: trung_hoc'));
    expect(d!.message.vi).toContain('mam_non, tieu_hoc, thcs, thpt, nhieu_cap');
  });
  it('a missing required field points at the mapping', () => {
    const [d] = diagnose('ten_truong: A\ncap_hoc: thcs\ntinh: B\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\n');
    expect(d!.message.vi).toContain('thiếu trường bắt buộc "muc_tieu"');
  });
});
