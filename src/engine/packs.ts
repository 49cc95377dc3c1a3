import type { RulePack, RuleSet } from './rule-types.js';

/** The pack that checks a school of this type. */
export function packForSchoolType(set: RuleSet, schoolType: string): RulePack | undefined {
  return set.packs.find((p) => p.schoolTypes.includes(schoolType as never));
}
