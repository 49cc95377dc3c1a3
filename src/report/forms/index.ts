// The report forms by the id a pack names in its pack.yaml (report_forms). A further regime's form is a
// module beside self-review.ts and one line here; the renderers (document/) need no change.
import { findPack, type FormatContext } from '../context.js';
import type { OfficeDocument } from '../document/model.js';
import type { SchoolResult } from '../../types.js';
import { selfReviewDocument } from './self-review.js';

export type ReportForm = (result: SchoolResult, ctx: FormatContext) => OfficeDocument;

export const REPORT_FORMS: Record<string, ReportForm> = {
  'tu-ra-soat': selfReviewDocument,
};

const DEFAULT_FORM = 'tu-ra-soat';

/** The documents of one school, in its pack's order; a school whose pack is unknown (invalid input) gets the default form. */
export function schoolDocuments(result: SchoolResult, ctx: FormatContext): OfficeDocument[] {
  const ids = findPack(ctx.ruleSet, result.packId)?.reportForms ?? [DEFAULT_FORM];
  return ids.map((id) => (REPORT_FORMS[id] ?? REPORT_FORMS[DEFAULT_FORM]!)(result, ctx));
}
