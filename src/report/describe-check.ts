import type { Check, Condition, Vocabulary } from '../engine/rule-types.js';
import type { Lang } from '../types.js';
import { tr } from './context.js';
import { num, recordName } from './text.js';
import { numeratorText } from '../engine/checks/fraction.js';

/** The requirement of a check in one line, with its threshold (for `chuan explain` and the catalogue). */
export function describeCheck(check: Check, lang: Lang, vocabulary: Vocabulary): string {
  const vi = lang === 'vi';
  switch (check.type) {
    case 'min_rate':
      return `${numeratorText(check.numerator)} / ${check.denominator} ≥ ${num(check.min, lang)} %`;
    case 'max_rate':
      return `${numeratorText(check.numerator)} / ${check.denominator} ≤ ${num(check.max, lang)} %`;
    case 'min_value':
      return `${check.path} ≥ ${num(check.min, lang)} ${tr(check.unit, lang)}`;
    case 'max_value':
      return `${check.path} ≤ ${num(check.max, lang)} ${tr(check.unit, lang)}`;
    case 'ratio': {
      const bounds = [check.min !== undefined ? `≥ ${num(check.min, lang)}` : '', check.max !== undefined ? `≤ ${num(check.max, lang)}` : ''].filter(Boolean).join(vi ? ' và ' : ' and ');
      return `${check.numerator} / ${check.denominator} ${bounds} ${tr(check.unit, lang)}${check.per ? `/${tr(check.per, lang)}` : ''}`;
    }
    case 'required_flag':
      return `${check.path} = ${String(check.equals ?? true)}`;
    case 'value_in':
      return `${check.path} ∈ {${check.values.join(', ')}}`;
    case 'required_records': {
      const scope = { school_year: vi ? 'trong năm học' : 'in the school year', valid: vi ? 'trong năm học hoặc còn hiệu lực' : 'in the school year or still valid', ever: vi ? 'đã có' : 'on file' }[check.within ?? 'school_year'];
      const each = check.min_each && check.min_each > 1 ? ` (${vi ? 'mỗi loại ít nhất' : 'at least'} ${check.min_each})` : '';
      const conclusion = check.with_conclusion ? (vi ? ', có ghi kết luận' : ', recording a conclusion') : '';
      const by = check.by ? (vi ? `, ngày không muộn hơn ${check.by.slice(3)}/${check.by.slice(0, 2)}` : `, dated no later than ${check.by} (MM-DD)`) : '';
      return `${vi ? 'Hồ sơ' : 'Records'} ${scope}${each}${conclusion}${by}: ${check.records.map((r) => recordName(r, vocabulary, lang)).join('; ')}`;
    }
    case 'min_count':
      return `${vi ? 'số phần tử của' : 'count of'} ${check.path}${check.where ? ` ${vi ? 'thỏa' : 'where'} ${describeCondition(check.where, lang)}` : ''} ≥ ${check.min}${check.odd ? (vi ? ' (số lẻ)' : ' (odd)') : ''} ${tr(check.unit, lang)}`;
    case 'consecutive_years':
      return vi ? `${check.path}: ít nhất ${check.min} năm học liên tiếp đến năm đang xét` : `${check.path}: at least ${check.min} consecutive school years up to the one under review`;
    case 'years_since':
      return vi ? `từ ${check.path}[].${check.date_field} gần nhất${check.where ? ` (${describeCondition(check.where, lang)})` : ''} đến ngày tham chiếu ≥ ${num(check.min, lang)} ${tr(check.unit, lang)}` : `from the latest ${check.path}[].${check.date_field}${check.where ? ` (${describeCondition(check.where, lang)})` : ''} to the reference date ≥ ${num(check.min, lang)} ${tr(check.unit, lang)}`;
    case 'all':
    case 'any':
      return check.checks.map((c) => `(${describeCheck(c, lang, vocabulary)})`).join(check.type === 'all' ? (vi ? ' và ' : ' and ') : (vi ? ' hoặc ' : ' or '));
    case 'for_each':
      return `${vi ? 'với mỗi phần tử của' : 'for each element of'} ${check.path}${check.where ? ` (${describeCondition(check.where, lang)})` : ''}: ${describeCheck(check.check, lang, vocabulary)}`;
    case 'each_year': {
      const which = check.at_least === undefined ? (vi ? `mỗi năm trong ${check.years} năm học` : `each of the ${check.years} school years`) : vi ? `ít nhất ${check.at_least} trong ${check.years} năm học` : `at least ${check.at_least} of the ${check.years} school years`;
      return `${which} ${vi ? 'đến năm đang xét' : 'up to the one under review'} (${check.path}[].${check.year_field ?? 'nam_hoc'}): ${describeCheck(check.check, lang, vocabulary)}`;
    }
    case 'only_if':
      return `${vi ? 'khi' : 'where'} ${describeCondition(check.condition, lang)}: ${describeCheck(check.check, lang, vocabulary)}`;
    case 'self_rated':
      return vi ? 'nhà trường tự đánh giá, kèm mã minh chứng có trong danh mục' : 'rated by the school, citing codes of its evidence register';
  }
}

export function describeCondition(c: Condition, lang: Lang = 'vi'): string {
  if ('all' in c) return c.all.map((x) => describeCondition(x, lang)).join(' ∧ ');
  if ('any' in c) return c.any.map((x) => describeCondition(x, lang)).join(' ∨ ');
  if ('not' in c) return `¬(${describeCondition(c.not, lang)})`;
  if (c.equals !== undefined) return `${c.path} = ${String(c.equals)}`;
  if (c.in !== undefined) return `${c.path} ∈ {${c.in.join(', ')}}`;
  if (c.contains !== undefined) return `${c.path} ∋ ${String(c.contains)}`;
  if (c.min !== undefined) return `${c.path} ≥ ${c.min}`;
  if (c.max !== undefined) return `${c.path} ≤ ${c.max}`;
  if (lang === 'vi') return `${c.exists ? 'có' : 'không có'} ${c.path}`;
  return `${c.path} ${c.exists ? 'exists' : 'absent'}`;
}
