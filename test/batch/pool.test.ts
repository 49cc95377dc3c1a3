import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchools, workerCount, workerScriptPath, WORKER_SETUP_IN_SCHOOLS, type BatchProgress } from '../../src/batch/index.js';
import { KnownError } from '../../src/errors.js';
import type { SchoolResult } from '../../src/types.js';
import { AS_OF, districtTree, exampleSchools, minimalSchool, tempDir } from './fixtures.js';
import { discoverSchools } from '../../src/discover/discover.js';

const roots: string[] = [];
afterAll(() => roots.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const fresh = (): string => {
  const dir = tempDir();
  roots.push(dir);
  return dir;
};

describe('workerCount: in-process for one job or while workers would not pay for their start-up', () => {
  it.each([
    [1000, 1, 0],
    [1000, 0, 0],
    [3, 4, 0],
    [7, 2, 0],
    [720, 2, 0],
    [721, 2, 2],
    [480, 4, 0],
    [481, 4, 4],
    [411, 8, 0],
    [412, 8, 8],
    [1000, 4, 4],
    [3000, 64, 64],
    [20, 8, 0],
  ])('%i schools, --jobs %i -> %i workers', (schools, jobs, workers) => {
    expect(workerCount(schools, jobs)).toBe(workers);
  });
  it('the cost model: setup of one worker ≈ WORKER_SETUP_IN_SCHOOLS school checks', () => {
    expect(WORKER_SETUP_IN_SCHOOLS).toBe(360);
  });
  it('an explicit threshold replaces the model, still with at least 2 schools per worker', () => {
    expect(workerCount(1, 4, 0)).toBe(0);
    expect(workerCount(7, 4, 0)).toBe(3);
    expect(workerCount(8, 4, 0)).toBe(4);
    expect(workerCount(8, 4, 9)).toBe(0);
  });
});

describe('the real worker script', () => {
  it('is the compiled dist/batch/worker.js of this package (npm test builds it first)', () => {
    expect(workerScriptPath().split(path.sep).slice(-3)).toEqual(['dist', 'batch', 'worker.js']);
    expect(fs.existsSync(workerScriptPath())).toBe(true);
  });
});

describe('checkSchools', () => {
  let schools: string[];
  let inProcess: SchoolResult[];
  beforeAll(async () => {
    schools = discoverSchools([districtTree(2, fresh())], '/').schools;
    inProcess = await checkSchools(schools, { asOf: AS_OF, configFile: null, jobs: 1 });
  });

  it('checks every school, in input order', () => {
    expect(inProcess.map((r) => r.dir)).toEqual(schools);
    expect(schools.length).toBe(2 * exampleSchools().length);
  });

  it.each([2, 3, 4])('on %i worker threads gives exactly the in-process results (plain data, same order)', async (jobs) => {
    const progress: BatchProgress[] = [];
    const viaWorkers = await checkSchools(schools, { asOf: AS_OF, configFile: null, jobs, minSchoolsForWorkers: 0, onProgress: (p) => progress.push(p) });
    expect(viaWorkers).toEqual(inProcess);
    expect(JSON.stringify(viaWorkers)).toBe(JSON.stringify(inProcess));
    expect(progress).toHaveLength(schools.length);
    expect(progress.every((p) => p.total === schools.length)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('an invalid school does not stop the others, in-process or on workers', () => {
    const invalid = inProcess.filter((r) => r.outcome === 'invalid');
    expect(invalid.length).toBeGreaterThan(0);
    expect(inProcess.filter((r) => r.outcome !== 'invalid').length).toBeGreaterThan(0);
  });

  it('reports progress in-process too: n/N and the school being checked', async () => {
    const progress: BatchProgress[] = [];
    await checkSchools(schools.slice(0, 3), { asOf: AS_OF, configFile: null, jobs: 1, onProgress: (p) => progress.push(p) });
    expect(progress).toEqual(schools.slice(0, 3).map((dir, done) => ({ done, total: 3, dir })));
  });

  it('falls back to in-process checking when no compiled worker exists', async () => {
    const results = await checkSchools(schools.slice(0, 4), { asOf: AS_OF, configFile: null, jobs: 2, minSchoolsForWorkers: 0, workerScript: path.join(fresh(), 'khong-co.js') });
    expect(results).toEqual(inProcess.slice(0, 4));
  });
});

describe('the configuration overlay applies in workers too', () => {
  it('a rule switched off and a waiver in chuan.config.yaml change worker results exactly as in-process', async () => {
    const root = fresh();
    const dirs = Array.from({ length: 4 }, (_, i) => minimalSchool(path.join(root, `truong-${i}`), { ma_truong: `T${i}`, so_lop: 50 }));
    const plain = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 1 });
    const unmet = plain[0]!.findings.find((f) => f.status === 'unmet')!;
    expect(unmet).toBeDefined();
    const other = plain[0]!.findings.find((f) => f.ruleId !== unmet.ruleId && f.status !== 'met')!;
    const config = path.join(root, 'chuan.config.yaml');
    fs.writeFileSync(
      config,
      [
        'report: { office: "UBND xã Thử" }',
        'disabled:',
        `  - rule: ${other.ruleId}`,
        '    reason: "Không áp dụng ở địa phương"',
        'waivers:',
        `  - rule: ${unmet.ruleId}`,
        '    school: T1',
        '    reason: "Đang chia tách lớp"',
        '    expires: 2026-12-31',
        '',
      ].join('\n'),
    );
    const local = await checkSchools(dirs, { asOf: AS_OF, configFile: config, jobs: 1 });
    const workers = await checkSchools(dirs, { asOf: AS_OF, configFile: config, jobs: 2, minSchoolsForWorkers: 0 });
    expect(workers).toEqual(local);
    expect(workers.every((r) => !r.findings.some((f) => f.ruleId === other.ruleId))).toBe(true);
    expect(workers[1]!.findings.find((f) => f.ruleId === unmet.ruleId)!.status).toBe('waived');
    expect(workers[0]!.findings.find((f) => f.ruleId === unmet.ruleId)!.status).toBe('unmet');
    expect(workers[0]!.adjustments.map((a) => a.kind)).toContain('disabled');
    expect(workers[1]!.adjustments.map((a) => a.kind)).toContain('waiver');
  });

  it('an invalid config stops the batch with the same clean error in workers', async () => {
    const root = fresh();
    const dirs = Array.from({ length: 4 }, (_, i) => minimalSchool(path.join(root, `t${i}`)));
    const config = path.join(root, 'hong.yaml');
    fs.writeFileSync(config, 'khong_co_muc_nay: 1\n');
    await expect(checkSchools(dirs, { asOf: AS_OF, configFile: config, jobs: 2, minSchoolsForWorkers: 0 })).rejects.toBeInstanceOf(KnownError);
  });
});

describe('a worker that dies', () => {
  it('takes only its current school with it; a new worker finishes the batch', async () => {
    const root = fresh();
    const script = path.join(root, 'worker-hong.mjs');
    fs.writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (m) => {
  if (m.type === 'exit') return parentPort.close();
  if (m.dir.endsWith('no-tung')) throw new Error('boom');
  parentPort.postMessage({ type: 'result', index: m.index, result: { dir: m.dir, outcome: 'reached' } });
});
`,
    );
    const dirs = ['a', 'b', 'no-tung', 'c', 'd', 'e'].map((n) => path.join(root, n));
    const results = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 2, minSchoolsForWorkers: 0, workerScript: script });
    expect(results.map((r) => r.dir)).toEqual(dirs);
    expect(results.map((r) => r.outcome)).toEqual(['reached', 'reached', 'invalid', 'reached', 'reached', 'reached']);
    expect(results[2]!.diagnostics[0]!.code).toBe('internal/error');
    expect(results[2]!.diagnostics[0]!.message.vi).toContain('các trường khác vẫn được kiểm tra');
  });
});

describe('a school too large for the heap limit of a worker', () => {
  it('is checked again in the main thread, exactly as in-process; the schools after it still go to workers', async () => {
    const root = fresh();
    const dirs = ['a', 'tran-bo-nho', 'c', 'd'].map((name) => {
      fs.cpSync(exampleSchools()[0]!, path.join(root, name), { recursive: true });
      return path.join(root, name);
    });
    // The real worker, except that the school named tran-bo-nho fills its heap until V8 stops it. Its
    // listener wraps the real one: a listener of its own would start the port before the real worker listens.
    const script = path.join(root, 'worker-day.mjs');
    fs.writeFileSync(
      script,
      `import { parentPort } from 'node:worker_threads';
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, listener) => on(event, event !== 'message' ? listener : (m) => {
  if (m.type === 'check' && m.dir.endsWith('tran-bo-nho')) for (const hog = []; ; ) hog.push(new Array(1e5).fill(m.index));
  listener(m);
});
await import(${JSON.stringify(pathToFileURL(workerScriptPath()).href)});
`,
    );
    const expected = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 1 });
    const results = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 2, minSchoolsForWorkers: 0, workerScript: script, workerHeap: { maxOldGenerationSizeMb: 64 } });
    expect(results).toEqual(expected);
    expect(results[1]!.diagnostics.some((d) => d.code === 'internal/error')).toBe(false);
  });
});
