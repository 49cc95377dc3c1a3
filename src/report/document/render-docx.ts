// Office documents as a Word file (.docx) in the administrative format of Nghị định 30/2020/NĐ-CP,
// Phụ lục I: A4, margins 20/20/30/15 mm, Times New Roman, Quốc hiệu and Tiêu ngữ beside the issuing
// body, number and place-date line, title and summary, body 14 pt, Nơi nhận and the signature block,
// page numbers at the top from page 2 (docs/bao-cao.md). The `docx` library is loaded only here, when a
// Word file is asked for; no `node:` import, so the browser page can build the same file. The bytes are
// reproducible: the package's dates are the as-of date and its generated ids are numbered in order.
import { unzipSync, zipSync } from 'fflate';
import { neutralised } from '../../invisible.js';
import { plain, type Block, type Closing, type Inline, type OfficeDocument } from './model.js';

type Docx = typeof import('docx');
type Child = import('docx').Paragraph | import('docx').Table;

export interface DocxMeta {
  /** YYYY-MM-DD: the documents' date, used for the file's created/modified dates. */
  asOf: string;
  lang: 'vi' | 'en';
}

const FONT = 'Times New Roman';
/** Sizes in half-points. */
const SIZE = { body: 28, table: 26, head: 24, motto: 26, small: 24, recipients: 22, code: 20 };
const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 };
const A4_MM = { width: 210, height: 297 };
const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** One Word file holding every document, each in its own section (a new page, its own orientation). */
export async function renderDocx(docs: OfficeDocument[], meta: DocxMeta): Promise<Uint8Array> {
  const d: Docx = await import('docx');
  const file = new d.Document({
    creator: 'chuan',
    title: docs[0]?.heading ?? '',
    styles: styles(d),
    sections: docs.map((doc) => section(d, doc)),
  });
  const packed = await d.Packer.pack(file, 'uint8array');
  return reproducible(packed, docs[0]?.heading ?? '', meta.asOf);
}

function styles(d: Docx): import('docx').IStylesOptions {
  const heading = (size: number, italics = false) => ({
    run: { font: FONT, size, bold: true, italics, color: '000000' },
    paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: FONT, size: SIZE.body, language: { value: 'vi-VN' } }, paragraph: { spacing: { after: 120, line: 276 } } },
      heading1: heading(SIZE.body),
      heading2: heading(SIZE.body),
      heading3: heading(SIZE.body, true),
      heading4: heading(SIZE.table),
    },
    characterStyles: [{ id: 'MaSo', name: 'Mã số (chữ nhỏ)', run: { font: FONT, size: SIZE.code, color: '595959' } }],
    paragraphStyles: [{ id: 'GhiChu', name: 'Ghi chú', basedOn: 'Normal', run: { size: SIZE.small, italics: true }, paragraph: { spacing: { after: 60 } } }],
  };
  void d;
}

function section(d: Docx, doc: OfficeDocument): import('docx').ISectionOptions {
  const width = doc.landscape ? A4_MM.height : A4_MM.width;
  const content = twip(width - MARGIN_MM.left - MARGIN_MM.right);
  const pageNumber = new d.Paragraph({ alignment: d.AlignmentType.CENTER, children: [new d.TextRun({ children: [d.PageNumber.CURRENT], size: SIZE.body })] });
  const children: Child[] = [
    ...letterhead(d, doc, content),
    ...titleBlock(d, doc, content),
    ...doc.body.flatMap((b) => block(d, b, content)),
    ...(doc.closing ? [closing(d, doc.closing, content)] : []),
    ...doc.notes.map((n) => new d.Paragraph({ style: 'GhiChu', spacing: { before: 240 }, children: runs(d, n, SIZE.code) })),
  ];
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: twip(A4_MM.width), height: twip(A4_MM.height), orientation: doc.landscape ? d.PageOrientation.LANDSCAPE : d.PageOrientation.PORTRAIT },
        margin: { top: twip(MARGIN_MM.top), bottom: twip(MARGIN_MM.bottom), left: twip(MARGIN_MM.left), right: twip(MARGIN_MM.right), header: twip(10) },
        // Each document counts its own pages (a report and its plan, or the schools of a batch, in one file).
        pageNumbers: { start: 1 },
      },
    },
    headers: { default: new d.Header({ children: [pageNumber] }), first: new d.Header({ children: [] }) },
    children,
  };
}

const NO_BORDERS = { top: { style: 'none', size: 0, color: 'FFFFFF' }, bottom: { style: 'none', size: 0, color: 'FFFFFF' }, left: { style: 'none', size: 0, color: 'FFFFFF' }, right: { style: 'none', size: 0, color: 'FFFFFF' }, insideHorizontal: { style: 'none', size: 0, color: 'FFFFFF' }, insideVertical: { style: 'none', size: 0, color: 'FFFFFF' } } as const;

