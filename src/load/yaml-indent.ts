// The first indentation mistake of a file that yaml rejected: a tab, or a line that lines up with no
// open level. yaml reports such a mistake as a cascade (one line out of place makes every later line
// wrong), in its own words; this module finds the line itself and the column it should start at, so
// the file gets one located error with the fix. It reads the text line by line (linear) and gives up
// (null) on anything it cannot follow, leaving yaml's own errors.
import type { Diagnostic } from '../types.js';

export interface IndentMistake {
  /** 1-based line of the mistake. */
  line: number;
  kind: 'tab' | 'misaligned';
  /** Spaces the line starts with now (tabs counted as one each), and the spaces it should start with. */
  found: number;
  expected: number;
  /** The line as it should read. */
  fixed: string;
}

const BLOCK_SCALAR = /[|>][1-9+-]{0,2}\s*(?:#.*)?$/;

/**
 * The mistake next to `errorLine` (yaml's first error, 1-based): yaml reports a misaligned line on
 * itself, on the line after it, or on the line before it (whose value it then reads as a key). A tab in
 * the indentation is found wherever it is before it.
 */
export function findIndentMistake(text: string, errorLine: number): IndentMistake | null {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const levels: Level[] = [{ col: 0, kind: 'map', line: -1, usual: 0 }];
  /** The key column of the last line when it opened a block ("key:" with nothing after it). */
  let pending: number | null = null;
  let previousKey = 0;
  let blockScalarOf: number | null = null;
  for (let i = 0; i < Math.min(lines.length, errorLine + 1); i++) {
    const line = lines[i]!;
    const indentText = /^[ \t]*/.exec(line)![0];
    const content = line.slice(indentText.length);
    if (content === '' || content.startsWith('#')) continue;
    const tab = indentText.includes('\t');
    const found = indentText.length;
    if (blockScalarOf !== null) {
      if (!tab && found > blockScalarOf) continue;
      blockScalarOf = null;
    }
    if (i === 0 && /^(---|\.\.\.|%)/.test(content)) continue;
    const kind: Level['kind'] = content === '-' || content.startsWith('- ') ? 'seq' : 'map';
    // The document itself is a mapping or a list, as its first line says.
    if (levels[0]!.line === -1 && pending === null && levels.length === 1) levels[0] = { col: 0, kind, line: -2, usual: 0 };
    if (tab) return mistake(i, 'tab', found, tabColumn(kind, levels, pending, previousKey, indentText, childColumn(lines, i)), content);
    let own: Level;
    if (pending !== null && (found > pending || (found === pending && kind === 'seq'))) {
      // A list may start under its key or two columns in; anything else is off by the difference.
      const usual = kind === 'seq' && (found === pending || found === pending + 2) ? found : pending + 2;
      levels.push((own = { col: found, kind, line: i, usual }));
    } else {
      const before = [...levels];
      while (levels.length > 1 && levels.at(-1)!.col > found) levels.pop();
      own = levels.at(-1)!;
      if (own.col !== found || own.kind !== kind) {
        // Only the line yaml failed on, or one next to it, is taken for the cause.
        if (i + 1 < errorLine - 1) return null;
        return misaligned(i, found, kind, before, pending, previousKey, lines);
      }
    }
    // "- - key: value": each dash is an item, the text after the last one a mapping (or a scalar).
    let key: number = found;
    while (line.startsWith('- ', key) || line.slice(key) === '-') {
      key += 2;
      while (line[key] === ' ') key++;
      levels.push((own = { col: key, kind: line.startsWith('- ', key) ? 'seq' : 'map', line: i, usual: own.usual + (key - own.col) }));
    }
    const rest: string = line.slice(key).replace(/\s+#.*$/, '');
    if (!balanced(rest)) return null;
    if (BLOCK_SCALAR.test(rest) && /:\s+[|>]/.test(rest)) blockScalarOf = found;
    pending = /^[^#]*:$/.test(rest) ? key : null;
    previousKey = key;
  }
  return null;
}

interface Level {
  col: number;
  kind: 'map' | 'seq';
  /** The line (0-based) whose indentation set this level's column. */
  line: number;
  /** The column a two-space indentation gives it. */
  usual: number;
}

/**
 * The line out of place and the column it should start at. When the line before it set its block's
 * column off the usual two spaces and this line is at the usual column, the block's first line is the
 * one to fix (the file's own convention says so).
 */
function misaligned(i: number, found: number, kind: Level['kind'], open: Level[], pending: number | null, previousKey: number, lines: string[]): IndentMistake {
  if (pending === null) {
    for (let j = open.length - 1; j > 0 && (open[j]!.col >= found || open[j]!.usual >= found); j--) {
      const level = open[j]!;
      if (level.kind === kind && level.usual === found && level.col !== level.usual) {
        const first = lines[level.line]!;
        const indent = first.length - first.trimStart().length;
        return mistake(level.line, 'misaligned', indent, indent - (level.col - level.usual), first.trimStart());
      }
    }
  }
  const columns = open.filter((l) => l.kind === kind).map((l) => l.col);
  if (pending !== null) columns.push(pending + 2);
  else if (kind === 'map') columns.push(previousKey);
  return mistake(i, 'misaligned', found, nearest(found, above(columns, childColumn(lines, i))), lines[i]!.trimStart());
}

/** When the line opens a block ("key:"), the column of the next line, which the key must stay left of; else null. */
function childColumn(lines: string[], i: number): number | null {
  if (!/:\s*(#.*)?$/.test(lines[i]!)) return null;
  for (let j = i + 1; j < lines.length; j++) {
    const text = lines[j]!;
    const content = text.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    const indent = text.length - content.length;
    return /\t/.test(text.slice(0, indent)) ? null : indent;
  }
  return null;
}

/** The candidate columns left of `limit` (all of them when none is, or there is no limit). */
function above(columns: number[], limit: number | null): number[] {
  const left = limit === null ? columns : columns.filter((c) => c < limit);
  return left.length > 0 ? left : columns.length > 0 ? columns : [0];
}

/**
 * Where a line indented with a tab should start: below the key that opened a block; a key beside the
 * key above it; a list item with the list whose column is nearest a tab's usual two columns.
 */
function tabColumn(kind: Level['kind'], open: Level[], pending: number | null, previousKey: number, indent: string, child: number | null): number {
  if (pending !== null) return pending + 2;
  if (kind === 'map') {
    // A key that opens a block sits left of its children: the deepest mapping column that allows it.
    if (child === null || previousKey < child) return previousKey;
    return Math.max(...above(open.filter((l) => l.kind === 'map').map((l) => l.col), child));
  }
  const width = [...indent].reduce((n, c) => n + (c === '\t' ? 2 : 1), 0);
  const lists = open.filter((l) => l.kind === 'seq').map((l) => l.col);
  return lists.length > 0 ? nearest(width, lists) : previousKey;
}

function mistake(index: number, kind: IndentMistake['kind'], found: number, expected: number, content: string): IndentMistake {
  return { line: index + 1, kind, found, expected, fixed: `${' '.repeat(expected)}${content}` };
}

/** The closest column; on a tie the deeper one (a sibling of the line above, rather than its parent). */
function nearest(found: number, candidates: number[]): number {
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(c - found) < Math.abs(best - found) || (Math.abs(c - found) === Math.abs(best - found) && c > best)) best = c;
  return best;
}

/** A value whose quotes and brackets close on its line: a multi-line one is beyond this reader. */
function balanced(text: string): boolean {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote && !(quote === "'" && text[i + 1] === "'")) quote = null;
      else if (quote === "'" && c === "'") i++;
      else if (quote === '"' && c === '\\') i++;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(text[i - 1]!))) quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  }
  return quote === null && depth === 0;
}

