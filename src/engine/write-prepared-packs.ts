// Build step (npm run build): dist/engine/prepared-packs.json and one prepared-packs.<pack>.json per pack
// (see prepared-packs.ts), from the package's
// rules/: the validated vocabulary and pack headers, and each pack's body read afresh with what it read.
// A file or a pack with a problem is left out: a check then reads it and reports the problem as before.
import fs from 'node:fs';
import path from 'node:path';
import { rulesDir } from '../paths.js';
import type { Diagnostic } from '../types.js';
import { SchemaRegistry } from '../validate/schemas.js';
import { loadValidated, PACK_SCHEMA, tracedPackBody, VOCABULARY_SCHEMA } from './load-rules.js';
import { bodyFile, PREPARED_PACKS_FILE, preparedHeader, preparedPackBody } from './prepared-packs.js';

const registry = SchemaRegistry.shared();
const headers: Record<string, unknown> = {};
const bodies: string[] = [];
const packDirs = fs.readdirSync(rulesDir).sort().filter((name) => fs.existsSync(path.join(rulesDir, name, 'pack.yaml')));
for (const [rel, schema] of [['vocabulary.yaml', VOCABULARY_SCHEMA], ...packDirs.map((name) => [`${name}/pack.yaml`, PACK_SCHEMA])] as [string, string][]) {
  const file = path.join(rulesDir, rel);
  const diagnostics: Diagnostic[] = [];
  const yaml = loadValidated(file, schema, registry, diagnostics);
  if (yaml && diagnostics.length === 0) headers[rel] = preparedHeader(file, schema, yaml.value);
}
for (const name of packDirs) {
  const traced = tracedPackBody(path.join(rulesDir, name), registry);
  // The pack.yaml the body was read with is one of its sources.
  if (!traced) continue;
  writeAtomic(bodyFile(PREPARED_PACKS_FILE, traced.pack.id), preparedPackBody(rulesDir, traced.body, [{ file: path.join(rulesDir, name, 'pack.yaml'), schemaId: PACK_SCHEMA }, ...traced.trace.files], traced.trace.folders));
  bodies.push(traced.pack.id);
}
writeAtomic(PREPARED_PACKS_FILE, { headers, bodies });

function writeAtomic(file: string, data: unknown): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, `${JSON.stringify(data)}\n`);
  fs.renameSync(tmp, file);
}
