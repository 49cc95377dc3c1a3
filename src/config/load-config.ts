import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';
import { loadYamlPath } from '../load/disk-source.js';
import type { Diagnostic, SourceLocation } from '../types.js';
import { SCHEMA_BASE, SchemaRegistry, type Validators } from '../validate/schemas.js';
import { validateDocument } from '../validate/validate-document.js';
import { locate } from '../load/yaml-file.js';

export const CONFIG_FILE = 'chuan.config.yaml';

export interface ThresholdOverride { rule: string; at?: number; set: { min?: number; max?: number; min_each?: number }; reason: string; origin: SourceLocation }
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

export const emptyConfig = (): ChuanConfig => ({ file: null, report: {}, recognition: {}, thresholds: [], disabled: [], waivers: [] });

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
  if (!file) return emptyConfig();
  const diagnostics: Diagnostic[] = [];
  const yaml = loadYamlPath(file, diagnostics);
  if (yaml) diagnostics.push(...validateDocument(registry, `${SCHEMA_BASE}config.schema.json`, yaml));
  if (!yaml || diagnostics.length > 0) {
    throw new KnownError({ vi: `tệp cấu hình ${file} có lỗi`, en: `the configuration file ${file} is invalid` }, diagnostics[0]?.location ?? null, diagnostics);
  }
  const raw = (yaml.value ?? {}) as Record<string, unknown>;
  const withOrigin = <T>(key: string): (T & { origin: SourceLocation })[] =>
    ((raw[key] ?? []) as T[]).map((entry, i) => ({ ...entry, origin: locate(yaml, [key, i]) }));
  return {
    file,
    report: (raw['report'] ?? {}) as ChuanConfig['report'],
    recognition: (raw['recognition'] ?? {}) as ChuanConfig['recognition'],
    thresholds: withOrigin<Omit<ThresholdOverride, 'origin'>>('thresholds'),
    disabled: withOrigin<Omit<DisabledRule, 'origin'>>('disabled'),
    waivers: withOrigin<Omit<WaiverEntry, 'origin'>>('waivers'),
  };
}
