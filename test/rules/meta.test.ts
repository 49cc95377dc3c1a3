import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../../src/catalogue/rule-catalogue.js';
import { CHECK_TYPES, runCheck } from '../../src/engine/checks/index.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { Check, Condition, Rule, RulePack } from '../../src/engine/rule-types.js';
import { packageRoot, schemasDir } from '../../src/paths.js';
import { PLACEHOLDER, PLACEHOLDERS } from '../../src/report/text.js';
import { contextOf } from '../helpers.js';
import { itemsOf, rootSchemaFile, schemaAt, walkSchema } from './schema-paths.js';

const set = loadRuleSet();
const rules = set.packs.flatMap((pack) => pack.rules.map((rule) => ({ pack, rule })));
const common = JSON.parse(fs.readFileSync(path.join(schemasDir, 'common.schema.json'), 'utf8'));
const recordTypes: string[] = common.$defs.loai_ho_so.enum;

function leaves(check: Check, scope: string | null = null): { check: Check; scope: string | null }[] {
  if (check.type === 'all' || check.type === 'any') return check.checks.flatMap((c) => leaves(c, scope));
  if (check.type === 'for_each' || check.type === 'each_year') return leaves(check.check, check.path);
  if (check.type === 'only_if') return leaves(check.check, scope);
  return [{ check, scope }];
}

function conditionLeaves(c: Condition): Extract<Condition, { path: string }>[] {
  if ('all' in c) return c.all.flatMap(conditionLeaves);
  if ('any' in c) return c.any.flatMap(conditionLeaves);
  if ('not' in c) return conditionLeaves(c.not);
  return [c];
}

/** The scope inside a list at `path`: a nested list (`item.…`) extends the outer scope. */
const nest = (scope: string | null, path: string): string => (path.startsWith('item.') && scope ? `${scope} > ${path}` : path);

/** Every dotted path of a rule with the list that `item.` refers to, if any. */
function pathsOf(rule: Rule): { path: string; scope: string | null }[] {
  const out: { path: string; scope: string | null }[] = [];
  const visit = (check: Check, scope: string | null) => {
    if (check.type === 'all' || check.type === 'any') return check.checks.forEach((c) => visit(c, scope));
    if (check.type === 'for_each') {
      out.push({ path: check.path, scope });
      const inner = nest(scope, check.path);
      if (check.where) conditionLeaves(check.where).forEach((c) => out.push({ path: c.path, scope: inner }));
      return visit(check.check, inner);
    }
    if (check.type === 'each_year') {
      out.push({ path: check.path, scope });
      return visit(check.check, nest(scope, check.path));
    }
    if (check.type === 'only_if') {
      conditionLeaves(check.condition).forEach((c) => out.push({ path: c.path, scope }));
      return visit(check.check, scope);
    }
    if ((check.type === 'min_rate' || check.type === 'max_rate') && Array.isArray(check.numerator)) {
      check.numerator.forEach((p) => out.push({ path: p, scope }));
      out.push({ path: check.denominator, scope });
      if (check.stated) out.push({ path: check.stated, scope });
      return;
    }
    if (check.type === 'min_count') {
      out.push({ path: check.path, scope });
      if (check.where) conditionLeaves(check.where).forEach((c) => out.push({ path: c.path, scope: check.path }));
      return;
    }
    for (const key of ['path', 'numerator', 'denominator', 'stated'] as const) {
      const value = (check as Record<string, unknown>)[key];
      if (typeof value === 'string') out.push({ path: value, scope });
    }
  };
  visit(rule.check, null);
  if (rule.when) conditionLeaves(rule.when).forEach((c) => out.push({ path: c.path, scope: null }));
  return out;
}

/** `scope`: the lists that `item.` refers to, outermost first, joined by " > " (a for_each inside a for_each). */
function schemaExists(pack: RulePack, dotted: string, scope: string | null): boolean {
  const [root, ...rest] = dotted.split('.');
  if (root === 'item') {
    if (!scope) return false;
    const element = elementSchema(pack, scope.split(' > '));
    return element !== null && walkSchema(element, rest) !== null;
  }
  return schemaAt(rootSchemaFile(root!, pack.id), rest) !== null;
}

function elementSchema(pack: RulePack, lists: string[]): ReturnType<typeof itemsOf> {
  const [first, ...nested] = lists;
  const [listRoot, ...listPath] = first!.split('.');
  const list = schemaAt(rootSchemaFile(listRoot!, pack.id), listPath);
  let element = list && itemsOf(list);
  for (const inner of nested) {
    const node = element && walkSchema(element, inner.split('.').slice(1));
    element = node && itemsOf(node);
  }
  return element ?? null;
}

