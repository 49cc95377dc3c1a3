// The page's validators: ajv's standalone code generated at build time, nothing compiled at run time.
import type { ValidateFunction } from 'ajv';
import all from 'chuan-page:validators';
import first from 'chuan-page:first-error-validators';
import type { Validators } from '../src/validate/validators.js';

function byId(generated: Record<string, unknown> & { ids: Record<string, string> }): Map<string, ValidateFunction> {
  return new Map(Object.entries(generated.ids).map(([name, id]) => [id, generated[name] as ValidateFunction]));
}

export class PageValidators implements Validators {
  private readonly all = byId(all);
  private readonly first = byId(first);

  has(id: string): boolean {
    return this.all.has(id);
  }

  validator(id: string): ValidateFunction {
    return found(this.all.get(id), id);
  }

  firstErrorValidator(id: string): ValidateFunction {
    return found(this.first.get(id), id);
  }
}

function found(validate: ValidateFunction | undefined, id: string): ValidateFunction {
  if (!validate) throw new Error(`schema not found: ${id}`);
  return validate;
}
