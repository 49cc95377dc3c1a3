// A check reads and compiles only the packs its schools need: every pack.yaml at start, a pack's rule and
// criteria files when a school is checked under it (or a report names one of its rules).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOneSafely } from '../../src/batch/check-one.js';
import { checkSchool } from '../../src/check/check-folder.js';
import { isPackLoaded } from '../../src/engine/lazy-pack.js';
import { loadRuleSet, openRuleSet } from '../../src/engine/load-rules.js';
import { isRulePackError } from '../../src/errors.js';
import { packageRoot, rulesDir, schemasDir } from '../../src/paths.js';
import { findRule } from '../../src/report/context.js';
import { groupFile, loadPrecompiled, readSchemaSources, schemaFingerprint } from '../../src/validate/precompiled.js';
import { SCHEMA_BASE, standardSchemaId } from '../../src/validate/schemas.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-lazy-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of rules/ in a temporary folder (its own cache entry), with `edit` applied. */
function rulesCopy(name: string, edit: (dir: string) => void = () => undefined): string {
  const dir = path.join(tmp, name);
  fs.cpSync(rulesDir, dir, { recursive: true });
  edit(dir);
  return dir;
}

const example = (name: string): string => path.join(packageRoot, 'examples', name);
const loaded = (dir: string): string[] => openRuleSet(dir).packs.filter(isPackLoaded).map((p) => p.id);