describe('the rule set (meta-tests)', () => {
  it('has the three 2012–2014 packs, the 2018 packs and the two 57/2026 packs, with rules in every standard they declare', () => {
    expect(set.packs.map((p) => p.id)).toEqual(['tt02-2014', 'tt17-2018', 'tt18-2018', 'tt19-2018', 'tt47-2012', 'tt57-2026-mam-non', 'tt57-2026-pho-thong', 'tt59-2012']);
    for (const pack of set.packs) {
      expect(new Set(pack.rules.filter((r) => r.scope !== 'recognition').map((r) => r.standard)), pack.id).toEqual(new Set(pack.standardNumbers));
      expect(pack.rules.length, pack.id).toBeGreaterThanOrEqual(8);
    }
  });

  it('uses every check type somewhere', () => {
    const used = new Set(rules.map(({ rule }) => rule).flatMap((rule) => {
      const types: string[] = [];
      const visit = (c: Check) => {
        types.push(c.type);
        if (c.type === 'all' || c.type === 'any') c.checks.forEach(visit);
        if (c.type === 'for_each' || c.type === 'each_year' || c.type === 'only_if') visit(c.check);
      };
      visit(rule.check);
      return types;
    }));
    expect([...used].sort()).toEqual([...CHECK_TYPES].sort());
  });

  it.each(rules.map(({ pack, rule }) => [rule.id, pack, rule] as const))('%s: reference, verification, known placeholders, paths in the schemas', (_id, pack, rule) => {
    expect(rule.reference.article.trim()).not.toBe('');
    expect(['confirmed', 'secondary', 'unverified']).toContain(rule.verification);
    for (const text of [rule.remedy.vi, rule.remedy.en]) {
      for (const [, key] of text.matchAll(PLACEHOLDER)) expect(PLACEHOLDERS as readonly string[]).toContain(key);
      // Every {{…}} is a placeholder the interpolator knows, with or without its |singular|plural forms.
      expect(text.replace(PLACEHOLDER, ''), rule.id).not.toMatch(/\{\{|\}\}/);
    }
    for (const { path: p, scope } of pathsOf(rule)) expect(schemaExists(pack, p, scope), `${p} in ${pack.id}`).toBe(true);
    for (const { check } of leaves(rule.check)) {
      if (check.type !== 'required_records') continue;
      for (const type of check.records) {
        expect(recordTypes).toContain(type);
        expect(set.vocabulary.records[type], `vocabulary for ${type}`).toBeDefined();
      }
    }
  });
});

/** Data that puts `value` at a dotted path; `item.` paths go into the current element. */
function place(roots: Record<string, unknown>, item: Record<string, unknown>, dotted: string, value: unknown): void {
  const [root, ...rest] = dotted.split('.');
  let node = root === 'item' ? item : ((roots[root!] ??= {}) as Record<string, unknown>);
  rest.slice(0, -1).forEach((seg) => (node = (node[seg] ??= {}) as Record<string, unknown>));
  node[rest.at(-1)!] = value;
}

function matchingItem(where: Condition | undefined): Record<string, unknown> {
  const item: Record<string, unknown> = { ten: 'x', ngay: '2025-10-01' };
  for (const c of where ? conditionLeaves(where) : []) {
    const v = c.equals ?? c.in?.[0] ?? (c.contains !== undefined ? [c.contains] : undefined) ?? c.min ?? c.max ?? 'x';
    place({}, item, c.path, v);
  }
  return item;
}

/** A numerator of several counts: the whole count in the first, the others 0. */
function counts(numerator: string | string[], total: number): [string, unknown][] {
  return typeof numerator === 'string' ? [[numerator, total]] : numerator.map((p, i) => [p, i === 0 ? total : 0]);
}

/** [data at the threshold, data just past it] for a leaf check, or null when it has no numeric threshold. */
function boundary(check: Check): [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>] | null {
  const build = (pairs: [string, unknown][]) => {
    const roots: Record<string, unknown> = {};
    const item: Record<string, unknown> = {};
    for (const [p, v] of pairs) place(roots, item, p, v);
    return [roots, item] as const;
  };
  switch (check.type) {
    case 'min_rate': {
      const at = Math.ceil((check.min * 1000) / 100);
      if (at === 0) return null;
      return [...build([...counts(check.numerator, at), [check.denominator, 1000]]), ...build([...counts(check.numerator, at - 1), [check.denominator, 1000]])];
    }
    case 'max_rate': {
      const at = Math.floor((check.max * 1000) / 100);
      if (at >= 1000) return null;
      return [...build([...counts(check.numerator, at), [check.denominator, 1000]]), ...build([...counts(check.numerator, at + 1), [check.denominator, 1000]])];
    }
    case 'min_value':
      return [...build([[check.path, check.min]]), ...build([[check.path, check.min - (Number.isInteger(check.min) ? 1 : 0.1)]])];
    case 'max_value':
      return [...build([[check.path, check.max]]), ...build([[check.path, check.max + (Number.isInteger(check.max) ? 1 : 0.1)]])];
    case 'ratio': {
      const bound = check.min ?? check.max!;
      const past = check.min !== undefined ? bound * 10 - 1 : bound * 10 + 1;
      return [...build([[check.numerator, bound * 10], [check.denominator, 10]]), ...build([[check.numerator, past], [check.denominator, 10]])];
    }
    case 'min_count': {
      if (check.min === 0) return null;
      const list = (n: number) => Array.from({ length: n }, () => matchingItem(check.where));
      return [...build([[check.path, list(check.min)]]), ...build([[check.path, list(check.min - 1)]])];
    }
    default:
      return null;
  }
}

const thresholdCases = rules.flatMap(({ rule }) => leaves(rule.check).map((leaf, i) => [`${rule.id}#${i}`, leaf.check] as const)).filter(([, check]) => boundary(check) !== null);

describe('every threshold: met exactly at it, unmet just past it', () => {
  it('has threshold rules to test', () => expect(thresholdCases.length).toBeGreaterThan(20));
  it.each(thresholdCases)('%s', (_id, check) => {
    const [atRoots, atItem, pastRoots, pastItem] = boundary(check)!;
    const ctxAt = { ...contextOf(atRoots), item: { value: atItem, ref: { root: 'tc1', path: [] } } };
    const ctxPast = { ...contextOf(pastRoots), item: { value: pastItem, ref: { root: 'tc1', path: [] } } };
    expect(runCheck(check, ctxAt).status).toBe('met');
    expect(runCheck(check, ctxPast).status).toBe('unmet');
  });
});

describe('docs/rules.md', () => {
  it('is generated from rules/ (run `npm run docs:rules` after changing a rule)', () => {
    expect(fs.readFileSync(path.join(packageRoot, 'docs', 'rules.md'), 'utf8')).toBe(ruleCatalogue(set));
  });
});
