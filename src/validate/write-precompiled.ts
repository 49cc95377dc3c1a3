// Build step (npm run build): writes dist/validate/precompiled-validators.cjs, ajv's standalone code for
// every schema in schemas/, with the fingerprint of the schema files it was made from.
import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../paths.js';
import { PRECOMPILED_FILE, readSchemaSources } from './precompiled.js';
import { standaloneValidators } from './standalone.js';

const code = standaloneValidators(readSchemaSources(schemasDir));
const tmp = path.join(path.dirname(PRECOMPILED_FILE), `.${path.basename(PRECOMPILED_FILE)}.${process.pid}.tmp`);
fs.writeFileSync(tmp, code);
fs.renameSync(tmp, PRECOMPILED_FILE);
