/**
 * Markdown escaping for text that comes from a school's data: it must not break a table, open a
 * code span or emphasis, make a link, or become HTML in a mail client. It escapes only what
 * Markdown would interpret, so that evidence codes like [H1.01.01.01] and keys like so_lop stay
 * readable when the report is read as plain text.
 */
export function mdText(value: string): string {
  return value
    .replace(/\r\n?|\n|\u2028|\u2029/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*|~]/g, (c) => `\\${c}`)
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/\]\s*[([:]/g, (m) => `\\${m}`)
    .replace(/!\[/g, '!\\[')
    .replace(/^(\s*)([#+\-=>]|\d+[.)])/, '$1\\$2');
}

/** A table cell: escaped, never empty (an empty cell renders badly in some clients). */
export function mdCell(value: string): string {
  const text = mdText(value).trim();
  return text === '' ? '—' : text;
}
