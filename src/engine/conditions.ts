import { isNumber, resolveValue, type EvalContext } from './context.js';
import type { Condition } from './rule-types.js';

/** true / false, or undefined when the data the condition reads is absent (the rule is then not assessable). */
export type Truth = boolean | undefined;

export function evaluateCondition(condition: Condition, ctx: EvalContext, missing: string[]): Truth {
  if ('all' in condition) return combine(condition.all.map((c) => evaluateCondition(c, ctx, missing)), 'all');
  if ('any' in condition) return combine(condition.any.map((c) => evaluateCondition(c, ctx, missing)), 'any');
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, ctx, missing);
    return inner === undefined ? undefined : !inner;
  }
  const value = resolveValue(ctx, condition.path);
  if (condition.exists !== undefined) return (value !== undefined) === condition.exists;
  if (value === undefined) {
    missing.push(condition.path);
    return undefined;
  }
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.in !== undefined) return condition.in.includes(value as never);
  if (condition.contains !== undefined) return Array.isArray(value) && value.includes(condition.contains);
  if (condition.min !== undefined) return isNumber(value) && value >= condition.min;
  if (condition.max !== undefined) return isNumber(value) && value <= condition.max;
  return undefined;
}

function combine(values: Truth[], mode: 'all' | 'any'): Truth {
  if (mode === 'all') {
    if (values.includes(false)) return false;
    return values.includes(undefined) ? undefined : true;
  }
  if (values.includes(true)) return true;
  return values.includes(undefined) ? undefined : false;
}
