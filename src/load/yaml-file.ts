import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic, LocalText, SourceLocation, YamlPath } from '../types.js';

/** Anchors may be reused this many times at most: enough for real files, a wall against "billion laughs". */
export const MAX_ALIAS_COUNT = 100;

export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
}

export type ParseResult = { ok: true; yaml: YamlFile } | { ok: false; diagnostics: Diagnostic[] };

export function parseYaml(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core', strict: true });
  } catch (error) {
    return { ok: false, diagnostics: [internalParseFailure(file, error)] };
  }
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((error): Diagnostic => {
      const start = lineCounter.linePos(error.pos[0]);
      return {
        code: `yaml/${error.code.toLowerCase().replaceAll('_', '-')}`,
        severity: 'error',
        message: yamlErrorText(error.code, error.message, /^[^:\n]*/.exec(text.slice(error.pos[0], error.pos[0] + 200))?.[0] ?? ''),
        location: { file, line: start.line, column: start.col },
      };
    });
    return { ok: false, diagnostics: dedupeByLine(diagnostics) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { ok: false, diagnostics: [internalParseFailure(file, error)] };
  }
  return { ok: true, yaml: { file, doc, lineCounter, value } };
}

function internalParseFailure(file: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  const aliases = /alias/i.test(detail);
  const deep = error instanceof RangeError;
  return {
    code: aliases ? 'yaml/alias-limit' : deep ? 'yaml/too-deep' : 'yaml/unreadable',
    severity: 'error',
    message: aliases
      ? { vi: `tệp dùng tham chiếu (alias *) quá nhiều lần (tối đa ${MAX_ALIAS_COUNT}); hãy ghi trực tiếp giá trị`, en: `too many alias references (limit ${MAX_ALIAS_COUNT}); write the values out` }
      : deep
        ? { vi: 'cấu trúc lồng nhau quá sâu; tệp tự kiểm tra chỉ cần vài cấp thụt lề', en: 'nesting too deep; a self-assessment file needs only a few levels' }
        : { vi: `không đọc được YAML: ${detail}`, en: `cannot read YAML: ${detail}` },
    location: { file, line: 1, column: 1 },
  };
}

function dedupeByLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.location?.line}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function yamlErrorText(code: string, message: string, snippet: string): LocalText {
  const en = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return { vi: `khóa "${snippet.trim()}" bị lặp lại trong cùng một mục; xóa dòng thừa hoặc gộp hai dòng làm một`, en: `duplicate key "${snippet.trim()}"; remove or merge one of them` };
    case 'TAB_AS_INDENT':
      return { vi: 'dùng ký tự Tab để thụt lề; YAML chỉ chấp nhận dấu cách (space)', en: 'tab used for indentation; YAML only accepts spaces' };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return { vi: `sai cú pháp YAML (thụt lề hoặc dấu ":" không đúng chỗ): ${en}`, en: `YAML syntax error: ${en}` };
    case 'MULTIPLE_DOCS':
      return { vi: 'tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ được một tài liệu', en: 'the file holds several YAML documents; keep one per file' };
    case 'BAD_ALIAS':
    case 'DUPLICATE_ANCHOR':
      return { vi: `tham chiếu YAML (& hoặc *) không hợp lệ: ${en}`, en };
    default:
      return { vi: `lỗi YAML: ${en}`, en };
  }
}

/** The node at `path`, or its nearest existing ancestor. */
function walk(yaml: YamlFile, path: YamlPath, wantKey: boolean): Node | null {
  let node: unknown = yaml.doc.contents;
  let last: Node | null = (node as Node | null) ?? null;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (isAlias(node)) node = node.resolve(yaml.doc);
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
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** 1-based location of the node at `path` (or its nearest ancestor); `key` points at the key instead of the value. */
export function locate(yaml: YamlFile, path: YamlPath, options: { key?: boolean } = {}): SourceLocation {
  const node = walk(yaml, path, options.key ?? false);
  const range = node?.range;
  if (!range) return { file: yaml.file, line: 1, column: 1, path };
  const start = yaml.lineCounter.linePos(range[0]);
  const end = yaml.lineCounter.linePos(range[1]);
  return { file: yaml.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col, path };
}
