import { dataPath, isNumber, valueAt, type EvalContext } from './context.js';
import type { Condition } from './rule-types.js';

/** true / false, or undefined when the data the condition reads is absent (the rule is then not assessable). */
export type Truth = boolean | undefined;

/** A condition made into a function; `missing` collects the absent paths, callers that only need the truth leave it out. */
export type ConditionTest = (ctx: EvalContext, missing?: string[]) => Truth;

type Leaf = Extract<Condition, { path: string }>;

export function evaluateCondition(condition: Condition, ctx: EvalContext, missing?: string[]): Truth {
  return conditionTest(condition)(ctx, missing);
}

// Rule conditions are read for every school (filters for every list element): each is made into a function once.
const tests = new WeakMap<Condition, ConditionTest>();

export function conditionTest(condition: Condition): ConditionTest {
  let test = tests.get(condition);
  if (!test) {
    test = compile(condition);
    tests.set(condition, test);
  }
  return test;
}

function compile(condition: Condition): ConditionTest {
  if ('all' in condition) return combine(condition.all.map(conditionTest), 'all');
  if ('any' in condition) return combine(condition.any.map(conditionTest), 'any');
  if ('not' in condition) {
    const inner = conditionTest(condition.not);
    return (ctx, missing) => {
      const truth = inner(ctx, missing);
      return truth === undefined ? undefined : !truth;
    };
  }
  return leaf(condition);
}

/** Every part is evaluated, even once the answer is known, so that `missing` names all absent data. */
function combine(parts: ConditionTest[], mode: 'all' | 'any'): ConditionTest {
  return (ctx, missing) => {
    let anyTrue = false;
    let anyFalse = false;
    let anyUnknown = false;
    for (const part of parts) {
      const truth = part(ctx, missing);
      if (truth === true) anyTrue = true;
      else if (truth === false) anyFalse = true;
      else anyUnknown = true;
    }
    if (mode === 'all') return anyFalse ? false : anyUnknown ? undefined : true;
    return anyTrue ? true : anyUnknown ? undefined : false;
  };
}

function leaf(condition: Leaf): ConditionTest {
  const path = dataPath(condition.path);
  const exists = condition.exists;
  if (exists !== undefined) return (ctx) => (valueAt(ctx, path) !== undefined) === exists;
  const holds = comparison(condition);
  return (ctx, missing) => {
    const value = valueAt(ctx, path);
    if (value === undefined) {
      missing?.push(condition.path);
      return undefined;
    }
    return holds(value);
  };
}

/** The first comparison the condition states, in this order; none at all gives undefined. */
function comparison(condition: Leaf): (value: unknown) => Truth {
  const { equals, in: among, contains, min, max } = condition;
  if (equals !== undefined) return (value) => value === equals;
  if (among !== undefined) return (value) => among.includes(value as never);
  if (contains !== undefined) return (value) => Array.isArray(value) && value.includes(contains);
  if (min !== undefined) return (value) => isNumber(value) && value >= min;
  if (max !== undefined) return (value) => isNumber(value) && value <= max;
  return () => undefined;
}
