import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../paths.js';
import { SCHEMA_BASE } from '../validate/schemas.js';
import { dereference, loadSchemaDocuments, type SchemaNode } from './schema-deref.js';

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

import { editorSchemaName } from './editor-schema-names.js';

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
  const standard = new RegExp(`^${SCHEMA_BASE.replaceAll('.', '\\.')}([a-z0-9-]+)/tieu-chuan-([1-5])\\.schema\\.json$`);
  for (const id of [...docs.keys()].sort()) {
    const match = standard.exec(id);
    const name = id === `${SCHEMA_BASE}truong.schema.json` ? editorSchemaName(null) : match ? editorSchemaName(match[1]!, Number(match[2])) : null;
    if (!name) continue;
    const { $schema, ...body } = dereference(id, docs);
    const bundled = {
      ...($schema ? { $schema } : {}),
      $comment: `Generated from ${id.slice(SCHEMA_BASE.length)} by chuan (node dist/init/write-editor-schemas.js); do not edit. Self-contained copy for editors.`,
      ...body,
    };
    out.set(name, `${JSON.stringify(bundled, null, 2)}\n`);
  }
  return out;
}
