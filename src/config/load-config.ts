import fs from 'node:fs';
import path from 'node:path';
import { DiskSource } from '../load/disk-source.js';
import type { SourceLocation } from '../types.js';
import { SchemaRegistry, type Validators } from '../validate/schemas.js';
import { CONFIG_FILE, emptyConfig, readConfig } from './read-config.js';

export { CONFIG_FILE } from './read-config.js';

export interface ThresholdOverride { rule: string; at?: number; set: { min?: number; max?: number; min_each?: number; by?: string }; reason: string; origin: SourceLocation }
export interface DisabledRule { rule: string; reason: string; origin: SourceLocation }
export interface WaiverEntry { rule: string; school: string; reason: string; expires: string; approved_by?: string; origin: SourceLocation }

export interface ChuanConfig {
  file: string | null;
  report: { office?: string; header?: string };
  recognition: { mid_cycle_years?: number };
  thresholds: ThresholdOverride[];
  disabled: DisabledRule[];
  waivers: WaiverEntry[];
}

export { emptyConfig };

/** `--config FILE`, else the nearest chuan.config.yaml in the checked path or above it; none is fine. */
export function findConfigFile(explicit: string | undefined, checkedPath: string, cwd: string): string | null {
  if (explicit) return path.resolve(cwd, explicit);
  let dir = path.resolve(cwd, checkedPath);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Reads and validates a config file; an invalid one is a located error (exit 2), never ignored. */
export function loadConfig(file: string | null, registry: Validators = SchemaRegistry.shared()): ChuanConfig {
  return file ? readConfig(new DiskSource(path.dirname(file)), path.basename(file), registry) : emptyConfig();
}
