import type { DeclaredCodeFormat, RulePack } from '../engine/rule-types.js';
import type { LocalText } from '../types.js';

/** One evidence-code convention of the ministry (see regulations/evidence-codes.md); a pack lists those it accepts. */
export interface EvidenceCodeFormat {
  id: string;
  pattern: RegExp;
  /** The shape as guidance documents print it. */
  shape: string;
  /** A code for box/standard `standard`, criterion `criterion`, first document. */
  example: (standard: number, criterion: number) => string;
  parts: LocalText;
  /** Declared formats whose pattern has a named group `criterion`: the criterion a code is filed under. */
  criterionOf?: (code: string) => string | undefined;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Keyed by the names used in pack.yaml `evidence_code_formats` (schemas/pack.schema.json). */
export const EVIDENCE_CODE_FORMATS: Record<string, EvidenceCodeFormat> = {
  // Công văn 8987/BGDĐT-KTKĐCLGD (2012) and the 2014 preschool guidance: [H1.01.01.01].
  'hn.ab.cd.ef': {
    id: 'hn.ab.cd.ef',
    pattern: /^\[H\d{1,3}\.\d{2}\.\d{2}\.\d{2}\]$/,
    shape: '[Hn.ab.cd.ef]',
    example: (s, c) => `[H${s}.${pad(s)}.${pad(c)}.01]`,
    parts: {
      vi: 'H và số hộp, rồi tiêu chuẩn, tiêu chí, số thứ tự minh chứng, mỗi phần 2 chữ số, cách nhau bằng dấu chấm, trong ngoặc vuông',
      en: 'H and the box number, then standard, criterion and sequence, two digits each, separated by dots, in square brackets',
    },
  },
  // Công văn 5932/5942/BGDĐT-QLCL (2018): [H1-1.1-01].
  'hn-a.b-c': {
    id: 'hn-a.b-c',
    pattern: /^\[H\d{1,3}-\d{1,2}\.\d{1,2}-\d{2}\]$/,
    shape: '[Hn-a.b-c]',
    example: (s, c) => `[H${s}-${s}.${c}-01]`,
    parts: {
      vi: 'H và số hộp, gạch nối, số tiêu chí dạng a.b, gạch nối, số thứ tự 2 chữ số, trong ngoặc vuông',
      en: 'H and the box number, a hyphen, the criterion as a.b, a hyphen, a two-digit sequence, in square brackets',
    },
  },
  // Thông tư 57/2026, Phụ lục IV (circular-57-2026.md P10): MC.<tiêu chuẩn>.<tiêu chí>.<nn>, e.g. MC.1.3.01.
  'mc.a.b.cc': {
    id: 'mc.a.b.cc',
    pattern: /^MC\.\d\.\d{1,2}\.\d{2}$/,
    shape: 'MC.a.b.cc',
    example: (s, c) => `MC.${s}.${c}.01`,
    parts: {
      vi: 'MC, rồi số tiêu chuẩn, số tiêu chí và số thứ tự minh chứng 2 chữ số, cách nhau bằng dấu chấm, không có ngoặc',
      en: 'MC, then the standard, the criterion and a two-digit sequence, separated by dots, without brackets',
    },
  },
};

/** A format declared in pack.yaml, as data: its pattern compiled, its example template filled. */
export function declaredFormat(d: DeclaredCodeFormat): EvidenceCodeFormat {
  const pattern = new RegExp(d.pattern, 'u');
  const format: EvidenceCodeFormat = {
    id: d.id,
    pattern,
    shape: d.shape,
    example: (s, c) => d.example.replaceAll('{standard}', String(s)).replaceAll('{criterion}', String(c)),
    parts: d.parts,
  };
  if (d.pattern.includes('(?<criterion>')) format.criterionOf = (code) => pattern.exec(code)?.groups?.['criterion'];
  return format;
}

const packFormats = new WeakMap<RulePack, EvidenceCodeFormat[]>();

/** The formats a pack accepts, in its order: those declared in its pack.yaml, else the built-in ones it names. */
export function packCodeFormats(pack: RulePack): EvidenceCodeFormat[] {
  let formats = packFormats.get(pack);
  if (!formats) {
    formats = pack.evidenceCodeFormats
      .map((id) => {
        const declared = pack.declaredCodeFormats.find((d) => d.id === id);
        return declared ? declaredFormat(declared) : EVIDENCE_CODE_FORMATS[id];
      })
      .filter((f): f is EvidenceCodeFormat => f !== undefined);
    packFormats.set(pack, formats);
  }
  return formats;
}

export function matchesAnyFormat(code: string, formats: EvidenceCodeFormat[]): boolean {
  for (const format of formats) if (format.pattern.test(code)) return true;
  return false;
}
