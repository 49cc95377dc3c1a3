import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { EDITOR_DIR, editorSchemaFile, editorSchemaName, editorSchemas } from '../../src/init/editor-schemas.js';
import { choosePack } from '../../src/engine/choose-pack.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';
import { profileSchemaId, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';
import { addSchemaFormats } from '../../src/validate/formats.js';

const generated = editorSchemas();

function committedFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? committedFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('schemas/editor (self-contained copies for VS Code)', () => {
  it('are committed exactly as generated from schemas/ (regenerate: npx tsc -p . && node dist/init/write-editor-schemas.js)', () => {
    expect(committedFiles(EDITOR_DIR).sort()).toEqual([...generated.keys()].sort());
    for (const [name, content] of generated) {
      if (process.env['UPDATE_EXPECTED'] === '1') fs.writeFileSync(editorSchemaFile(name), content);
      expect(fs.readFileSync(editorSchemaFile(name), 'utf8'), name).toBe(content);
    }
  });

  it('hold no $ref, $defs or $id: nothing for an editor to resolve', () => {
    // truong.json and one per pack and standard.
    expect(generated.size).toBe(1 + loadRuleSet().packs.reduce((n, p) => n + p.standardNumbers.length, 0));
    for (const content of generated.values()) {
      expect(content).not.toMatch(/"\$ref"|"\$defs"|"\$id"/);
      expect(JSON.parse(content).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });

  it('every example and fixture file names the editor schema of its own pack and standard in its modeline', () => {
    const folders = ['examples', 'test/fixtures'].flatMap((base) => fs.readdirSync(path.join(packageRoot, base)).map((d) => path.join(packageRoot, base, d))).filter((d) => fs.existsSync(path.join(d, 'truong.yaml')));
    expect(folders.length).toBeGreaterThan(7);
    for (const dir of folders) {
      const profile = parse(fs.readFileSync(path.join(dir, 'truong.yaml'), 'utf8'), { uniqueKeys: false }) as Record<string, unknown>;
      // The pack the school is checked under (thong_tu, else the default of its school type).
      const pack = choosePack(loadRuleSet(), profile, '2026-06-15').pack!;
      for (const [file, name] of [['truong.yaml', editorSchemaName(null)], ...pack.standardNumbers.map((n) => [`tieu-chuan-${n}.yaml`, editorSchemaName(pack.id, n)])] as [string, string][]) {
        const first = fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/)[0]!;
        expect(first, `${dir}/${file}`).toBe(`# yaml-language-server: $schema=${path.relative(dir, editorSchemaFile(name)).split(path.sep).join('/')}`);
      }
    }
  });

  it('accept and reject exactly what the checker\'s schemas do, on every example file and on broken variants', () => {
    const registry = SchemaRegistry.shared();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addSchemaFormats(ajv);
    const examples = path.join(packageRoot, 'examples');
    let compared = 0;
    for (const school of fs.readdirSync(examples).filter((d) => fs.existsSync(path.join(examples, d, 'truong.yaml')))) {
      const profile = parse(fs.readFileSync(path.join(examples, school, 'truong.yaml'), 'utf8')) as Record<string, unknown>;
      const regime57 = profile['thong_tu'] === '57/2026';
      const packId = regime57 ? (profile['cap_hoc'] === 'mam_non' ? 'tt57-2026-mam-non' : 'tt57-2026-pho-thong') : ({ mam_non: 'tt02-2014', tieu_hoc: 'tt59-2012' }[profile['cap_hoc'] as string] ?? 'tt47-2012');
      const targets: [string, string, string][] = [['truong.yaml', profileSchemaId, editorSchemaName(null)], ...(regime57 ? [1, 2, 3, 4] : [1, 2, 3, 4, 5]).map((n): [string, string, string] => [`tieu-chuan-${n}.yaml`, standardSchemaId(packId, n), editorSchemaName(packId, n)])];
      for (const [file, id, editorName] of targets) {
        const value = parse(fs.readFileSync(path.join(examples, school, file), 'utf8'), { uniqueKeys: false }) as Record<string, unknown>;
        const editor = ajv.getSchema(editorName) ?? (ajv.addSchema(JSON.parse(generated.get(editorName)!), editorName), ajv.getSchema(editorName)!);
        const variants = [value, { ...value, khoa_la: 1 }, { ...value, tieu_chuan: 9 }, mutateFirstNumber(value)];
        for (const v of variants) {
          expect(editor(v), `${school}/${file}`).toBe(registry.validator(id)(v));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(150);
  });
});

/** The same document with its first integer turned into "95,5": the mistake the schemas exist to catch. */
function mutateFirstNumber(value: unknown): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done) return v;
    if (typeof v === 'number' && !Number.isNaN(v)) {
      done = true;
      return '95,5';
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'tieu_chuan' ? x : walk(x)]));
    return v;
  };
  return walk(value);
}
