// What a "not assessable" finding asks the school to add, in the school's words: the file, the keys
// (with their Vietnamese titles), the record types a rule looks for, and a YAML snippet to paste. The
// keys' shapes, titles and allowed values come from the self-contained editor schemas (schemas/editor/),
// which the caller looks up (the CLI reads them from disk); without them, the keys are named alone.
import { editorSchemaName } from '../init/editor-schema-names.js';
import type { SchemaNode } from '../init/schema-deref.js';
import { hint } from '../init/field-hint.js';
import { checkPaths, conditionPaths } from '../engine/rule-paths.js';
import type { Check, Condition, Rule, RulePack, Scalar, Vocabulary } from '../engine/rule-types.js';
import { EVIDENCE_CODE_FORMATS, packCodeFormats, type EvidenceCodeFormat } from '../evidence/codes.js';
import type { Finding, Lang, YamlPath } from '../types.js';
import { findRule, type FormatContext } from './context.js';
import { baseName } from './file-path.js';
import { recordName } from './text.js';

export interface DataHint {
  /** The school file to edit: truong.yaml, tieu-chuan-2.yaml. */
  file: string;
  /** What to add, in words: "giao_vien.tong_so (Tổng số giáo viên), …" or the record types. */
  what: string;
  /** Lines of YAML to paste at the top level of that file. */
  snippet: string[];
  /** The record types to add to ho_so, for a hint about records. */
  records?: string[];
}

/** An editor schema by name ("truong.json", "tt59-2012/tieu-chuan-2.json"), or null. */
export type SchemaLookup = (name: string) => SchemaNode | null;

/** The hints of a not-assessable finding, one per file it needs data in; empty when it names no data. */
export function dataHints(f: Finding, rule: Rule | undefined, pack: RulePack | undefined, lang: Lang, vocabulary: Vocabulary, schemaOf: SchemaLookup = () => null): DataHint[] {
  const packId = pack?.id ?? null;
  const byFile = new Map<string, { root: string; paths: YamlPath[]; records: boolean }>();
  const add = (root: string, segments: YamlPath, records = false): void => {
    const file = rootFile(root);
    if (!file) return;
    const entry = byFile.get(file) ?? { root, paths: [], records: false };
    if (records) entry.records = true;
    else entry.paths.push(segments);
    byFile.set(file, entry);
  };
  for (const data of f.missingData ?? []) {
    if (data === 'ho_so') {
      add(`tc${rule?.standard ?? f.standard}`, [], true);
      continue;
    }
    const [root, ...rest] = data.split('.');
    if (root === 'item') {
      // A field of a list element: the element is where the finding points.
      const at = f.location?.path ?? [];
      let last = at.length - 1;
      while (last >= 0 && typeof at[last] !== 'number') last--;
      const file = f.location ? baseName(f.location.file) : '';
      if (last >= 0) add(fileRoot(file), [...at.slice(0, last + 1), ...rest]);
      continue;
    }
    add(root!, rest);
  }
  const out: DataHint[] = [];
  for (const [file, entry] of byFile) {
    const schema = packId ? schemaOf(entry.root === 'truong' ? editorSchemaName(null) : editorSchemaName(packId, Number(entry.root.slice(2)))) : null;
    if (entry.records) out.push(recordsHint(file, schema, rule, f, lang, vocabulary, pack ? packCodeFormats(pack)[0] : undefined));
    if (entry.paths.length > 0) out.push(pathsHint(file, schema, entry.paths, rule, lang));
  }
  return out;
}

/** "tieu-chuan-2.yaml: khai giao_vien.tong_so (Tổng số giáo viên)", one per file. */
export function dataHintLines(hints: DataHint[]): string[] {
  return hints.map((h) => `${h.file}: ${h.what}`);
}

function pathsHint(file: string, schema: SchemaNode | null, paths: YamlPath[], rule: Rule | undefined, lang: Lang): DataHint {
  const named = paths.map((p) => {
    const node = schema ? nodeAt(schema, p) : null;
    const title = lang === 'vi' && node?.title ? ` (${node.title})` : '';
    return `${dotted(p)}${title}`;
  });
  const tree = new Map<string | number, unknown>();
  for (const p of paths) insert(tree, p);
  const shapes: ItemShapes = rule ? { fields: itemFieldsOf(rule.check), values: filterValues(rule.check) } : { fields: new Map(), values: new Map() };
  return { file, what: `${lang === 'vi' ? 'khai' : 'fill in'} ${[...new Set(named)].join(', ')}`, snippet: schema ? renderTree(tree, schema, '', shapes, []) : paths.map((p) => `${dotted(p)}: …`) };
}

