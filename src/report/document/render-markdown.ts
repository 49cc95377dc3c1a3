// An office document as Markdown for email: the same parts in the same order as the Word file, in plain
// GFM (tables, emphasis, code spans), every text from the data escaped.
import { mdCode, mdText } from '../escape.js';
import type { Block, Inline, OfficeDocument } from './model.js';

/** `depth` is the level of the document's own heading (1 for one school, 2 inside a batch report). */
export function renderMarkdown(doc: OfficeDocument, depth: number): string {
  const out: string[] = [`${'#'.repeat(depth)} ${mdText(doc.heading)}`, ''];
  if (doc.letterhead || doc.nation) out.push(...letterhead(doc), '');
  if (doc.title) out.push(`**${mdText(doc.title)}**`, '');
  if (doc.subject) out.push(`**${mdText(doc.subject)}**`, '');
  if (doc.to) out.push(`**${mdText(doc.to.label)}:** ${mdText(doc.to.name)}`, '');
  for (const block of doc.body) out.push(...blockLines(block, depth), '');
  if (doc.closing) {
    const c = doc.closing;
    out.push(c.position.map((p) => `**${mdText(p)}**`).join('\\\n'), '', `*${mdText(c.signHint)}*`, '');
    if (c.name) out.push(`**${mdText(c.name)}**`, '');
    out.push(`**${mdText(c.recipientsLabel)}**`, '', ...c.recipients.map((r) => `- ${mdText(r)}`), '');
  }
  if (doc.notes.length > 0) out.push('---', '', ...doc.notes.flatMap((n) => [`*${inline(n)}*`, '']));
  return out.join('\n');
}

/** The letterhead and the nation's title as a two-column table, as the Word file lays them out. */
function letterhead(doc: OfficeDocument): string[] {
  const l = doc.letterhead;
  const left = l ? [...(l.parent ? [mdText(l.parent)] : []), `**${mdText(l.issuer)}**`, ...(l.number ? [mdText(l.number)] : [])] : [];
  const right = doc.nation ? [`**${mdText(doc.nation[0])}**`, `**${mdText(doc.nation[1])}**`] : [];
  if (l) right.push(`*${mdText(l.placeDate)}*`);
  const rows = Math.max(left.length, right.length);
  const cell = (s: string | undefined) => (s === undefined || s === '' ? ' ' : s);
  const lines = [`| ${cell(left[0])} | ${cell(right[0])} |`, '|:---:|:---:|'];
  for (let i = 1; i < rows; i++) lines.push(`| ${cell(left[i])} | ${cell(right[i])} |`);
  return lines;
}

function blockLines(block: Block, depth: number): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(Math.min(6, depth + block.level))} ${inline(block.text)}`];
    case 'paragraph':
      return [block.note ? `*${inline(block.text)}*` : inline(block.text)];
    case 'fields':
      return block.rows.map((r) => `- **${mdText(r.label)}:** ${inline(r.value)}`);
    case 'list':
      return block.items.map((item) => `- ${inline(item)}`);
    case 'table': {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
      return [
        row(block.head.map((h) => (h === '' ? ' ' : mdText(h)))),
        `|${block.head.map(() => '---').join('|')}|`,
        ...block.rows.map((cells) => row(cells.map((c) => inline(c, true).trim() || (block.blank ? ' ' : '—')))),
      ];
    }
  }
}

export function inline(runs: Inline[], table = false): string {
  return runs
    .map((r) => {
      if (typeof r === 'string') return mdText(r);
      if (r.code) return mdCode(r.text, { table });
      const text = mdText(r.text);
      const styled = r.bold ? `**${text}**` : r.italic ? `*${text}*` : text;
      return r.link ? `[${styled}](${encodeURI(r.link)})` : styled;
    })
    .join('');
}
