// An office document as plain data: what a report form says, in order, before it is Markdown or Word.
// One model, two renderers (render-markdown.ts, render-docx.ts): so that the two read alike. No `node:`
// import here or in the renderers: the page of the browser build renders the same model.

/** A run of text; `code` is a raw key, path or rule id, printed small (Markdown: a code span). */
export type Inline = string | { text: string; code?: boolean; bold?: boolean; italic?: boolean; link?: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5; text: Inline[] }
  | { kind: 'paragraph'; text: Inline[]; note?: boolean }
  /** Labelled lines of one item ("Căn cứ: …", "Giải pháp: …"). */
  | { kind: 'fields'; rows: { label: string; value: Inline[] }[] }
  | { kind: 'list'; items: Inline[][] }
  /** `blank`: empty cells stay empty (a column of marks, or one to sign in); else they print a dash. */
  | { kind: 'table'; head: string[]; rows: Inline[][][]; widths?: number[]; blank?: boolean };

export interface Letterhead {
  /** Cơ quan chủ quản (upper case, regular), or null. */
  parent: string | null;
  /** The issuing body (upper case, bold). */
  issuer: string;
  /** "Số: …/BC-THMS"; null for a document that carries no number. */
  number: string | null;
  /** "Mai Sao, ngày 15 tháng 6 năm 2026". */
  placeDate: string;
}

export interface Closing {
  /** "Nơi nhận:" and its lines (each printed after a dash). */
  recipientsLabel: string;
  recipients: string[];
  /** Lines of the signatory's authority and position, upper case ("KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"). */
  position: string[];
  /** The line under it ("(Ký tên, đóng dấu)"). */
  signHint: string;
  name: string | null;
}

export interface OfficeDocument {
  /** The heading a Markdown report starts with, and the Word file's title. */
  heading: string;
  letterhead: Letterhead | null;
  /** Nation and motto (Quốc hiệu, Tiêu ngữ) beside the letterhead. */
  nation: [string, string] | null;
  /** Document type and summary (tên loại, trích yếu): "BÁO CÁO", "Kết quả tự kiểm tra …". */
  title: string | null;
  subject: string | null;
  /** "Kính gửi: …" (label and receiving office). */
  to: { label: string; name: string } | null;
  body: Block[];
  closing: Closing | null;
  /** Small print at the end. */
  notes: Inline[][];
  landscape?: boolean;
}

export const code = (text: string): Inline => ({ text, code: true });
export const bold = (text: string): Inline => ({ text, bold: true });
export const italic = (text: string): Inline => ({ text, italic: true });

/**
 * A text that quotes keys of the school files (a remedy, a message about the input): the keys, paths and
 * ISO dates in it are what the person editing the YAML must type, so they stay, as code, after their
 * name when `name` knows one.
 */
export function inputText(text: string, name?: (key: string) => string | null): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(KEYLIKE)) {
    const start = m.index;
    if (start > last) out.push(text.slice(last, start));
    const label = /^\d/.test(m[0]) ? null : name?.(m[0].replace(/: ?(true|false)$/, ''));
    if (label) out.push(`${label} (`, code(m[0]), ')');
    else out.push(code(m[0]));
    last = start + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

// snake_case keys and paths (so_lop, giao_vien.tong_so, lop[3].si_so), quoted single-word keys ("ten"), ISO dates.
const KEYLIKE = /(?<![\p{L}\p{N}_])(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z][a-z0-9]*(?=\[))(?:\[\d+\]|\.[a-z][a-z0-9_]*)*(?:: ?(?:true|false))?(?![\p{L}\p{N}_])|(?<="|“)[a-z][a-z0-9_]*(?="|”)|\b\d{4}-\d{2}-\d{2}\b/gu;

/** The plain text of some runs (for tests and table widths). */
export const plain = (runs: Inline[]): string => runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
