// The hostile-input corpus: one entry per case, each with what it builds and what chuan must answer
// (exit code, diagnostic code, Vietnamese message fragment, file:line:column). Every case runs as a
// batch of two schools: the hostile one (a copy of examples/mn-hoa-sen, changed) and a good one
// (a copy of examples/thcs-nguyen-du), which must still be checked. Large files are generated here,
// at test time; nothing big is committed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import { MAX_NESTING_DEPTH } from '../../src/load/nesting.js';
import { MAX_ALIAS_COUNT } from '../../src/load/yaml-file.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/load/yaml-limits.js';
import { sparseFile } from './fixtures.js';

export const HOSTILE = 'a-truong';
export const GOOD = 'z-tot';
/** The hostile school starts as a copy of this example (exit 0: it reaches its target). */
export const BASE_EXAMPLE = 'mn-hoa-sen';
export const GOOD_EXAMPLE = 'thcs-nguyen-du';

export interface At {
  /** Relative to the hostile school folder. */
  file: string;
  line: number;
  column?: number;
}

export interface Expected {
  exit: 0 | 1 | 2;
  /** A diagnostic the hostile school must carry: code, a fragment of its Vietnamese message, its place. */
  code?: string;
  fragment?: string;
  at?: At;
  /** The hostile school's outcome (default: invalid when exit is 2). */
  outcome?: 'reached' | 'not_reached' | 'invalid';
  /** Usage errors (nothing checked): a fragment of the one message on stderr. */
  stderr?: string;
  /** The JSON report was written to this file (default: stdout). */
  reportFile?: string;
}

export interface CaseContext {
  root: string;
  school: string;
  /** A writable folder outside the batch, for reports. */
  out: string;
}

export interface HostileCase {
  name: string;
  about: string;
  build(ctx: CaseContext): Expected;
  /** Arguments after `check` (default: the batch root, JSON to stdout). */
  argv?(ctx: CaseContext): string[];
}

// ---------------------------------------------------------------------------------------------------
// Building blocks

const PROFILE = [
  'ten_truong: Trường Mầm non Thử Nghiệm',
  'ma_truong: "TEST.01"',
  'cap_hoc: mam_non',
  'tinh: Hưng Yên',
  'khu_vuc: nong_thon',
  'nam_hoc: 2025-2026',
  'muc_tieu: muc_do_1',
];

const write = (school: string, file: string, content: string | Buffer): void => fs.writeFileSync(path.join(school, file), content);
const read = (school: string, file: string): string => fs.readFileSync(path.join(school, file), 'utf8');

