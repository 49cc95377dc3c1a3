import fs from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../engine/load-rules.js';
import { schemasDir } from '../paths.js';
import { SchemaRegistry } from '../validate/schemas.js';
import { criterionSchoolSchema } from './school-schema.js';

/** Writes schemas/<pack>/tieu-chuan-N.schema.json for every criterion regime (npm run schemas:criteria). */
const set = loadRuleSet(undefined, new SchemaRegistry(undefined, { precompiled: false }));
for (const pack of set.packs.filter((p) => p.levelModel.kind !== 'rule_cumulative')) {
  fs.mkdirSync(path.join(schemasDir, pack.id), { recursive: true });
  for (const n of pack.standardNumbers) {
    const file = path.join(schemasDir, pack.id, `tieu-chuan-${n}.schema.json`);
    fs.writeFileSync(file, `${JSON.stringify(criterionSchoolSchema(pack, n), null, 2)}\n`);
    console.log(path.relative(process.cwd(), file));
  }
}
