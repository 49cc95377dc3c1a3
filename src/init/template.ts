import { stringify } from 'yaml';
import { hint } from './field-hint.js';
import type { SchemaNode } from './schema-deref.js';

/** Comment lines are wrapped at this width (indentation and "# " included). */
const WIDTH = 100;
/** Trailing hints start at this column when the key is shorter. */
const HINT_COLUMN = 34;

export interface ActiveValue {
  value: string | number | boolean | string[];
  comment?: string;
}

export interface TemplateSpec {
  /** What follows `$schema=` in the modeline. */
  modeline: string;
  /** Plain text, printed as comments under the modeline. */
  header: string[];
  /** A dereferenced object schema (no $ref): every property becomes a documented key. */
  schema: SchemaNode;
  /** Top-level keys written with a value; every other key is written commented out. */
  values: Record<string, ActiveValue>;
  /** Extra comment lines above a top-level key (e.g. the records the rules look for). */
  notes?: Record<string, string[]>;
}

/**
 * A YAML file listing every field of the schema with its Vietnamese title and description as comments.
 * Only the keys in `values` are live; the others are commented out ("# key:") so that absent data stays
 * absent: the checker then reports "not assessable", and the file validates as it is. Uncommenting a block
 * (VS Code: select, Ctrl+/) removes one "# " per line and leaves valid YAML with the nested comments intact.
 */
export function renderTemplate(spec: TemplateSpec): string {
  const out = [`# yaml-language-server: $schema=${spec.modeline}`, ...spec.header.flatMap((line) => comment(line, ''))];
  const required = new Set(spec.schema.required ?? []);
  for (const [key, schema] of Object.entries(spec.schema.properties ?? {})) {
    out.push('', ...docLines(schema, required.has(key), ''));
    for (const note of spec.notes?.[key] ?? []) out.push(...comment(note, ''));
    const active = spec.values[key];
    if (active) out.push(withHint(`${key}: ${scalar(active.value)}`, active.comment));
    else out.push(...fieldLines(key, schema, '').map((line) => `# ${line}`));
  }
  return `${out.join('\n')}\n`;
}

/** The key line(s) of one field and, for objects and lists of objects, their documented children. */
function fieldLines(key: string, schema: SchemaNode, indent: string): string[] {
  if (schema.type === 'object' && schema.properties) {
    return [`${indent}${key}:`, ...childLines(schema, `${indent}  `)];
  }
  const item = schema.items;
  if (schema.type === 'array' && item?.type === 'object' && item.properties) {
    const itemDoc = item.description && item.description !== schema.description ? comment(`Mỗi mục: ${item.description}`, `${indent}  `) : [];
    return [withHint(`${indent}${key}:`, 'danh sách, mỗi mục bắt đầu bằng "-"'), ...itemDoc, `${indent}  -`, ...childLines(item, `${indent}    `)];
  }
  return [withHint(`${indent}${key}:`, hint(schema))];
}

function childLines(schema: SchemaNode, indent: string): string[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([k, s]) => [...docLines(s, required.has(k), indent), ...fieldLines(k, s, indent)]);
}

function docLines(schema: SchemaNode, required: boolean, indent: string): string[] {
  const title = `${schema.title ?? ''}${required ? ' (bắt buộc)' : ''}`.trim();
  const text = [title, schema.description].filter((t) => t).join(' — ');
  return text ? comment(text, indent) : [];
}

function withHint(line: string, hintText: string | undefined): string {
  return hintText ? `${line.padEnd(Math.max(line.length + 2, HINT_COLUMN))}# ${hintText}` : line;
}

/** A scalar as YAML, or a list of them in flow style ("[thcs, thpt]"). */
function scalar(value: string | number | boolean | string[]): string {
  return stringify(value, { lineWidth: 0, collectionStyle: 'flow', flowCollectionPadding: false }).trimEnd();
}

/** Text as comment lines at `indent`, wrapped at WIDTH. */
export function comment(text: string, indent: string): string[] {
  const room = Math.max(40, WIDTH - indent.length - 2);
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current && current.length + 1 + word.length > room) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => `${indent}# ${line}`);
}

export { hint };
