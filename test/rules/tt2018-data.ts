import type { Check, Condition, Rule } from '../../src/engine/rule-types.js';

/**
 * School data for the computed items of the 2018 packs, built from the checks themselves: every number a
 * check reads is put where the check looks, so that the item is met exactly at its thresholds; one chosen
 * threshold (the target) can be put at, just below or just above its value.
 */
export type Offset = -1 | 0 | 1;
export interface Target {
  leaf: Check;
  offset: Offset;
}
type Roots = Record<string, Record<string, unknown>>;
type Scope = Record<string, unknown> | null;

/** 1000 is every denominator: a threshold of p % is p·10 of it, and one more or one less is 0.1 point. */
export const BASE = 1000;
export const SCHOOL_YEAR = '2020-2021';

export function yearsUpTo(current: string, years: number): string[] {
  const last = Number(current.slice(0, 4));
  return Array.from({ length: years }, (_, i) => `${last - years + 1 + i}-${last - years + 2 + i}`);
}

export function parts(numerator: string | string[]): string[] {
  return typeof numerator === 'string' ? [numerator] : numerator;
}

/** The numeric leaves of a check, each with a name of the threshold it tests. */
export function numericLeaves(check: Check): { leaf: Check; name: string }[] {
  const out: { leaf: Check; name: string }[] = [];
  const visit = (c: Check): void => {
    if (c.type === 'all' || c.type === 'any') c.checks.forEach(visit);
    else if (c.type === 'for_each' || c.type === 'only_if') visit(c.check);
    else if (c.type === 'each_year') {
      if (c.at_least !== undefined) out.push({ leaf: c, name: `${c.path}: ≥ ${c.at_least}/${c.years} năm` });
      visit(c.check);
    } else if (c.type === 'min_rate') out.push({ leaf: c, name: `${parts(c.numerator).join('+')} / ${c.denominator} ≥ ${c.min}%` });
    else if (c.type === 'max_rate') out.push({ leaf: c, name: `${parts(c.numerator).join('+')} / ${c.denominator} ≤ ${c.max}%` });
    else if (c.type === 'min_value') out.push({ leaf: c, name: `${c.path} ≥ ${c.min}` });
    else if (c.type === 'max_value') out.push({ leaf: c, name: `${c.path} ≤ ${c.max}` });
    else if (c.type === 'ratio') out.push({ leaf: c, name: `${c.numerator} / ${c.denominator} ≥ ${c.min}` });
    else if (c.type === 'min_count' && c.min > 0) out.push({ leaf: c, name: `${c.path}: ≥ ${c.min}` });
    else if (c.type === 'years_since') out.push({ leaf: c, name: `${c.path}: ≥ ${c.min} năm` });
  };
  visit(check);
  return out;
}

/** Whether the leaf's threshold can be passed on this side (100 % has no "above", 0 % no "below"). */
export function hasSide(leaf: Check, offset: Offset): boolean {
  if (offset === 0) return true;
  if (leaf.type === 'min_rate') return offset < 0 ? leaf.min > 0 : leaf.min < 100;
  if (leaf.type === 'max_rate') return offset > 0 ? leaf.max < 100 : leaf.max > 0;
  if (leaf.type === 'max_value') return offset > 0 || leaf.max > 0;
  if (leaf.type === 'min_count') return offset > 0 || leaf.min > 0;
  if (leaf.type === 'each_year') return offset < 0 ? leaf.at_least! > 0 : leaf.at_least! < leaf.years;
  return true;
}

/** met unless below a minimum or above a maximum. */
export function expected(leaf: Check, offset: Offset): 'met' | 'unmet' {
  const isMax = leaf.type === 'max_rate' || leaf.type === 'max_value';
  return (isMax ? offset > 0 : offset < 0) ? 'unmet' : 'met';
}

function get(roots: Roots, scope: Scope, dotted: string): unknown {
  const [root, ...rest] = dotted.split('.');
  let node: unknown = root === 'item' ? scope : roots[root!];
  for (const seg of rest) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
  return node;
}

function set(roots: Roots, scope: Scope, dotted: string, value: unknown): void {
  const [root, ...rest] = dotted.split('.');
  let node = (root === 'item' ? scope : (roots[root!] ??= {})) as Record<string, unknown>;
  rest.slice(0, -1).forEach((seg) => (node = (node[seg] ??= {}) as Record<string, unknown>));
  node[rest.at(-1)!] = value;
}

/** A condition made true by writing the data it reads (the first way that works for any; every part for all). */
export function satisfy(cond: Condition, roots: Roots, scope: Scope): void {
  if ('all' in cond) return cond.all.forEach((c) => satisfy(c, roots, scope));
  if ('any' in cond) {
    for (const c of cond.any) {
      if (holds(c, roots, scope)) return;
    }
    return satisfy(cond.any[0]!, roots, scope);
  }
  if ('not' in cond) throw new Error('not: unsupported in the builder');
  if (holds(cond, roots, scope)) return;
  if (cond.exists === false) {
    const [root, ...rest] = cond.path.split('.');
    const parent = get(roots, scope, [root, ...rest.slice(0, -1)].join('.')) as Record<string, unknown> | undefined;
    if (parent) delete parent[rest.at(-1)!];
    return;
  }
  // "At least one" (a count that makes an item apply) is made the common base, so rates over it can move by 0.1 point.
  const atLeast = cond.min !== undefined && cond.min <= 1 ? BASE : cond.min;
  const value = cond.equals ?? cond.in?.find((v) => v !== undefined) ?? atLeast ?? cond.max ?? (cond.exists ? true : undefined);
  set(roots, scope, cond.path, value);
}

