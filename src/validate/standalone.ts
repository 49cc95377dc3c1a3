// ajv's standalone code for a set of schemas (build time only: it loads ajv's compiler). The schemas'
// formats (formats.ts) are copied in as source text, so that the module needs nothing but itself.
import { Name } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { addSchemaFormats, FORMATS_IDENTIFIER, formatsSource } from './formats.js';
import { AJV_OPTIONS, schemaFingerprint, type SchemaSource } from './precompiled.js';

/**
 * A CommonJS module exporting a validator per schema of `sources` (v0, v1, …; only those `exported` keeps,
 * default all, the others being there for their references), `ids` (export name → $id) and the
 * fingerprint of `sources` (or the one given). `allErrors: false` gives validators that stop at the first error.
 */
export function standaloneValidators(sources: SchemaSource[], options: { allErrors?: boolean; exported?: (id: string) => boolean; fingerprint?: string } = {}): string {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...(options.allErrors === undefined ? {} : { allErrors: options.allErrors }), code: { source: true, formats: new Name(FORMATS_IDENTIFIER) } });
  addSchemaFormats(ajv);
  const ids: Record<string, string> = {};
  sources.forEach((source, i) => {
    const schema = JSON.parse(source.text) as { $id: string };
    ajv.addSchema(schema);
    if (options.exported?.(schema.$id) ?? true) ids[`v${i}`] = schema.$id;
  });
  // A CommonJS module: its default import is module.exports, whose `default` is the generator.
  const generate = (standalone as unknown as { default: (ajv: Ajv2020, refs: Record<string, string>) => string }).default;
  // The formats come first: the generated code reads them while the module loads.
  return `"use strict";\n${formatsSource()}${generate(ajv, ids)}\nexports.ids = ${JSON.stringify(ids)};\nexports.fingerprint = ${JSON.stringify(options.fingerprint ?? schemaFingerprint(sources))};\n`;
}
