// The fast parse path against the reference parser (yaml), file by file: same data, same location for
// every node and key, and the reference path (hence the same diagnostics) for everything the fast path
// does not take. No timing here; the benchmark is `npm run bench`.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReference, parseYaml } from '../../src/load/yaml-file.js';
import { packageRoot } from '../../src/paths.js';
import { compareParsers } from './equivalence.js';
import { mutate, prng, randomDocument } from './mutate.js';

const examplesDir = path.join(packageRoot, 'examples');
const exampleFiles = fs
  .readdirSync(examplesDir)
  .filter((d) => fs.existsSync(path.join(examplesDir, d, 'truong.yaml')))
  .flatMap((d) => fs.readdirSync(path.join(examplesDir, d)).filter((f) => f.endsWith('.yaml')).map((f) => path.join(d, f)));

const parserOf = (text: string): string => {
  const result = parseYaml('f.yaml', text);
  return result.ok ? result.yaml.source.parser : 'error';
};

describe('fast path and reference parser agree on every example file', () => {
  it.each(exampleFiles)('%s', (file) => {
    const text = fs.readFileSync(path.join(examplesDir, file), 'utf8');
    const verdict = compareParsers(text, file);
    expect(verdict.problems).toEqual([]);
    // The one file with a duplicate key is rejected, by the fast path, with the reference path's diagnostics.
    expect(verdict.path).toBe(file === path.join('thcs-loi-du-lieu', 'tieu-chuan-5.yaml') ? 'duplicates' : 'fast');
  });
});

describe('plain scalars resolve as in yaml (YAML 1.2 core)', () => {
  const cases: [string, unknown][] = [
    ['2025-09-15', '2025-09-15'],
    ['2025-09-15T10:00:00Z', '2025-09-15T10:00:00Z'],
    ['yes', 'yes'],
    ['No', 'No'],
    ['on', 'on'],
    ['95,5', '95,5'],
    ['95%', '95%'],
    ['1_000', '1_000'],
    ['0b11', '0b11'],
    ['0o17', 15],
    ['0O17', '0O17'],
    ['0x1F', 31],
    ['-0x1F', '-0x1F'],
    ['007', 7],
    ['+12', 12],
    ['-0', -0],
    ['1e3', 1000],
    ['-1.5e+3', -1500],
    ['.5', 0.5],
    ['5.', 5],
    ['1.50', 1.5],
    ['-.nan', '-.nan'],
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    ['', null],
    ['true', true],
    ['False', false],
    ['TRUE', true],
    ['tRue', 'tRue'],
    ['9007199254740991', 9007199254740991],
    ['-9007199254740991', -9007199254740991],
    ['1.5e-300', 1.5e-300],
    ['12:30', '12:30'],
    ['Sở GD&ĐT', 'Sở GD&ĐT'],
  ];
  it.each(cases)('%j', (source, expected) => {
    const text = `a: ${source}\nb: [${source || '~'}]\n`;
    expect(parserOf(text)).toBe('fast');
    const fast = parseYaml('f.yaml', text);
    const reference = parseReference('f.yaml', text);
    if (!fast.ok || !reference.ok) throw new Error('parse');
    expect(Object.is((fast.yaml.value as { a: unknown }).a, expected)).toBe(true);
    expect(compareParsers(text).problems).toEqual([]);
  });
  it('quoted scalars stay strings', () => {
    expect(compareParsers(`a: "2025-09-15"\nb: '95,5'\nc: "true"\nd: 'it''s'\ne: ""\n`)).toEqual({ path: 'fast', problems: [] });
  });
});

