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
