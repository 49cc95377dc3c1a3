// Build step (npm run build): writes dist/validate/precompiled-validators.cjs, ajv's standalone code for
// every schema in schemas/, with the fingerprint of the schema files it was made from. The schemas' formats
// (formats.ts) are copied in as source text, so that the module needs nothing but itself.
import fs from 'node:fs';
import path from 'node:path';
import { Name } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { schemasDir } from '../paths.js';
import { addSchemaFormats, FORMATS_IDENTIFIER, formatsSource } from './formats.js';
import { AJV_OPTIONS, PRECOMPILED_FILE, readSchemaSources, schemaFingerprint } from './precompiled.js';

const sources = readSchemaSources(schemasDir);
const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, formats: new Name(FORMATS_IDENTIFIER) } });
addSchemaFormats(ajv);
const ids: Record<string, string> = {};
sources.forEach((source, i) => {
  const schema = JSON.parse(source.text) as { $id: string };
  ajv.addSchema(schema);
  ids[`v${i}`] = schema.$id;
});
// A CommonJS module: its default import is module.exports, whose `default` is the generator.
const generate = (standalone as unknown as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }).default;
// The formats come first: the generated code reads them while the module loads.
const code = `"use strict";\n${formatsSource()}${generate(ajv, ids)}\nexports.ids = ${JSON.stringify(ids)};\nexports.fingerprint = ${JSON.stringify(schemaFingerprint(sources))};\n`;
const tmp = path.join(path.dirname(PRECOMPILED_FILE), `.${path.basename(PRECOMPILED_FILE)}.${process.pid}.tmp`);
fs.writeFileSync(tmp, code);
fs.renameSync(tmp, PRECOMPILED_FILE);
