import { openRuleSet } from '../engine/load-rules.js';
import { diskSource } from '../load/disk-source.js';
import type { SchoolResult } from '../types.js';
import { SchemaRegistry } from '../validate/schemas.js';
import { checkSchoolFiles, type CheckOptions } from './check-school.js';

export type { CheckOptions };

/** Checks one school folder on disk (see checkSchoolFiles); the rules and schemas are this package's unless given. */
export function checkSchool(dir: string, options: CheckOptions = {}): SchoolResult {
  const registry = options.registry ?? SchemaRegistry.shared();
  const ruleSet = options.ruleSet ?? openRuleSet(undefined, registry);
  return checkSchoolFiles(diskSource(dir), { ...options, registry, ruleSet });
}
