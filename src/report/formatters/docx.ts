import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import type { OfficeDocument } from '../document/model.js';
import { schoolDocuments } from '../forms/index.js';
import { rollUpDocument } from '../forms/roll-up.js';

/**
 * The Word report: the same documents as the Markdown one. One school: its report; several: the roll-up,
 * then each school's report, each on new pages. The Word builder (and the docx library) is loaded on the
 * first call only, so that no other run pays for it.
 */
export async function docxFormatter(results: SchoolResult[], ctx: FormatContext): Promise<Uint8Array> {
  const docs = results.length === 1 ? schoolDocuments(results[0]!, ctx) : [rollUpDocument(results, ctx), ...results.flatMap((r) => schoolDocuments(r, ctx))];
  return docxOf(docs, ctx);
}

/** A batch's roll-up alone (TONG-HOP.docx); `links` as in TONG-HOP.md. */
export function rollUpDocx(results: SchoolResult[], ctx: FormatContext, links?: string[]): Promise<Uint8Array> {
  return docxOf([rollUpDocument(results, ctx, links)], ctx);
}

export function schoolDocx(result: SchoolResult, ctx: FormatContext): Promise<Uint8Array> {
  return docxOf(schoolDocuments(result, ctx), ctx);
}

async function docxOf(docs: OfficeDocument[], ctx: FormatContext): Promise<Uint8Array> {
  const { renderDocx } = await import('../document/render-docx.js');
  return renderDocx(docs, { asOf: ctx.asOf, lang: ctx.lang });
}
