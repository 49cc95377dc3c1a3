// Which editor schema serves which school file, and what it holds: no `node:` import, so that the page
// builds the same schemas from its bundled documents as the command line reads from schemas/editor/.
import { SCHEMA_BASE } from '../validate/validators.js';
import { dereference, type SchemaNode } from './dereference.js';

/** "truong.json" or "tt59-2012/tieu-chuan-2.json" (always with '/'): a school file's editor schema under schemas/editor/. */
export function editorSchemaName(packId: string | null, standard?: number): string {
  return packId === null ? 'truong.json' : `${packId}/tieu-chuan-${standard}.json`;
}

const STANDARD = new RegExp(`^${SCHEMA_BASE.replaceAll('.', '\\.')}([a-z0-9-]+)/tieu-chuan-([1-5])\\.schema\\.json$`);

/** The editor schema name of an input schema a school file is written against (the profile, a pack's standard); null for the others. */
export function editorNameOf(id: string): string | null {
  const match = STANDARD.exec(id);
  return id === `${SCHEMA_BASE}truong.schema.json` ? editorSchemaName(null) : match ? editorSchemaName(match[1]!, Number(match[2])) : null;
}

/** The self-contained editor copy of the input schema `id`. */
export function editorSchema(id: string, docs: Map<string, SchemaNode>): SchemaNode {
  const { $schema, ...body } = dereference(id, docs);
  return {
    ...($schema ? { $schema } : {}),
    $comment: `Generated from ${id.slice(SCHEMA_BASE.length)} by chuan (node dist/init/write-editor-schemas.js); do not edit. Self-contained copy for editors.`,
    ...body,
  };
}

/** Editor schemas by name, made on first use from `docs` (the page's bundled schemas). */
export function editorSchemaLookup(docs: SchemaNode[]): (name: string) => SchemaNode | null {
  const byId = new Map(docs.filter((d) => typeof d.$id === 'string').map((d) => [d.$id!, d]));
  const ids = new Map([...byId.keys()].flatMap((id) => { const name = editorNameOf(id); return name ? [[name, id] as const] : []; }));
  const made = new Map<string, SchemaNode>();
  return (name) => {
    const id = ids.get(name);
    if (!id) return null;
    if (!made.has(name)) made.set(name, editorSchema(id, byId));
    return made.get(name)!;
  };
}
