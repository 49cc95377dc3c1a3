// Generators for the property tests: random YAML-like text, mutations of the bundled example schools,
// and hostile strings for every field that reaches a report.
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Runs per property: CHUAN_PROPERTY_RUNS (default 1000, as in CI); a larger local run is documented in docs/security.md. */
export const RUNS = Number(process.env['CHUAN_PROPERTY_RUNS'] ?? 1000);
/** CHUAN_PROPERTY_SEED replays a failing run (fast-check prints the seed and path of every failure). */
export const SEED = process.env['CHUAN_PROPERTY_SEED'] !== undefined ? Number(process.env['CHUAN_PROPERTY_SEED']) : undefined;
export const fcOptions = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };
/** vitest's per-test timeout for a property: about 30 ms a run (a run takes 5–20 ms), at least a minute. */
export const PROPERTY_TIMEOUT_MS = Math.max(60_000, RUNS * 30);

const KEYS = [
  'ten_truong', 'ma_truong', 'cap_hoc', 'tinh', 'xa', 'khu_vuc', 'nam_hoc', 'muc_tieu', 'so_lop', 'so_hoc_sinh', 'hai_buoi_ngay',
  'lich_su_cong_nhan', 'muc', 'ngay_ky', 'so_quyet_dinh', 'tieu_chuan', 'giao_vien', 'tong_so', 'dat_chuan_trinh_do', 'can_bo_quan_ly',
  'chuc_vu', 'ho_ten', 'minh_chung', 'ma', 'ten', 'tep', 'tieu_chi', 'ho_so', 'loai', 'ngay', 'to_chuyen_mon', 'phong_hoc',
  '__proto__', 'constructor', 'toString', 'a', 'b', '1', '',
];

/** Values people write, and values that trip parsers. */
const SCALARS = [
  '0', '-1', '26', '95,5', '95%', '1.234', '1.234.567', '1e400', '-0', '0x1F', '0o17', '.inf', '-.inf', '.nan', '9007199254740993',
  '15/09/2025', '2025-09-15', '2025-13-45', '2025-2026', '2026-2025', 'true', 'false', 'yes', 'no', 'null', '~', '',
  'mam_non', 'tieu_hoc', 'thcs', 'thpt', 'nhieu_cap', 'dai_hoc', 'toi_thieu', 'muc_do_1', 'muc_do_2', 'muc_do_3', 'dat_chuan',
  'nong_thon', 'thanh_thi', '"[H1.01.01.01]"', "'[H2.02.01.01]'", '"C:\\\\Windows"', "'../../etc/passwd'", '/etc/passwd',
  'Trường Tiểu học Mai Sao', 'Trường'.normalize('NFD'), 'Nguyễn Thị Lan', '"|<script>`x`]]>%0A"', '"\\u0000\\ud800\\x1b[31m"',
];

const SYNTAX = [
  ':', ': ', '- ', '-', '\n', '\n  ', '\n    ', '\n      ', '\t', ' ', '  ', '[', ']', '{', '}', ', ', ',', '&a ', '*a', '&b ', '*b',
  '!!str ', '!!int ', '!!binary ', '!x ', '? ', '| ', '|-\n  ', '> ', '#', ' # ', '---\n', '...\n', '%YAML 1.2\n', '"', "'", '\\', '\r\n',
  '\r', '\ufeff', '\u0000', '\u2028', '\u0085', '<<: *a', '@', '`', '%', '\u00a0',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SCALARS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, { weight: 4, arbitrary: fc.constantFrom(...SYNTAX) }, { weight: 3, arbitrary: text });

/** Text that looks more or less like YAML: tokens, whole random documents, or deep brackets. */
export const randomYaml: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(token, { maxLength: 150 }).map((ts) => ts.join('')) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((v) => stringify(v)) },
  { weight: 2, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(text, fc.array(fc.dictionary(fc.constantFrom(...KEYS), text, { maxKeys: 4 }), { maxLength: 4 })), { maxKeys: 10 }).map((v) => stringify(v)) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 2000 }), fc.constantFrom('[', '{a: ', '- ', '  a:\n')).map(([n, open]) => open.repeat(n)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
);

export type Mutation =
  | { kind: 'delete-line' | 'duplicate-line' | 'indent' | 'dedent' | 'tab-indent'; line: number }
  | { kind: 'swap-lines'; line: number; other: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace-value'; line: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'nfd' | 'crlf' | 'bom' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete-line', 'duplicate-line', 'indent', 'dedent', 'tab-indent'), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines'), line: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), text: token }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace-value'), line: fc.nat(), text }) },
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constantFrom('nfd', 'crlf', 'bom') }),
) as fc.Arbitrary<Mutation>;

