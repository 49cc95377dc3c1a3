// Build step (npm run build): writes dist/validate/precompiled-validators.cjs, the index of ajv's standalone
// code for every schema in schemas/ (each schema's group and the fingerprint of the schema files), and one
// module per group beside it (precompiled-validators.<group>.cjs): the top-level schemas, then each pack's.
import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../paths.js';
import { groupFile, PRECOMPILED_FILE, readSchemaSources, schemaFingerprint, schemaGroup } from './precompiled.js';
import { standaloneValidators } from './standalone.js';

const sources = readSchemaSources(schemasDir);
const fingerprint = schemaFingerprint(sources);
const idOf = (text: string): string => (JSON.parse(text) as { $id: string }).$id;
const groups: Record<string, string> = {};
for (const source of sources) groups[idOf(source.text)] = schemaGroup(source.name);

function writeAtomic(file: string, code: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, code);
  fs.renameSync(tmp, file);
}

for (const group of new Set(Object.values(groups))) {
  // A pack's schemas refer to the top-level ones (common.schema.json); nothing refers to another pack's.
  const used = sources.filter((s) => !s.name.includes('/') || schemaGroup(s.name) === group);
  // The fingerprint of every schema file, as the index: a group is used only with the schemas it was built with.
  writeAtomic(groupFile(PRECOMPILED_FILE, group), standaloneValidators(used, { exported: (id) => groups[id] === group, fingerprint }));
}
writeAtomic(PRECOMPILED_FILE, `"use strict";\nexports.groups = ${JSON.stringify(groups)};\nexports.fingerprint = ${JSON.stringify(fingerprint)};\n`);
