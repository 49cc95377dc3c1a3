import type { Check, RulePack } from '../engine/rule-types.js';

export type RecordWindow = 'school_year' | 'valid' | 'ever';

const LENIENCY: Record<RecordWindow, number> = { school_year: 0, valid: 1, ever: 2 };

/**
 * The record types the pack's rules look for (required_records checks, at any depth), each with the most
 * lenient window any rule accepts it in: a type some rule takes from any year is never "stale".
 * With `standard`, only the rules of that standard.
 */
export function requiredRecordTypes(pack: RulePack, standard?: number): ReadonlyMap<string, RecordWindow> {
  // The same for every school of the pack: walked once.
  let byStandard = computed.get(pack);
  if (!byStandard) {
    byStandard = new Map();
    computed.set(pack, byStandard);
  }
  let types = byStandard.get(standard ?? 0);
  if (!types) {
    types = collectRecordTypes(pack, standard);
    byStandard.set(standard ?? 0, types);
  }
  return types;
}

const computed = new WeakMap<RulePack, Map<number, Map<string, RecordWindow>>>();

function collectRecordTypes(pack: RulePack, standard?: number): Map<string, RecordWindow> {
  const types = new Map<string, RecordWindow>();
  const visit = (check: Check): void => {
    if (check.type === 'all' || check.type === 'any') check.checks.forEach(visit);
    else if (check.type === 'for_each') visit(check.check);
    else if (check.type === 'required_records') {
      const window = check.within ?? 'school_year';
      for (const type of check.records) {
        const known = types.get(type);
        if (!known || LENIENCY[window] > LENIENCY[known]) types.set(type, window);
      }
    }
  };
  for (const rule of pack.rules) if (standard === undefined || rule.standard === standard) visit(rule.check);
  return types;
}