function recordsHint(file: string, schema: SchemaNode | null, rule: Rule | undefined, f: Finding, lang: Lang, vocabulary: Vocabulary, codeFormat: EvidenceCodeFormat | undefined): DataHint {
  const types = rule ? recordTypes(rule.check) : [];
  const list = types.map((t) => `${recordName(t, vocabulary, lang)} (loai: ${t})`);
  const what = lang === 'vi' ? `thêm vào ho_so ${types.length > 1 ? 'các văn bản' : 'văn bản'}: ${list.join('; ')}` : `add to ho_so: ${list.join('; ')}`;
  const item = schema?.properties?.['ho_so']?.items;
  // Evidence codes in the pack's convention ([H1.01.03.01], MC.1.3.01), numbered from 01.
  const format = codeFormat ?? EVIDENCE_CODE_FORMATS['hn.ab.cd.ef']!;
  const first = format.example(f.standard, Number(f.criterion.split('.')[1] ?? 1));
  const code = (i: number): string => first.replace(/01(\]?)$/, `${String(i + 1).padStart(2, '0')}$1`);
  const lines = ['ho_so:'];
  (types.length > 0 ? types : ['…']).forEach((type, i) => {
    lines.push(`  - loai: ${type}`);
    lines.push(withComment(`    ngay: 2025-09-15`, item?.properties?.['ngay'] ? hint(item.properties['ngay']) : undefined));
    if (!item || item.properties?.['minh_chung']) lines.push(`    minh_chung: "${code(i)}"`);
  });
  return { file, what, snippet: lines, records: types };
}

/** Record types a rule looks for, in the order it names them. */
function recordTypes(check: Check): string[] {
  if (check.type === 'required_records') return check.records;
  if (check.type === 'all' || check.type === 'any') return [...new Set(check.checks.flatMap(recordTypes))];
  if (check.type === 'for_each') return recordTypes(check.check);
  return [];
}

/** What the rule says about the elements of the lists it reads: the fields, by list ("phong"), and filter values ("phong.loai"). */
interface ItemShapes {
  fields: Map<string, string[]>;
  values: Map<string, Scalar>;
}

/** A rule path without its document: "tc4.phong" is "phong". */
const inDocument = (dotted: string): string => dotted.split('.').slice(1).join('.');

/** For each list a rule reads element by element, the element fields it reads. */
function itemFieldsOf(check: Check): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const p of checkPaths(check)) {
    const m = /^(.*)\[\]\.(.+)$/.exec(p);
    if (m) fields.set(inDocument(m[1]!), [...(fields.get(inDocument(m[1]!)) ?? []), m[2]!]);
  }
  return fields;
}

/** `loai: thu_vien` for a list a rule filters with `loai equals thu_vien`. */
function filterValues(check: Check): Map<string, Scalar> {
  const values = new Map<string, Scalar>();
  const visit = (c: Check): void => {
    if ((c.type === 'min_count' || c.type === 'for_each') && c.where) {
      for (const cond of leaves(c.where)) {
        const v = cond.equals ?? cond.in?.[0];
        if (v !== undefined) values.set(`${inDocument(c.path)}.${cond.path.replace(/^item\./, '')}`, v);
      }
    }
    if (c.type === 'all' || c.type === 'any') c.checks.forEach(visit);
    if (c.type === 'for_each') visit(c.check);
  };
  visit(check);
  return values;
}

function leaves(c: Condition): Extract<Condition, { path: string }>[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return [];
  return conditionPaths(c).length > 0 ? [c] : [];
}

function insert(tree: Map<string | number, unknown>, p: YamlPath): void {
  let node = tree;
  for (const segment of p) {
    let next = node.get(segment) as Map<string | number, unknown> | undefined;
    if (!next) node.set(segment, (next = new Map()));
    node = next;
  }
}

/** The snippet of the keys in `tree`, nested as in the file; leaves get an example value and what to type. */
function renderTree(tree: Map<string | number, unknown>, schema: SchemaNode, indent: string, shapes: ItemShapes, at: YamlPath): string[] {
  const lines: string[] = [];
  for (const [key, sub] of tree) {
    const child = typeof key === 'number' ? schema.items : schema.properties?.[key];
    const children = sub as Map<string | number, unknown>;
    if (typeof key === 'number') {
      // An element of a list: "- " and its fields.
      const inner = child ? renderTree(children, child, `${indent}  `, shapes, [...at, key]) : [];
      lines.push(...inner.map((l, i) => (i === 0 ? `${indent}- ${l.trimStart()}` : l)));
      continue;
    }
    if (children.size > 0 && child) {
      lines.push(`${indent}${key}:`, ...renderTree(children, child, `${indent}  `, shapes, [...at, key]));
    } else {
      const list = rootless([...at, key]);
      lines.push(...leafLines(key, child, indent, shapes.fields.get(list) ?? [], (field) => shapes.values.get(`${list}.${field}`)));
    }
  }
  return lines;
}

const rootless = (p: YamlPath): string => p.filter((s): s is string => typeof s === 'string').join('.');

