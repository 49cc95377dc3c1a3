// The report forms by the id a pack names in its pack.yaml (report_forms), each with what the pack says
// about it (ReportFormSpec). A further regime's form is a module beside these and one line here; the
// renderers (document/) need no change.
import type { ReportFormSpec } from '../../engine/rule-types.js';
import { findPack, type FormatContext } from '../context.js';
import type { OfficeDocument } from '../document/model.js';
import type { SchoolResult } from '../../types.js';
import { improvementPlanDocument } from './improvement-plan.js';
import { selfAssessmentDocument } from './self-assessment.js';
import { selfReviewDocument } from './self-review.js';

/** A form: the office document of one school, or null when the form has nothing to say for it (an invalid school's plan). */
export type ReportForm = (result: SchoolResult, ctx: FormatContext, spec: ReportFormSpec) => OfficeDocument | null;

export const REPORT_FORMS: Record<string, ReportForm> = {
  'tu-ra-soat': selfReviewDocument,
  'tu-danh-gia': selfAssessmentDocument,
  'ke-hoach-cai-tien': improvementPlanDocument,
};

const DEFAULT_FORM: ReportFormSpec = { form: 'tu-ra-soat' };

/** The documents of one school, in its pack's order; a school whose pack is unknown (invalid input) gets the default form. */
export function schoolDocuments(result: SchoolResult, ctx: FormatContext): OfficeDocument[] {
  const specs = findPack(ctx.ruleSet, result.packId)?.reportForms ?? [DEFAULT_FORM];
  const docs = specs.flatMap((spec) => {
    const doc = (REPORT_FORMS[spec.form] ?? selfReviewDocument)(result, ctx, spec);
    return doc ? [doc] : [];
  });
  return docs.length > 0 ? docs : [selfReviewDocument(result, ctx)];
}
