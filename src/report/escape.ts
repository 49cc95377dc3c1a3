/**
 * Markdown escaping for text that comes from a school's data: it must not break a table,
 * start a code span, or become HTML in a mail client.
 */
export function mdText(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]#|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** A table cell: escaped, never empty (an empty cell renders badly in some clients). */
export function mdCell(value: string): string {
  const text = mdText(value).trim();
  return text === '' ? '—' : text;
}
