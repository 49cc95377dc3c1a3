import type { LocalText } from '../types.js';
import type { Criterion, DateWindow, Rule, RulePack, RuleVersion, Wording } from './rule-types.js';

// Wordings in time (amended items and criteria), read by the loader, the engine and the reports alike.

/** The text in force last (the reports pick the wording for their date with `wordingAt`). */
export function latestText(text: LocalText | Wording[]): LocalText {
  return Array.isArray(text) ? text[text.length - 1]!.text : text;
}

/** The wording in force on `date` (the earliest when the date precedes them all), with the document that set it. */
export function wordingAt(text: LocalText | Wording[], date: string): { text: LocalText; document?: string } {
  if (!Array.isArray(text)) return { text };
  let chosen = text[0]!;
  for (const w of text) if (w.from <= date) chosen = w;
  return { text: chosen.text, document: chosen.document };
}

/** A criterion's name on `date` (its latest name when no date is given). */
export function criterionNameAt(criterion: Criterion, date: string | undefined): LocalText {
  return date && criterion.names ? wordingAt(criterion.names, date).text : criterion.name;
}

/** Whether `date` lies in the window (an open end is unbounded). */
export function inWindow(window: DateWindow | undefined, date: string): boolean {
  return !window || ((window.from === undefined || window.from <= date) && (window.to === undefined || date <= window.to));
}

/** The version in force on `date`: the last one starting on or before it (the first one before them all). */
export function versionAt(versions: RuleVersion[], date: string): RuleVersion {
  let chosen = versions[0]!;
  for (const v of versions) if (v.from <= date) chosen = v;
  return chosen;
}

/** The version of a rule a finding was checked against (its wording date), or undefined for a rule worded once. */
export function versionOf(rule: Rule, wording: { from: string } | undefined): RuleVersion | undefined {
  return wording && rule.versions ? rule.versions.find((v) => v.from === wording.from) : undefined;
}

/** The rule id of a criterion item ("TT57.PT.1.3.M2.a"), made from the pack's prefix, the criterion, level code and letter. */
export function itemRuleId(pack: RulePack, criterion: string, levelCode: string, item: string): string {
  return `${pack.itemIdPrefix ?? pack.id.toUpperCase()}.${criterion}.${levelCode}.${item}`;
}