export function holds(cond: Condition, roots: Roots, scope: Scope): boolean | undefined {
  if ('all' in cond) {
    const r = cond.all.map((c) => holds(c, roots, scope));
    return r.includes(false) ? false : r.includes(undefined) ? undefined : true;
  }
  if ('any' in cond) {
    const r = cond.any.map((c) => holds(c, roots, scope));
    return r.includes(true) ? true : r.includes(undefined) ? undefined : false;
  }
  if ('not' in cond) {
    const r = holds(cond.not, roots, scope);
    return r === undefined ? undefined : !r;
  }
  const v = get(roots, scope, cond.path);
  if (cond.exists !== undefined) return (v !== undefined) === cond.exists;
  if (v === undefined) return undefined;
  if (cond.equals !== undefined) return v === cond.equals;
  if (cond.in !== undefined) return cond.in.includes(v as never);
  if (cond.contains !== undefined) return Array.isArray(v) && v.includes(cond.contains);
  if (cond.min !== undefined) return typeof v === 'number' && v >= cond.min;
  if (cond.max !== undefined) return typeof v === 'number' && v <= cond.max;
  return undefined;
}

/** The conditions on the way from `check` down to `leaf` (only_if and for_each where), outermost first. */
export function conditionsTo(check: Check, leaf: Check): Condition[] | null {
  if (check === leaf) return [];
  const inner = (c: Check): Condition[] | null => conditionsTo(c, leaf);
  if (check.type === 'all' || check.type === 'any') {
    for (const c of check.checks) {
      const found = inner(c);
      if (found) return found;
    }
    return null;
  }
  if (check.type === 'only_if') {
    const found = inner(check.check);
    return found ? [check.condition, ...found] : null;
  }
  if (check.type === 'for_each') {
    const found = inner(check.check);
    return found ? (check.where ? [check.where, ...found] : found) : null;
  }
  if (check.type === 'each_year') return inner(check.check);
  return null;
}

/**
 * Writes the data that meets `check` (the target leaf put at its threshold plus `offset`) into `roots`.
 * Conditions are read on the data written so far; a branch whose condition is false gets nothing.
 */
export function fill(check: Check, roots: Roots, scope: Scope, target: Target | null, fail = false): void {
  switch (check.type) {
    case 'all':
    case 'any':
      // The target's own branch first, so that its numbers are in place when the others share a path.
      [...check.checks].sort((a, b) => Number(target !== null && conditionsTo(b, target.leaf) !== null) - Number(target !== null && conditionsTo(a, target.leaf) !== null))
        .forEach((c) => fill(c, roots, scope, target, fail));
      return;
    case 'only_if':
      if (target && conditionsTo(check.check, target.leaf) !== null) satisfy(check.condition, roots, scope);
      if (holds(check.condition, roots, scope) === true) fill(check.check, roots, scope, target, fail);
      return;
    case 'for_each': {
      let list = get(roots, scope, check.path) as Record<string, unknown>[] | undefined;
      if (!Array.isArray(list)) {
        list = [];
        set(roots, scope, check.path, list);
      }
      // A filter keeps the elements it matches; when none does, one more element is made to match it.
      const matching = check.where ? list.filter((e) => holds(check.where!, roots, e) === true) : list;
      if (matching.length === 0) {
        const element: Record<string, unknown> = { ten: `x${list.length}` };
        if (check.where) satisfy(check.where, roots, element);
        list.push(element);
        matching.push(element);
      }
      for (const element of matching) fill(check.check, roots, element, target, fail);
      return;
    }
    case 'each_year': {
      const years = yearsUpTo(String(get(roots, null, 'truong.nam_hoc')), check.years);
      let list = get(roots, scope, check.path) as Record<string, unknown>[] | undefined;
      if (!Array.isArray(list)) {
        list = [];
        set(roots, scope, check.path, list);
      }
      const entries = years.map((year) => {
        let e = list!.find((x) => x['nam_hoc'] === year);
        if (!e) list!.push((e = { nam_hoc: year }));
        return e;
      });
      // A target on the count of years: that many years pass, the others fail.
      const passing = target?.leaf === check ? check.at_least! + target.offset : check.years;
      entries.forEach((e, i) => fill(check.check, roots, e, target?.leaf === check ? null : target, fail || i >= passing));
      return;
    }
    default:
      leafData(check, roots, scope, target?.leaf === check ? target.offset : null, fail);
  }
}

