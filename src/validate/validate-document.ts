import type { ErrorObject } from 'ajv';
import type { Diagnostic, YamlPath } from '../types.js';
import { locate, sourceText, type YamlFile } from '../load/yaml-file.js';
import { schemaErrorText } from './messages.js';
import type { Validators } from './validators.js';

/**
 * Documents with more values than this are validated up to their first error only: ajv's allErrors mode
 * is quadratic in the number of wrong list items (5,000 values is several times a large real file).
 */
export const FULL_VALIDATION_MAX_VALUES = 5000;

/** Validates one parsed YAML file; every error becomes a located Vietnamese diagnostic. */
export function validateDocument(registry: Validators, schemaId: string, yaml: YamlFile): Diagnostic[] {
  // The fast reader counts the values as it reads; other documents are walked.
  const tooMany = yaml.values !== undefined ? yaml.values > FULL_VALIDATION_MAX_VALUES : exceedsValues(yaml.value, FULL_VALIDATION_MAX_VALUES);
  if (!tooMany) {
    const validate = registry.validator(schemaId);
    return validate(yaml.value) ? [] : toDiagnostics(validate.errors ?? [], yaml);
  }
  const first = registry.firstErrorValidator(schemaId);
  if (first(yaml.value)) return [];
  const diagnostics = toDiagnostics(first.errors ?? [], yaml);
  return diagnostics.map((d) => ({
    ...d,
    message: {
      vi: `${d.message.vi} (tệp rất lớn: chỉ báo lỗi đầu tiên; sửa rồi kiểm tra lại để thấy lỗi tiếp theo)`,
      en: `${d.message.en} (very large file: only the first error is shown; fix it and check again for the next)`,
    },
  }));
}

/** True when `value` holds more than `limit` values (objects, arrays and scalars). Depth is bounded by the loader (64). */
export function exceedsValues(value: unknown, limit: number): boolean {
  return countValues(value, limit, 0) > limit;
}

/** `count` plus the values in `value`, stopping once past `limit`; allocates nothing. */
export function countValues(value: unknown, limit: number, count: number): number {
  let n = count + 1;
  if (n > limit || value === null || typeof value !== 'object') return n;
  if (Array.isArray(value)) {
    for (const item of value) if ((n = countValues(item, limit, n)) > limit) return n;
    return n;
  }
  for (const key in value) if ((n = countValues((value as Record<string, unknown>)[key], limit, n)) > limit) return n;
  return n;
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
    const name = [...path].reverse().find((p): p is string => typeof p === 'string');
    // A number is quoted as typed (1.250, not 1.25): what YAML made of it is not what the user sees.
    const typed = typeof error.data === 'number' && !onKey ? sourceText(yaml, path) ?? undefined : undefined;
    diagnostics.push({ code: `schema/${error.keyword}`, severity: 'error', message: schemaErrorText(error, field, name, typed), location });
  }
  return diagnostics.sort((a, b) => (a.location!.line - b.location!.line) || (a.location!.column - b.location!.column));
}

/**
 * Drops the noise of combinators (if/then, anyOf, propertyNames) when a more precise error exists, and a
 * pattern's error where a format also failed: the format (a real date, a school year) says more.
 */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const precise = errors.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not', 'propertyNames'].includes(e.keyword));
  const picked = precise.length > 0 ? precise : errors;
  if (!picked.some((e) => e.keyword === 'format')) return picked;
  const formatted = new Set(picked.filter((e) => e.keyword === 'format').map((e) => e.instancePath));
  return picked.filter((e) => e.keyword !== 'pattern' || !formatted.has(e.instancePath));
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
