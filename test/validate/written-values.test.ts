// Data that silently means something else (issue 15, items 1 and 2): what was typed is quoted, and the
// value that was probably meant is proposed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { initSchool } from '../../src/init/init-school.js';
import { parseReference, parseYaml, sourceText, type YamlFile } from '../../src/load/yaml-file.js';
import { packageRoot } from '../../src/paths.js';
import { mdCell, mdCode, mdText } from '../../src/report/escape.js';
import { profileSchemaId, SchemaRegistry } from '../../src/validate/schemas.js';
import { validateDocument } from '../../src/validate/validate-document.js';
import { writtenValueDiagnostics } from '../../src/validate/written-values.js';
import { run } from '../cli/run-main.js';

const AS_OF = '2026-06-15';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-written-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A copy of an example school with `edits` applied to its files (file → [from, to]). */
function schoolWith(example: string, edits: Record<string, [string, string][]>): string {
  const dir = fs.mkdtempSync(path.join(root, `${example}-`));
  fs.cpSync(path.join(packageRoot, 'examples', example), dir, { recursive: true });
  for (const [file, pairs] of Object.entries(edits)) {
    let text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [from, to] of pairs) {
      expect(text).toContain(from);
      text = text.replace(from, to);
    }
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const both = (text: string): YamlFile[] => {
  const fast = parseYaml('f.yaml', text);
  const reference = parseReference('f.yaml', text);
  if (!fast.ok || !reference.ok) throw new Error('parse');
  return [fast.yaml, reference.yaml];
};

describe('numbers are quoted as typed', () => {
  it('sourceText gives the characters of the value, the same from both readers', () => {
    for (const yaml of both('a: 1.250\nb: [6.200, "x"]\nc: { d: 7.850 }\n')) {
      expect(yaml.source.parser === 'fast' || yaml.source.parser === 'reference').toBe(true);
      expect(sourceText(yaml, ['a'])).toBe('1.250');
      expect(sourceText(yaml, ['b', 0])).toBe('6.200');
      expect(sourceText(yaml, ['b', 1])).toBe('"x"');
      expect(sourceText(yaml, ['c', 'd'])).toBe('7.850');
      expect(sourceText(yaml, ['c', 'e'])).toBeNull();
    }
  });

  it('so_hoc_sinh: 1.250 -> "đang ghi 1.250: có phải 1250? không dùng dấu chấm phân cách hàng nghìn"', () => {
    const text = 'ten_truong: Trường THCS A\ncap_hoc: thcs\ntinh: Hà Nội\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\nso_hoc_sinh: 1.250\n';
    for (const yaml of both(text)) {
      const [d, ...rest] = validateDocument(SchemaRegistry.shared(), profileSchemaId, yaml);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ code: 'schema/type', location: { line: 7, column: 14 } });
      expect(d!.message.vi).toBe('so_hoc_sinh: phải là số nguyên (số đếm), đang ghi 1.250: có phải 1250? không dùng dấu chấm phân cách hàng nghìn, ghi 1250');
      expect(d!.message.en).toContain('found 1.250: did you mean 1250?');
    }
  });

  it('a count with a decimal that is not a thousand keeps its own wording, quoted as typed', () => {
    const text = 'ten_truong: A\ncap_hoc: thcs\ntinh: B\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\nso_lop: 12.50\n';
    const [d] = validateDocument(SchemaRegistry.shared(), profileSchemaId, both(text)[0]!);
    expect(d!.message.vi).toBe('so_lop: phải là số nguyên (số đếm), đang ghi 12.50');
  });

  it('a mapping with a key named toString where a number or text goes is an error, not a crash', () => {
    for (const field of ['so_hoc_sinh', 'ten_truong']) {
      const text = `cap_hoc: thcs\ntinh: B\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\n${field === 'ten_truong' ? '' : 'ten_truong: A\n'}${field}:\n  toString: "0"\n`;
      for (const yaml of both(text)) {
        const found = validateDocument(SchemaRegistry.shared(), profileSchemaId, yaml);
        expect(found.map((d) => d.code)).toContain('schema/type');
      }
    }
  });

  it('a school code typed as a number keeps its leading zero in the line to write', () => {
    const text = 'ten_truong: A\nma_truong: 033101205\ncap_hoc: thcs\ntinh: B\nkhu_vuc: thanh_thi\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\n';
    for (const yaml of both(text)) {
      const [d] = validateDocument(SchemaRegistry.shared(), profileSchemaId, yaml);
      expect(d!.message.vi).toBe('ma_truong: phải là văn bản (đang ghi 033101205, YAML đọc thành số hoặc true/false): đặt trong dấu ngoặc kép, ghi ma_truong: "033101205"');
    }
  });

  it('an area written 7.850 (read as 7.85 m²) is a located warning that proposes 7850; 7.85, 62.5 and 7850 are not', () => {
    const dir = schoolWith('th-mai-sao', { 'tieu-chuan-4.yaml': [['dien_tich_khuon_vien: 7850 ', 'dien_tich_khuon_vien: 7.850']] });
    const result = checkSchool(dir, { asOf: AS_OF });
    const warned = result.diagnostics.filter((d) => d.code === 'value/dot-thousands');
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatchObject({ severity: 'warning', location: { file: path.join(dir, 'tieu-chuan-4.yaml'), line: 5, column: 23 } });
    expect(warned[0]!.message.vi).toBe('dien_tich_khuon_vien: đang ghi 7.850, được đọc là 7,85 (số thập phân); có phải 7850? không dùng dấu chấm phân cách hàng nghìn, ghi 7850 (nếu đúng là số thập phân thì bỏ qua lưu ý này)');
    for (const typed of ['7.85', '62.5', '7850', '0.125']) {
      for (const yaml of both(`dien_tich: ${typed}\n`)) expect(writtenValueDiagnostics(yaml, [])).toEqual([]);
    }
    for (const yaml of both('phong:\n  - { dien_tich: 1.200 }\n')) expect(writtenValueDiagnostics(yaml, [])[0]).toMatchObject({ code: 'value/dot-thousands', location: { line: 2, column: 18 } });
  });

  it('a count typed 1.250 is reported once, as the error, not again as a warning', () => {
    const dir = schoolWith('th-mai-sao', { 'truong.yaml': [['so_hoc_sinh: 662 ', 'so_hoc_sinh: 1.250']] });
    const codes = checkSchool(dir, { asOf: AS_OF }).diagnostics.filter((d) => d.location?.line === 14).map((d) => d.code);
    expect(codes).toEqual(['schema/type']);
  });
});

