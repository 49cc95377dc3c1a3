import { neutralised } from '../invisible.js';

/**
 * Markdown escaping for text that comes from a school's data: it must not break a table, open a
 * code span or emphasis, make a link, or become HTML in a mail client. It escapes only what
 * Markdown would interpret, so that evidence codes like [H1.01.01.01] and keys like so_lop stay
 * readable when the report is read as plain text. The text never starts a line in our reports
 * (cells, after "- ", after a heading's number), so line-start syntax (#, -, 1.) needs no escape.
 */
export function mdText(value: string): string {
  // Bidi controls and zero-width characters are shown as ⟨U+202E⟩, never passed on (they reorder or hide text).
  return neutralised(value)
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    // Other control characters (tabs, terminal escape sequences, NUL): a space, never raw in a report.
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*|~]/g, (c) => `\\${c}`)
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/\]\s*[([:]/g, (m) => `\\${m}`)
    .replace(/!\[/g, '!\\[');
}

/** A table cell: escaped, never empty (an empty cell renders badly in some clients). */
export function mdCell(value: string): string {
  const text = mdText(value).trim();
  return text === '' ? '—' : text;
}

/**
 * An inline code span for text from the data (a file path with a folder name, a key): one line, and no
 * backtick inside can close it early. In a table cell pass `table` so that "|" cannot split the cell
 * (GFM reads "\|" as a pipe even inside code; elsewhere a backslash in code is literal).
 */
export function mdCode(value: string, options: { table?: boolean } = {}): string {
  let text = neutralised(value).replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  if (options.table) text = text.replace(/\|/g, '\\|');
  const longest = (text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
