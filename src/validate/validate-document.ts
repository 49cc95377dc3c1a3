import type { ErrorObject } from 'ajv';
import type { Diagnostic, YamlPath } from '../types.js';
import { locate, type YamlFile } from '../load/yaml-file.js';
import { schemaErrorText } from './messages.js';
import type { SchemaRegistry } from './schemas.js';

/** Validates one parsed YAML file; every error becomes a located Vietnamese diagnostic. */
export function validateDocument(registry: SchemaRegistry, schemaId: string, yaml: YamlFile): Diagnostic[] {
  const validate = registry.validator(schemaId);
  if (validate(yaml.value)) return [];
  return toDiagnostics(validate.errors ?? [], yaml);
}

export function toDiagnostics(errors: ErrorObject[], yaml: YamlFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of pickErrors(errors)) {
    const path = pointerToPath(error.instancePath, yaml.value);
    const onKey = error.keyword === 'additionalProperties';
    const target = onKey ? [...path, String((error.params as { additionalProperty: string }).additionalProperty)] : path;
    const location = locate(yaml, target, { key: onKey });
    const key = `${location.line}:${location.column}:${error.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const field = path.length > 0 ? `${fieldName(path)}: ` : '';
    diagnostics.push({ code: `schema/${error.keyword}`, severity: 'error', message: schemaErrorText(error, field), location });
  }
  return diagnostics.sort((a, b) => (a.location!.line - b.location!.line) || (a.location!.column - b.location!.column));
}

/** Drops the noise of combinators (if/then, anyOf) when a more precise error exists at the same place. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(e.keyword));
  return precise.length > 0 ? precise : errors;
}

/** so_lop, giao_vien.tong_so, to_chuyen_mon[1].ten — list positions counted from 1, as staff count them. */
export function fieldName(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i > 0 ? '.' : ''}${p}`)).join('');
}

export function pointerToPath(pointer: string, value: unknown): YamlPath {
  if (pointer === '') return [];
  const path: YamlPath = [];
  let node: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) {
      const index = Number(segment);
      path.push(index);
      node = node[index];
    } else {
      path.push(segment);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}
