import type { Document, LineCounter, Node, ScalarTag, Tags } from 'yaml';
import type { Diagnostic, SourceLocation, YamlPath } from '../types.js';
import { isPossibleNumber } from './fast-scalars.js';
import type { PosNode } from './fast-scan.js';
import { fastRange, LineIndex, parseFast } from './fast-yaml.js';
import { findExcessiveNesting } from './nesting.js';
import { yamlLib } from './yaml-lib.js';
import { capDiagnostics, duplicateKeyDiagnostic, duplicateKeyDiagnostics, firstAliasLocation, tooDeepDiagnostic } from './yaml-limits.js';
import { findIndentMistake, indentDiagnostic } from './yaml-indent.js';
import { impossibleNumberText, yamlErrorText } from './yaml-messages.js';

/** Anchors may be reused this many times at most: enough for real files, a wall against "billion laughs". */
export const MAX_ALIAS_COUNT = 100;

export interface YamlFile {
  file: string;
  value: unknown;
  /** Where nodes are: yaml's document on the reference path, the fast reader's ranges on the fast path. */
  source: YamlSource;
  /** Number of values (mappings, sequences, scalars), when the parser counted them. */
  values?: number;
  /** The decoded text the file was read from (what was typed, for messages that quote it: see sourceText). */
  text: string;
}

/** How a file's positions are found; both kinds give the same line:column for the same path. */
export type YamlSource =
  | { parser: 'reference'; doc: Document.Parsed; lineCounter: LineCounter }
  | { parser: 'fast'; root: PosNode; lines: LineIndex };

export type ParseResult = { ok: true; yaml: YamlFile } | { ok: false; diagnostics: Diagnostic[] };

/**
 * `fast` (default): the one-pass reader of fast-scan.ts, falling back to the reference path for any file
 * it cannot reproduce exactly; `reference`: yaml's parseDocument only.
 */
export type YamlParser = 'fast' | 'reference';

/** `plain`: decodeText found only plain characters (the fast reader then need not look for the others). */
export function parseYaml(file: string, text: string, parser: YamlParser = 'fast', plain = false): ParseResult {
  if (parser === 'fast') {
    const fast = parseFast(text, plain);
    if (fast) {
      const lines = new LineIndex(text);
      // Repeated keys of block mappings are on lines of their own: dedupeByLine would drop none of them.
      if (fast.duplicates.length > 0) return { ok: false, diagnostics: capDiagnostics(fast.duplicates.map((d) => duplicateKeyDiagnostic(file, d.key, lines.linePos(d.at)))) };
      return { ok: true, yaml: { file, value: fast.value, source: { parser: 'fast', root: fast.root, lines }, values: fast.values, text } };
    }
  }
  return parseReference(file, text);
}

/** Starts the message of the error a number tag reports for a number that cannot exist; the source text follows. */
const IMPOSSIBLE_NUMBER = 'chuan:impossible-number:';

/**
 * yaml's int and float tags, reporting a number that cannot be a quantity (±infinity, NaN, beyond 2^53 - 1)
 * as an error at the scalar, with the text as written. The fast path leaves such files to this one.
 */
function guardNumbers(tags: Tags): Tags {
  const { isScalar } = yamlLib();
  return tags.map((tag) => {
    if (typeof tag === 'string' || !('resolve' in tag) || (tag.tag !== 'tag:yaml.org,2002:int' && tag.tag !== 'tag:yaml.org,2002:float')) return tag;
    const scalar = tag as ScalarTag;
    return {
      ...scalar,
      resolve(source, onError, options) {
        const value = scalar.resolve(source, onError, options);
        const number = isScalar(value) ? value.value : value;
        if (typeof number === 'number' && !isPossibleNumber(number)) onError(`${IMPOSSIBLE_NUMBER}${source}`);
        return value;
      },
    } satisfies ScalarTag;
  });
}