function leafData(c: Check, roots: Roots, scope: Scope, offset: Offset | null, fail: boolean): void {
  const shift = offset ?? 0;
  const owner = (scope ?? roots) as object;
  const pins = pinned.get(owner) ?? new Set<string>();
  pinned.set(owner, pins);
  // The target's own value, pinned; another leaf leaves a pinned value alone.
  const put = (path: string, value: unknown): void => {
    if (offset === null && pins.has(path)) return;
    set(roots, scope, path, value);
    if (offset !== null) pins.add(path);
  };
  switch (c.type) {
    case 'min_rate':
    case 'max_rate': {
      // A denominator already there (the school's number of classes) is kept; otherwise 1000.
      const existing = get(roots, scope, c.denominator);
      const d = typeof existing === 'number' && existing > 0 ? existing : BASE;
      set(roots, scope, c.denominator, d);
      const threshold = c.type === 'min_rate' ? Math.ceil((c.min * d) / 100) : Math.floor((c.max * d) / 100);
      spread(roots, scope, parts(c.numerator), threshold + shift, offset !== null, c.type === 'max_rate');
      return;
    }
    case 'min_value': {
      const current = get(roots, scope, c.path);
      return offset === null && typeof current === 'number' && current >= c.min ? undefined : put(c.path, c.min + shift);
    }
    case 'max_value': {
      const current = get(roots, scope, c.path);
      return offset === null && typeof current === 'number' && current <= c.max ? undefined : put(c.path, c.max + shift);
    }
    case 'ratio': {
      const existing = get(roots, scope, c.denominator);
      const d = typeof existing === 'number' && existing > 0 ? existing : BASE;
      set(roots, scope, c.denominator, d);
      return put(c.numerator, (c.min ?? c.max!) * d + shift);
    }
    case 'min_count': {
      const current = get(roots, scope, c.path);
      const list = Array.isArray(current) ? (current as unknown[]) : [];
      if (offset === null && list.length >= c.min) return;
      const element = (i: number): unknown => (list[0] !== undefined ? structuredClone(list[0]) : { ten: `x${i}`, ngay: '2020-10-01' });
      return set(roots, scope, c.path, Array.from({ length: c.min + shift }, (_, i) => element(i)));
    }
    case 'value_in': {
      if (fail) return set(roots, scope, c.path, justBelow(c.values));
      const current = get(roots, scope, c.path);
      return c.values.includes(current as never) ? undefined : set(roots, scope, c.path, c.values[0]);
    }
    case 'required_flag':
      return set(roots, scope, c.path, fail ? !(c.equals ?? true) : (c.equals ?? true));
    case 'years_since': {
      // A decision signed `min` years (plus offset) before the reference date 2021-05-31.
      const date = `${2021 - (c.min + shift)}-05-31`;
      const current = get(roots, scope, c.path);
      if (Array.isArray(current)) return current.forEach((e) => ((e as Record<string, unknown>)[c.date_field] = date));
      return set(roots, scope, c.path, [{ so_hieu: '1/QĐ', [c.date_field]: date }]);
    }
    default:
      return;
  }
}

/** A rating one step below the accepted ones (so that a year fails a "≥ k of 5 years" count and nothing else). */
function justBelow(values: unknown[]): unknown {
  if (values.includes('hoan_thanh_tot')) return 'hoan_thanh';
  if (values.includes('tot') && !values.includes('kha')) return 'kha';
  if (values.includes('kha')) return 'dat';
  return '__khac__';
}

/** The counts the target set, per data object: other leaves never change them. */
const pinned = new WeakMap<object, Set<string>>();

/**
 * Puts `total` into a sum of counts: the target takes its value into its first part (and pins its parts);
 * any other leaf only adds what the sum lacks, into its first part the target did not set (a maximum adds
 * nothing), so that counts shared by several thresholds stay consistent.
 */
function spread(roots: Roots, scope: Scope, paths: string[], total: number, isTarget: boolean, isMax: boolean): void {
  const owner = (scope ?? roots) as object;
  const pins = pinned.get(owner) ?? new Set<string>();
  pinned.set(owner, pins);
  for (const p of paths) if (get(roots, scope, p) === undefined) set(roots, scope, p, 0);
  if (isTarget) {
    const known = paths.slice(1).reduce((s, p) => s + (Number(get(roots, scope, p)) || 0), 0);
    set(roots, scope, paths[0]!, Math.max(0, total - known));
    paths.forEach((p) => pins.add(p));
    return;
  }
  const known = paths.reduce((s, p) => s + (Number(get(roots, scope, p)) || 0), 0);
  const free = paths.find((p) => !pins.has(p));
  if (!isMax && known < total && free !== undefined) set(roots, scope, free, (Number(get(roots, scope, free)) || 0) + total - known);
}

/** The school's rating of every item of `rules`, met with a registered code (mixed items rate their description). */
export function ratings(rules: Rule[], roots: Roots, code: string): void {
  for (const r of rules) {
    if (!r.item) continue;
    const tc = (roots[`tc${r.standard}`] ??= {});
    const tieuChi = ((tc['tieu_chi'] as Record<string, unknown>) ??= {}) as Record<string, Record<string, Record<string, unknown>>>;
    ((tieuChi[r.criterion] ??= {})[r.level] ??= {})[r.item.item] = { danh_gia: 'dat', minh_chung: [code] };
  }
}
