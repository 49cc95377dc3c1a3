// Validators generated from schemas/ at build time (ajv's standalone code), so that a process or worker
// does not compile the schemas again: loading them takes ~20 ms, compiling them ~350 ms. They are used only
// while they match the schema files byte for byte (a fingerprint of names and contents); a schema edited
// after the build is compiled by ajv as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

/** The generated module, next to this file once built (dist/validate/). */
export const PRECOMPILED_FILE = fileURLToPath(new URL('./precompiled-validators.cjs', import.meta.url));

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

/** The generated validators by schema $id, or null when there are none or they were built from other schemas. */
export function loadPrecompiled(file: string, fingerprint: string): Map<string, ValidateFunction> | null {
  if (!fs.existsSync(file)) return null;
  const generated = createRequire(import.meta.url)(file) as GeneratedModule;
  if (generated.fingerprint !== fingerprint || !generated.ids) return null;
  const validators = new Map<string, ValidateFunction>();
  for (const [name, id] of Object.entries(generated.ids)) {
    const validate = generated[name];
    if (typeof validate !== 'function') return null;
    validators.set(id, validate as ValidateFunction);
  }
  return validators;
}
