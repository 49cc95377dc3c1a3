import type { RulePack, RuleSet } from './rule-types.js';

/** The pack that serves folders naming no circular (the 2012–2014 packs, by school type). */
export function packForSchoolType(set: RuleSet, schoolType: string): RulePack | undefined {
  return set.packs.find((p) => p.selection.default && p.schoolTypes.includes(schoolType as never));
}

/** The packs a circular's name (truong.yaml `thong_tu`, `--circular`) designates: "57/2026", "57", "tt57-2026-pho-thong". */
export function packsNamed(set: RuleSet, name: string): RulePack[] {
  const wanted = name.trim().toLowerCase();
  return set.packs.filter((p) => p.selection.names.some((n) => n.toLowerCase() === wanted));
}
