import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml-file.js';
import { packageRoot } from '../../src/paths.js';
import { profileSchemaId, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';
import { validateDocument } from '../../src/validate/validate-document.js';

const example = (school: string, file: string): string => fs.readFileSync(path.join(packageRoot, 'examples', school, file), 'utf8');
const edit = (text: string, from: string, to: string): string => {
  expect(text).toContain(from);
  return text.replace(from, to);
};
function diagnostics(text: string, file = 'f.yaml') {
  const parsed = parseYaml(file, text);
  if (parsed.ok) throw new Error('expected a YAML error');
  return parsed.diagnostics;
}
/** Words of yaml's own English messages, which must never reach the Vietnamese text. */
const PARSER_ENGLISH = /Implicit|mapping|sequence|indicator|Nested|must|collection/;

describe('one indentation mistake, one located error with the fix', () => {
  const standard2 = example('th-mai-sao', 'tieu-chuan-2.yaml');

  it('a tab: one error at its line, how many spaces, the line as it should read, nothing else of the file', () => {
    const all = diagnostics(edit(standard2, '    ho_ten: Nguyễn Thị Lan', '\tho_ten: Nguyễn Thị Lan'));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ code: 'yaml/tab-as-indent', location: { line: 8, column: 1 } });
    expect(all[0]!.message.vi).toBe('dòng này thụt lề bằng ký tự Tab, YAML chỉ nhận dấu cách: thay Tab bằng 4 dấu cách, ví dụ "    ho_ten: Nguyễn Thị Lan" (phần sau của tệp chưa được kiểm tra; sửa rồi chạy lại)');
    expect(all[0]!.message.en).toContain('use 4 spaces instead, e.g. "    ho_ten: Nguyễn Thị Lan"');
  });

  it('a 3-space indent among 4-space siblings: the line, and the column it belongs to', () => {
    const profile = example('th-mai-sao', 'truong.yaml');
    const all = diagnostics(edit(profile, '    so_quyet_dinh: 2687', '   so_quyet_dinh: 2687'));
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ code: 'yaml/bad-indent', location: { line: 20, column: 1 } });
    expect(all[0]!.message.vi).toMatch(/^dòng này thụt lề 3 dấu cách, không thẳng cột với các mục cùng cấp: sửa thành 4 dấu cách, ví dụ "    so_quyet_dinh: 2687\/QĐ-UBND"/);
    expect(all[0]!.message.vi).not.toMatch(PARSER_ENGLISH);
  });

  it('the first line of a block off the usual two spaces is the one to fix, not its correct siblings', () => {
    const all = diagnostics(edit(standard2, '  tong_so: 30', '   tong_so: 30'));
    expect(all).toHaveLength(1);
    expect(all[0]!.location!.line).toBe(39);
    expect(all[0]!.message.vi).toContain('sửa thành 2 dấu cách, ví dụ "  tong_so: 30"');
  });

  it('a key at the top level indented by one space: remove the spaces', () => {
    const all = diagnostics(edit(example('th-mai-sao', 'truong.yaml'), 'so_hoc_sinh: 662', ' so_hoc_sinh: 662'));
    expect(all).toHaveLength(1);
    expect(all[0]!.message.vi).toContain('bỏ các dấu cách ở đầu dòng, ví dụ "so_hoc_sinh: 662"');
  });

  it('on every example school file: a tab, or one space more or less, on any line that breaks the file gives one error whose fix parses', () => {
    let cases = 0;
    let fixed = 0;
    const schools = fs.readdirSync(path.join(packageRoot, 'examples')).filter((d) => fs.existsSync(path.join(packageRoot, 'examples', d, 'truong.yaml')));
    for (const school of schools) {
      for (const file of fs.readdirSync(path.join(packageRoot, 'examples', school)).filter((f) => f.endsWith('.yaml')).sort()) {
        const text = example(school, file);
        if (!parseYaml(file, text).ok) continue;
        const lines = text.split('\n');
        // Every eleventh line (the whole sweep takes several seconds), each school from a different start.
        for (let i = school.length % 11; i < lines.length; i += 11) {
          const m = /^( +)(\S.*)$/.exec(lines[i]!);
          if (!m || m[2]!.startsWith('#')) continue;
          for (const changed of [`\t${m[2]}`, ` ${lines[i]}`, lines[i]!.slice(1)]) {
            const broken = [...lines];
            broken[i] = changed;
            const parsed = parseYaml(file, broken.join('\n'));
            if (parsed.ok) continue;
            cases++;
            expect(parsed.diagnostics, `${school}/${file}:${i + 1} ${JSON.stringify(changed)}`).toHaveLength(1);
            const [d] = parsed.diagnostics;
            expect(['yaml/tab-as-indent', 'yaml/bad-indent']).toContain(d!.code);
            const line = JSON.parse(/ví dụ ("(?:[^"\\]|\\.)*")/.exec(d!.message.vi)![1]!) as string;
            const comment = /\s+#.*$/.exec(broken[d!.location!.line - 1]!)?.[0] ?? '';
            broken[d!.location!.line - 1] = line + comment;
            if (parseYaml(file, broken.join('\n')).ok) fixed++;
          }
        }
      }
    }
    expect(cases).toBeGreaterThan(250);
    // A tab's width is a guess: almost always right, never a cascade.
    expect(fixed / cases).toBeGreaterThan(0.99);
  });
});

