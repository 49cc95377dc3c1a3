import type { Diagnostic } from '../types.js';
import { readSchoolEvidence, type EvidenceContext } from './context.js';
import { checkDates } from './dates.js';
import { checkFiles } from './files.js';
import { checkReferences } from './references.js';
import { checkRegister } from './register.js';

export type { EvidenceContext } from './context.js';

/**
 * The evidence register checks of one validated school: code form, unique codes, records backed by the
 * register, known criteria, dates within the school year and not after --as-of, file paths inside the folder.
 * Every finding is a located warning with a code "evidence/…"; none changes the level reached.
 */
export function checkEvidence(ctx: EvidenceContext): Diagnostic[] {
  const school = readSchoolEvidence(ctx);
  const out: Diagnostic[] = [];
  checkRegister(ctx, school, out);
  checkReferences(ctx, school, out);
  checkDates(ctx, school, out);
  checkFiles(ctx, school, out);
  return out;
}
