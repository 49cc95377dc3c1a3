// Criterion regimes: what the school stated for an item (tự đánh giá) and the state of its evidence, in a
// sentence, for every report that names an item.
import type { Finding, ItemRating, Lang } from '../types.js';
import { partName } from './criteria-lines.js';

/**
 * "tự đánh giá đạt nhưng chưa dẫn mã minh chứng", "tự đánh giá chưa đạt (ghi chú: …)", … or null when the
 * finding carries no rating (a computed item rated as the data say, an unrated item, a rule of the old packs).
 */
export function ratingText(rating: ItemRating | undefined, lang: Lang): string | null {
  if (!rating) return null;
  const vi = lang === 'vi';
  const codes = (list: string[]): string => list.join(', ');
  const note = rating.note ? (vi ? ` (ghi chú: ${rating.note})` : ` (note: ${rating.note})`) : '';
  if (rating.conflict === 'rated_met_computed_unmet') return vi ? `tự đánh giá đạt nhưng số liệu cho thấy chưa đạt${note}` : `rated met, but the data show it unmet${note}`;
  if (rating.conflict === 'rated_unmet_computed_met') return vi ? `tự đánh giá chưa đạt nhưng số liệu cho thấy đã đạt${note}` : `rated unmet, but the data show it met${note}`;
  if (rating.problem === 'no_evidence') return vi ? `tự đánh giá đạt nhưng chưa dẫn mã minh chứng nào${note}` : `rated met without any evidence code${note}`;
  if (rating.problem === 'unknown_evidence') {
    return vi
      ? `tự đánh giá đạt nhưng mã minh chứng ${codes(rating.unknownEvidence)} không có trong danh mục minh chứng${note}`
      : `rated met, but evidence code(s) ${codes(rating.unknownEvidence)} are not in the evidence register${note}`;
  }
  if (rating.stated === 'chua_dat') return vi ? `nhà trường tự đánh giá chưa đạt${note}` : `rated unmet by the school${note}`;
  if (rating.stated === 'dat') return vi ? `tự đánh giá đạt, minh chứng ${codes(rating.evidence)}${note}` : `rated met, evidence ${codes(rating.evidence)}${note}`;
  return null;
}

/** " (cấp THCS)" for an item of one part of a multi-level school, else "". */
export function partSuffix(f: Pick<Finding, 'part'>, lang: Lang): string {
  return f.part ? ` (${partName(f.part, lang)})` : '';
}