/** A short solid line under a centred line of text (the decree asks for a drawn line, not an underline). */
function rule(d: Docx, cellWidth: number, lineWidth: number): import('docx').Paragraph {
  const indent = Math.max(0, Math.round((cellWidth - lineWidth) / 2));
  return new d.Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 80, line: 120, lineRule: d.LineRuleType.EXACT },
    border: { bottom: { style: d.BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [textRun(d, { text: '', size: 4 })],
  });
}

const centred = (d: Docx, text: string, options: { size: number; bold?: boolean; italics?: boolean; after?: number }) =>
  new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { after: options.after ?? 0, line: 240 }, children: [textRun(d, { text, size: options.size, bold: options.bold ?? false, italics: options.italics ?? false })] });

function letterhead(d: Docx, doc: OfficeDocument, content: number): Child[] {
  const l = doc.letterhead;
  if (!l && !doc.nation) return [];
  const leftWidth = Math.round(content * 0.42);
  const rightWidth = content - leftWidth;
  const left: import('docx').Paragraph[] = [];
  if (l) {
    if (l.parent) left.push(centred(d, l.parent, { size: SIZE.head }));
    left.push(centred(d, l.issuer, { size: SIZE.head, bold: true }), rule(d, leftWidth, Math.round(leftWidth / 3)));
    if (!l.parent) left.push(centred(d, '', { size: SIZE.head }));
    if (l.number) left.push(centred(d, l.number, { size: SIZE.motto }));
  }
  const right: import('docx').Paragraph[] = [];
  if (doc.nation) right.push(centred(d, doc.nation[0], { size: SIZE.head, bold: true }), centred(d, doc.nation[1], { size: SIZE.motto, bold: true }), rule(d, rightWidth, twip(58)));
  if (l) right.push(centred(d, l.placeDate, { size: SIZE.body, italics: true }));
  const cell = (children: import('docx').Paragraph[], width: number) => new d.TableCell({ width: { size: width, type: d.WidthType.DXA }, borders: NO_BORDERS, children: children.length > 0 ? children : [new d.Paragraph('')] });
  return [
    new d.Table({
      width: { size: content, type: d.WidthType.DXA },
      columnWidths: [leftWidth, rightWidth],
      layout: d.TableLayoutType.FIXED,
      borders: NO_BORDERS,
      rows: [new d.TableRow({ children: [cell(left, leftWidth), cell(right, rightWidth)] })],
    }),
    new d.Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function titleBlock(d: Docx, doc: OfficeDocument, content: number): Child[] {
  const out: Child[] = [];
  if (doc.title) out.push(centred(d, doc.title, { size: SIZE.body, bold: true }));
  if (doc.subject) out.push(centred(d, doc.subject, { size: SIZE.body, bold: true }), rule(d, content, Math.round(content / 4)));
  if (doc.to) out.push(new d.Paragraph({ alignment: d.AlignmentType.CENTER, spacing: { before: 120, after: 240 }, children: [textRun(d, { text: `${doc.to.label}: ${doc.to.name}`, size: SIZE.body })] }));
  return out;
}

function block(d: Docx, b: Block, content: number): Child[] {
  switch (b.kind) {
    case 'heading': {
      const level = [d.HeadingLevel.HEADING_1, d.HeadingLevel.HEADING_2, d.HeadingLevel.HEADING_3, d.HeadingLevel.HEADING_4][b.level - 1]!;
      return [new d.Paragraph({ heading: level, children: runs(d, b.text, b.level === 4 ? SIZE.table : SIZE.body, { bold: true, italics: b.level === 3 }) })];
    }
    case 'paragraph':
      return [b.note
        ? new d.Paragraph({ style: 'GhiChu', alignment: d.AlignmentType.JUSTIFIED, children: runs(d, b.text, SIZE.small, { italics: true }) })
        : new d.Paragraph({ alignment: d.AlignmentType.JUSTIFIED, indent: { firstLine: twip(10) }, children: runs(d, b.text, SIZE.body) })];
    case 'fields':
      return b.rows.map((r) => new d.Paragraph({
        alignment: d.AlignmentType.JUSTIFIED,
        indent: { left: twip(5), hanging: twip(5) },
        spacing: { after: 60 },
        children: [textRun(d, { text: `- ${r.label}: `, bold: true, size: SIZE.body }), ...runs(d, r.value, SIZE.body)],
      }));
    case 'list':
      return b.items.map((item) => new d.Paragraph({ alignment: d.AlignmentType.JUSTIFIED, indent: { left: twip(5), hanging: twip(5) }, spacing: { after: 60 }, children: [textRun(d, { text: '- ', size: SIZE.body }), ...runs(d, item, SIZE.body)] }));
    case 'table':
      return [table(d, b, content), new d.Paragraph({ spacing: { after: 60 }, children: [] })];
  }
}

function table(d: Docx, b: Extract<Block, { kind: 'table' }>, content: number): import('docx').Table {
  const shares = b.widths ?? b.head.map(() => 100 / b.head.length);
  const total = shares.reduce((a, x) => a + x, 0);
  const widths = shares.map((s) => Math.floor((content * s) / total));
  const cell = (children: Inline[], i: number, head: boolean) => new d.TableCell({
    width: { size: widths[i]!, type: d.WidthType.DXA },
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    verticalAlign: d.VerticalAlignTable.CENTER,
    children: [new d.Paragraph({ alignment: head ? d.AlignmentType.CENTER : d.AlignmentType.LEFT, spacing: { after: 0, line: 240 }, children: runs(d, children, SIZE.table, head ? { bold: true } : {}) })],
  });
  return new d.Table({
    width: { size: content, type: d.WidthType.DXA },
    columnWidths: widths,
    layout: d.TableLayoutType.FIXED,
    rows: [
      new d.TableRow({ tableHeader: true, cantSplit: true, children: b.head.map((h, i) => cell([h], i, true)) }),
      // An empty cell reads as a dash, as in the Markdown report.
      ...b.rows.map((row) => new d.TableRow({ cantSplit: true, children: row.map((c, i) => cell(plain(c).trim() !== '' ? c : ['—'], i, false)) })),
    ],
  });
}

function closing(d: Docx, c: Closing, content: number): import('docx').Table {
  const leftWidth = Math.round(content * 0.45);
  const rightWidth = content - leftWidth;
  const left = [
    new d.Paragraph({ spacing: { after: 0 }, children: [textRun(d, { text: c.recipientsLabel, bold: true, italics: true, size: SIZE.small })] }),
    ...c.recipients.map((r) => new d.Paragraph({ spacing: { after: 0, line: 240 }, children: [textRun(d, { text: `- ${r}`, size: SIZE.recipients })] })),
  ];
  const right = [
    ...c.position.map((p) => centred(d, p, { size: SIZE.body, bold: true })),
    centred(d, c.signHint, { size: SIZE.small, italics: true }),
    ...[1, 2, 3, 4].map(() => centred(d, '', { size: SIZE.body })),
    ...(c.name ? [centred(d, c.name, { size: SIZE.body, bold: true })] : []),
  ];
  const cell = (children: import('docx').Paragraph[], width: number) => new d.TableCell({ width: { size: width, type: d.WidthType.DXA }, borders: NO_BORDERS, children });
  return new d.Table({
    width: { size: content, type: d.WidthType.DXA },
    columnWidths: [leftWidth, rightWidth],
    layout: d.TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new d.TableRow({ cantSplit: true, children: [cell(left, leftWidth), cell(right, rightWidth)] })],
  });
}

function runs(d: Docx, text: Inline[], size: number, base: { bold?: boolean; italics?: boolean } = {}): import('docx').TextRun[] {
  return text.map((r) => {
    if (typeof r === 'string') return textRun(d, { text: r, size, ...base });
    if (r.code) return textRun(d, { text: r.text, style: 'MaSo' });
    return textRun(d, { text: r.text, size, bold: r.bold ?? base.bold ?? false, italics: r.italic ?? base.italics ?? false });
  });
}

/** Text from a school's data on one line, without the characters XML cannot carry. */
// eslint-disable-next-line no-control-regex
/** Every run of the file goes through here: a school's text is cleaned once, whatever part of the form shows it. */
const textRun = (d: Docx, options: { text: string } & Omit<import('docx').IRunOptions, 'text'>): import('docx').TextRun => new d.TextRun({ ...options, text: clean(options.text) });

// Bidi controls and zero-width characters shown as ⟨U+202E⟩ (as in Markdown); characters XML cannot hold replaced.
const clean = (text: string): string => neutralised(text).replace(/\r\n?|\n|\u2028|\u2029/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/**
 * The same bytes for the same documents: the package's created/modified dates become the as-of date,
 * the relationship ids the library draws at random are numbered in order, and every zip entry gets the
 * as-of date as its time.
 */
function reproducible(packed: Uint8Array, title: string, asOf: string): Uint8Array {
  const files = unzipSync(packed);
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) texts.set(name, decoder.decode(data));
  const ids: string[] = [];
  for (const [name, text] of texts) {
    if (!name.endsWith('.rels')) continue;
    for (const m of text.matchAll(/\bId="([A-Za-z0-9_-]{21})"/g)) if (!ids.includes(m[1]!)) ids.push(m[1]!);
  }
  texts.set('docProps/core.xml', coreXml(title, asOf));
  const out: Record<string, Uint8Array> = {};
  for (const name of Object.keys(files).sort()) {
    let text = texts.get(name);
    if (text === undefined) {
      out[name] = files[name]!;
      continue;
    }
    ids.forEach((id, i) => (text = text!.split(`"${id}"`).join(`"rIdC${i + 1}"`)));
    out[name] = encoder.encode(text);
  }
  const [y, m, day] = asOf.split('-').map(Number) as [number, number, number];
  return zipSync(out, { mtime: new Date(y, m - 1, day, 12, 0, 0), level: 6 });
}

function coreXml(title: string, asOf: string): string {
  const escape = (s: string) => clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const stamp = `${asOf}T00:00:00Z`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escape(title)}</dc:title><dc:creator>chuan</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`;
}
