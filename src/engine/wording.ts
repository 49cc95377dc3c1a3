// Criterion texts and item ids, without Node: the reports (in the browser page too) pick an item's
// wording for their date and find its rule.
import type { LocalText } from '../types.js';
import type { RulePack, Wording } from './rule-types.js';

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

export function itemRuleId(pack: RulePack, criterion: string, levelCode: string, item: string): string {
  return `${pack.itemIdPrefix ?? pack.id.toUpperCase()}.${criterion}.${levelCode}.${item}`;
}