/** The reference parser: yaml's parseDocument with a LineCounter; every YAML error is located here. */
export function parseReference(file: string, text: string): ParseResult {
  // Refused before parsing: yaml composes nested collections recursively.
  const deep = findExcessiveNesting(text);
  if (deep) return { ok: false, diagnostics: [tooDeepDiagnostic(file, text, deep)] };
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // uniqueKeys is quadratic in yaml; duplicateKeyDiagnostics does the same check in linear time.
    // logLevel error: a collection used as a key is left to the schema (an unknown key), not printed as a process warning.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, version: '1.2', schema: 'core', customTags: guardNumbers, strict: true, logLevel: 'error' });
  } catch (error) {
    return { ok: false, diagnostics: [internalParseFailure(file, error)] };
  }
  const duplicates = duplicateKeyDiagnostics(file, doc, lineCounter);
  if (doc.errors.length > 0 || duplicates.length > 0) {
    const lines = text.split('\n');
    const diagnostics = doc.errors.map((error): Diagnostic => {
      const start = lineCounter.linePos(error.pos[0]);
      if (error.code === 'RESOURCE_EXHAUSTION') return { ...tooDeepDiagnostic(file, text, null), location: { file, line: start.line, column: start.col } };
      if (error.code === 'TAG_RESOLVE_FAILED' && error.message.startsWith(IMPOSSIBLE_NUMBER)) {
        return { code: 'yaml/impossible-number', severity: 'error', message: impossibleNumberText(error.message.slice(IMPOSSIBLE_NUMBER.length)), location: { file, line: start.line, column: start.col } };
      }
      return {
        code: `yaml/${error.code.toLowerCase().replaceAll('_', '-')}`,
        severity: 'error',
        message: yamlErrorText(error.code, error.message, /^[^:\n]*/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[0] ?? '', (lines[start.line - 1] ?? '').replace(/\r$/, '')),
        location: { file, line: start.line, column: start.col },
      };
    });
    const all = [...diagnostics, ...duplicates];
    // An indentation mistake makes every later line wrong: it is reported once, with the fix, and the rest of the file is left.
    const firstLine = Math.min(...diagnostics.map((d) => d.location!.line));
    const cause = doc.errors.length > 0 ? findIndentMistake(text, firstLine) : null;
    const kept = cause ? [...all.filter((d) => d.location!.line < Math.min(cause.line, firstLine)), indentDiagnostic(file, cause)] : all;
    return { ok: false, diagnostics: capDiagnostics(dedupeByLine(kept)) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const diagnostic = internalParseFailure(file, error);
    if (diagnostic.code === 'yaml/alias-limit') diagnostic.location = firstAliasLocation(file, doc, lineCounter) ?? diagnostic.location;
    return { ok: false, diagnostics: [diagnostic] };
  }
  return { ok: true, yaml: { file, value, source: { parser: 'reference', doc, lineCounter }, text } };
}

function internalParseFailure(file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  const aliases = /excessive alias count/i.test(detail);
  const unresolved = !aliases && /alias/i.test(detail);
  const deep = error instanceof RangeError;
  return {
    code: aliases ? 'yaml/alias-limit' : unresolved ? 'yaml/bad-alias' : deep ? 'yaml/too-deep' : 'yaml/unreadable',
    severity: 'error',
    message: unresolved
      ? { vi: 'tham chiếu YAML (dấu *) trỏ tới một tên không có (&tên); hãy ghi trực tiếp giá trị', en: 'a YAML alias (*) names no anchor (&name); write the value out' }
      : aliases
      ? { vi: `tệp dùng tham chiếu (alias *) quá nhiều lần (tối đa ${MAX_ALIAS_COUNT}); hãy ghi trực tiếp giá trị`, en: `too many alias references (limit ${MAX_ALIAS_COUNT}); write the values out` }
      : deep
        ? { vi: 'cấu trúc lồng nhau quá sâu; tệp tự kiểm tra chỉ cần vài cấp thụt lề', en: 'nesting too deep; a self-assessment file needs only a few levels' }
        : { vi: `không đọc được YAML: ${detail}`, en: `cannot read YAML: ${detail}` },
    location: { file, line: 1, column: 1 },
  };
}

/** One error per line: yaml often gives two for one mistake (a key that is not one, and a key on two lines). */
function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.location?.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The node at `path`, or its nearest existing ancestor. */
function walk(doc: Document.Parsed, path: YamlPath, wantKey: boolean): Node | null {
  const { isAlias, isMap, isPair, isSeq } = yamlLib();
  let node: unknown = doc.contents;
  let last: Node | null = (node as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return last;
      const isLast = i === path.length - 1;
      if (isLast && wantKey) return (pair.key as Node) ?? last;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return last;
    } else {
      return last;
    }
    if (node && typeof node === 'object' && 'range' in node) last = node as Node;
  }
  return last;
}

function keyText(key: unknown): string | undefined {
  if (yamlLib().isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * The characters of the value at `path` exactly as typed (`1.250`, not 1.25; a quoted scalar with its
 * quotes), or null when the file has no value there. Both readers give the same text for the same path.
 */
export function sourceText(yaml: YamlFile, path: YamlPath): string | null {
  if (!hasValueAt(yaml.value, path)) return null;
  const source = yaml.source;
  const range = source.parser === 'fast' ? fastRange(source.root, path, false) : walk(source.doc, path, false)?.range;
  return range ? yaml.text.slice(range[0], range[1]) : null;
}

function hasValueAt(value: unknown, path: YamlPath): boolean {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return true;
}

/** 1-based location of the node at `path` (or its nearest ancestor); `key` points at the key instead of the value. */
export function locate(yaml: YamlFile, path: YamlPath, options: { key?: boolean } = {}): SourceLocation {
  const source = yaml.source;
  const range = source.parser === 'fast' ? fastRange(source.root, path, options.key ?? false) : walk(source.doc, path, options.key ?? false)?.range;
  if (!range) return { file: yaml.file, line: 1, column: 1, path };
  const lines = source.parser === 'fast' ? source.lines : source.lineCounter;
  const start = lines.linePos(range[0]);
  const end = lines.linePos(range[1]);
  return { file: yaml.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col, path };
}
