// The packs prepared at build time (dist/engine/prepared-packs*.json) give exactly what reading the rule
// files gives, and are set aside as soon as a file they were made from, a schema, or a folder's contents differ.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuleSet, loadValidated, PACK_SCHEMA, tracedPackBody } from '../../src/engine/load-rules.js';
import { headerFile, preparedBody, readPrepared } from '../../src/engine/prepared-packs.js';
import { packageRoot, rulesDir } from '../../src/paths.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';

const BUILT = path.join(packageRoot, 'dist', 'engine', 'prepared-packs.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-prepared-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const registry = SchemaRegistry.shared();

function rulesCopy(name: string, edit: (dir: string) => void = () => undefined): string {
  const dir = path.join(tmp, name);
  fs.cpSync(rulesDir, dir, { recursive: true });
  edit(dir);
  return dir;
}

const packIds = loadRuleSet().packs.map((p) => p.id);

describe('packs prepared at build time', () => {
  it('exist after the build, one body per pack, each what reading its files gives (origins too)', () => {
    const prepared = readPrepared(rulesDir, BUILT)!;
    expect(prepared.bodies.sort()).toEqual([...packIds].sort());
    for (const id of packIds) {
      const fresh = tracedPackBody(path.join(rulesDir, id), registry)!;
      expect(JSON.parse(JSON.stringify(preparedBody(prepared, id))), id).toEqual(JSON.parse(JSON.stringify(fresh.body)));
    }
  });

  it('a body is set aside when one of its files changes, a file is added to a folder it read, or its pack.yaml changes', () => {
    const use = (dir: string, id: string) => preparedBody(readPrepared(dir, BUILT), id);
    expect(use(rulesCopy('same'), 'tt57-2026-pho-thong')).not.toBeNull();
    const edited = rulesCopy('edited', (d) => fs.appendFileSync(path.join(d, 'tt57-2026-chung', 'muc-1', 'tieu-chuan-1.yaml'), '# one more line\n'));
    expect(use(edited, 'tt57-2026-pho-thong')).toBeNull();
    expect(use(edited, 'tt57-2026-mam-non')).toBeNull();
    expect(use(edited, 'tt59-2012')).not.toBeNull();
    const added = rulesCopy('added', (d) => fs.writeFileSync(path.join(d, 'tt59-2012', 'muc-do-2', 'tieu-chuan-4.yaml'), 'rules: []\n'));
    expect(use(added, 'tt59-2012')).toBeNull();
    const header = rulesCopy('header', (d) => fs.appendFileSync(path.join(d, 'tt47-2012', 'pack.yaml'), '# edited\n'));
    expect(use(header, 'tt47-2012')).toBeNull();
  });

  it('a header is taken from the build while unchanged, else read and checked with its problems located', () => {
    const dir = rulesCopy('headers', (d) => {
      const file = path.join(d, 'tt02-2014', 'pack.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^version: .*$/m, 'version: 7'));
    });
    const prepared = readPrepared(dir, BUILT);
    const read = (id: string) => {
      const file = path.join(dir, id, 'pack.yaml');
      const diagnostics: Parameters<typeof loadValidated>[3] = [];
      let reads = 0;
      const header = headerFile(prepared, file, PACK_SCHEMA, (d) => (reads++, loadValidated(file, PACK_SCHEMA, registry, d)), diagnostics);
      return { header, diagnostics, reads };
    };
    const same = read('tt59-2012');
    expect(same.reads).toBe(0);
    expect((same.header!.value as { id: string }).id).toBe('tt59-2012');
    // Its YAML, for locating a problem, is read when asked for.
    expect(same.header!.yaml().file).toBe(path.join(dir, 'tt59-2012', 'pack.yaml'));
    const changed = read('tt02-2014');
    expect(changed.header).toBeNull();
    expect(changed.reads).toBe(1);
    expect(changed.diagnostics[0]!.location!.file).toBe(path.join(dir, 'tt02-2014', 'pack.yaml'));
  });
});
