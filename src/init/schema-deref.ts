import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../paths.js';
import type { SchemaNode } from './dereference.js';

export { dereference, type SchemaNode } from './dereference.js';

/** Every input schema of schemas/ (files named *.schema.json, not the generated editor copies), by $id. */
export function loadSchemaDocuments(dir: string = schemasDir): Map<string, SchemaNode> {
  const docs = new Map<string, SchemaNode>();
  const visit = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.name.endsWith('.schema.json')) {
        const schema = JSON.parse(fs.readFileSync(full, 'utf8')) as SchemaNode;
        if (typeof schema.$id === 'string') docs.set(schema.$id, schema);
      }
    }
  };
  visit(dir);
  return docs;
}
