// Vietnamese (and English) names of the school files' fields, from the titles of their schemas: a human
// report names a field, never prints its key alone. Built from the parsed schemas on first use; no
// `node:` import, so that the browser page can pass its bundled schemas.
import type { Lang, YamlPath } from '../types.js';
import { profileSchemaId, standardSchemaId } from '../validate/validators.js';

type Schema = Record<string, unknown>;

export class FieldLabels {
  private byId: Map<string, Schema> | null = null;

  /** `load` gives every schema document (parsed JSON with its $id); it is called once, when a label is first asked for. */
  constructor(private readonly load: () => object[]) {}

  /**
   * The name of a field of a school file: "Tổ chuyên môn (mục 2) › Số lần sinh hoạt". `file` is the file's
   * name (truong.yaml, tieu-chuan-3.yaml); null when the path leads nowhere in the schema.
   */
  pathLabel(packId: string | null, file: string, path: YamlPath, lang: Lang): string | null {
    const id = schemaIdOf(packId, file);
    return id ? this.resolve(id, path, lang) : null;
  }

  /**
   * The name of a data path as the rules write it: "tc2.giao_vien.tong_so", "truong.nam_hoc", "ho_so" (a
   * standard's own list), "item.x" or "list[].x" (an element of a list).
   */
  dataLabel(packId: string | null, standard: number, dotted: string, lang: Lang): string | null {
    const segments = dotted.split('.').flatMap((s) => (s.endsWith('[]') ? [s.slice(0, -2), 0] : [s]));
    const root = segments[0];
    if (root === 'truong') return this.resolve(profileSchemaId, segments.slice(1), lang, false);
    const tc = typeof root === 'string' ? /^tc([1-5])$/.exec(root) : null;
    const n = tc ? Number(tc[1]) : standard;
    const rest = tc ? segments.slice(1) : segments;
    if (!packId) return null;
    if (rest[0] === 'item') {
      const leaf = rest.at(-1);
      return typeof leaf === 'string' ? this.anyTitle(standardSchemaId(packId, n), leaf, lang) : null;
    }
    return this.resolve(standardSchemaId(packId, n), rest, lang, false);
  }

  private schemas(): Map<string, Schema> {
    if (!this.byId) {
      this.byId = new Map();
      for (const doc of this.load() as Schema[]) if (typeof doc['$id'] === 'string') this.byId.set(doc['$id'], doc);
    }
    return this.byId;
  }

  private resolve(id: string, path: YamlPath, lang: Lang, positions = true): string | null {
    let node: Schema | undefined = this.schemas().get(id);
    let base = id;
    const names: string[] = [];
    for (const segment of path) {
      if (!node) return null;
      [node, base] = this.deref(node, base);
      if (typeof segment === 'number') {
        node = node['items'] as Schema | undefined;
        if (positions && names.length > 0) names[names.length - 1] += lang === 'vi' ? ` (mục ${segment + 1})` : ` (item ${segment + 1})`;
        continue;
      }
      const property: Schema | undefined = propertyOf(node, segment);
      if (!property) return null;
      const name = titleOf(property, lang) ?? titleOf(this.deref(property, base)[0], lang);
      if (!name) return null;
      names.push(name);
      node = property;
    }
    return names.length > 0 ? names.join(' › ') : null;
  }

  /** The title of a property named `key` anywhere in a schema (for the elements of a for_each list). */
  private anyTitle(id: string, key: string, lang: Lang): string | null {
    const seen = new Set<Schema>();
    const walk = (node: unknown, base: string): string | null => {
      if (!node || typeof node !== 'object' || seen.has(node as Schema)) return null;
      seen.add(node as Schema);
      const [schema, at] = this.deref(node as Schema, base);
      const property = propertyOf(schema, key);
      if (property) return titleOf(property, lang) ?? titleOf(this.deref(property, at)[0], lang);
      for (const value of Object.values(schema)) {
        const found = Array.isArray(value) ? value.map((v) => walk(v, at)).find(Boolean) : walk(value, at);
        if (found) return found;
      }
      return null;
    };
    return walk(this.schemas().get(id), id);
  }

  /** Follows a $ref ("common.schema.json#/$defs/x", "#/$defs/x"); returns the schema and the id it is in. */
  private deref(node: Schema, base: string): [Schema, string] {
    const ref = node['$ref'];
    if (typeof ref !== 'string') return [node, base];
    const [file, pointer = ''] = ref.split('#');
    const id = file ? new URL(file, base).href : base;
    let target: unknown = this.schemas().get(id);
    for (const part of pointer.split('/').filter(Boolean)) target = (target as Schema | undefined)?.[part];
    return target && typeof target === 'object' ? this.deref(target as Schema, id) : [node, base];
  }
}

function propertyOf(node: Schema, key: string): Schema | undefined {
  const own = (node['properties'] as Record<string, Schema> | undefined)?.[key];
  if (own) return own;
  for (const branch of ['allOf', 'anyOf', 'oneOf']) {
    for (const sub of (node[branch] as Schema[] | undefined) ?? []) {
      const found = propertyOf(sub, key);
      if (found) return found;
    }
  }
  for (const branch of ['then', 'else']) {
    const sub = node[branch] as Schema | undefined;
    const found = sub ? propertyOf(sub, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The Vietnamese title; in English the parenthesised end of the description ("… (school name).") when there is one. */
function titleOf(node: Schema, lang: Lang): string | null {
  const title = typeof node['title'] === 'string' ? node['title'] : null;
  if (lang === 'en' && typeof node['description'] === 'string') {
    const english = /\(([^()]+)\)\.?$/.exec(node['description'].trim());
    if (english) return english[1]!.charAt(0).toUpperCase() + english[1]!.slice(1);
  }
  return title;
}

function schemaIdOf(packId: string | null, file: string): string | null {
  const name = file.split(/[\\/]/).at(-1) ?? file;
  if (name === 'truong.yaml') return profileSchemaId;
  const standard = /^tieu-chuan-([1-5])\.yaml$/.exec(name);
  return standard && packId ? standardSchemaId(packId, Number(standard[1])) : null;
}

