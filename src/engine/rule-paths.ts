import { standardRoot } from './checks/self-rated.js';
import type { Check, Condition } from './rule-types.js';

/** Every data path a check or condition reads (for `chuan explain` and the meta-tests). */
export function checkPaths(check: Check): string[] {
  switch (check.type) {
    case 'min_rate':
    case 'max_rate':
      return [...(typeof check.numerator === 'string' ? [check.numerator] : check.numerator), check.denominator, ...(check.stated ? [check.stated] : [])];
    case 'ratio':
      return [check.numerator, check.denominator];
    case 'min_value':
    case 'max_value':
    case 'required_flag':
    case 'value_in':
      return [check.path];
    case 'required_records':
      return ['tc1..tc5.ho_so'];
    case 'min_count':
      return [check.path, ...(check.where ? conditionPaths(check.where).map((p) => p.replace(/^item\./, `${check.path}[].`)) : [])];
    case 'all':
    case 'any':
      return check.checks.flatMap(checkPaths);
    case 'for_each':
      return [check.path, ...checkPaths(check.check).map((p) => p.replace(/^item\./, `${check.path}[].`))];
    case 'consecutive_years':
      return [check.path, 'truong.nam_hoc'];
    case 'years_since':
      return [check.path];
    case 'each_year':
      return [check.path, ...checkPaths(check.check).map((p) => p.replace(/^item\./, `${check.path}[].`)), 'truong.nam_hoc'];
    case 'only_if':
      return [...conditionPaths(check.condition), ...checkPaths(check.check)];
    case 'self_rated':
      return [`${standardRoot(check.criterion)}.tieu_chi."${check.criterion}".${check.level}.${check.item}`];
  }
}

export function conditionPaths(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionPaths);
  if ('any' in condition) return condition.any.flatMap(conditionPaths);
  if ('not' in condition) return conditionPaths(condition.not);
  return [condition.path];
}