describe('whatever the fast path does not reproduce goes to the reference parser, with identical diagnostics', () => {
  const cases: [string, string][] = [
    ['tab indentation', 'a:\n\tb: 1\n'],
    ['tab in a value', 'a: x\ty\n'],
    ['duplicate key in a flow map', 'a: { x: 1, x: 2 }\n'],
    ['anchor and alias', 'a: &x 1\nb: *x\n'],
    ['tag', 'a: !!str 1\n'],
    ['block scalar', 'a: |\n  text\n'],
    ['folded scalar', 'a: >-\n  text\n  more\n'],
    ['multi-line plain scalar', 'a: one\n  two\n'],
    ['multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['escape in double quotes', 'a: "x\\ty"\n'],
    ['multi-line flow', 'a: [1,\n  2]\n'],
    ['document start', '---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['document end', 'a: 1\n...\n'],
    ['directive', '%YAML 1.2\n---\na: 1\n'],
    ['explicit key', '? a\n: 1\n'],
    ['merge key', 'a: 1\n<<: { b: 2 }\n'],
    ['non-string key', '1: a\nnull: b\n'],
    ['comment at the end of the file', 'a: 1\n# end\n'],
    ['comment folded into a nested list', 'a:\n  - 1\n  # note\nb: 2\n'],
    ['empty value followed by a comment', 'a:\n  b:   # none yet\nc: 1\n'],
    ['stray CR', 'a: 1\rb: 2\n'],
    ['byte order mark', '\uFEFFa: 1\n'],
    ['control character', 'a: x\u0001y\n'],
    ['nested mapping on one line', 'a: b: c\n'],
    ['comment without a space', 'a: "x"#c\n'],
    ['reserved indicator', 'a: @x\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['root sequence', '- a\n- b\n'],
    ['root scalar', 'just text\n'],
    ['empty file', ''],
    ['comments only', '# nothing\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(parserOf(text)).not.toBe('fast');
    expect(compareParsers(text)).toEqual({ path: 'fallback', problems: [] });
  });
  it('nesting deeper than the fast path takes', () => {
    const deep = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(parserOf(deep)).toBe('reference');
    expect(compareParsers(deep).problems).toEqual([]);
  });
});

describe('numbers that cannot exist: refused where they are written, with the same diagnostic on both paths', () => {
  // ±infinity and NaN as YAML spells them, numbers too large for a double, integers past 2^53 - 1.
  const cases: [string, string][] = [
    ['.inf', 'vô cực'],
    ['-.Inf', 'vô cực'],
    ['+.INF', 'vô cực'],
    ['.nan', 'không phải là số'],
    ['.NaN', 'không phải là số'],
    ['1e309', 'YAML đọc thành vô cực'],
    ['-1.5e400', 'YAML đọc thành vô cực'],
    ['9'.repeat(400), 'YAML đọc thành vô cực'],
    ['9007199254740992', 'tính chính xác'],
    ['9007199254740993', 'tính chính xác'],
    ['-9007199254740993', 'tính chính xác'],
    ['12345678901234567890', 'tính chính xác'],
    ['1e16', 'tính chính xác'],
    ['0x20000000000001', 'tính chính xác'],
    ['0o400000000000000001', 'tính chính xác'],
  ];
  it.each(cases)('%s', (source, words) => {
    for (const text of [`a: 1\nb: ${source}\n`, `a: 1\nb: [1, ${source}]\n`, `a: 1\nb:\n  - x: ${source}  # note\n`]) {
      expect(compareParsers(text)).toEqual({ path: 'fallback', problems: [] });
      const result = parseYaml('f.yaml', text);
      if (result.ok) throw new Error(`accepted: ${text}`);
      expect(result.diagnostics).toHaveLength(1);
      const [d] = result.diagnostics;
      expect(d!.code).toBe('yaml/impossible-number');
      const at = text.lastIndexOf(source);
      const before = text.slice(0, at).split('\n');
      expect(d!.location).toEqual({ file: 'f.yaml', line: before.length, column: before.at(-1)!.length + 1 });
      expect(d!.message.vi).toContain(words);
      // What was typed is quoted (shortened past 40 characters), never the value JavaScript made of it.
      expect(d!.message.vi).toContain(`"${source.length > 40 ? `${source.slice(0, 40)}…` : source}"`);
      expect(d!.message.vi).not.toMatch(/Infinity|\bnull\b/);
    }
  });
  it('a tagged number is checked too, and every bad number of a file is reported', () => {
    const result = parseYaml('f.yaml', 'a: !!float 1e309\nb: .nan\nc: 5\n');
    expect(result.ok ? [] : result.diagnostics.map((d) => [d.code, d.location?.line])).toEqual([['yaml/impossible-number', 1], ['yaml/impossible-number', 2]]);
  });
  it('a quoted number is text, left to the schema', () => {
    expect(compareParsers('a: "1e309"\nb: ".nan"\n')).toEqual({ path: 'fast', problems: [] });
  });
});

describe('duplicate keys of block mappings: read through by the fast path, reported as by the reference path', () => {
  const many = Array.from({ length: 60 }, (_, i) => `k${i % 3}: ${i}`).join('\n') + '\n';
  const cases: [string, string][] = [
    ['at the root', 'a: 1\nb: 2\na: 3\n'],
    ['three times, with a nested value', 'a:\n  x: 1\nb: 2\na: [1]\na:\n'],
    ['in a nested mapping', 'a:\n  x: 1\n  y: 2\n  x: 3\nb: 4\n'],
    ['in mappings inside a list', 'ds:\n  - ma: A\n    ma: B\n  - ma: C\n    ten: D\n    ten: E\n'],
    ['quoted and plain spellings of one key', 'ma: 1\n"ma": 2\n\'ma\': 3\n'],
    ['the same key in two mappings is no repetition, a repetition beside it is', 'a:\n  k: 1\nb:\n  k: 2\n  k: 3\n'],
    ['a key longer than the message shows', `${'k'.repeat(80)}: 1\n${'k'.repeat(80)}: 2\n`],
    ['CRLF line endings and comments', '# head\r\na: 1  # one\r\n\r\na: 2\r\n'],
    ['more repetitions than a file reports', many],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(compareParsers(text)).toEqual({ path: 'duplicates', problems: [] });
  });
  it('only yaml/duplicate-key, one per repetition, at the repeated key', () => {
    const result = parseYaml('f.yaml', 'a:\n  x: 1\n  "x": 3\nb: 4\nb: 5\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column, d.message.vi])).toEqual([
      ['yaml/duplicate-key', 3, 3, 'khóa "x" bị lặp lại trong cùng một mục; xóa dòng thừa hoặc gộp hai dòng làm một'],
      ['yaml/duplicate-key', 5, 1, 'khóa "b" bị lặp lại trong cùng một mục; xóa dòng thừa hoặc gộp hai dòng làm một'],
    ]);
  });
  it.each([
    ['a construct the fast path does not take', 'a: 1\na: 2\nb: |\n  text\n'],
    ['a syntax error', 'a: 1\na: 2\nb:\n    c: 1\n  d: 2\n'],
  ])('with %s elsewhere, the file goes to the reference parser', (_name, text) => {
    expect(compareParsers(text)).toEqual({ path: 'fallback', problems: [] });
  });
});

describe('layouts the fast path takes, located exactly as yaml does', () => {
  const cases: [string, string][] = [
    ['CRLF line endings', 'a: 1\r\nb:\r\n  c: [x, y]  # c\r\n  d: "q"\r\n'],
    ['list at the key’s indentation', 'a:\n- x\n- { k: v }\nb: 2\n'],
    ['maps in a list', 'a:\n  - k: 1\n    j: 2\n\n  # between items\n  - k: 3\n'],
    ['comments and blank lines between sections', '# head\n\na: 1   # one\n\n# section\nb:\n  c: 2\n\n\nd: 3\n'],
    ['empty values', 'a:\nb:\n  c:\n  d: 1\ne:\n'],
    ['no final newline', 'a:\n  b: [1, 2]'],
    ['flow collections', 'a: { x: [1, { y: "z" }], w: [] , v: {} }\nb: [a b, "c, d", \'e\', ]\n'],
    ['keys with spaces and quotes', '"a b": 1\n\'c\': 2\nd e: 3\n'],
    ['plain scalars with indicators inside', 'a: x: y-z#w\nb: -5\nc: a [b] {c}, d\n'.replace('x: y', 'x:y')],
    ['unicode', 'tên: Trường Tiểu học 😀 Mai Sao\nb: "Hồ sơ: a, b"\n'],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(compareParsers(text)).toEqual({ path: 'fast', problems: [] });
  });
});

describe('seeded random documents and mutated example files', () => {
  it('random block-style documents: whenever the fast path takes one, yaml gives the same data and ranges', () => {
    const random = prng(20261123);
    let fast = 0;
    for (let i = 0; i < 600; i++) {
      const verdict = compareParsers(randomDocument(random));
      expect(verdict.problems).toEqual([]);
      if (verdict.path === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(100);
  }, 60_000);
  it('example files with one to three random edits', () => {
    const random = prng(7);
    const texts = exampleFiles.map((f) => fs.readFileSync(path.join(examplesDir, f), 'utf8'));
    const paths = { fast: 0, duplicates: 0, fallback: 0 };
    for (let i = 0; i < 300; i++) {
      let text = texts[Math.floor(random() * texts.length)]!;
      for (let k = 1 + Math.floor(random() * 3); k > 0; k--) text = mutate(text, random);
      const verdict = compareParsers(text);
      expect(verdict.problems).toEqual([]);
      paths[verdict.path]++;
    }
    expect(paths.fast).toBeGreaterThan(60);
    // Duplicated lines make repeated keys: the fast path's own diagnostics are compared too.
    expect(paths.duplicates).toBeGreaterThan(10);
  }, 60_000);
});
