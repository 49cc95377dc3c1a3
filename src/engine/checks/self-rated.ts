import type { ItemRating, YamlPath } from '../../types.js';
import type { EvalContext } from '../context.js';
import type { Outcome } from '../outcome.js';
import type { Check } from '../rule-types.js';

type SelfRatedCheck = Extract<Check, { type: 'self_rated' }>;

/** Where a criterion item's rating sits in its standard file: tieu_chi → "1.3" → muc_1 → a (under cap_hoc → part for a multi-level school). */
export function ratingPath(check: Pick<SelfRatedCheck, 'criterion' | 'level' | 'item'>, part: string | undefined): YamlPath {
  const base: YamlPath = part ? ['cap_hoc', part, 'tieu_chi'] : ['tieu_chi'];
  return [...base, check.criterion, check.level, check.item];
}

export function standardRoot(criterion: string): string {
  return `tc${criterion.split('.')[0]}`;
}

/**
 * The school's rating of an item as stated (chua_danh_gia when absent), its evidence codes checked against the
 * registers, and the deepest part of its path present in the file (where a missing rating is located).
 */
export function readRating(check: Pick<SelfRatedCheck, 'criterion' | 'level' | 'item'>, ctx: EvalContext): { rating: ItemRating; path: YamlPath; present: YamlPath } {
  const path = ratingPath(check, ctx.part);
  let value: unknown = ctx.roots[standardRoot(check.criterion)]?.value;
  let depth = 0;
  for (const segment of path) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined;
    if (value === undefined) break;
    depth++;
  }
  const entry = (value !== null && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const stated = entry['danh_gia'] === 'dat' || entry['danh_gia'] === 'chua_dat' ? entry['danh_gia'] : 'chua_danh_gia';
  const evidence = Array.isArray(entry['minh_chung']) ? entry['minh_chung'].filter((c): c is string => typeof c === 'string') : [];
  const unknownEvidence = evidence.filter((code) => !ctx.evidenceCodes?.has(code));
  const rating: ItemRating = { stated, evidence, unknownEvidence };
  if (typeof entry['ghi_chu'] === 'string') rating.note = entry['ghi_chu'];
  if (stated === 'dat' && evidence.length === 0) rating.problem = 'no_evidence';
  else if (stated === 'dat' && unknownEvidence.length > 0) rating.problem = 'unknown_evidence';
  return { rating, path, present: path.slice(0, depth) };
}

/**
 * A descriptive item the school rates (tự đánh giá): met only when stated met with at least one evidence
 * code, every cited code in the register; stated not met is unmet; no rating is `not_rated`.
 */
export function selfRatedCheck(check: SelfRatedCheck, ctx: EvalContext): Outcome {
  const { rating, present } = readRating(check, ctx);
  const status = rating.stated === 'chua_danh_gia' ? 'not_rated' : rating.stated === 'dat' && !rating.problem ? 'met' : 'unmet';
  return { status, rating, ref: { root: standardRoot(check.criterion), path: present } };
}
