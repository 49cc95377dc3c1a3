// The JSON report written while the schools are checked (batch/json-report.ts) has exactly the bytes of
// jsonFormatter over all results, in-process and on workers, leaves no temporary file behind, and the
// benchmark's generator is deterministic and its corpus checks end to end (a smoke run, no timing).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate.js';
import { checkSchools, prepareCheckOptions } from '../../src/batch/index.js';
import { writeJsonReport } from '../../src/batch/json-report.js';
import { discoverSchools } from '../../src/discover/discover.js';
import { KnownError } from '../../src/errors.js';
import { readEditorSchema } from '../../src/init/editor-schemas.js';
import { packageRoot } from '../../src/paths.js';
import { jsonFormatter } from '../../src/report/formatters/json.js';
import { toolVersion } from '../../src/version.js';
import { run } from '../cli/run-main.js';

const AS_OF = '2026-06-15';
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-stream-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const corpusDir = path.join(root, 'corpus');
generateCorpus(corpusDir, 24, 42, path.join(packageRoot, 'examples'));
const examples = discoverSchools([path.join(packageRoot, 'examples')], packageRoot).schools;
const schools = [...examples, ...discoverSchools([corpusDir], root).schools];
const prepared = prepareCheckOptions({ asOf: AS_OF, configFile: null });
const format = { lang: 'vi' as const, cwd: root, toolVersion, report: { office: 'Sở GD&ĐT "thử"' } };

async function streamed(name: string, jobs: number): Promise<string> {
  const file = path.join(root, name);
  const verdicts = await writeJsonReport(schools, { asOf: AS_OF, configFile: null, jobs, minSchoolsForWorkers: 0, prepared }, { file, format, asOf: AS_OF, ruleSet: prepared.ruleSet!, overlayChanges: [] });
  expect(verdicts).toHaveLength(schools.length);
  return fs.readFileSync(file, 'utf8');
}

describe('the streamed JSON report', () => {
  it('has the bytes of jsonFormatter over all results, in-process and on worker threads', async () => {
    const results = await checkSchools(schools, { asOf: AS_OF, configFile: null, jobs: 1, prepared });
    const expected = jsonFormatter(results, { lang: 'vi', color: false, cwd: root, asOf: AS_OF, toolVersion, ruleSet: prepared.ruleSet!, config: format.report, overlayChanges: [], schemas: readEditorSchema });
    expect(await streamed('one.json', 1)).toBe(expected);
    expect(await streamed('two.json', 2)).toBe(expected);
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.chuan-tmp-'))).toEqual([]);
  }, 120_000);

  it('is what `chuan check --format json --output` writes, and stdout gets the same bytes', async () => {
    const out = path.join(root, 'cli.json');
    const toFile = await run(['check', corpusDir, '--format', 'json', '--output', out, '--as-of', AS_OF, '--jobs', '1'], { cwd: root });
    const toStdout = await run(['check', corpusDir, '--format', 'json', '--as-of', AS_OF, '--jobs', '1'], { cwd: root });
    expect(toFile.stdout).toBe('');
    expect(toFile.code).toBe(toStdout.code);
    expect(fs.readFileSync(out, 'utf8')).toBe(toStdout.stdout);
    expect((JSON.parse(toStdout.stdout) as { summary: { schools: number } }).summary.schools).toBe(24);
  }, 120_000);

  it('a path that cannot be written (through a file) is a clean error, and nothing is left behind', async () => {
    fs.writeFileSync(path.join(root, 'tep'), '');
    const file = path.join(root, 'tep', 'r.json');
    await expect(writeJsonReport(schools.slice(0, 2), { asOf: AS_OF, configFile: null, jobs: 1, prepared }, { file, format, asOf: AS_OF, ruleSet: prepared.ruleSet!, overlayChanges: [] })).rejects.toBeInstanceOf(KnownError);
  });
});

describe('the benchmark corpus', () => {
  it('is the same for the same seed and different for another', () => {
    const again = path.join(root, 'again');
    const other = path.join(root, 'other');
    generateCorpus(again, 24, 42, path.join(packageRoot, 'examples'));
    generateCorpus(other, 24, 43, path.join(packageRoot, 'examples'));
    const files = (dir: string): Record<string, string> =>
      Object.fromEntries(
        fs.readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name), 'latin1')]),
      );
    expect(files(again)).toEqual(files(corpusDir));
    expect(files(other)).not.toEqual(files(corpusDir));
  });

  it('covers every school type the rule packs know', () => {
    const stats = generateCorpus(path.join(root, 'types'), 120, 7, path.join(packageRoot, 'examples'));
    expect(Object.keys(stats.byType).sort()).toEqual(['mam_non', 'nhieu_cap', 'thcs', 'thpt', 'tieu_hoc']);
    expect(stats.broken).toBeGreaterThan(0);
    expect(stats.crlf).toBeGreaterThan(0);
  });
});
