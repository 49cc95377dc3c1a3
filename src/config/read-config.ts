import { KnownError } from '../errors.js';
import type { FileSource } from '../load/file-source.js';
import { locate } from '../load/yaml-file.js';
import { loadYamlFile } from '../load/yaml-file-loader.js';
import type { Diagnostic, SourceLocation } from '../types.js';
import { validateDocument } from '../validate/validate-document.js';
import { SCHEMA_BASE, type Validators } from '../validate/validators.js';
import type { ChuanConfig, DisabledRule, ThresholdOverride, WaiverEntry } from './load-config.js';

export const CONFIG_FILE = 'chuan.config.yaml';

export const emptyConfig = (): ChuanConfig => ({ file: null, report: {}, recognition: {}, thresholds: [], disabled: [], waivers: [] });

/** Reads and validates the config file `rel` of `source`; an invalid one is a located error (exit 2), never ignored. */
export function readConfig(source: FileSource, rel: string, registry: Validators): ChuanConfig {
  const file = source.pathOf(rel);
  const diagnostics: Diagnostic[] = [];
  const yaml = loadYamlFile(source, rel, diagnostics);
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
