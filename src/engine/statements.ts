import type { LocalText, RecognitionStatus, Statement } from '../types.js';
import type { PackStatement, RulePack, Vocabulary } from './rule-types.js';

/**
 * The pack's statements that apply to a school on `asOf`, filled in: a certificate signed before a date
 * (from the recognition history), or a period the reference date falls in (or has passed). They are
 * stated; they never change the verdict.
 */
export function schoolStatements(pack: RulePack, recognition: RecognitionStatus | null, vocabulary: Vocabulary, asOf: string): Statement[] {
  const out: Statement[] = [];
  for (const s of pack.statements) {
    const applied = apply(s, pack, recognition, vocabulary, asOf);
    if (applied) out.push({ id: s.id, message: applied, reference: referenceText(s, pack), verification: s.verification });
  }
  return out;
}

function apply(s: PackStatement, pack: RulePack, recognition: RecognitionStatus | null, vocabulary: Vocabulary, asOf: string): LocalText | null {
  if (s.kind === 'period') {
    if (asOf < s.from) return null;
    const text = asOf <= s.to ? s.text : s.after;
    return text ? fill(text, { from: dates(s.from), to: dates(s.to) }) : null;
  }
  if (!recognition?.signedOn || !recognition.expiresOn || recognition.signedOn >= s.before) return null;
  const text = asOf <= recognition.expiresOn ? s.text : s.after;
  if (!text) return null;
  const id = recognition.lastLevel;
  const level = id ? (pack.nationalStandard?.levels.find((l) => l.id === id)?.name ?? vocabulary.values[id] ?? { vi: id, en: id }) : { vi: '', en: '' };
  return fill(text, {
    level,
    decision: recognition.decision ? { vi: recognition.decision, en: recognition.decision } : { vi: 'không ghi số', en: 'number not given' },
    signed: dates(recognition.signedOn),
    expires: dates(recognition.expiresOn),
    before: dates(s.before),
  });
}

function fill(text: LocalText, values: Record<string, LocalText>): LocalText {
  const one = (t: string, lang: keyof LocalText): string => t.replace(/\{\{(\w+)\}\}/g, (m, key: string) => values[key]?.[lang] ?? m);
  return { vi: one(text.vi, 'vi'), en: one(text.en, 'en') };
}

/** dd/mm/yyyy in Vietnamese, the ISO date in English (as the reports write dates). */
function dates(iso: string): LocalText {
  return { vi: iso.split('-').reverse().join('/'), en: iso };
}

function referenceText(s: PackStatement, pack: RulePack): LocalText {
  const tail = [s.reference.article, s.reference.clause, s.reference.point].filter((x): x is string => x !== undefined).join(', ');
  return {
    vi: `${s.reference.document ?? `Thông tư ${pack.circular}`}, ${tail}`,
    en: `${s.reference.document ?? `Circular ${pack.circular}`}, ${tail}`,
  };
}
