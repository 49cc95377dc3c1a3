import path from 'node:path';
import { checkSchool } from '../check/check-folder.js';
import { failedResult, type CheckOptions } from '../check/check-school.js';
import { applyOverlay } from '../config/apply-overlay.js';
import { loadConfig } from '../config/load-config.js';
import { openRuleSet } from '../engine/load-rules.js';
import { isRulePackError } from '../errors.js';
import type { LevelId, SchoolResult } from '../types.js';
import { SchemaRegistry } from '../validate/schemas.js';

/**
 * What a worker needs to check schools exactly as the main thread would: plain data only, so it can be
 * posted to a worker. The worker rebuilds the rule set from the same rules/ and the same config file.
 */
export interface BatchSettings {
  asOf: string;
  level?: LevelId;
  /** --circular: the circular every school is checked under instead of its truong.yaml `thong_tu`. */
  circular?: string;
  /** chuan.config.yaml (or --config) in effect; null when there is none. */
  configFile: string | null;
}

/** What a worker can take over from the main thread instead of loading and checking the rule files again: plain data. */
export type PreparedRules = Required<Pick<CheckOptions, 'ruleSet' | 'config' | 'overlayChanges'>>;

/** Compiles schemas and rules once (per process or worker) and applies the configuration overlay. */
export function prepareCheckOptions(settings: BatchSettings, prepared?: PreparedRules): CheckOptions {
  const registry = SchemaRegistry.shared();
  const level = { ...(settings.level ? { level: settings.level } : {}), ...(settings.circular ? { circular: settings.circular } : {}) };
  if (prepared) return { asOf: settings.asOf, registry, ...prepared, ...level };
  const config = loadConfig(settings.configFile, registry);
  const { ruleSet, changes } = applyOverlay(openRuleSet(undefined, registry), config);
  return { asOf: settings.asOf, ruleSet, registry, config, overlayChanges: changes, ...level };
}

/** The prepared rules of `options`, when the caller prepared them. */
export function preparedRules(options: CheckOptions | undefined): PreparedRules | undefined {
  if (!options?.ruleSet || !options.config) return undefined;
  return { ruleSet: options.ruleSet, config: options.config, overlayChanges: options.overlayChanges ?? [] };
}

/**
 * Checks one school and never throws: bad input is already a diagnostic inside checkSchool, and an
 * unexpected failure becomes an invalid result for that school only, so the batch goes on.
 */
export function checkOneSafely(dir: string, options: CheckOptions): SchoolResult {
  try {
    return checkSchool(dir, options);
  } catch (error) {
    // A broken rule pack is not this school's problem: it stops the run (exit 2).
    if (isRulePackError(error)) throw error;
    return internalFailure(dir, error instanceof Error ? error.message : String(error));
  }
}

export function internalFailure(dir: string, reason: string): SchoolResult {
  const absolute = path.resolve(dir);
  return failedResult(absolute, path.basename(absolute), reason);
}
