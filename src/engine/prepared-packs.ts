// The package's rule packs prepared at build time (dist/engine/prepared-packs.json): the validated contents
// of rules/vocabulary.yaml and of every rules/<pack>/pack.yaml, and each pack's body (rules, criteria,
// statements, as its rule files give them, with their origins). A check then neither parses nor validates
// the headers of every pack to choose one (some hold block texts that only the reference YAML reader
// takes), nor the rule files of the pack it needs. An entry is used only while every file it was made from
// and every schema they were validated against are byte for byte those of the build, and the folders it
// read hold the same files; otherwise the files are read and checked as before. A header's YAML is read,
// lazily, only when a problem has to be located in it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { YamlFile } from '../load/yaml-file.js';
import { schemasDir } from '../paths.js';
import type { Diagnostic } from '../types.js';
import { SCHEMA_BASE } from '../validate/validators.js';
import type { PackBody } from './lazy-pack.js';

export const PREPARED_PACKS_FILE = fileURLToPath(new URL('./prepared-packs.json', import.meta.url));

/** A header file's value, and its YAML for locating a problem (read on first use). */
export interface HeaderFile {
  value: unknown;
  yaml: () => YamlFile;
}

/** sha256 of a file and of the schema it validates against. */
interface PreparedHeader {
  file: string;
  schema: string;
  value: unknown;
}

/**
 * What a pack's body was made from: each file read (with its schema), relative to the rules folder, and
 * the names in each folder looked into (a file added or removed there is a change too).
 */
export interface BodySources {
  /** File (relative to the rules folder) → its sha256, the schema it validates against and that schema's sha256. */
  files: Record<string, { sha: string; schema: string; schemaSha: string }>;
  folders: Record<string, string[] | null>;
}

interface PreparedBody {
  sources: BodySources;
  body: PackBody;
}

export interface Prepared {
  rulesDir: string;
  headers: Record<string, PreparedHeader>;
  /** The packs whose body was prepared (each in its own file beside the index, read when asked for). */
  bodies: string[];
  file: string;
}

/** A pack's prepared body, beside the index: prepared-packs.<pack id>.json. */
export const bodyFile = (index: string, packId: string): string => index.replace(/\.json$/, `.${packId}.json`);

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** The schema file of a schema $id under SCHEMA_BASE. */
export const schemaFile = (schemaId: string): string => path.join(schemasDir, schemaId.slice(SCHEMA_BASE.length));

const rel = (rulesDir: string, file: string): string => path.relative(rulesDir, file).split(path.sep).join('/');

/** The prepared packs for `rulesDir`, or null (no build, unreadable). */
export function readPrepared(rulesDir: string, file = PREPARED_PACKS_FILE): Prepared | null {
  // Beside the compiled code only (dist/engine/): run from the sources, the packs are read from their files.
  if (!fs.existsSync(file)) return null;
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { headers: Prepared['headers']; bodies: Prepared['bodies'] };
    return { rulesDir, headers: data.headers, bodies: data.bodies, file };
  } catch {
    return null;
  }
}

/**
 * A header file through its prepared entry when it still matches, else through `load` (the YAML reader and
 * the schema, with its diagnostics).
 */
export function headerFile(prepared: Prepared | null, file: string, schemaId: string, load: (diagnostics: Diagnostic[]) => YamlFile | null, diagnostics: Diagnostic[]): HeaderFile | null {
  const entry = prepared?.headers[rel(prepared.rulesDir, file)];
  if (entry && entry.file === hashOf(file) && entry.schema === hashOf(schemaFile(schemaId))) {
    let yaml: YamlFile | null = null;
    return { value: entry.value, yaml: () => (yaml ??= load([]) ?? changed(file)) };
  }
  const yaml = load(diagnostics);
  return yaml ? { value: yaml.value, yaml: () => yaml } : null;
}

/** A pack's prepared body when every file and folder it was made from is unchanged (origins made absolute again), else null. */
export function preparedBody(prepared: Prepared | null, packId: string): PackBody | null {
  if (!prepared?.bodies.includes(packId)) return null;
  let entry: PreparedBody;
  try {
    entry = JSON.parse(fs.readFileSync(bodyFile(prepared.file, packId), 'utf8')) as PreparedBody;
  } catch {
    return null;
  }
  if (!unchanged(prepared.rulesDir, entry.sources)) return null;
  const absolute = <T extends { origin: { file: string } }>(x: T): T => ({ ...x, origin: { ...x.origin, file: path.join(prepared.rulesDir, x.origin.file) } });
  const { rules, criteria, statements, schoolData } = entry.body;
  return { rules: rules.map(absolute), criteria: criteria.map(absolute), statements: statements.map(absolute), schoolData };
}

function unchanged(rulesDir: string, sources: BodySources): boolean {
  for (const [name, f] of Object.entries(sources.files)) {
    if (hashOf(path.join(rulesDir, name)) !== f.sha || hashOf(path.join(schemasDir, f.schema)) !== f.schemaSha) return false;
  }
  for (const [folder, names] of Object.entries(sources.folders)) {
    const now = listing(path.join(rulesDir, folder));
    if (JSON.stringify(now) !== JSON.stringify(names)) return false;
  }
  return true;
}

/** The names in a folder, sorted, or null when it does not exist. */
export function listing(dir: string): string[] | null {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return null;
  }
}

function hashOf(file: string): string | null {
  try {
    return sha256(fs.readFileSync(file));
  } catch {
    return null;
  }
}

function changed(file: string): never {
  throw new Error(`${file} no longer reads as it did when it was checked`);
}

/** Build time: the entry of a header file that validated. */
export function preparedHeader(file: string, schemaId: string, value: unknown): PreparedHeader {
  return { file: sha256(fs.readFileSync(file)), schema: sha256(fs.readFileSync(schemaFile(schemaId))), value };
}

/** Build time: the entry of a pack's body, from the files and folders its loading read. */
export function preparedPackBody(rulesDir: string, body: PackBody, files: { file: string; schemaId: string }[], folders: string[]): PreparedBody {
  const sources: BodySources = { files: {}, folders: {} };
  for (const f of files) {
    sources.files[rel(rulesDir, f.file)] = { sha: sha256(fs.readFileSync(f.file)), schema: f.schemaId.slice(SCHEMA_BASE.length), schemaSha: sha256(fs.readFileSync(schemaFile(f.schemaId))) };
  }
  for (const folder of folders) sources.folders[rel(rulesDir, folder)] = listing(folder);
  const relative = <T extends { origin: { file: string } }>(x: T): T => ({ ...x, origin: { ...x.origin, file: rel(rulesDir, x.origin.file) } });
  return { sources, body: { rules: body.rules.map(relative), criteria: body.criteria.map(relative), statements: body.statements.map(relative), schoolData: body.schoolData } };
}
