// The validators generated at build time (dist/validate/precompiled-validators.cjs) give exactly the
// diagnostics ajv gives when it compiles the schemas, and are set aside as soon as a schema file differs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverSchools } from '../../src/discover/discover.js';
import { diskSource } from '../../src/load/disk-source.js';
import { loadSchoolFolder, STANDARD_NUMBERS } from '../../src/load/school-folder.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { packageRoot, schemasDir } from '../../src/paths.js';
import { profileSchemaId, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';
import { validateDocument } from '../../src/validate/validate-document.js';
import { mutate, prng } from '../perf/mutate.js';

const GENERATED = path.join(packageRoot, 'dist', 'validate', 'precompiled-validators.cjs');
const generated = new SchemaRegistry(schemasDir, { precompiled: GENERATED });
const compiled = new SchemaRegistry(schemasDir, { precompiled: false });
const PACKS = ['tt02-2014', 'tt47-2012', 'tt59-2012'];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-precompiled-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * The schema a file of an example is validated against: for a folder of the older circulars, every one of
 * their packs it could belong to; for a 57/2026 folder (thong_tu), the pack of its school type.
 */
function schemaIds(file: string): string[] {
  if (path.basename(file) === 'truong.yaml') return [profileSchemaId];
  const n = Number(/tieu-chuan-(\d)\.yaml$/.exec(file)?.[1]);
  const profile = fs.readFileSync(path.join(path.dirname(file), 'truong.yaml'), 'utf8');
  if (/^thong_tu: "?57\/2026/m.test(profile)) return [standardSchemaId(/^cap_hoc: mam_non/m.test(profile) ? 'tt57-2026-mam-non' : 'tt57-2026-pho-thong', n)];
  return PACKS.map((pack) => standardSchemaId(pack, n));
}

describe('validators generated at build time', () => {
  it('exist after the build and are used while they match schemas/', () => {
    expect(fs.existsSync(GENERATED)).toBe(true);
    expect(generated.usesPrecompiled).toBe(true);
    expect(compiled.usesPrecompiled).toBe(false);
    for (const pack of PACKS) for (const n of STANDARD_NUMBERS) expect(generated.has(standardSchemaId(pack, n))).toBe(true);
  });

  it('give the diagnostics ajv gives, on every example file and 50 randomly edited copies of each', () => {
    const files = discoverSchools([path.join(packageRoot, 'examples')], packageRoot).schools.flatMap((dir) => {
      const docs = loadSchoolFolder(diskSource(dir));
      return [docs.profile, ...docs.standards].filter((y) => y !== null).map((y) => ({ file: y.file, text: fs.readFileSync(y.file, 'utf8') }));
    });
    const random = prng(11);
    let compared = 0;
    let withErrors = 0;
    for (let round = 0; round <= 50; round++) {
      for (const { file, text } of files) {
        const parsed = parseYaml(file, round === 0 ? text : mutate(text, random));
        if (!parsed.ok) continue;
        for (const id of schemaIds(file)) {
          const expected = validateDocument(compiled, id, parsed.yaml);
          expect(validateDocument(generated, id, parsed.yaml)).toEqual(expected);
          compared += 1;
          if (expected.length > 0) withErrors += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
    expect(withErrors).toBeGreaterThan(500);
    // About 15 s on a quiet two-core machine (mostly the reference YAML reader on the edited copies): room for a loaded one.
  }, 60_000);

  it('are set aside when a schema file differs from the one they were built from', () => {
    const dir = path.join(tmp, 'schemas');
    fs.cpSync(schemasDir, dir, { recursive: true });
    const file = path.join(dir, 'truong.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: { ten_truong: { maxLength?: number } } };
    schema.properties.ten_truong.maxLength = 5;
    fs.writeFileSync(file, JSON.stringify(schema));
    const edited = new SchemaRegistry(dir, { precompiled: GENERATED });
    expect(edited.usesPrecompiled).toBe(false);
    const parsed = parseYaml('truong.yaml', 'ten_truong: Trường rất dài\n');
    if (!parsed.ok) throw new Error('parse');
    expect(validateDocument(edited, profileSchemaId, parsed.yaml).map((d) => d.code)).toContain('schema/maxLength');
    expect(validateDocument(generated, profileSchemaId, parsed.yaml).map((d) => d.code)).not.toContain('schema/maxLength');
  });
});
