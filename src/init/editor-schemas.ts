import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../paths.js';
import { loadSchemaDocuments, type SchemaNode } from './schema-deref.js';

/**
 * Self-contained copies of the input schemas for editors (VS Code + YAML extension), in schemas/editor/.
 *
 * The input schemas refer to each other with relative $refs ("../common.schema.json#/$defs/so_luong") under
 * $ids on https://chuan.schemas.local/, which is not a real host. yaml-language-server has resolved such refs
 * differently from one release to the next (against the file the schema was read from up to 1.19; against
 * the $id from 1.20, which fails for an unreachable host; with local fallbacks added later), so a modeline
 * pointing at the input schemas works in some editors and not in others. The editor copies have every $ref
 * inlined, no $defs and no $id: nothing to resolve, in any release. They are generated, committed, and a test
 * fails when they drift from the input schemas. The files end in .json, not .schema.json, so the validator's
 * registry (which loads every *.schema.json by $id) never sees them.
 */
export const EDITOR_DIR = path.join(schemasDir, 'editor');

import { editorNameOf, editorSchema, editorSchemaName } from './editor-schema-names.js';

export { editorSchemaName };

export function editorSchemaFile(name: string): string {
  return path.join(EDITOR_DIR, ...name.split('/'));
}

const read = new Map<string, SchemaNode | null>();

/** The committed editor schema `name` (see editorSchemaName), read once per process; null when there is none. */
export function readEditorSchema(name: string): SchemaNode | null {
  if (!read.has(name)) {
    try {
      read.set(name, JSON.parse(fs.readFileSync(editorSchemaFile(name), 'utf8')) as SchemaNode);
    } catch {
      read.set(name, null);
    }
  }
  return read.get(name)!;
}

/** The editor schema of every input schema a school file is written against: the profile and each pack's five standards. */
export function editorSchemas(docs: Map<string, SchemaNode> = loadSchemaDocuments()): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of [...docs.keys()].sort()) {
    const name = editorNameOf(id);
    if (name) out.set(name, `${JSON.stringify(editorSchema(id, docs), null, 2)}\n`);
  }
  return out;
}
