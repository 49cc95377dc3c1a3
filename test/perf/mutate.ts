// Seeded text mutations of YAML files for the parser equivalence tests: each one is a small edit a
// person could make (or get wrong) in a school file, plus the YAML features the fast path must leave
// to the reference parser.

export { prng } from '../../bench/random.js';

const TOKENS = [
  ' ', '  ', '\n', '#', ' # ghi chú', ':', ': ', '- ', '-', '"', "'", '[', ']', '{', '}', ',', ', ', '&a ', '*a', '!', '!!str ', '|', '>', '?', '? ',
  '@', '`', '%', '\t', '\r\n', '\r', '~', 'null', 'Null', 'yes', 'No', 'on', 'true', 'False', '0o17', '0x1F', '0b11', '.inf', '-.Inf', '.NaN', '1e3',
  '1_000', '95,5', '95%', '2025-09-15', '15/09/2025', '+12', '-0', '0.', '.5', '1.50', '007', '---', '...', '\\', '\\n', '\\"', '\uFEFF', '\u2028',
  '\u0085', 'é', 'Hưng Yên', '😀', '  # c\n', '\n# c\n', '\n  # c\n', '\n    # c\n', '\n\n', '<<: ', '__proto__: ', '"a": 1', "'b': 2", 'x: y',
];

const VALUES = [
  '~', 'null', '', 'yes', 'true', 'TRUE', 'tRue', '0o17', '0O17', '0x1f', '-0x1f', '+0o7', '.inf', '+.inf', '-.INF', '.nan', '-.nan', '1e3', '1E-2', '-1.5e+3',
  '1_000', '95,5', '95.5', '.5', '5.', '+5', '-0', '00', '0.0', '1.0', '2025-09-15', '2025-09-15T10:00:00Z', '12:30', '"quoted"', "'it''s'", '"esc \\u00e9 \\t"',
  '[a, b]', '[]', '{}', '{ a: 1 }', '[1, [2, 3]]', '"x" # c', 'a # c', 'a#b', 'Sở GD&ĐT', '&x 1', '*x', '!!str 1', '|\n  block\n', '>-\n  folded\n  text\n',
  'multi\n  line', '"multi\n  line"', '[a,\n  b]', '- a', 'b: c', '"a: b"', '@x', '`x`', '%x', 'x\ty', '12345678901234567890', '0x', '1__0',
];

export function mutate(text: string, random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lines = text.split('\n');
  const at = Math.floor(random() * (text.length + 1));
  const line = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 8)) {
    case 0:
      return text.slice(0, at) + pick(TOKENS) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 5));
    case 2:
      lines.splice(line, 0, lines[line]!);
      return lines.join('\n');
    case 3:
      lines.splice(line, 1);
      return lines.join('\n');
    case 4: {
      const shift = pick([-2, -1, 1, 2, 4]);
      lines[line] = shift > 0 ? ' '.repeat(shift) + lines[line] : lines[line]!.slice(-shift);
      return lines.join('\n');
    }
    case 5: {
      const m = /^(\s*(?:- )?[^\s:#][^:#]*?:) (.*)$/.exec(lines[line]!);
      if (!m) return text;
      lines[line] = `${m[1]} ${pick(VALUES)}`;
      return lines.join('\n');
    }
    case 6:
      return pick([`${text}# cuối tệp\n`, `${text}  # c\n`, `${text}\n\n`, text.replace(/\n+$/, ''), `${text}    # sâu\n`, text.replaceAll('\n', '\r\n')]);
    default: {
      const comment = pick(['# ghi chú', '  # ghi chú', '    # ghi chú', '      # ghi chú', '', '   ']);
      lines.splice(line, 0, comment);
      return lines.join('\n');
    }
  }
}

