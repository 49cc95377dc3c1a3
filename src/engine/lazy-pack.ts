import type { Criterion, PackStatement, Rule, RulePack } from './rule-types.js';

/** A pack's rules, criteria and statements: read from its rule files the first time a run asks for them. */
export interface PackBody {
  rules: Rule[];
  criteria: Criterion[];
  statements: PackStatement[];
  /** The school files' data fields of the computed items, by standard (criteria files' school_data). */
  schoolData: RulePack['schoolData'];
}

const pending = new WeakSet<RulePack>();

/**
 * Makes `rules`, `criteria`, `statements` and `schoolData` of a pack read through `load` on first use (then kept), so a run compiles
 * only the packs its schools need. The properties stay enumerable: spreading a pack or posting it to a
 * worker reads them, and the copy holds plain values. A load that fails throws each time it is asked.
 */
export function deferPackBody(pack: RulePack, load: () => PackBody): void {
  let body: PackBody | null = null;
  let failure: unknown = null;
  const read = (): PackBody => {
    if (body) return body;
    if (failure !== null) throw failure;
    try {
      body = load();
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      if (body) pending.delete(pack);
    }
    return body;
  };
  pending.add(pack);
  for (const key of ['rules', 'criteria', 'statements', 'schoolData'] as const) {
    Object.defineProperty(pack, key, {
      enumerable: true,
      configurable: true,
      get: () => read()[key],
      // A caller that replaces the list (tests, fixtures) gets a plain property again.
      set: (value: unknown) => Object.defineProperty(pack, key, { value, enumerable: true, configurable: true, writable: true }),
    });
  }
}

/** Whether a pack's rules are in memory (always, for a pack built as plain data, as in the page). */
export function isPackLoaded(pack: RulePack): boolean {
  return !pending.has(pack);
}
