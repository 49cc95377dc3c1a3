// The floor's worker: read, parse with js-yaml's CommonJS build, validate with ajv. No rules, no
// positions, no report: the least any checker must do per school.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type * as JsYaml from 'js-yaml';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

const require = createRequire(import.meta.url);
const jsyaml = require('js-yaml') as typeof JsYaml;

const BASE = 'https://chuan.schemas.local/';
const PACK: Record<string, string> = { mam_non: 'tt02-2014', tieu_hoc: 'tt59-2012', thcs: 'tt47-2012', thpt: 'tt47-2012', nhieu_cap: 'tt47-2012' };

const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
const schemasDir = (workerData as { schemasDir: string }).schemasDir;
// The schemas' formats (a real date, a school year), from the build: the floor validates as much as chuan does.
const formats = pathToFileURL(path.join(path.dirname(schemasDir), 'dist', 'validate', 'formats.js')).href;
((await import(formats)) as { addSchemaFormats: (ajv: Ajv2020) => void }).addSchemaFormats(ajv);
for (const file of listSchemas(schemasDir)) ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
const validators = new Map<string, ValidateFunction>();
const validator = (id: string): ValidateFunction | undefined => {
  if (!validators.has(id)) {
    const v = ajv.getSchema(id);
    if (v) validators.set(id, v);
  }
  return validators.get(id);
};

function checkSchool(dir: string): boolean {
  let valid = true;
  const load = (name: string): unknown => {
    try {
      return jsyaml.load(fs.readFileSync(path.join(dir, name), 'utf8'), { schema: jsyaml.CORE_SCHEMA });
    } catch {
      valid = false;
      return null;
    }
  };
  const profile = load('truong.yaml') as { cap_hoc?: string } | null;
  if (!validator(`${BASE}truong.schema.json`)!(profile)) valid = false;
  const pack = PACK[profile?.cap_hoc ?? ''];
  for (let n = 1; n <= 5; n++) {
    const value = load(`tieu-chuan-${n}.yaml`);
    if (pack && !validator(`${BASE}${pack}/tieu-chuan-${n}.schema.json`)!(value)) valid = false;
  }
  return valid;
}

function listSchemas(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listSchemas(path.join(dir, e.name)) : e.name.endsWith('.schema.json') ? [path.join(dir, e.name)] : []);
}

parentPort!.on('message', (dirs: string[] | null) => {
  if (!dirs) {
    parentPort!.close();
    return;
  }
  let invalid = 0;
  for (const dir of dirs) if (!checkSchool(dir)) invalid++;
  parentPort!.postMessage({ done: dirs.length, invalid });
});
parentPort!.postMessage({ done: 0, invalid: 0 });