const NORMAL_KEYS = ['ten', 'so_lop', 'ho_ten', 'ngay', 'minh_chung', 'tong_so', 'si_so', 'loai', 'ma', 'tieu_chi', 'a', 'b', 'c', 'd'];
const ODD_KEYS = ['x y', '"quoted key"', "'single'", '"a: b"', '-x', 'a:b', 'é', '1', 'null', 'true', '~', '0x1F', 'k#1', 'a #b', '"x"  ', '__proto__', '<<', '...', '?x', 'key   ', 'constructor'];
const NORMAL_SCALARS = ['Trường Tiểu học Mai Sao', 'Nguyễn Thị Lan', 'kha', 'true', 'false', '12', '0', '34', '2025-09-15', '"[H1.01.01.13]"', 'Tổ 2 – 3', '"Hồ sơ: a, b"', '2025-2026', 'muc_do_1', '4250'];
const ODD_SCALARS = [
  ...VALUES.filter((v) => !v.includes('\n')), 'Trường Tiểu học Mai Sao', 'Nguyễn Thị Lan, Hiệu trưởng', '12/QĐ-UBND', '[H2-2.1-03]', '"[H2-2.1-03]"', "'a'", 'a, b', 'a [b]', 'x}',
  '"a#b"', 'a#b', '"', "'", '"it\'s"', "'say \"hi\"'", '12:30:00', '-', '- x', '-5', '-x', '? x', ': x', '%', '@x', 'a  b  ', '"a"b', "'a''b'''", '""', "''",
];

/** A random document in (mostly) the block style of school files, with comments and blank lines in random places. */
export function randomDocument(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const odd = random() * 0.3;
  const pickKey = (): string => (random() < odd ? pick(ODD_KEYS) : pick(NORMAL_KEYS));
  const pickScalar = (): string => (random() < odd ? pick(ODD_SCALARS) : pick(NORMAL_SCALARS));
  const lines: string[] = [];
  const extras = (indent: number): void => {
    while (random() < 0.12) lines.push(random() < 0.6 ? pick(['', '  ', '']) : `${' '.repeat(pick([0, 0, indent, indent + 2, Math.max(0, indent - 2), 1]))}# ${pick(['ghi chú', 'x', ''])}`);
  };
  const flow = (depth: number): string => {
    if (depth > 2 || random() < 0.5) return pickScalar();
    if (random() < 0.5) return `[${Array.from({ length: Math.floor(random() * 4) }, () => flow(depth + 1)).join(pick([', ', ',', ' , ']))}${random() < 0.1 ? ', ' : ''}]`;
    return `{${pick([' ', ''])}${Array.from({ length: Math.floor(random() * 4) }, (_, i) => `${pickKey()}${random() < odd ? '' : `_${i}`}: ${flow(depth + 1)}`).join(', ')}${pick([' ', ''])}}`;
  };
  const inline = (): string => `${flow(0)}${random() < 0.2 ? pick(['  # c', ' #c', '   ', random() < odd ? '#c' : ' # c']) : ''}`;
  const map = (indent: number, depth: number, firstPrefix: string | null): void => {
    const n = 1 + Math.floor(random() * 4);
    const used = new Set<string>();
    for (let i = 0; i < n; i++) {
      const pad = i === 0 && firstPrefix !== null ? firstPrefix : ' '.repeat(indent);
      let key = pickKey();
      while (used.has(key) && random() > odd) key = `${pickKey()}_${i}`;
      used.add(key);
      const roll = random();
      if (depth < 4 && roll < 0.25) {
        lines.push(`${pad}${key}:${random() < 0.2 ? '  # c' : ''}`);
        extras(indent);
        map(indent + (random() < odd ? pick([1, 3, 4]) : 2), depth + 1, null);
      } else if (depth < 4 && roll < 0.45) {
        lines.push(`${pad}${key}:`);
        extras(indent);
        seq(indent + pick([0, 2, 2, 4]), depth + 1);
      } else if (roll < 0.5) {
        lines.push(`${pad}${key}:${pick(['', ' ', '  # c', ' #c'])}`);
      } else {
        lines.push(`${pad}${key}: ${inline()}`);
      }
      extras(indent);
    }
  };
  const seq = (indent: number, depth: number): void => {
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) {
      const pad = ' '.repeat(indent);
      if (depth < 4 && random() < 0.35) map(indent + 2, depth + 1, `${pad}- `);
      else lines.push(`${pad}-${pick([' ', '  ', ' '])}${inline()}`);
      extras(indent);
    }
  };
  extras(0);
  map(0, 0, null);
  const text = lines.join('\n') + pick(['\n', '\n', '', '\n\n', '\n# end\n']);
  return random() < 0.15 ? text.replaceAll('\n', '\r\n') : text;
}
