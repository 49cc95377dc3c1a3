import type { ValidateFunction } from 'ajv';

export const SCHEMA_BASE = 'https://chuan.schemas.local/';
export const profileSchemaId = `${SCHEMA_BASE}truong.schema.json`;
export const standardSchemaId = (packId: string, n: number): string => `${SCHEMA_BASE}${packId}/tieu-chuan-${n}.schema.json`;

/**
 * The validators a check uses, by schema $id: the CLI's SchemaRegistry (generated code or ajv), or the
 * page's generated code alone.
 */
export interface Validators {
  has(id: string): boolean;
  validator(id: string): ValidateFunction;
  /** A validator that reports only the first error (for very large documents, see validateDocument). */
  firstErrorValidator(id: string): ValidateFunction;
}