describe('text that hides what it says', () => {
  it('a value wrapped in curly quotes is flagged with the straight-quoted line; curly quotes inside a text are fine', () => {
    const [yaml] = both('tinh: “Hưng Yên”\nten: Hội thi “Giáo viên giỏi” cấp xã\nma: ‘H1’\n');
    const found = writtenValueDiagnostics(yaml!, []);
    expect(found.map((d) => [d.code, d.location?.line])).toEqual([['value/curly-quotes', 1], ['value/curly-quotes', 3]]);
    expect(found[0]!.message.vi).toBe('tinh: giá trị nằm trong dấu ngoặc kép cong (“ ”): YAML giữ chúng như một phần của văn bản; muốn đặt trong ngoặc kép thì dùng dấu thẳng, ghi "Hưng Yên"');
  });

  it('bidi controls and zero-width characters in a name: flagged with their code points, shown neutralised', () => {
    const [yaml] = both('ten_truong: "Trường A\u202eB\u200b"\n');
    const [d] = writtenValueDiagnostics(yaml!, []);
    expect(d).toMatchObject({ code: 'value/invisible-character', severity: 'warning', location: { line: 1, column: 13 } });
    expect(d!.message.vi).toContain('có ký tự ẩn U+202E, U+200B');
    expect(d!.message.vi).toContain('"Trường A⟨U+202E⟩B⟨U+200B⟩"');
    expect(d!.message.vi).not.toMatch(/[\u202e\u200b]/u);
  });

  it('never passes a bidi control or a zero-width character into Markdown', () => {
    const hostile = 'Trường A\u202e\u2066B\u200d\ufeffC\u061c';
    for (const out of [mdText(hostile), mdCell(hostile), mdCode(hostile), mdCode(hostile, { table: true })]) {
      expect(out).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u);
    }
    expect(mdText(hostile)).toBe('Trường A⟨U+202E⟩⟨U+2066⟩B⟨U+200D⟩⟨U+FEFF⟩C⟨U+061C⟩');
  });

  it('chuan check: the terminal, Markdown and Word reports show the name neutralised, with the warning', async () => {
    const dir = schoolWith('th-mai-sao', { 'truong.yaml': [['ten_truong: Trường Tiểu học Mai Sao', 'ten_truong: "Trường Tiểu học Mai\u202eSao"']] });
    for (const format of ['stylish', 'markdown']) {
      const result = await run(['check', dir, '--as-of', AS_OF, '-f', format]);
      expect(result.stdout).not.toContain('\u202e');
      expect(result.stdout).toContain('Mai⟨U+202E⟩Sao');
      expect(result.stdout).toContain('có ký tự ẩn U+202E');
    }
    const out = path.join(dir, '..', `${path.basename(dir)}.docx`);
    await run(['check', dir, '--as-of', AS_OF, '-f', 'docx', '--output', out, '--quiet']);
    const xml = new TextDecoder().decode(unzipSync(fs.readFileSync(out))['word/document.xml']);
    expect(xml).not.toContain('\u202e');
    expect(xml).toContain('Mai⟨U+202E⟩Sao');
  });
});

describe('leftover chuan init placeholders', () => {
  it('a school fresh from chuan init: ten_truong and tinh are named as placeholders still to replace', () => {
    const dir = path.join(root, 'moi');
    initSchool(dir, { cap: 'tieu-hoc' }, root);
    const found = checkSchool(dir, { asOf: AS_OF }).diagnostics.filter((d) => d.code === 'value/placeholder');
    expect(found.map((d) => [d.location?.file, d.location?.path, d.severity])).toEqual([
      [path.join(dir, 'truong.yaml'), ['ten_truong'], 'warning'],
      [path.join(dir, 'truong.yaml'), ['tinh'], 'warning'],
    ]);
    expect(found[0]!.message.vi).toBe('ten_truong: vẫn là chỗ ghi mẫu của chuan init ("Trường …"): ghi giá trị thật thay cho dấu …');
  });

  it('the same school with its name and province written: no placeholder left', () => {
    const dir = path.join(root, 'da-sua');
    initSchool(dir, { cap: 'tieu-hoc', ten: 'Trường Tiểu học Hoa Mai', tinh: 'Hưng Yên' }, root);
    expect(checkSchool(dir, { asOf: AS_OF }).diagnostics.filter((d) => d.code === 'value/placeholder')).toEqual([]);
  });
});
