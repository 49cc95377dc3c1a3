// Limits that keep a hostile or broken YAML file from costing more than a bounded amount of work:
// nesting refused before parsing, duplicate keys found in linear time, at most so many diagnostics.
import type { Document, LineCounter } from 'yaml';
import { yamlLib } from './yaml-lib.js';
import type { Diagnostic } from '../types.js';
import { MAX_NESTING_DEPTH, type NestingProblem } from './nesting.js';

/** Diagnostics kept per file; the rest are counted in one last diagnostic. A broken file can yield one per line. */
export const MAX_DIAGNOSTICS_PER_FILE = 50;

/** 1-based line and column of a UTF-16 offset, without a LineCounter (the text was never parsed). */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function tooDeepDiagnostic(file: string, text: string, problem: NestingProblem | null): Diagnostic {
  const at = problem ? positionAt(text, problem.offset) : { line: 1, column: 1 };
  return {
    code: 'yaml/too-deep',
    severity: 'error',
    message: {
      vi: `cấu trúc lồng nhau quá sâu (quá ${MAX_NESTING_DEPTH} cấp); tệp tự kiểm tra chỉ cần vài cấp thụt lề — kiểm tra các dấu [ { chưa đóng hoặc thụt lề thừa`,
      en: `nesting too deep (more than ${MAX_NESTING_DEPTH} levels); a self-assessment file needs only a few — look for unclosed [ { or stray indentation`,
    },
    location: { file, ...at },
  };
}

/**
 * Duplicate keys in every mapping, in one pass with a set per mapping (yaml's own `uniqueKeys`
 * compares each key with all earlier ones: quadratic, minutes for a 1 MB file of keys).
 * Keys are compared as the text they become in the data, so `1` and `"1"` are duplicates too.
 */
export function duplicateKeyDiagnostics(file: string, doc: Document.Parsed, lineCounter: LineCounter): Diagnostic[] {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  const diagnostics: Diagnostic[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        if (isScalar(pair.key) && pair.key.range) {
          const key = String(pair.key.value);
          if (seen.has(key)) diagnostics.push(duplicateKeyDiagnostic(file, key, lineCounter.linePos(pair.key.range[0])));
          seen.add(key);
        } else if (pair.key !== null && typeof pair.key === 'object') {
          stack.push(pair.key);
        }
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return diagnostics;
}

export function duplicateKeyDiagnostic(file: string, key: string, at: { line: number; col: number }): Diagnostic {
  const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
  return {
    code: 'yaml/duplicate-key',
    severity: 'error',
    location: { file, line: at.line, column: at.col },
    message: {
      vi: `khóa "${shown}" bị lặp lại trong cùng một mục; xóa dòng thừa hoặc gộp hai dòng làm một`,
      en: `duplicate key "${shown}"; remove or merge one of them`,
    },
  };
}

/** Sorted by position; beyond MAX_DIAGNOSTICS_PER_FILE, one diagnostic says how many more there are. */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  if (sorted.length <= MAX_DIAGNOSTICS_PER_FILE) return sorted;
  const rest = sorted.length - MAX_DIAGNOSTICS_PER_FILE;
  const next = sorted[MAX_DIAGNOSTICS_PER_FILE]!;
  return [
    ...sorted.slice(0, MAX_DIAGNOSTICS_PER_FILE),
    {
      code: 'yaml/more-errors',
      severity: 'error',
      location: next.location,
      message: {
        vi: `còn ${rest} lỗi khác trong tệp này (chỉ hiện ${MAX_DIAGNOSTICS_PER_FILE} lỗi đầu); sửa các lỗi trên rồi kiểm tra lại`,
        en: `${rest} more errors in this file (only the first ${MAX_DIAGNOSTICS_PER_FILE} are shown); fix those and check again`,
      },
    },
  ];
}

/** Where the first alias (*name) of the document is, for the alias-limit message. */
export function firstAliasLocation(file: string, doc: Document.Parsed, lineCounter: LineCounter): { file: string; line: number; column: number } | null {
  const { visit } = yamlLib();
  let offset: number | null = null;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  if (offset === null) return null;
  const at = lineCounter.linePos(offset);
  return { file, line: at.line, column: at.col };
}
