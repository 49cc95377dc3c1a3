import type { RulePack } from '../engine/rule-types.js';
import type { Diagnostic } from '../types.js';
import { matchesAnyFormat, packCodeFormats, type EvidenceCodeFormat } from './codes.js';
import { shortLocation, warning, type EvidenceContext, type RegisterEntry, type SchoolEvidence } from './context.js';

/** What the register is compared with: the same for every school of a pack. */
interface PackCodes {
  formats: EvidenceCodeFormat[];
  criteria: Set<string>;
}

const packCodes = new WeakMap<RulePack, PackCodes>();

function codesOf(pack: RulePack): PackCodes {
  let codes = packCodes.get(pack);
  if (!codes) {
    codes = { formats: packCodeFormats(pack), criteria: new Set(pack.rules.map((r) => r.criterion)) };
    packCodes.set(pack, codes);
  }
  return codes;
}

/**
 * The register itself: each code in a form the circular's guidance accepts (pack.yaml evidence_code_formats),
 * each code once in the school (one document, one code, whatever the number of criteria it supports), and each
 * criterion it names one the pack has.
 */
export function checkRegister(ctx: EvidenceContext, school: SchoolEvidence, out: Diagnostic[]): void {
  const { formats, criteria } = codesOf(ctx.pack);
  for (const entry of school.register) {
    if (formats.length > 0 && !matchesAnyFormat(entry.code, formats)) out.push(codeFormatWarning(entry, formats, ctx.pack.circular));
    const first = school.firstByCode.get(entry.code)!;
    if (first !== entry) out.push(duplicateWarning(entry, first));
    const named = entry.value['tieu_chi'];
    const filedUnder = formats.map((f) => f.criterionOf?.(entry.code)).find((c) => c !== undefined);
    if (filedUnder !== undefined) {
      if (!criteria.has(filedUnder)) out.push(codeCriterionWarning(entry, filedUnder, { vi: `bộ quy tắc Thông tư ${ctx.pack.circular} không có tiêu chí này`, en: `the Circular ${ctx.pack.circular} rule pack has no such criterion` }));
      else if (Array.isArray(named) && !named.includes(filedUnder)) out.push(codeCriterionWarning(entry, filedUnder, { vi: `tieu_chi của minh chứng không ghi ${filedUnder}; mã được đặt ở tiêu chí dùng minh chứng lần đầu, ghi tiêu chí đó vào tieu_chi`, en: `its tieu_chi does not list ${filedUnder}; a code is filed under the criterion that first uses it, so list that criterion in tieu_chi` }));
    }
    if (!Array.isArray(named)) continue;
    for (let j = 0; j < named.length; j++) {
      const criterion: unknown = named[j];
      if (typeof criterion === 'string' && !criteria.has(criterion)) out.push(unknownCriterionWarning(entry, j, criterion, criteria, ctx.pack.circular));
    }
  }
}

function codeFormatWarning(entry: RegisterEntry, formats: EvidenceCodeFormat[], circular: string): Diagnostic {
  const shapes = formats.map((f) => `${f.shape} (ví dụ ${f.example(1, 1)})`).join(' hoặc ');
  const shapesEn = formats.map((f) => `${f.shape} (e.g. ${f.example(1, 1)})`).join(' or ');
  return warning('code-format', entry.yaml, ['minh_chung', entry.index, 'ma'], {
    vi: `mã minh chứng "${entry.code}" không đúng dạng ${shapes} dùng với Thông tư ${circular}: ${formats.map((f) => f.parts.vi).join('; ')}`,
    en: `evidence code "${entry.code}" is not in the form ${shapesEn} used with Circular ${circular}: ${formats.map((f) => f.parts.en).join('; ')}`,
  });
}

function codeCriterionWarning(entry: RegisterEntry, criterion: string, why: { vi: string; en: string }): Diagnostic {
  return warning('code-criterion', entry.yaml, ['minh_chung', entry.index, 'ma'], {
    vi: `mã minh chứng ${entry.code} mang số tiêu chí ${criterion}, nhưng ${why.vi}`,
    en: `evidence code ${entry.code} carries criterion ${criterion}, but ${why.en}`,
  });
}

function duplicateWarning(entry: RegisterEntry, earlier: RegisterEntry): Diagnostic {
  const title = String(earlier.value['ten'] ?? '');
  const where = shortLocation(earlier.yaml, ['minh_chung', earlier.index]);
  return warning('duplicate-code', entry.yaml, ['minh_chung', entry.index, 'ma'], {
    vi: `mã minh chứng ${entry.code} đã dùng cho "${title}" (${where}); mỗi văn bản chỉ một mã: nếu là cùng văn bản, xóa dòng này và ghi thêm tiêu chí vào tieu_chi của dòng đầu; nếu là văn bản khác, đặt mã khác`,
    en: `evidence code ${entry.code} is already used for "${title}" (${where}); one document, one code: if it is the same document, delete this entry and add the criteria to the first one's tieu_chi; otherwise give it another code`,
  });
}

function unknownCriterionWarning(entry: RegisterEntry, j: number, criterion: string, criteria: Set<string>, circular: string): Diagnostic {
  const standard = criterion.split('.')[0]!;
  const known = [...criteria].filter((c) => c.startsWith(`${standard}.`)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
  return warning('unknown-criterion', entry.yaml, ['minh_chung', entry.index, 'tieu_chi', j], {
    vi: `minh chứng ${entry.code} ghi tiêu chí ${criterion}, nhưng bộ quy tắc Thông tư ${circular} không có tiêu chí này${known.length > 0 ? ` (tiêu chuẩn ${standard} có: ${known.join(', ')})` : ''}`,
    en: `evidence ${entry.code} names criterion ${criterion}, which the Circular ${circular} rule pack does not have${known.length > 0 ? ` (standard ${standard} has: ${known.join(', ')})` : ''}`,
  });
}
