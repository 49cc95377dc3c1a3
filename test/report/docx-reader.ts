// Reads a generated .docx back: unzip, parse its XML parts, and give the paragraphs and tables in order,
// with the small-print code runs apart from the text, for the structure tests.
import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

type Node = Record<string, unknown>;

export interface DocxParagraph {
  style: string | null;
  /** The text of the runs that are not small-print code. */
  text: string;
  /** The text of the small-print code runs (character style MaSo). */
  code: string;
  /** Index of the table the paragraph sits in, or null. */
  table: number | null;
}

export interface DocxTable {
  rows: string[][];
}

export interface DocxContent {
  parts: Record<string, string>;
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  /** <w:sectPr> of each section: page size and margins. */
  sections: { width: number; height: number; orient: string | null; margins: Record<string, number> }[];
}

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false, parseTagValue: false });

const tagOf = (n: Node): string => Object.keys(n).find((k) => k !== ':@') ?? '';
const kids = (n: Node): Node[] => (n[tagOf(n)] as Node[] | undefined) ?? [];
const attrs = (n: Node): Record<string, string> => (n[':@'] as Record<string, string> | undefined) ?? {};
const find = (n: Node, tag: string): Node | undefined => kids(n).find((k) => tagOf(k) === tag);

export function readDocx(bytes: Uint8Array): DocxContent {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const text = new TextDecoder().decode(data);
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw new Error(`${name}: ${JSON.stringify(valid)}`);
    parts[name] = text;
  }
  const doc = parser.parse(parts['word/document.xml']!) as Node[];
  const body = kids(doc.find((n) => tagOf(n) === 'w:document')!).find((n) => tagOf(n) === 'w:body')!;
  const paragraphs: DocxParagraph[] = [];
  const tables: DocxTable[] = [];
  const sections: DocxContent['sections'] = [];
  const walk = (nodes: Node[], table: number | null): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') {
        paragraphs.push(paragraph(n, table));
        const sect = find(find(n, 'w:pPr') ?? {}, 'w:sectPr');
        if (sect) sections.push(section(sect));
      } else if (tag === 'w:tbl') {
        const index = tables.length;
        const rows = kids(n).filter((r) => tagOf(r) === 'w:tr').map((r) => kids(r).filter((c) => tagOf(c) === 'w:tc').map((c) => kids(c).filter((p) => tagOf(p) === 'w:p').map((p) => paragraph(p, index).text).join('\n')));
        tables.push({ rows });
        walk(kids(n), index);
      } else if (tag === 'w:sectPr') {
        sections.push(section(n));
      } else if (tag === 'w:tr' || tag === 'w:tc') {
        walk(kids(n), table);
      }
    }
  };
  walk(kids(body), null);
  return { parts, paragraphs, tables, sections };
}

function paragraph(p: Node, table: number | null): DocxParagraph {
  const style = attrs(find(find(p, 'w:pPr') ?? {}, 'w:pStyle') ?? {})['w:val'] ?? null;
  let text = '';
  let code = '';
  for (const r of kids(p).filter((k) => tagOf(k) === 'w:r')) {
    const small = attrs(find(find(r, 'w:rPr') ?? {}, 'w:rStyle') ?? {})['w:val'] === 'MaSo';
    const t = kids(r).filter((k) => tagOf(k) === 'w:t').map((k) => kids(k).map((x) => String(x['#text'] ?? '')).join('')).join('');
    if (small) code += t;
    else text += t;
  }
  return { style, text, code, table };
}

function section(s: Node): DocxContent['sections'][number] {
  const size = attrs(find(s, 'w:pgSz') ?? {});
  const margin = attrs(find(s, 'w:pgMar') ?? {});
  return {
    width: Number(size['w:w']),
    height: Number(size['w:h']),
    orient: size['w:orient'] ?? null,
    margins: Object.fromEntries(Object.entries(margin).map(([k, v]) => [k.replace('w:', ''), Number(v)])),
  };
}
