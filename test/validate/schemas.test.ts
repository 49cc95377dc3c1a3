import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { schemasDir } from '../../src/paths.js';
import { SCHEMA_BASE, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';

type Schema = Record<string, unknown>;
const INPUT_SCHEMAS = ['truong.schema.json', 'common.schema.json', 'config.schema.json', ...['tt02-2014', 'tt47-2012', 'tt59-2012'].flatMap((p) => [1, 2, 3, 4, 5].map((n) => `${p}/tieu-chuan-${n}.schema.json`))];

/** Every property schema, with its JSON path, at every depth. */
function properties(schema: unknown, at: string): [string, Schema][] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Schema;
  const out: [string, Schema][] = [];
  for (const [key, value] of Object.entries((node['properties'] ?? {}) as Record<string, Schema>)) {
    out.push([`${at}.${key}`, value], ...properties(value, `${at}.${key}`));
  }
  for (const key of ['items', 'additionalProperties']) if (node[key] && typeof node[key] === 'object') out.push(...properties(node[key], `${at}[]`));
  for (const [name, def] of Object.entries((node['$defs'] ?? {}) as Record<string, Schema>)) out.push(...properties(def, `#${name}`));
  return out;
}

describe('input schemas', () => {
  it('all compile in one registry, with stable ids', () => {
    const registry = new SchemaRegistry();
    for (const file of INPUT_SCHEMAS) {
      const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8')) as Schema;
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(`${SCHEMA_BASE}${file}`);
      if (file !== 'common.schema.json') expect(() => registry.validator(schema['$id'] as string)).not.toThrow();
    }
  });

  it.each(INPUT_SCHEMAS)('%s: every field has a Vietnamese title and a description', (file) => {
    const schema = JSON.parse(fs.readFileSync(path.join(schemasDir, file), 'utf8')) as Schema;
    const missing = properties(schema, '').filter(([, p]) => {
      const ref = typeof p['$ref'] === 'string';
      return !ref && (typeof p['title'] !== 'string' || typeof p['description'] !== 'string');
    });
    expect(missing.map(([at]) => at)).toEqual([]);
  });

  it('the school type selects the pack and its five standard schemas', () => {
    const registry = SchemaRegistry.shared();
    for (const pack of loadRuleSet().packs) {
      for (const n of pack.standardNumbers) expect(registry.has(standardSchemaId(pack.id, n))).toBe(true);
    }
  });

  it('a standard file must carry its own number', () => {
    const validate = SchemaRegistry.shared().validator(standardSchemaId('tt59-2012', 2));
    expect(validate({ tieu_chuan: 2 })).toBe(true);
    expect(validate({ tieu_chuan: 3 })).toBe(false);
    expect(validate({ tieu_chuan: 2, khoa_la: 1 })).toBe(false);
  });
});
