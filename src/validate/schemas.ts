import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { schemasDir } from '../paths.js';

export const SCHEMA_BASE = 'https://chuan.schemas.local/';
export const profileSchemaId = `${SCHEMA_BASE}truong.schema.json`;
export const standardSchemaId = (packId: string, n: number): string => `${SCHEMA_BASE}${packId}/tieu-chuan-${n}.schema.json`;

let shared: SchemaRegistry | null = null;

/** One Ajv instance per process (or worker) holding every schema in schemas/; validators compiled once, on first use. */
export class SchemaRegistry {
  readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly dir: string;
  /** Stops at the first error; built on first use, for very large documents only (see validateDocument). */
  private firstErrorAjv: Ajv2020 | null = null;

  constructor(dir: string = schemasDir) {
    this.dir = dir;
    this.ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    for (const file of listSchemaFiles(dir)) {
      this.ajv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
    }
  }

  /**
   * A validator that reports only the first error. With allErrors, ajv concatenates the errors of every
   * list item into one array item by item, which is quadratic when thousands of items are wrong.
   */
  firstErrorValidator(id: string): ValidateFunction {
    if (!this.firstErrorAjv) {
      this.firstErrorAjv = new Ajv2020({ allErrors: false, strict: false, verbose: true });
      for (const file of listSchemaFiles(this.dir)) this.firstErrorAjv.addSchema(JSON.parse(fs.readFileSync(file, 'utf8')) as object);
    }
    const validate = this.firstErrorAjv.getSchema(id);
    if (!validate) throw new Error(`schema not found: ${id}`);
    return validate;
  }

  static shared(): SchemaRegistry {
    shared ??= new SchemaRegistry();
    return shared;
  }

  has(id: string): boolean {
    return this.ajv.getSchema(id) !== undefined || this.compiled.has(id);
  }

  validator(id: string): ValidateFunction {
    let validate = this.compiled.get(id);
    if (!validate) {
      validate = this.ajv.getSchema(id);
      if (!validate) throw new Error(`schema not found: ${id}`);
      this.compiled.set(id, validate);
    }
    return validate;
  }
}

function listSchemaFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(full));
    else if (entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out;
}