/** The lines of one key and an example value: a scalar on its line, a mapping or a list of mappings below it (a few levels deep). */
function leafLines(key: string, schema: SchemaNode | undefined, indent: string, fields: string[], wanted: (field: string) => Scalar | undefined, depth = 0): string[] {
  if (!schema) return [`${indent}${key}: …`];
  const nested = (k: string, s: SchemaNode, at: string): string[] => {
    const value = wanted(k);
    return value !== undefined ? [withComment(`${at}${k}: ${String(value)}`, hint(s))] : leafLines(k, s, at, [], () => undefined, depth + 1);
  };
  if (schema.type === 'object' && schema.properties && depth < 3) {
    return [`${indent}${key}:`, ...fieldsOf(schema, fields).flatMap(([k, s]) => nested(k, s, `${indent}  `))];
  }
  const item = schema.items;
  if (schema.type === 'array' && item?.type === 'object' && item.properties && depth < 3) {
    const lines = fieldsOf(item, fields).flatMap(([k, s]) => nested(k, s, `${indent}    `));
    return [`${indent}${key}:`, ...lines.map((l, i) => (i === 0 ? `${indent}  - ${l.slice(indent.length + 4)}` : l))];
  }
  if (schema.type === 'array') return [withComment(`${indent}${key}: [${item ? example(item) : ''}]`, hint(schema))];
  return [withComment(`${indent}${key}: ${example(schema)}`, hint(schema))];
}

/** The fields to show of an object: the required ones, then those the rule reads; the first two when neither. */
function fieldsOf(schema: SchemaNode, read: string[]): [string, SchemaNode][] {
  const props = Object.entries(schema.properties ?? {});
  const wanted = new Set([...(schema.required ?? []), ...read.map((r) => r.split('.')[0]!)]);
  const chosen = props.filter(([k]) => wanted.has(k));
  return chosen.length > 0 ? chosen : props.slice(0, 2);
}

/** A value of the right type to replace: the first allowed value, a date, a school year, 0, true, "…". */
function example(schema: SchemaNode): string {
  if (schema.const !== undefined) return String(schema.const);
  if (schema.enum) return String(schema.enum[0]);
  switch (schema.type) {
    case 'boolean':
      return 'true';
    case 'integer':
    case 'number':
      return String(schema.minimum ?? 0);
    case 'array':
      return `[${schema.items ? example(schema.items) : ''}]`;
    case 'string':
      if (schema.pattern && new RegExp(schema.pattern).test('2025-09-15')) return '2025-09-15';
      if (schema.pattern && new RegExp(schema.pattern).test('2025-2026')) return '2025-2026';
      return JSON.stringify(givenExample(schema) ?? '…'.repeat(Math.max(1, schema.minLength ?? 1)));
    default:
      return '…';
  }
}

/** The example a schema's description gives ("ví dụ 1A, 5B" gives 1A), when it fits the schema. */
function givenExample(schema: SchemaNode): string | undefined {
  const m = /ví dụ "?([^\s,;"]+)/.exec(schema.description ?? '');
  const text = m?.[1]?.replace(/[.)]+$/, '');
  if (!text || text.length < (schema.minLength ?? 0) || (schema.pattern && !new RegExp(schema.pattern).test(text))) return undefined;
  return text;
}

function withComment(line: string, comment: string | undefined): string {
  return comment ? `${line.padEnd(Math.max(line.length + 2, 28))}# ${comment}` : line;
}

function nodeAt(schema: SchemaNode, p: YamlPath): SchemaNode | null {
  let node: SchemaNode | undefined = schema;
  for (const segment of p) node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
  return node ?? null;
}

const dotted = (p: YamlPath): string => p.map((s, i) => (typeof s === 'number' ? `[${s + 1}]` : `${i > 0 ? '.' : ''}${s}`)).join('');

function rootFile(root: string): string | null {
  if (root === 'truong') return 'truong.yaml';
  const m = /^tc([1-9])$/.exec(root);
  return m ? `tieu-chuan-${m[1]}.yaml` : null;
}

function fileRoot(file: string): string {
  const m = /^tieu-chuan-([1-9])\.yaml$/.exec(file);
  return m ? `tc${m[1]}` : 'truong';
}

/**
 * What a not-assessable finding asks the school to add (data-hints.ts). The same for every school that
 * lacks the same data, so it is built once per rule, data and language (unless it names a list element).
 */
export function findingHints(f: Finding, ctx: FormatContext): DataHint[] {
  const found = findRule(ctx.ruleSet, f.ruleId);
  const packId = found?.pack.id ?? null;
  if (!f.missingData?.length) return [];
  const shared = !f.missingData.some((d) => d.startsWith('item.'));
  const key = `${ctx.lang}\u0000${ctx.schemas ? 1 : 0}\u0000${packId}\u0000${f.ruleId}\u0000${f.missingData.join('\u0000')}`;
  const known = shared ? hintCache.get(key) : undefined;
  if (known) return known;
  const hints = dataHints(f, found?.rule, found?.pack, ctx.lang, ctx.ruleSet.vocabulary, ctx.schemas);
  if (shared) {
    if (hintCache.size >= 4096) hintCache.clear();
    hintCache.set(key, hints);
  }
  return hints;
}

const hintCache = new Map<string, DataHint[]>();