/** The one diagnostic of an indentation mistake: where, what, and the line as it should be. */
export function indentDiagnostic(file: string, m: IndentMistake): Diagnostic {
  const rest = { vi: 'phần sau của tệp chưa được kiểm tra; sửa rồi chạy lại', en: 'the rest of the file is not checked yet; fix this and run again' };
  // The example shows the line without its comment, in quotes so that its leading spaces can be counted.
  const example = JSON.stringify(m.fixed.replace(/\s+#.*$/, ''));
  const vi = m.expected === 0 ? 'bỏ các dấu cách ở đầu dòng' : `${m.kind === 'tab' ? 'thay Tab bằng' : 'sửa thành'} ${m.expected} dấu cách`;
  const en = m.expected === 0 ? 'remove the spaces at the start of the line' : `${m.kind === 'tab' ? 'use' : 'indent by'} ${m.expected} space${m.expected === 1 ? '' : 's'}${m.kind === 'tab' ? ' instead' : ''}`;
  const at = { file, line: m.line, column: 1 };
  if (m.kind === 'tab') {
    return {
      code: 'yaml/tab-as-indent',
      severity: 'error',
      location: at,
      message: {
        vi: `dòng này thụt lề bằng ký tự Tab, YAML chỉ nhận dấu cách: ${vi}, ví dụ ${example} (${rest.vi})`,
        en: `this line is indented with a tab; YAML only accepts spaces: ${en}, e.g. ${example} (${rest.en})`,
      },
    };
  }
  return {
    code: 'yaml/bad-indent',
    severity: 'error',
    location: at,
    message: {
      vi: `dòng này thụt lề ${m.found} dấu cách, không thẳng cột với các mục cùng cấp: ${vi}, ví dụ ${example} (${rest.vi})`,
      en: `this line is indented by ${m.found} space${m.found === 1 ? '' : 's'} and lines up with no item of its level: ${en}, e.g. ${example} (${rest.en})`,
    },
  };
}
