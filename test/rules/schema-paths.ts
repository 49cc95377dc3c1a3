import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../../src/paths.js';

type Schema = Record<string, unknown>;
const cache = new Map<string, Schema>();

function load(file: string): Schema {
  let schema = cache.get(file);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
    cache.set(file, schema);
  }
  return schema;
}

/** Follows a local or relative $ref ("../common.schema.json#/$defs/x"). */
function deref(schema: Schema, file: string): { schema: Schema; file: string } {
  let current = { schema, file };
  for (let i = 0; i < 10 && typeof current.schema['$ref'] === 'string'; i++) {
    const [target, pointer] = (current.schema['$ref'] as string).split('#');
    const nextFile = target ? path.resolve(path.dirname(current.file), target) : current.file;
    let node: unknown = load(nextFile);
    for (const part of (pointer ?? '').split('/').filter(Boolean)) node = (node as Schema)[part];
    current = { schema: node as Schema, file: nextFile };
  }
  return current;
}

export interface SchemaNode {
  schema: Schema;
  file: string;
}

/** Walks properties (following $ref) from a schema node; null when the schema has no such field. */
export function walkSchema(start: SchemaNode, segments: string[]): SchemaNode | null {
  let current = deref(start.schema, start.file);
  for (const segment of segments) {
    const next = (current.schema['properties'] as Record<string, Schema> | undefined)?.[segment];
    if (!next) return null;
    current = deref(next, current.file);
  }
  return current;
}

/** The schema node a dotted data path leads to ("giao_vien.tong_so"). */
export function schemaAt(rootFile: string, segments: string[]): SchemaNode | null {
  return walkSchema({ schema: load(rootFile), file: rootFile }, segments);
}

/** The schema of the elements of a list field. */
export function itemsOf(node: SchemaNode): SchemaNode | null {
  const items = node.schema['items'] as Schema | undefined;
  return items ? deref(items, node.file) : null;
}

export const rootSchemaFile = (root: string, packId: string): string =>
  root === 'truong' ? path.join(schemasDir, 'truong.schema.json') : path.join(schemasDir, packId, `tieu-chuan-${root.slice(2)}.schema.json`);
