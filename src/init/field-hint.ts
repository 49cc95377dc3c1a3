// What to type for a field, from its schema: shown after a key in the templates `chuan init` writes and in
// the reports' data hints (which import nothing else of init, and no YAML library).
import type { SchemaNode } from './schema-deref.js';

/** What to type, shown after the key: the allowed values, the number kind, the date form. */
export function hint(schema: SchemaNode): string | undefined {
  if (schema.const !== undefined) return `luôn là ${String(schema.const)}`;
  if (schema.enum) return choices(schema.enum);
  switch (schema.type) {
    case 'boolean':
      return 'true hoặc false';
    case 'integer':
      return range('số nguyên', schema);
    case 'number':
      return range('số, dấu chấm thập phân', schema);
    case 'array':
      return schema.items?.enum ? `danh sách, chọn trong: [${schema.items.enum.join(', ')}]` : 'danh sách, dạng [a, b]';
    case 'string':
      // A pattern that also takes words (ký hiệu THMS, codes) is no date, whatever digits it allows.
      if (schema.pattern && new RegExp(schema.pattern).test('THMS')) return 'văn bản';
      if (schema.pattern && new RegExp(schema.pattern).test('2025-09-15')) return 'ngày dạng YYYY-MM-DD';
      if (schema.pattern && new RegExp(schema.pattern).test('2025-2026')) return 'năm học dạng YYYY-YYYY';
      return 'văn bản';
    default:
      return undefined;
  }
}

function choices(values: unknown[]): string {
  return values.length <= 8 ? values.map(String).join(' | ') : `một trong ${values.length} giá trị (VS Code gợi ý khi gõ)`;
}

function range(kind: string, schema: SchemaNode): string {
  if (schema.minimum !== undefined && schema.maximum !== undefined) return `${kind} từ ${schema.minimum} đến ${schema.maximum}`;
  if (schema.minimum !== undefined) return `${kind} ≥ ${schema.minimum}`;
  return kind;
}