describe('packs are read when a check needs them', () => {
  it('opening the rule set reads every pack.yaml and no rule file', () => {
    const dir = rulesCopy('open');
    const set = openRuleSet(dir);
    expect(set.packs.map((p) => p.id)).toEqual(fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, 'pack.yaml'))).sort());
    expect(set.packs.length).toBeGreaterThanOrEqual(5);
    expect(loaded(dir)).toEqual([]);
    // The headers are there: the choice of a pack needs nothing more.
    expect(set.packs.find((p) => p.id === 'tt57-2026-pho-thong')!.selection.names).toContain('57/2026');
  });

  it('checking a 57/2026 school loads its pack only, and gives the result of the fully loaded rule set', () => {
    const dir = rulesCopy('one');
    const lazy = checkSchool(example('th-hoa-mai-57'), { asOf: '2027-06-20', ruleSet: openRuleSet(dir) });
    expect(loaded(dir)).toEqual(['tt57-2026-pho-thong']);
    const eager = checkSchool(example('th-hoa-mai-57'), { asOf: '2027-06-20', ruleSet: loadRuleSet(rulesCopy('eager')) });
    const strip = (r: typeof lazy): unknown => JSON.parse(JSON.stringify(r).replaceAll(path.join(tmp, 'one'), 'R').replaceAll(path.join(tmp, 'eager'), 'R'));
    expect(lazy.reached).toBe('muc_2');
    expect(strip(lazy)).toEqual(strip(eager));
    checkSchool(example('th-mai-sao'), { asOf: '2026-06-15', ruleSet: openRuleSet(dir) });
    expect(loaded(dir)).toEqual(['tt57-2026-pho-thong', 'tt59-2012']);
  });

  it('a report naming a rule finds it in the loaded packs first, and reads the others only for an id those lack', () => {
    const dir = rulesCopy('find');
    const set = openRuleSet(dir);
    const pack = set.packs.find((p) => p.id === 'tt59-2012')!;
    expect(findRule(set, pack.rules[0]!.id)?.pack.id).toBe('tt59-2012');
    expect(loaded(dir)).toEqual(['tt59-2012']);
    expect(findRule(set, 'TT57.PT.1.3.M1.a')?.pack.id).toBe('tt57-2026-pho-thong');
    expect(findRule(set, 'NO.SUCH.RULE')).toBeUndefined();
    expect(loaded(dir)).toHaveLength(set.packs.length);
  });

  it('what the criteria files give a pack besides its rules (the computed items\' school data) is there when read lazily', () => {
    const withData = openRuleSet(rulesCopy('data')).packs.filter((p) => fs.readdirSync(path.join(rulesDir, p.id)).some((f) => /^tieu-chuan-\d\.yaml$/.test(f) && fs.readFileSync(path.join(rulesDir, p.id, f), 'utf8').includes('\nschool_data:')));
    expect(withData.length).toBeGreaterThan(0);
    for (const pack of withData) expect(Object.keys(pack.schoolData ?? {}).length, pack.id).toBeGreaterThan(0);
  });

  it('a broken rule file of a pack no school needs does not stop the check; of the pack needed, it is a located rule-pack error', () => {
    const dir = rulesCopy('broken', (d) => fs.appendFileSync(path.join(d, 'tt02-2014', 'muc-do-1', 'tieu-chuan-1.yaml'), '  - id: [\n'));
    const set = openRuleSet(dir);
    expect(checkSchool(example('th-mai-sao'), { asOf: '2026-06-15', ruleSet: set }).outcome).not.toBe('invalid');
    let error: unknown;
    try {
      checkOneSafely(example('mn-hoa-sen'), { asOf: '2026-06-15', ruleSet: set });
    } catch (e) {
      error = e;
    }
    // Not one school's internal error: the run stops with the rule file's location.
    expect(isRulePackError(error)).toBe(true);
    if (!isRulePackError(error)) return;
    expect(error.details[0]!.location!.file).toBe(path.join(dir, 'tt02-2014', 'muc-do-1', 'tieu-chuan-1.yaml'));
    // Asked again, the same error (never a half-loaded pack).
    expect(() => set.packs.find((p) => p.id === 'tt02-2014')!.rules).toThrow();
    // The full load, as `chuan rules` does, reports it too.
    expect(() => loadRuleSet(rulesCopy('broken-eager', (d) => fs.appendFileSync(path.join(d, 'tt02-2014', 'muc-do-1', 'tieu-chuan-1.yaml'), '  - id: [\n')))).toThrow();
  });

  it('a rule id used by two packs is found when the second pack is loaded', () => {
    const dir = rulesCopy('duplicate', (d) => {
      const file = path.join(d, 'tt59-2012', 'muc-do-1', 'tieu-chuan-1.yaml');
      const text = fs.readFileSync(file, 'utf8');
      const first = /- id: (\S+)/.exec(fs.readFileSync(path.join(d, 'tt47-2012', 'dat-chuan', 'tieu-chuan-1.yaml'), 'utf8'))![1]!;
      fs.writeFileSync(file, text.replace(/- id: \S+/, `- id: ${first}`));
    });
    const set = openRuleSet(dir);
    void set.packs.find((p) => p.id === 'tt47-2012')!.rules;
    let error: unknown;
    try {
      void set.packs.find((p) => p.id === 'tt59-2012')!.rules;
    } catch (e) {
      error = e;
    }
    expect(isRulePackError(error) && error.details.some((d) => d.code === 'rules/duplicate-id')).toBe(true);
  });

  it('the command line exits 2 with the location when the pack a school needs is broken', () => {
    // The CLI reads the package's rules/: run a copy of the package whose tt59 pack is broken.
    const pkg = path.join(tmp, 'pkg');
    for (const entry of ['dist', 'schemas', 'package.json']) fs.cpSync(path.join(packageRoot, entry), path.join(pkg, entry), { recursive: true });
    fs.symlinkSync(path.join(packageRoot, 'node_modules'), path.join(pkg, 'node_modules'));
    fs.cpSync(rulesDir, path.join(pkg, 'rules'), { recursive: true });
    fs.appendFileSync(path.join(pkg, 'rules', 'tt59-2012', 'muc-do-1', 'tieu-chuan-1.yaml'), '  - id: [\n');
    const run = (school: string) => spawnSync(process.execPath, [path.join(pkg, 'dist', 'cli', 'bin.js'), 'check', example(school), '--as-of', '2027-06-20', '--format', 'json'], { encoding: 'utf8' });
    const broken = run('th-mai-sao');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/tt59-2012\/muc-do-1\/tieu-chuan-1\.yaml:\d+:\d+/);
    expect(broken.stdout).toBe('');
    // A 57/2026 school does not need that pack.
    expect(run('th-hoa-mai-57').status).toBe(0);
  });
});

describe('the generated validators load a group when one of its schemas is asked for', () => {
  it('the shared schemas and one pack, not the others', () => {
    const index = path.join(packageRoot, 'dist', 'validate', 'precompiled-validators.cjs');
    const require = createRequire(import.meta.url);
    const groups = ['core', 'rules', 'report', 'tt02-2014', 'tt47-2012', 'tt57-2026-mam-non', 'tt57-2026-pho-thong', 'tt59-2012'].map((g) => groupFile(index, g));
    for (const file of [index, ...groups]) delete require.cache[file];
    const validators = loadPrecompiled(index, schemaFingerprint(readSchemaSources(schemasDir)))!;
    expect(validators.has(standardSchemaId('tt02-2014', 1))).toBe(true);
    expect(validators.get(`${SCHEMA_BASE}truong.schema.json`)).toBeTypeOf('function');
    expect(validators.get(standardSchemaId('tt57-2026-pho-thong', 2))).toBeTypeOf('function');
    const inCache = groups.filter((file) => require.cache[file] !== undefined).map((file) => path.basename(file));
    expect(inCache).toEqual(['precompiled-validators.core.cjs', 'precompiled-validators.tt57-2026-pho-thong.cjs']);
  });
});