/** Applies mutations to a file's text; positions are taken modulo the text's size. */
export function mutate(source: string, mutations: Mutation[]): string {
  let text = source;
  for (const m of mutations) {
    const lines = text.split('\n');
    const at = (n: number): number => (lines.length === 0 ? 0 : n % lines.length);
    switch (m.kind) {
      case 'delete-line':
        lines.splice(at(m.line), 1);
        break;
      case 'duplicate-line':
        lines.splice(at(m.line), 0, lines[at(m.line)] ?? '');
        break;
      case 'indent':
        lines[at(m.line)] = `  ${lines[at(m.line)] ?? ''}`;
        break;
      case 'dedent':
        lines[at(m.line)] = (lines[at(m.line)] ?? '').replace(/^ {1,2}/, '');
        break;
      case 'tab-indent':
        lines[at(m.line)] = `\t${lines[at(m.line)] ?? ''}`;
        break;
      case 'swap-lines': {
        const [i, j] = [at(m.line), at(m.other)];
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      }
      case 'replace-value': {
        const i = at(m.line);
        lines[i] = (lines[i] ?? '').replace(/(:\s+|-\s+)([^#\n]*)/, (_all, sep: string) => `${sep}${m.text}`);
        break;
      }
      case 'insert': {
        const offset = text.length === 0 ? 0 : m.at % (text.length + 1);
        text = text.slice(0, offset) + m.text + text.slice(offset);
        continue;
      }
      case 'truncate':
        text = text.slice(0, text.length === 0 ? 0 : m.at % text.length);
        continue;
      case 'nfd':
        text = text.normalize('NFD');
        continue;
      case 'crlf':
        text = text.replace(/\r?\n/g, '\r\n');
        continue;
      case 'bom':
        text = `\ufeff${text}`;
        continue;
    }
    text = lines.join('\n');
  }
  return text;
}

/** Strings that have broken reports: Markdown, HTML, XML, workflow commands, control characters, lone surrogates. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom('|', '<', '>', '&', '`', '*', '_', '[', ']', '(', ')', '!', '#', '-', '\\', '%', '0', 'A', 'D', ':', ',', '"', "'", '\n', '\r', '\t', '\u001b', '\u0000', '\u2028', '\u0085', '\ud800', '\udfff', 'ư', 'ờ', ' ', ']]>', '%0A', '<script>', '::error::'), maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

/** A change to the data itself (the YAML stays valid): one value replaced by one of the same kind or any value, or removed. */
export interface ValueEdit {
  pick: number;
  kind: 'same-kind' | 'any' | 'remove';
  n: number;
  value: unknown;
}

const edgeValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 1, -1, 2, 0.5, 95.5, 100, 101, 1e9, 2 ** 53, '', 'x', true, false, null, [], {}, '2025-09-15', '1900-01-01', '2100-12-31', '2025-02-30', '2025-2026', '2030-2031', 'dat_chuan', 'muc_do_1', 'muc_do_2', 'toi_thieu') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2000 }) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 3 }) },
);

export const valueEdit: fc.Arbitrary<ValueEdit> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('same-kind', 'same-kind', 'same-kind', 'any', 'remove'),
  n: fc.nat({ max: 100_000 }),
  value: edgeValue,
});

/** A value of the same kind as `old`: a count near the thresholds (often 0), a flipped flag, a shorter list, a nearby date. */
function sameKind(old: unknown, n: number): unknown {
  if (typeof old === 'number') return n % 4 === 0 ? 0 : Number.isInteger(old) ? n % 200 : (n % 10_000) / 100;
  if (typeof old === 'boolean') return !old;
  if (Array.isArray(old)) return old.slice(0, n % (old.length + 1));
  if (typeof old === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(old)) return `${2015 + (n % 15)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  return old;
}

/** Applies value edits to a parsed document (a copy); each edit picks one of all the document's slots. */
export function editValues(doc: unknown, edits: ValueEdit[]): unknown {
  const copy = structuredClone(doc);
  for (const edit of edits) {
    const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach((v, i) => (slots.push({ parent: node, key: i }), walk(v)));
      else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) (slots.push({ parent: node as Record<string, unknown>, key: k }), walk(v));
    };
    walk(copy);
    if (slots.length === 0) continue;
    const { parent, key } = slots[edit.pick % slots.length]!;
    const target = parent as Record<string | number, unknown>;
    if (edit.kind === 'remove' && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (edit.kind === 'remove') delete target[key];
    else target[key] = edit.kind === 'same-kind' ? sameKind(target[key], edit.n) : structuredClone(edit.value);
  }
  return copy;
}
