import { createRequire } from 'node:module';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { schemasDir } from '../paths.js';
import { addSchemaFormats } from './formats.js';
import { AJV_OPTIONS, loadPrecompiled, PRECOMPILED_FILE, readSchemaSources, schemaFingerprint, type PrecompiledValidators, type SchemaSource } from './precompiled.js';

import type { Validators } from './validators.js';

export { SCHEMA_BASE, profileSchemaId, standardSchemaId, type Validators } from './validators.js';

let shared: SchemaRegistry | null = null;

export interface RegistryOptions {
  /** The generated validators to use when they match the schema files; false: always compile with ajv. */
  precompiled?: string | false;
}

/**
 * Every schema in schemas/, one registry per process (or worker). Validators come from the code generated
 * at build time when it matches the schema files, else ajv compiles each on first use.
 */
export class SchemaRegistry implements Validators {
  private readonly sources: SchemaSource[];
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly generated: PrecompiledValidators | null;
  private allErrorsAjv: Ajv2020 | null = null;
  /** Stops at the first error; built on first use, for very large documents only (see validateDocument). */
  private firstErrorAjv: Ajv2020 | null = null;

  constructor(dir: string = schemasDir, options: RegistryOptions = {}) {
    this.sources = readSchemaSources(dir);
    const file = options.precompiled ?? PRECOMPILED_FILE;
    this.generated = file === false ? null : loadPrecompiled(file, schemaFingerprint(this.sources));
  }

  /** Whether the validators come from the generated code. */
  get usesPrecompiled(): boolean {
    return this.generated !== null;
  }

  /**
   * A validator that reports only the first error. With allErrors, ajv concatenates the errors of every
   * list item into one array item by item, which is quadratic when thousands of items are wrong.
   */
  firstErrorValidator(id: string): ValidateFunction {
    this.firstErrorAjv ??= this.ajvWith(false);
    const validate = this.firstErrorAjv.getSchema(id);
    if (!validate) throw new Error(`schema not found: ${id}`);
    return validate;
  }

  static shared(): SchemaRegistry {
    shared ??= new SchemaRegistry();
    return shared;
  }

  has(id: string): boolean {
    return this.generated?.has(id) === true || this.compiled.has(id) || this.ajv().getSchema(id) !== undefined;
  }

  validator(id: string): ValidateFunction {
    let validate = this.generated?.get(id) ?? this.compiled.get(id);
    if (!validate) {
      validate = this.ajv().getSchema(id);
      if (!validate) throw new Error(`schema not found: ${id}`);
      this.compiled.set(id, validate);
    }
    return validate;
  }

  /** Every schema as parsed JSON (for the reports' field labels), parsed on first use. */
  documents(): object[] {
    return (this.parsed ??= this.sources.map((source) => JSON.parse(source.text) as object));
  }

  private parsed: object[] | null = null;

  private ajv(): Ajv2020 {
    return (this.allErrorsAjv ??= this.ajvWith(true));
  }

  private ajvWith(allErrors: boolean): Ajv2020 {
    const ajv = new (loadAjv())({ ...AJV_OPTIONS, allErrors });
    addSchemaFormats(ajv);
    for (const source of this.sources) ajv.addSchema(JSON.parse(source.text) as object);
    return ajv;
  }
}

/**
 * ajv's compiler, loaded only when a schema has to be compiled here: with the validators generated at build
 * time a thread never needs it, and not loading it saves each thread about 20 ms and 3–4 MB.
 */
function loadAjv(): typeof Ajv2020 {
  return (createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020;
}
