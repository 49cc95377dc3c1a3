// Validators generated from schemas/ at build time (ajv's standalone code), so that a process or worker
// does not compile the schemas again: compiling them all takes ~350 ms. They are written in groups (the
// shared schemas, then one module per pack folder of schemas/) and a group is loaded when one of its
// validators is first asked for, so a check loads the shared schemas and its school's pack only. They are
// used only while they match the schema files byte for byte (a fingerprint of names and contents); a
// schema edited after the build is compiled by ajv as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

/** The generated index module, next to this file once built (dist/validate/); its groups sit beside it. */
export const PRECOMPILED_FILE = fileURLToPath(new URL('./precompiled-validators.cjs', import.meta.url));

/**
 * The group of a schema: its folder under schemas/ (a pack's school files); for the top-level ones, `rules`
 * for the rule files' meta-schemas (needed once a pack's rules are read), `report` for the JSON report's
 * (never needed by a check), `core` for the others (profile, configuration, pack.yaml, vocabulary).
 */
export function schemaGroup(name: string): string {
  const slash = name.indexOf('/');
  if (slash >= 0) return name.slice(0, slash);
  return TOP_LEVEL_GROUPS[name] ?? 'core';
}

const TOP_LEVEL_GROUPS: Record<string, string> = { 'rule.schema.json': 'rules', 'criteria.schema.json': 'rules', 'statement.schema.json': 'rules', 'report.schema.json': 'report' };

/** The module of one group, beside the index: precompiled-validators.<group>.cjs. */
export function groupFile(index: string, group: string): string {
  return index.replace(/\.cjs$/, `.${group}.cjs`);
}

/**
 * ajv's options for the school, rule and configuration schemas: the generated code is built with the same.
 * strictNumbers: NaN and ±Infinity are no number (the loader refuses them already, see yaml-file.ts).
 */
export const AJV_OPTIONS = { allErrors: true, strict: false, strictNumbers: true, verbose: true } as const;

export interface SchemaSource {
  /** Path relative to the schemas folder, with '/'. */
  name: string;
  text: string;
}

/** Every *.schema.json under `dir`, in a stable order. */
export function readSchemaSources(dir: string): SchemaSource[] {
  const out: SchemaSource[] = [];
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(name);
      else if (entry.name.endsWith('.schema.json')) out.push({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') });
    }
  };
  walk('');
  return out;
}

export function schemaFingerprint(sources: SchemaSource[]): string {
  const hash = createHash('sha256');
  for (const s of sources) hash.update(`${s.name}\u0000${s.text}\u0000`);
  return hash.digest('hex');
}

interface GeneratedModule {
  fingerprint?: unknown;
  ids?: Record<string, string>;
  [name: string]: unknown;
}

/** The generated validators by schema $id, each group's module loaded on first use. */
export interface PrecompiledValidators {
  has(id: string): boolean;
  /** Undefined when the id is not generated, or its group's module is missing or was built from other schemas. */
  get(id: string): ValidateFunction | undefined;
}

/**
 * The generated validators, or null when there are none or they were built from other schemas. The index
 * names each schema's group (`groups`: $id → group); a group's module is checked against the same
 * fingerprint when it is loaded.
 */
export function loadPrecompiled(file: string, fingerprint: string): PrecompiledValidators | null {
  if (!fs.existsSync(file)) return null;
  const load = createRequire(import.meta.url);
  const index = load(file) as { fingerprint?: unknown; groups?: Record<string, string> };
  if (index.fingerprint !== fingerprint || !index.groups) return null;
  const groupOf = index.groups;
  const loaded = new Map<string, Map<string, ValidateFunction> | null>();
  const group = (name: string): Map<string, ValidateFunction> | null => {
    if (!loaded.has(name)) loaded.set(name, readGroup(load, groupFile(file, name), fingerprint));
    return loaded.get(name)!;
  };
  return {
    has: (id) => id in groupOf,
    get: (id) => (id in groupOf ? group(groupOf[id]!)?.get(id) : undefined),
  };
}

function readGroup(load: NodeJS.Require, file: string, fingerprint: string): Map<string, ValidateFunction> | null {
  if (!fs.existsSync(file)) return null;
  const generated = load(file) as GeneratedModule;
  if (generated.fingerprint !== fingerprint || !generated.ids) return null;
  const validators = new Map<string, ValidateFunction>();
  for (const [name, id] of Object.entries(generated.ids)) {
    const validate = generated[name];
    if (typeof validate !== 'function') return null;
    validators.set(id, validate as ValidateFunction);
  }
  return validators;
}
