import { isPackLoaded } from '../engine/lazy-pack.js';
import type { Rule, RulePack, RuleSet } from '../engine/rule-types.js';
import type { Lang, LocalText, OverlayChange } from '../types.js';
import type { SchemaLookup } from './data-hints.js';
import type { FieldLabels } from './labels.js';

export interface ReportConfig {
  /** Receiving office, e.g. "UBND xã Tân Phú" or "Sở GD&ĐT tỉnh Đồng Nai" (from configuration, never hard-coded). */
  office?: string;
  /** Extra header line, e.g. the authority above the school. */
  header?: string;
}

/** Everything a formatter may need besides the results; formatters never read process state. */
export interface FormatContext {
  lang: Lang;
  color: boolean;
  cwd: string;
  asOf: string;
  toolVersion: string;
  ruleSet: RuleSet;
  config: ReportConfig;
  overlayChanges: OverlayChange[];
  /** The editor schemas, for the keys and snippets of "not assessable" hints (data-hints.ts); the CLI reads them from disk. */
  schemas?: SchemaLookup;
  /** Names of the school files' fields (from the schemas' titles), for the human reports; without it they print the keys. */
  fields?: FieldLabels;
  /** The run's exit code, for formats that record it (SARIF invocations); the CLI computes it before formatting. */
  exitCode?: number;
  /** The terminal report folds its lines to this many columns (the terminal's width); absent: lines are not folded. */
  width?: number;
}

export const tr = (text: LocalText, lang: Lang): string => text[lang];

const ruleIndex = new WeakMap<RulePack, Map<string, Rule>>();

/**
 * A rule by id, with its pack. The packs already in memory are searched first: a report names rules of
 * the packs its schools were checked under, so the others are read only for an id none of those has.
 */
export function findRule(set: RuleSet, id: string): { rule: Rule; pack: RulePack } | undefined {
  for (const loaded of [true, false]) {
    for (const pack of set.packs) {
      if (isPackLoaded(pack) !== loaded) continue;
      let index = ruleIndex.get(pack);
      if (!index) ruleIndex.set(pack, (index = new Map(pack.rules.map((rule) => [rule.id, rule]))));
      const rule = index.get(id);
      if (rule) return { rule, pack };
    }
  }
  return undefined;
}

export function findPack(set: RuleSet, id: string | null): RulePack | undefined {
  return set.packs.find((p) => p.id === id);
}
