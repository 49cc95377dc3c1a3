import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { renderMarkdown } from '../document/render-markdown.js';
import { schoolDocuments } from '../forms/index.js';
import { batchSummaryMarkdown } from './markdown-summary.js';

/**
 * The Markdown report: the same documents as the Word file (report/forms), for email. One school: its
 * report; several: the roll-up, then each school's report one heading level down.
 */
export function markdownFormatter(results: SchoolResult[], ctx: FormatContext): string {
  if (results.length === 1) return schoolMarkdown(results[0]!, ctx, 1);
  return [batchSummaryMarkdown(results, ctx), ...results.map((r) => schoolMarkdown(r, ctx, 2))].join('\n');
}

export function schoolMarkdown(result: SchoolResult, ctx: FormatContext, depth: number): string {
  return schoolDocuments(result, ctx).map((doc) => renderMarkdown(doc, depth)).join('\n');
}
