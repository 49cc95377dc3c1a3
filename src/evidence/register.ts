import type { Diagnostic } from '../types.js';
import { codeFormats, matchesAnyFormat } from './codes.js';
import { registerEntries, shortLocation, warning, type EvidenceContext } from './context.js';

/**
 * The register itself: each code in a form the circular's guidance accepts (pack.yaml evidence_code_formats),
 * each code once in the school (one document, one code, whatever the number of criteria it supports), and each
 * criterion it names one the pack has.
 */
export function checkRegister(ctx: EvidenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const formats = codeFormats(ctx.pack.evidenceCodeFormats);
  const circular = ctx.pack.circular;
  const criteria = new Set(ctx.pack.rules.map((r) => r.criterion));
  const first = new Map<string, ReturnType<typeof registerEntries>[number]>();
  for (const entry of registerEntries(ctx)) {
    const at = ['minh_chung', entry.index, 'ma'];
    if (formats.length > 0 && !matchesAnyFormat(entry.code, formats)) {
      const shapes = formats.map((f) => `${f.shape} (ví dụ ${f.example(1, 1)})`).join(' hoặc ');
      const shapesEn = formats.map((f) => `${f.shape} (e.g. ${f.example(1, 1)})`).join(' or ');
      out.push(warning('code-format', entry.yaml, at, {
        vi: `mã minh chứng "${entry.code}" không đúng dạng ${shapes} dùng với Thông tư ${circular}: ${formats.map((f) => f.parts.vi).join('; ')}`,
        en: `evidence code "${entry.code}" is not in the form ${shapesEn} used with Circular ${circular}: ${formats.map((f) => f.parts.en).join('; ')}`,
      }));
    }
    const earlier = first.get(entry.code);
    if (earlier) {
      const where = shortLocation(earlier.yaml, ['minh_chung', earlier.index]);
      out.push(warning('duplicate-code', entry.yaml, at, {
        vi: `mã minh chứng ${entry.code} đã dùng cho "${earlier.title}" (${where}); mỗi văn bản chỉ một mã: nếu là cùng văn bản, xóa dòng này và ghi thêm tiêu chí vào tieu_chi của dòng đầu; nếu là văn bản khác, đặt mã khác`,
        en: `evidence code ${entry.code} is already used for "${earlier.title}" (${where}); one document, one code: if it is the same document, delete this entry and add the criteria to the first one's tieu_chi; otherwise give it another code`,
      }));
    } else {
      first.set(entry.code, entry);
    }
    const named = Array.isArray(entry.value['tieu_chi']) ? (entry.value['tieu_chi'] as unknown[]) : [];
    named.forEach((criterion, j) => {
      if (typeof criterion !== 'string' || criteria.has(criterion)) return;
      const standard = criterion.split('.')[0]!;
      const known = [...criteria].filter((c) => c.startsWith(`${standard}.`)).sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
      out.push(warning('unknown-criterion', entry.yaml, ['minh_chung', entry.index, 'tieu_chi', j], {
        vi: `minh chứng ${entry.code} ghi tiêu chí ${criterion}, nhưng bộ quy tắc Thông tư ${circular} không có tiêu chí này${known.length > 0 ? ` (tiêu chuẩn ${standard} có: ${known.join(', ')})` : ''}`,
        en: `evidence ${entry.code} names criterion ${criterion}, which the Circular ${circular} rule pack does not have${known.length > 0 ? ` (standard ${standard} has: ${known.join(', ')})` : ''}`,
      }));
    });
  }
  return out;
}
