import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../report/write-atomic.js';
import { EDITOR_DIR, editorSchemaFile, editorSchemas } from './editor-schemas.js';

// `node dist/init/write-editor-schemas.js` (after `npx tsc -p .`): regenerates schemas/editor/ from schemas/.
const files = editorSchemas();
for (const [name, content] of files) {
  const file = editorSchemaFile(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, content);
}
process.stdout.write(`${files.size} editor schemas written to ${EDITOR_DIR}\n`);
