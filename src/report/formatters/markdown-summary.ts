import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { renderMarkdown } from '../document/render-markdown.js';
import { rollUpDocument } from '../forms/roll-up.js';

/**
 * The district summary (TONG-HOP.md, the GitHub step summary, the head of a batch's Markdown report):
 * one row per school, schools × standards, who is due. `links` (one file name per school) turns each
 * school's name into a link to its own report.
 */
export function batchSummaryMarkdown(results: SchoolResult[], ctx: FormatContext, links?: string[]): string {
  return renderMarkdown(rollUpDocument(results, ctx, links), 1);
}
