import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOptions } from '../check/check-school.js';
import { KnownError } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { SchoolResult } from '../types.js';
import { checkOneSafely, internalFailure, prepareCheckOptions, type BatchSettings } from './check-one.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';

export interface BatchProgress {
  /** Schools finished so far. */
  done: number;
  total: number;
  /** The school folder most recently started. */
  dir: string;
}

export interface BatchOptions extends BatchSettings {
  /** Parallel workers; default os.availableParallelism(). 1 checks in-process. */
  jobs?: number;
  /** Options already prepared in this thread (rule set compiled, overlay applied), used when checking in-process. */
  prepared?: CheckOptions;
  /**
   * Override the cost model (see workerCount): fewer schools than this are checked in-process.
   * Tests use 0 to exercise the worker path on small batches.
   */
  minSchoolsForWorkers?: number;
  /** The compiled worker script; default dist/batch/worker.js in the package. */
  workerScript?: string;
  onProgress?: (progress: BatchProgress) => void;
}

/**
 * A worker spends about as long starting (loading modules, compiling schemas and rules) as it would
 * take to check this many schools: measured ~0.7-0.8 s against ~15 ms per school on the examples.
 */
export const WORKER_SETUP_IN_SCHOOLS = 50;

export const defaultJobs = (): number => os.availableParallelism();

/**
 * The worker script is always the compiled one. Under vitest the sources are .ts and there is no .js
 * beside them, so the package's dist/ is used (npm test builds first).
 */
export function workerScriptPath(): string {
  return path.join(packageRoot, 'dist', 'batch', 'worker.js');
}

/**
 * How many workers to start for a batch: 0 means check in-process. With k workers a batch of n schools
 * costs about WORKER_SETUP_IN_SCHOOLS + n/k school-checks of wall time, against n in-process, so workers
 * are used only when that is shorter (k = 2: from about 100 schools; k = 4: about 67; k = 8: about 57),
 * and never with fewer than 2 schools per worker. `minSchools` replaces the cost model by a plain threshold.
 */
export function workerCount(schools: number, jobs: number, minSchools?: number): number {
  if (!Number.isInteger(jobs) || jobs <= 1) return 0;
  const k = Math.min(jobs, Math.floor(schools / 2));
  if (k <= 1) return 0;
  if (minSchools !== undefined) return schools >= minSchools ? k : 0;
  return WORKER_SETUP_IN_SCHOOLS + schools / k < schools ? k : 0;
}

/**
 * Checks school folders, in-process or on worker threads, and returns their results in input order,
 * whatever the number of workers: the output built from them is byte-identical for any --jobs.
 */
export async function checkSchools(dirs: string[], options: BatchOptions): Promise<SchoolResult[]> {
  const absolute = dirs.map((d) => path.resolve(d));
  const script = options.workerScript ?? workerScriptPath();
  const workers = workerCount(absolute.length, options.jobs ?? defaultJobs(), options.minSchoolsForWorkers);
  if (workers > 0 && fs.existsSync(script)) return runPool(absolute, options, workers, script);
  return runInProcess(absolute, options);
}

async function runInProcess(dirs: string[], options: BatchOptions): Promise<SchoolResult[]> {
  const prepared = options.prepared ?? prepareCheckOptions(options);
  const results: SchoolResult[] = [];
  for (const [i, dir] of dirs.entries()) {
    options.onProgress?.({ done: i, total: dirs.length, dir });
    // Let a progress spinner draw between schools.
    if (options.onProgress) await new Promise((resolve) => setImmediate(resolve));
    results.push(checkOneSafely(dir, prepared));
  }
  return results;
}

function runPool(dirs: string[], options: BatchOptions, count: number, script: string): Promise<SchoolResult[]> {
  const settings: BatchSettings = { asOf: options.asOf, configFile: options.configFile, ...(options.level ? { level: options.level } : {}) };
  const total = dirs.length;
  const results = new Array<SchoolResult | undefined>(total);
  const live = new Set<Worker>();
  let next = 0;
  let done = 0;
  let settled = false;

  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of live) void worker.terminate();
      if (error) reject(error);
      else resolve(results as SchoolResult[]);
    };

    const spawn = (): void => {
      const init: WorkerInit = { settings };
      const worker = new Worker(script, { workerData: init });
      live.add(worker);
      let ready = false;
      let current: number | null = null;
      const post = (message: ToWorker): void => worker.postMessage(message);

      const dispatch = (): void => {
        if (settled) return;
        if (next >= total) {
          current = null;
          post({ type: 'exit' });
          return;
        }
        current = next++;
        options.onProgress?.({ done, total, dir: dirs[current]! });
        post({ type: 'check', index: current, dir: dirs[current]! });
      };
      const record = (index: number, result: SchoolResult): void => {
        results[index] = result;
        done += 1;
        current = null;
        if (done === total) finish();
      };
      // A worker that dies takes only its current school with it; a new worker takes over the queue.
      const lost = (reason: string): void => {
        live.delete(worker);
        if (!ready) {
          finish(new Error(`batch worker failed to start: ${reason}`));
          return;
        }
        if (current === null) return;
        record(current, internalFailure(dirs[current]!, reason));
        if (!settled && next < total) spawn();
      };

      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          dispatch();
        } else if (message.type === 'result') {
          record(message.index, message.result);
          dispatch();
        } else {
          finish(message.text ? new KnownError(message.text) : new Error(message.message));
        }
      });
      worker.on('error', (error) => lost(error.message));
      worker.on('exit', (code) => {
        if (live.has(worker)) lost(`worker exited with code ${code}`);
      });
    };

    for (let i = 0; i < count; i++) spawn();
  });
}
