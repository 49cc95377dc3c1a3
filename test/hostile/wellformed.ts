// Structural checks of every output format, shared by the hostile corpus and the property tests.
// Each function throws (through expect) with the offending text when the output is not well formed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { packageRoot } from '../../src/paths.js';

const require = createRequire(import.meta.url);

let reportValidator: ValidateFunction | null | undefined;
let sarifValidator: ReturnType<Ajv['compile']> | undefined;

/** schemas/report.schema.json when it exists (null otherwise). */
function reportSchema(): ValidateFunction | null {
  if (reportValidator !== undefined) return reportValidator;
  const file = path.join(packageRoot, 'schemas', 'report.schema.json');
  if (!fs.existsSync(file)) return (reportValidator = null);
  const ajv = new Ajv2020({ allErrors: true, strict: false, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  return (reportValidator = ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')) as object));
}

/** The SARIF 2.1.0 schema from @microsoft/jest-sarif, loaded as in test/report/sarif.test.ts. */
function sarifSchema(): ReturnType<Ajv['compile']> {
  if (sarifValidator) return sarifValidator;
  const file = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const { $schema: _draft04, id, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as { $schema: string; id: string };
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return (sarifValidator = ajv.compile({ $id: id, ...rest }));
}

export function expectJsonReport(text: string): unknown {
  const parsed = JSON.parse(text) as unknown;
  const validate = reportSchema();
  if (validate) expect(validate(parsed), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  return parsed;
}

export function expectJunit(xml: string): void {
  expect(XMLValidator.validate(xml), xml.slice(0, 2000)).toBe(true);
  expect(xml.match(/<testsuites[\s>]/g)).toHaveLength(1);
}

export function expectSarif(text: string): void {
  const validate = sarifSchema();
  expect(validate(JSON.parse(text)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
}

/** Number of cells of a Markdown table row: pipes not escaped by an odd run of backslashes separate cells. */
export function cellCount(row: string): number {
  const text = row.trim();
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '|') continue;
    let slashes = 0;
    while (i - slashes - 1 >= 0 && text[i - slashes - 1] === '\\') slashes++;
    if (slashes % 2 === 0) pipes.push(i);
  }
  let cells = pipes.length + 1;
  if (pipes[0] === 0) cells--;
  if (pipes.length > 0 && pipes[pipes.length - 1] === text.length - 1 && text.length > 1) cells--;
  return cells;
}

const DELIMITER = /^\|?(\s*:?-+:?\s*\|)+\s*(:?-+:?\s*)?$/;

/**
 * Every Markdown table keeps the column count of its header on every row, and no table row is cut by a
 * line break (the next line would not start with "|"). Returns the number of tables seen.
 */
export function expectMarkdownTables(md: string): number {
  const lines = md.split('\n');
  let tables = 0;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    if (!line.startsWith('|') || !DELIMITER.test(lines[i + 1] ?? '')) continue;
    tables++;
    const columns = cellCount(line);
    expect(cellCount(lines[i + 1]!), `delimiter row of\n${line}`).toBe(columns);
    let j = i + 2;
    for (; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cellCount(lines[j]!), `row ${j + 1} of the table at line ${i + 1}:\n${line}\n${lines[j]}`).toBe(columns);
    // A table ends with a blank line (or the end): text right after the last row would be a row cut in two.
    if (j < lines.length) expect(lines[j], `line ${j + 1} right after the table at line ${i + 1}`).toBe('');
    i = j - 1;
  }
  return tables;
}

/**
 * The text of one line outside its code spans (CommonMark: a run of n backticks opens a span that the next
 * run of exactly n backticks closes; an unmatched run is literal text).
 */
export function outsideCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    let n = 0;
    while (line[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let close = line.indexOf(fence, i + n);
    while (close >= 0 && (line[close + n] === '`' || line[close - 1] === '`')) {
      let end = close;
      while (line[end] === '`') end++;
      close = line.indexOf(fence, end);
    }
    if (close < 0) {
      out += fence;
      i += n;
    } else {
      i = close + n;
    }
  }
  return out;
}

/** No raw HTML from data: the only tags a Markdown report may hold are none at all. */
export function expectNoHtml(md: string): void {
  for (const line of md.split('\n')) expect(outsideCodeSpans(line), 'raw HTML tag in Markdown').not.toMatch(/<\/?[A-Za-z!?][^>]*>/);
}

/**
 * GitHub workflow commands: every line is a command (or the closing totals line), and the properties
 * of a command hold no unescaped ":" or "," that would end a property early.
 */
export function expectGithub(text: string): void {
  const lines = text.replace(/\n$/, '').split('\n');
  const last = lines.pop()!;
  expect(last).toMatch(/^chuan: /);
  for (const line of lines) {
    const m = /^::(error|warning|notice|group|endgroup)(?: ([^:]*))?::/.exec(line);
    expect(m, `not a workflow command: ${line.slice(0, 200)}`).not.toBeNull();
    if (m?.[2]) expect(m[2], line).toMatch(/^[A-Za-z]+=[^,:]*(,[A-Za-z]+=[^,:]*)*$/);
    expect(line).not.toMatch(/\r/);
  }
}

/** Plain text for a terminal: no control character (escape sequences) except the line breaks. */
export function expectPlainText(text: string): void {
  const bad = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.exec(text);
  expect(bad ? `control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}: ${JSON.stringify(text.slice(Math.max(0, bad.index - 60), bad.index + 20))}` : null).toBeNull();
}

/** Runs the check matching the format's name on its output. */
export function expectWellFormed(format: string, text: string): void {
  switch (format) {
    case 'json':
      expectJsonReport(text);
      break;
    case 'junit':
      expectJunit(text);
      break;
    case 'sarif':
      expectSarif(text);
      break;
    case 'markdown':
      expectMarkdownTables(text);
      expectNoHtml(text);
      break;
    case 'github':
      expectGithub(text);
      break;
    case 'stylish':
      expectPlainText(text);
      break;
    default:
      throw new Error(`no well-formedness check for format ${format}`);
  }
}