/** Replaces the first match of `pattern` in a file and returns where the replacement's `mark` starts. */
function edit(school: string, file: string, pattern: RegExp, replacement: string, mark: string): At {
  const text = read(school, file);
  if (!pattern.test(text)) throw new Error(`corpus: ${pattern} not found in ${file}`);
  const next = text.replace(pattern, replacement);
  write(school, file, next);
  return { file, ...positionOf(next, next.indexOf(mark, text.search(pattern))) };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Appends one evidence entry to tieu-chuan-1.yaml's register (the last list in the file) with `tep`. */
function evidenceWithFile(school: string, tep: string): At {
  const file = 'tieu-chuan-1.yaml';
  const text = read(school, file).replace(/\n*$/, '\n');
  const line = `  - { ma: "[H1.01.07.09]", ten: "Minh chứng thử", noi_ban_hanh: Trường MN Hoa Sen, tieu_chi: ["1.7"], tep: ${JSON.stringify(tep)} }\n`;
  write(school, file, text + line);
  return { file, line: text.split('\n').length, column: line.indexOf('tep: ') + 6 };
}

const billionLaughs = (): string => {
  const lines = ['tieu_chuan: 3', 'a0: &a0 ["cười", "cười", "cười", "cười", "cười", "cười", "cười", "cười", "cười", "cười"]'];
  for (let i = 1; i <= 9; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
};

const evidence = (code: string, fragment: string, tep: (ctx: CaseContext) => string): Pick<HostileCase, 'build'> => ({
  build: (ctx) => ({ exit: 0, outcome: 'reached', code, fragment, at: evidenceWithFile(ctx.school, tep(ctx)) }),
});

// ---------------------------------------------------------------------------------------------------
// The corpus

export const CORPUS: HostileCase[] = [
  // Syntax
  {
    name: 'malformed-indent',
    about: 'a key indented less than its siblings',
    build: ({ school }) => {
      write(school, 'tieu-chuan-2.yaml', 'tieu_chuan: 2\ngiao_vien:\n  tong_so: 26\n dat_chuan_trinh_do: 26\n');
      return { exit: 2, code: 'yaml/bad-indent', fragment: 'không thẳng cột với các mục cùng cấp: sửa thành 2 dấu cách, ví dụ "  dat_chuan_trinh_do: 26"', at: { file: 'tieu-chuan-2.yaml', line: 4, column: 1 } };
    },
  },
  {
    name: 'malformed-unclosed-flow',
    about: 'a [ list that is never closed',
    build: ({ school }) => {
      write(school, 'tieu-chuan-2.yaml', 'tieu_chuan: 2\ncan_bo_quan_ly:\n  - chung_chi: [tin_hoc, ngoai_ngu\n    ho_ten: Lan\n');
      // yaml notices it where the list should have ended.
      return { exit: 2, code: 'yaml/bad-indent', fragment: 'thiếu dấu ]', at: { file: 'tieu-chuan-2.yaml', line: 4, column: 5 } };
    },
  },
  {
    name: 'malformed-unclosed-quote',
    about: 'a double quote that is never closed',
    build: ({ school }) => {
      write(school, 'truong.yaml', [...PROFILE.slice(0, 3), 'tinh: "Hưng Yên', ...PROFILE.slice(4)].join('\n') + '\n');
      // yaml notices it at the end of the file.
      return { exit: 2, code: 'yaml/missing-char', fragment: 'thiếu dấu " đóng', at: { file: 'truong.yaml', line: 8 } };
    },
  },
  {
    name: 'tab-indent',
    about: 'a tab used for indentation',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\nlich_su_cong_nhan:\n\t- muc: muc_do_1\n`);
      return { exit: 2, code: 'yaml/tab-as-indent', fragment: 'thay Tab bằng 2 dấu cách, ví dụ "  - muc: muc_do_1"', at: { file: 'truong.yaml', line: 9, column: 1 } };
    },
  },
  {
    name: 'duplicate-key',
    about: 'the same key twice in the profile',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\nten_truong: Trường khác\n`);
      return { exit: 2, code: 'yaml/duplicate-key', fragment: 'khóa "ten_truong" bị lặp lại', at: { file: 'truong.yaml', line: 8, column: 1 } };
    },
  },
  {
    name: 'duplicate-key-nested',
    about: 'the same key twice inside a list item, in flow style',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\nlich_su_cong_nhan:\n  - { muc: muc_do_1, ngay_ky: 2021-11-25, muc: muc_do_2 }\n`);
      return { exit: 2, code: 'yaml/duplicate-key', fragment: 'khóa "muc" bị lặp lại', at: { file: 'truong.yaml', line: 9, column: 43 } };
    },
  },
  {
    name: 'duplicate-keys-flood',
    about: `20,000 times the same key (quadratic in yaml's own check): found in linear time, capped at ${MAX_DIAGNOSTICS_PER_FILE} messages`,
    build: ({ school }) => {
      write(school, 'tieu-chuan-4.yaml', 'tieu_chuan: 4\n' + 'so_lop: 1\n'.repeat(20_000));
      return { exit: 2, code: 'yaml/more-errors', fragment: `chỉ hiện ${MAX_DIAGNOSTICS_PER_FILE} lỗi đầu`, at: { file: 'tieu-chuan-4.yaml', line: MAX_DIAGNOSTICS_PER_FILE + 3, column: 1 } };
    },
  },
  {
    name: 'several-documents',
    about: 'two YAML documents in one file',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\n---\nten_truong: Trường thứ hai\n`);
      return { exit: 2, code: 'yaml/multiple-docs', fragment: 'nhiều tài liệu YAML', at: { file: 'truong.yaml', line: 8 } };
    },
  },
  {
    name: 'syntax-error-flood',
    about: '5,000 broken lines: capped messages',
    build: ({ school }) => {
      write(school, 'tieu-chuan-5.yaml', 'tieu_chuan: 5\n' + 'a: b: c\n'.repeat(5000));
      return { exit: 2, code: 'yaml/more-errors', fragment: `còn`, at: { file: 'tieu-chuan-5.yaml', line: MAX_DIAGNOSTICS_PER_FILE + 2 } };
    },
  },

  // Resource exhaustion
  {
    name: 'alias-bomb',
    about: 'billion laughs: 10^9 strings from 10 anchors',
    build: ({ school }) => {
      write(school, 'tieu-chuan-3.yaml', billionLaughs());
      return { exit: 2, code: 'yaml/alias-limit', fragment: `tối đa ${MAX_ALIAS_COUNT}`, at: { file: 'tieu-chuan-3.yaml', line: 3, column: 10 } };
    },
  },
  {
    name: 'alias-many',
    about: `one anchor used ${MAX_ALIAS_COUNT * 5} times`,
    build: ({ school }) => {
      write(school, 'tieu-chuan-3.yaml', 'tieu_chuan: 3\nx: &x 1\nds:\n' + '  - *x\n'.repeat(MAX_ALIAS_COUNT * 5));
      return { exit: 2, code: 'yaml/alias-limit', fragment: 'tham chiếu (alias *)', at: { file: 'tieu-chuan-3.yaml', line: 4, column: 5 } };
    },
  },
  {
    name: 'nesting-flow-10000',
    about: '[[[[…]]]] 10,000 deep: refused by the pre-scan at the first level past the limit',
    build: ({ school }) => {
      write(school, 'tieu-chuan-4.yaml', `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
      // "x" is level 1; the first "[" (column 4) level 2, …
      return { exit: 2, code: 'yaml/too-deep', fragment: `quá ${MAX_NESTING_DEPTH} cấp`, at: { file: 'tieu-chuan-4.yaml', line: 1, column: 4 + MAX_NESTING_DEPTH - 1 } };
    },
  },
  {
    name: 'nesting-flow-map-10000',
    about: '{a: {a: …}} 10,000 deep',
    build: ({ school }) => {
      write(school, 'tieu-chuan-4.yaml', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
      return { exit: 2, code: 'yaml/too-deep', fragment: 'lồng nhau quá sâu', at: { file: 'tieu-chuan-4.yaml', line: 1, column: 4 * (MAX_NESTING_DEPTH - 1) + 1 } };
    },
  },
  {
    name: 'nesting-block-seq-10000',
    about: '"- - - - …" 10,000 deep on one line',
    build: ({ school }) => {
      write(school, 'tieu-chuan-4.yaml', `${'- '.repeat(10_000)}x\n`);
      return { exit: 2, code: 'yaml/too-deep', fragment: 'lồng nhau quá sâu', at: { file: 'tieu-chuan-4.yaml', line: 1, column: 2 * MAX_NESTING_DEPTH + 1 } };
    },
  },
  {
    name: 'nesting-indent-700',
    about: '700 levels of indentation (the deepest that fits under the size cap)',
    build: ({ school }) => {
      const lines = Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}k${i}:`);
      write(school, 'tieu-chuan-4.yaml', `${lines.join('\n')} 1\n`);
      return { exit: 2, code: 'yaml/too-deep', fragment: 'lồng nhau quá sâu', at: { file: 'tieu-chuan-4.yaml', line: MAX_NESTING_DEPTH + 1, column: MAX_NESTING_DEPTH + 1 } };
    },
  },
  {
    name: 'size-far-above-cap',
    about: 'a sparse 1 GiB file: refused from its size, never read',
    build: ({ school }) => {
      sparseFile(path.join(school, 'tieu-chuan-5.yaml'), 1024 ** 3);
      return { exit: 2, code: 'file/too-large', fragment: `tối đa ${MAX_FILE_BYTES / 1024} KB`, at: { file: 'tieu-chuan-5.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'size-just-above-cap',
    about: 'one byte over the cap, real content',
    build: ({ school }) => {
      const text = read(school, 'tieu-chuan-5.yaml');
      write(school, 'tieu-chuan-5.yaml', text + '#'.repeat(MAX_FILE_BYTES + 1 - Buffer.byteLength(text)));
      return { exit: 2, code: 'file/too-large', fragment: 'tệp quá lớn', at: { file: 'tieu-chuan-5.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'many-wrong-list-items',
    about: '30,000 empty evidence entries: validated up to the first error, not quadratically',
    build: ({ school }) => {
      write(school, 'tieu-chuan-3.yaml', `tieu_chuan: 3\nminh_chung:\n${'  - {}\n'.repeat(30_000)}`);
      return { exit: 2, code: 'schema/required', fragment: 'tệp rất lớn', at: { file: 'tieu-chuan-3.yaml', line: 3, column: 5 } };
    },
  },

  // Empty and odd files
  {
    name: 'empty-profile',
    about: 'truong.yaml of 0 bytes',
    build: ({ school }) => {
      write(school, 'truong.yaml', '');
      return { exit: 2, code: 'schema/type', fragment: 'tệp rỗng', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'empty-standard',
    about: 'tieu-chuan-1.yaml of 0 bytes',
    build: ({ school }) => {
      write(school, 'tieu-chuan-1.yaml', '');
      return { exit: 2, code: 'schema/type', fragment: 'tệp rỗng', at: { file: 'tieu-chuan-1.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'comments-only',
    about: 'a file of comments and blank lines',
    build: ({ school }) => {
      write(school, 'tieu-chuan-2.yaml', '# chỉ có chú thích\n\n   \n# hết\n');
      return { exit: 2, code: 'schema/type', fragment: 'tệp rỗng', at: { file: 'tieu-chuan-2.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'missing-files',
    about: 'a folder with truong.yaml only',
    build: ({ school }) => {
      for (let n = 1; n <= 5; n++) fs.rmSync(path.join(school, `tieu-chuan-${n}.yaml`));
      return { exit: 2, code: 'file/missing', fragment: 'thiếu tệp tieu-chuan-3.yaml', at: { file: 'tieu-chuan-3.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'profile-is-a-folder',
    about: 'truong.yaml is a directory',
    build: ({ school }) => {
      fs.rmSync(path.join(school, 'truong.yaml'));
      fs.mkdirSync(path.join(school, 'truong.yaml'));
      return { exit: 2, code: 'file/not-regular', fragment: 'không phải tệp thường', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'standard-is-a-fifo',
    about: 'tieu-chuan-2.yaml is a named pipe (opening it would block for ever)',
    build: ({ school }) => {
      fs.rmSync(path.join(school, 'tieu-chuan-2.yaml'));
      mkfifo(path.join(school, 'tieu-chuan-2.yaml'));
      return { exit: 2, code: 'file/not-regular', fragment: 'không phải tệp thường', at: { file: 'tieu-chuan-2.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'standard-symlink-out',
    about: 'tieu-chuan-1.yaml is a symbolic link to /etc/passwd',
    build: ({ school }) => {
      fs.rmSync(path.join(school, 'tieu-chuan-1.yaml'));
      fs.symlinkSync('/etc/passwd', path.join(school, 'tieu-chuan-1.yaml'));
      return { exit: 2, code: 'file/not-regular', fragment: 'liên kết tượng trưng', at: { file: 'tieu-chuan-1.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'profile-symlink-loop',
    about: 'truong.yaml is a symbolic link to itself',
    build: ({ school }) => {
      fs.rmSync(path.join(school, 'truong.yaml'));
      fs.symlinkSync('truong.yaml', path.join(school, 'truong.yaml'));
      return { exit: 2, code: 'file/not-regular', fragment: 'liên kết tượng trưng', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },

  // Encodings
  {
    name: 'utf16le-bom',
    about: 'UTF-16 LE with BOM (Notepad "Unicode")',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PROFILE.join('\r\n'), 'utf16le')]));
      return { exit: 2, code: 'file/encoding', fragment: 'UTF-16', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'utf16be-bom',
    about: 'UTF-16 BE with BOM',
    build: ({ school }) => {
      const le = Buffer.from(PROFILE.join('\n'), 'utf16le');
      write(school, 'truong.yaml', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le.swap16())]));
      return { exit: 2, code: 'file/encoding', fragment: 'UTF-16', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'utf16le-no-bom',
    about: 'UTF-16 LE without BOM',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.from(PROFILE.join('\n'), 'utf16le'));
      return { exit: 2, code: 'file/encoding', fragment: 'lưu lại với mã UTF-8', at: { file: 'truong.yaml', line: 1, column: 1 } };
    },
  },
  {
    name: 'legacy-tcvn3',
    about: '"Trường" in TCVN3 (ABC) bytes',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.concat([Buffer.from('ma_truong: "T1"\nten_truong: Tr'), Buffer.from([0xad, 0xea]), Buffer.from('ng M\xa7m non\n', 'latin1')]));
      return { exit: 2, code: 'file/encoding', fragment: 'TCVN3', at: { file: 'truong.yaml', line: 2, column: 15 } };
    },
  },
  {
    name: 'legacy-vni',
    about: '"Trường" in VNI-Windows bytes',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.concat([Buffer.from('ten_truong: Tr'), Buffer.from([0xf6, 0xf4, 0xf8]), Buffer.from('ng\n')]));
      return { exit: 2, code: 'file/encoding', fragment: 'VNI', at: { file: 'truong.yaml', line: 1, column: 15 } };
    },
  },
  {
    name: 'invalid-utf8-overlong',
    about: 'an overlong UTF-8 sequence (C0 AF) after valid Vietnamese text',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.concat([Buffer.from('tinh: Hưng Yên\nxa: '), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]));
      return { exit: 2, code: 'file/encoding', fragment: 'UTF-8', at: { file: 'truong.yaml', line: 2, column: 5 } };
    },
  },
  {
    name: 'invalid-utf8-truncated',
    about: 'a UTF-8 sequence cut at the end of the file',
    build: ({ school }) => {
      write(school, 'truong.yaml', Buffer.concat([Buffer.from(`${PROFILE.join('\n')}\nxa: Ti`), Buffer.from([0xe1, 0xba])]));
      return { exit: 2, code: 'file/encoding', fragment: 'UTF-8', at: { file: 'truong.yaml', line: 8, column: 7 } };
    },
  },
  {
    name: 'nul-bytes',
    about: 'a NUL character inside a value',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\nxa: Tiên\u0000Lữ\n`);
      return { exit: 2, code: 'file/encoding', fragment: 'NUL', at: { file: 'truong.yaml', line: 8, column: 9 } };
    },
  },
  {
    name: 'nfd-everywhere',
    about: 'every file written in decomposed Unicode (NFD, as macOS may save it): normalised and accepted',
    build: ({ school }) => {
      for (const file of fs.readdirSync(school).filter((f) => f.endsWith('.yaml'))) write(school, file, read(school, file).normalize('NFD'));
      return { exit: 0, outcome: 'reached' };
    },
  },
  {
    name: 'bom-crlf-everywhere',
    about: 'every file with a UTF-8 BOM and CRLF line ends (Windows Notepad): accepted',
    build: ({ school }) => {
      for (const file of fs.readdirSync(school).filter((f) => f.endsWith('.yaml'))) write(school, file, `\ufeff${read(school, file).replace(/\n/g, '\r\n')}`);
      return { exit: 0, outcome: 'reached' };
    },
  },

  // Values written the way people write them
  {
    name: 'number-decimal-comma',
    about: '"95,5" where a number is expected',
    build: ({ school }) => ({ exit: 2, code: 'schema/type', fragment: 'dùng dấu chấm thập phân: 95.5', at: edit(school, 'tieu-chuan-2.yaml', /tong_so: 26/, 'tong_so: 95,5', '95,5') }),
  },
  {
    name: 'number-percent',
    about: '"95%" where a count is expected',
    build: ({ school }) => ({ exit: 2, code: 'schema/type', fragment: 'không ghi phần trăm', at: edit(school, 'tieu-chuan-2.yaml', /dat_chuan_trinh_do: 26/, 'dat_chuan_trinh_do: 95%', '95%') }),
  },
  {
    name: 'number-thousands-dot',
    about: '"1.234" (Vietnamese thousands separator) where a whole number is expected',
    build: ({ school }) => ({ exit: 2, code: 'schema/type', fragment: 'ghi 1234', at: edit(school, 'truong.yaml', /so_hoc_sinh: 325/, 'so_hoc_sinh: 1.234', '1.234') }),
  },
  {
    name: 'date-dd-mm-yyyy',
    about: 'a date written 18/11/2016',
    build: ({ school }) => ({ exit: 2, code: 'schema/format', fragment: 'năm-tháng-ngày: 2016-11-18', at: edit(school, 'truong.yaml', /ngay_ky: 2016-11-18/, 'ngay_ky: 18/11/2016', '18/11/2016') }),
  },
  {
    name: 'date-impossible',
    about: 'a recognition decision dated 2016-11-31, a day that does not exist',
    build: ({ school }) => ({ exit: 2, code: 'schema/format', fragment: 'ngày 2016-11-31 không có thật: tháng 11 chỉ có 30 ngày', at: edit(school, 'truong.yaml', /ngay_ky: 2016-11-18/, 'ngay_ky: 2016-11-31', '2016-11-31') }),
  },
  {
    name: 'school-year-impossible',
    about: 'nam_hoc: 2025-2027, not two consecutive years',
    build: ({ school }) => ({ exit: 2, code: 'schema/format', fragment: 'năm học 2025-2027 không có thật', at: edit(school, 'truong.yaml', /nam_hoc: 2025-2026/, 'nam_hoc: 2025-2027', '2025-2027') }),
  },
  {
    name: 'number-infinite',
    about: 'so_hoc_sinh: 1e309, which YAML reads as infinity',
    build: ({ school }) => ({ exit: 2, code: 'yaml/impossible-number', fragment: 'số "1e309" quá lớn', at: edit(school, 'truong.yaml', /so_hoc_sinh: 325/, 'so_hoc_sinh: 1e309', '1e309') }),
  },
  {
    name: 'number-beyond-2-53',
    about: 'so_hoc_sinh: 9007199254740993 (2^53 + 1), which a double cannot hold',
    build: ({ school }) => ({ exit: 2, code: 'yaml/impossible-number', fragment: 'số "9007199254740993" quá lớn để tính chính xác', at: edit(school, 'truong.yaml', /so_hoc_sinh: 325/, 'so_hoc_sinh: 9007199254740993', '9007199254740993') }),
  },
  {
    name: 'unknown-school-type',
    about: 'cap_hoc: dai_hoc',
    build: ({ school }) => ({ exit: 2, code: 'schema/enum', fragment: 'chọn một trong', at: edit(school, 'truong.yaml', /cap_hoc: mam_non/, 'cap_hoc: dai_hoc', 'dai_hoc') }),
  },
  {
    name: 'prototype-keys',
    about: '__proto__ as a key: an unknown key, no prototype pollution',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\n__proto__: { polluted: true }\n`);
      return { exit: 2, code: 'schema/additionalProperties', fragment: 'khóa "__proto__" không có trong mẫu', at: { file: 'truong.yaml', line: 8, column: 1 } };
    },
  },
  {
    name: 'huge-key',
    about: 'a key 100,000 characters long',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\n${'k'.repeat(100_000)}: 1\n`);
      return { exit: 2, code: 'yaml/key-over-1024-chars', fragment: 'khóa dài quá 1024 ký tự', at: { file: 'truong.yaml', line: 8, column: 1 } };
    },
  },
  {
    name: 'long-unknown-key',
    about: 'an unknown key 1,000 characters long: the message stays short',
    build: ({ school }) => {
      write(school, 'truong.yaml', `${PROFILE.join('\n')}\n${'khoa_'.repeat(200)}: 1\n`);
      return { exit: 2, code: 'schema/additionalProperties', fragment: 'không có trong mẫu', at: { file: 'truong.yaml', line: 8, column: 1 } };
    },
  },

  // Evidence paths (checked by src/evidence when present; warnings: the level is not affected)
  { name: 'evidence-absolute', about: 'tep: /etc/passwd', ...evidence('evidence/file-absolute', 'đường dẫn tuyệt đối', () => '/etc/passwd') },
  { name: 'evidence-windows-absolute', about: 'tep: C:\\Windows\\win.ini', ...evidence('evidence/file-absolute', 'đường dẫn tuyệt đối', () => 'C:\\Windows\\win.ini') },
  { name: 'evidence-url', about: 'tep: file:///etc/passwd', ...evidence('evidence/file-absolute', 'đường dẫn tuyệt đối', () => 'file:///etc/passwd') },
  { name: 'evidence-dotdot', about: 'tep: minh-chung/../../../../etc/passwd', ...evidence('evidence/file-outside', '".."', () => 'minh-chung/../../../../etc/passwd') },
  {
    name: 'evidence-symlink-file-out',
    about: 'tep names a symbolic link to /etc/passwd',
    ...evidence('evidence/file-symlink', 'liên kết tượng trưng', ({ school }) => {
      fs.mkdirSync(path.join(school, 'minh-chung'), { recursive: true });
      fs.symlinkSync('/etc/passwd', path.join(school, 'minh-chung', 'ke-hoach.pdf'));
      return 'minh-chung/ke-hoach.pdf';
    }),
  },
  {
    name: 'evidence-symlink-dir-out',
    about: 'tep goes through a symbolic link to /etc',
    ...evidence('evidence/file-symlink', 'liên kết tượng trưng', ({ school }) => {
      fs.mkdirSync(path.join(school, 'minh-chung'), { recursive: true });
      fs.symlinkSync('/etc', path.join(school, 'minh-chung', 'H1'));
      return 'minh-chung/H1/passwd';
    }),
  },
  {
    name: 'evidence-symlink-loop',
    about: 'tep goes through a symbolic link loop',
    ...evidence('evidence/file-symlink', 'lặp vòng', ({ school }) => {
      fs.mkdirSync(path.join(school, 'minh-chung'), { recursive: true });
      fs.symlinkSync('vong', path.join(school, 'minh-chung', 'vong'));
      return 'minh-chung/vong/x.pdf';
    }),
  },

  // Batch folders
  {
    name: 'batch-symlink-loops',
    about: 'loops and escapes among the batch folders (loop -> ., a -> b -> a, up -> .., root -> /): never followed',
    build: ({ root }) => {
      fs.symlinkSync('.', path.join(root, 'loop'));
      fs.symlinkSync('b', path.join(root, 'a'));
      fs.symlinkSync('a', path.join(root, 'b'));
      fs.symlinkSync('..', path.join(root, 'up'));
      fs.symlinkSync('/', path.join(root, 'root'));
      return { exit: 0, outcome: 'reached' };
    },
  },
  {
    name: 'batch-symlinked-school',
    about: 'a symbolic link to a school folder elsewhere: not followed, that school is not checked',
    build: ({ root, out }) => {
      const elsewhere = path.join(out, 'truong-ngoai');
      fs.mkdirSync(elsewhere);
      fs.writeFileSync(path.join(elsewhere, 'truong.yaml'), PROFILE.join('\n'));
      fs.symlinkSync(elsewhere, path.join(root, 'lien-ket'));
      return { exit: 0, outcome: 'reached' };
    },
  },
  {
    name: 'batch-deep-folders',
    about: 'folders 300 deep beside the schools: the search stops at its depth limit',
    build: ({ root }) => {
      let dir = path.join(root, 'sau');
      for (let i = 0; i < 300; i++) dir = path.join(dir, 'd');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'truong.yaml'), PROFILE.join('\n'));
      return { exit: 0, outcome: 'reached' };
    },
  },
  {
    name: 'input-symlink-loop',
    about: 'the path given on the command line is a symbolic link loop',
    build: ({ root }) => {
      fs.symlinkSync('vong', path.join(root, 'vong'));
      return { exit: 2, stderr: 'liên kết tượng trưng lặp vòng' };
    },
    argv: () => ['vong', GOOD],
  },

  // Reports
  {
    name: 'output-missing-folder',
    about: '--output into folders that do not exist yet: they are created, outside the batch',
    build: ({ out }) => ({ exit: 0, outcome: 'reached', reportFile: path.join(out, 'khong-co', 'bao-cao.json') }),
    argv: ({ out }) => ['.', '--format', 'json', '--output', path.join(out, 'khong-co', 'bao-cao.json')],
  },
  {
    name: 'output-is-a-folder',
    about: '--output names an existing folder',
    build: () => ({ exit: 2, stderr: 'không ghi được tệp' }),
    argv: ({ out }) => ['.', '--format', 'json', '--output', out],
  },
  {
    name: 'output-in-proc',
    about: '--output under /proc',
    build: () => ({ exit: 2, stderr: 'không ghi được tệp' }),
    argv: () => ['.', '--format', 'json', '--output', '/proc/chuan-bao-cao.json'],
  },
  {
    name: 'output-inside-input',
    about: '--output inside a school folder being checked',
    build: () => ({ exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' }),
    argv: () => ['.', '--format', 'json', '--output', `${HOSTILE}/bao-cao.json`],
  },
  {
    name: 'output-over-input-file',
    about: '--output is the school\'s own truong.yaml',
    build: () => ({ exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' }),
    argv: () => ['.', '--format', 'markdown', '--output', `${HOSTILE}/truong.yaml`],
  },
  {
    name: 'output-through-symlinked-folder',
    about: '--output in a folder outside that is a symbolic link into a school folder',
    build: ({ out, school }) => {
      fs.symlinkSync(school, path.join(out, 'loi-tat'));
      return { exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' };
    },
    argv: ({ out }) => ['.', '--format', 'json', '--output', path.join(out, 'loi-tat', 'bao-cao.json')],
  },
  {
    name: 'output-format-target-inside-input',
    about: '--format junit=<file inside a school folder>',
    build: () => ({ exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' }),
    argv: () => ['.', '--format', `junit=${GOOD}/junit.xml`],
  },
  {
    name: 'output-dir-inside-input',
    about: '--output-dir inside a school folder',
    build: () => ({ exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' }),
    argv: () => ['.', '--format', 'json', '--output-dir', `${HOSTILE}/bao-cao`],
  },
  {
    name: 'output-json-file-with-bombs',
    about: '--format json --output <file> (the streaming JSON writer) over a school with an alias bomb and deep nesting',
    build: ({ school, out }) => {
      write(school, 'tieu-chuan-3.yaml', billionLaughs());
      write(school, 'tieu-chuan-4.yaml', `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
      return { exit: 2, code: 'yaml/alias-limit', fragment: `tối đa ${MAX_ALIAS_COUNT}`, at: { file: 'tieu-chuan-3.yaml', line: 3, column: 10 }, reportFile: path.join(out, 'bao-cao.json') };
    },
    argv: ({ out }) => ['.', '--format', 'json', '--output', path.join(out, 'bao-cao.json')],
  },
  {
    name: 'output-symlink-to-input-file',
    about: '--output is a symbolic link to truong.yaml: refused (a link is written to its target), the input is not touched',
    build: ({ out, school }) => {
      fs.symlinkSync(path.join(school, 'truong.yaml'), path.join(out, 'bao-cao.md'));
      return { exit: 2, stderr: 'không ghi báo cáo vào trong thư mục trường' };
    },
    argv: ({ out }) => ['.', '--format', 'markdown', '--output', path.join(out, 'bao-cao.md')],
  },
];

function mkfifo(file: string): void {
  // Node has no mkfifo; the coreutils one is on every Linux and macOS machine.
  if (spawnSync('mkfifo', [file], { stdio: 'ignore' }).status !== 0) throw new Error(`mkfifo failed for ${file}`);
}
