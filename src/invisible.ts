// Characters that change how text is shown without being seen: bidirectional controls (U+061C, U+200E/F,
// U+202A–E, U+2066–9, the "Trojan Source" characters) and zero-width ones (U+200B–D, U+2060, U+FEFF).
// A school's data is flagged when it holds them (validate/written-values.ts), and every human report shows
// them as ⟨U+202E⟩ instead of passing them on (report/escape.ts, the terminal report).

export const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** "U+202E". */
export const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The distinct invisible characters of `text`, as code points, in order of appearance. */
export function invisibleCodePoints(text: string): string[] {
  return [...new Set(text.match(INVISIBLE_ALL) ?? [])].map(codePoint);
}

/** The text with each invisible character shown as ⟨U+202E⟩. */
export function neutralised(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, (c) => `⟨${codePoint(c)}⟩`) : text;
}