describe('the usual slips get the fix in Vietnamese, with the line to write', () => {
  it('so_lop:16 (no space after ":") is not "missing ":"": write so_lop: 16', () => {
    const [d, ...rest] = diagnostics(edit(example('th-mai-sao', 'truong.yaml'), 'so_lop: 20 ', 'so_lop:20 '));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ location: { line: 13, column: 1 } });
    expect(d!.message.vi).toBe('sau dấu ":" phải có một dấu cách: ghi "so_lop: 20" (đang ghi "so_lop:20")');
  });

  it('an unquoted evidence code [H1.01.01.01] is a list: quote it, with the line to write', () => {
    const parsed = parseYaml('tieu-chuan-1.yaml', 'tieu_chuan: 1\nminh_chung:\n  - ma: [H1.01.01.01]\n    ten: Kế hoạch năm học\n    tieu_chi: ["1.1"]\n');
    if (!parsed.ok) throw new Error('parse');
    const found = validateDocument(SchemaRegistry.shared(), standardSchemaId('tt59-2012', 1), parsed.yaml).find((d) => d.location?.line === 3);
    expect(found!.message.vi).toBe('minh_chung[1].ma: phải là văn bản, nhưng [ ] không có ngoặc kép là một danh sách: đặt cả giá trị trong dấu ngoặc kép, ghi ma: "[H1.01.01.01]"');
  });

  it('a school code written as a number, and a list written as one word', () => {
    const base = example('th-mai-sao', 'truong.yaml');
    const parsed = parseYaml('truong.yaml', edit(base, 'ma_truong: "33101205"', 'ma_truong: 33101205'));
    if (!parsed.ok) throw new Error('parse');
    const [d] = validateDocument(SchemaRegistry.shared(), profileSchemaId, parsed.yaml);
    expect(d!.message.vi).toContain('đặt trong dấu ngoặc kép, ghi ma_truong: "33101205"');
    const list = parseYaml('tieu-chuan-2.yaml', edit(example('th-mai-sao', 'tieu-chuan-2.yaml'), 'chung_chi: [tin_hoc, ngoai_ngu]', 'chung_chi: tin_hoc'));
    if (!list.ok) throw new Error('parse');
    const [l] = validateDocument(SchemaRegistry.shared(), standardSchemaId('tt59-2012', 2), list.yaml);
    expect(l!.message.vi).toContain('phải là một danh sách (đang ghi "tin_hoc"): ghi trong dấu [ ], ví dụ chung_chi: [tin_hoc]');
  });

  it('no Vietnamese YAML message carries the parser\'s English', () => {
    const broken = ['a: b: c\n', 'a:\n  - x\n  y: 1\n', 'a: [1, 2\nb: 1\n', 'a: "x\n', '- a\nb: 1\n', 'a:\n  b: 1\n c: 2\n', 'a: b\n  c: d\n', 'a: &x 1\nb: *y\n', 'a: |\n x\n  y\nb\n'];
    for (const text of broken) {
      for (const d of diagnostics(text)) expect(d.message.vi, `${JSON.stringify(text)} ${d.code}`).not.toMatch(PARSER_ENGLISH);
    }
  });
});
