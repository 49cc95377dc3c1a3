import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CheckOptions } from '../check/check-school.js';
import { KnownError } from '../errors.js';
import { packageRoot } from '../paths.js';
import type { SchoolResult } from '../types.js';
import { checkOneSafely, internalFailure, prepareCheckOptions, preparedRules, type BatchSettings } from './check-one.js';
import { payloadMaker, type BatchTask, type TaskPayload } from './task.js';
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
  /** A worker's heap limits; default WORKER_HEAP. */
  workerHeap?: ResourceLimits;
  onProgress?: (progress: BatchProgress) => void;
}

/**
 * A worker costs about as much to start as checking this many schools in one warm thread: it loads the
 * modules and its code is compiled again while its first schools run slower, and on a machine with as
 * many cores as threads the compiler and collector threads take time from the checking. Measured on two
 * cores (the JSON report of generated schools, medians of 7 alternating runs): one thread 0.53, 0.86,
 * 1.29, 1.72, 2.20 s for 100, 250, 500, 700, 1,000 schools; this thread and a worker 0.69, 1.05, 1.37,
 * 1.74, 2.03 s: even at about 720 schools.
 */
export const WORKER_SETUP_IN_SCHOOLS = 360;

export const defaultJobs = (): number => os.availableParallelism();

/**
 * A worker's heap. V8 lets an old generation grow, after each full collection, to up to 4 times what
 * survived it when the limit is the default (gigabytes), and 1.3 times under 256 MB; a worker keeps about
 * 17 MB alive, so the limit bounds the garbage, not the work. A young generation of 16 MB instead of
 * 48 MB costs no time (at 45,000 schools; 12 MB made it 13 % slower, 8 MB 20 %). A school that still does
 * not fit is checked again in the main thread, which has no such limit.
 */
export const WORKER_HEAP: ResourceLimits = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

/**
 * The worker script is always the compiled one. Under vitest the sources are .ts and there is no .js
 * beside them, so the package's dist/ is used (npm test builds first).
 */
export function workerScriptPath(): string {
  return path.join(packageRoot, 'dist', 'batch', 'worker.js');
}

/**
 * How many threads check a batch in parallel: 0 means this thread alone; k means k - 1 workers plus this
 * thread. With k of them a batch of n schools costs about WORKER_SETUP_IN_SCHOOLS + n/k school-checks of
 * wall time, against n in-process, so workers are used only when that is shorter (k = 2: from 721 schools;
 * k = 4: from 481; k = 8: from 412), and never with fewer than 2 schools per thread.
 * `minSchools` replaces the cost model by a plain threshold.
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
  const results: SchoolResult[] = [];
  await runBatch(dirs, options, { kind: 'result' }, (_index, payload) => results.push(payload as SchoolResult));
  return results;
}

/**
 * Checks school folders and hands each school's payload (see task.ts) to `deliver` in input order, as
 * soon as it and every school before it are done: nothing of a finished school stays in memory here.
 * A payload that has to wait for an earlier school is kept as `park` returns it.
 */
export async function runBatch(
  dirs: string[],
  options: BatchOptions,
  task: BatchTask,
  deliver: (index: number, payload: TaskPayload) => void,
  park: (payload: TaskPayload) => TaskPayload = (payload) => payload,
): Promise<void> {
  // Discovered folders are already absolute: a resolved copy of every path would double the main thread's live heap on a large batch.
  const absolute = dirs.map((d) => (path.isAbsolute(d) ? d : path.resolve(d)));
  const script = options.workerScript ?? workerScriptPath();
  const workers = workerCount(absolute.length, options.jobs ?? defaultJobs(), options.minSchoolsForWorkers);
  if (workers > 0 && fs.existsSync(script)) {
    return runPool(absolute, options, workers, script, task, () => options.prepared ?? prepareCheckOptions(options), inOrder(deliver, park));
  }
  const prepared = options.prepared ?? prepareCheckOptions(options);
  return runInProcess(absolute, options, prepared, payloadMaker(task, prepared), deliver);
}

/** Delivers payloads in index order, holding back only those that finished before an earlier school. */
function inOrder(deliver: (index: number, payload: TaskPayload) => void, park: (payload: TaskPayload) => TaskPayload): (index: number, payload: TaskPayload) => void {
  const waiting = new Map<number, TaskPayload>();
  let next = 0;
  return (index, payload) => {
    if (index !== next) {
      waiting.set(index, park(payload));
      return;
    }
    deliver(next++, payload);
    for (let ready = waiting.get(next); ready !== undefined; ready = waiting.get(next)) {
      waiting.delete(next);
      deliver(next++, ready);
    }
  };
}

async function runInProcess(
  dirs: string[],
  options: BatchOptions,
  prepared: CheckOptions,
  payload: (result: SchoolResult) => TaskPayload,
  deliver: (index: number, payload: TaskPayload) => void,
): Promise<void> {
  for (const [i, dir] of dirs.entries()) {
    options.onProgress?.({ done: i, total: dirs.length, dir });
    // Let a progress spinner draw between schools.
    if (options.onProgress) await new Promise((resolve) => setImmediate(resolve));
    deliver(i, payload(checkOneSafely(dir, prepared)));
  }
}

/** Schools sent ahead to each worker, so that it never waits for the next one (this thread answers between its own schools). */
const IN_FLIGHT_PER_WORKER = 6;

function runPool(
  dirs: string[],
  options: BatchOptions,
  count: number,
  script: string,
  task: BatchTask,
  prepared: () => CheckOptions,
  deliver: (index: number, payload: TaskPayload) => void,
): Promise<void> {
  const settings: BatchSettings = { asOf: options.asOf, configFile: options.configFile, ...(options.level ? { level: options.level } : {}), ...(options.circular ? { circular: options.circular } : {}) };
  // Workers take the rules this thread already loaded (cloned with the message) rather than reading and checking them again.
  const rules = preparedRules(options.prepared);
  const total = dirs.length;
  const live = new Set<Worker>();
  /** Schools whose worker died before starting them: they go out again first. */
  const retry: number[] = [];
  let next = 0;
  let done = 0;
  let settled = false;
  /** This thread's options and payload maker, made when it first needs them. */
  let local: { options: CheckOptions; payload: (result: SchoolResult) => TaskPayload } | undefined;
  const here = (): NonNullable<typeof local> => {
    if (!local) {
      const checkOptions = prepared();
      local = { options: checkOptions, payload: payloadMaker(task, checkOptions) };
    }
    return local;
  };
  const checkHereNow = (index: number): TaskPayload => {
    const { options: checkOptions, payload } = here();
    return payload(checkOneSafely(dirs[index]!, checkOptions));
  };

  return new Promise((resolve, reject) => {
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of live) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const take = (): number | undefined => (retry.length > 0 ? retry.shift() : next < total ? next++ : undefined);
    const record = (index: number, payload: TaskPayload): void => {
      done += 1;
      deliver(index, payload);
      if (done === total) finish();
    };

    const spawn = (): void => {
      const init: WorkerInit = { settings, task, ...(rules ? { prepared: rules } : {}) };
      const worker = new Worker(script, { workerData: init, resourceLimits: options.workerHeap ?? WORKER_HEAP });
      live.add(worker);
      let ready = false;
      let exiting = false;
      /** Schools sent to this worker and not answered yet, oldest (the one it is checking) first. */
      const inFlight: number[] = [];
      const post = (message: ToWorker): void => worker.postMessage(message);

      const dispatch = (): void => {
        if (settled || exiting) return;
        while (inFlight.length < IN_FLIGHT_PER_WORKER) {
          const index = take();
          if (index === undefined) break;
          inFlight.push(index);
          options.onProgress?.({ done, total, dir: dirs[index]! });
          post({ type: 'check', index, dir: dirs[index]! });
        }
        if (inFlight.length === 0) {
          exiting = true;
          post({ type: 'exit' });
        }
      };
      // A worker that dies takes only its current school with it; the schools queued behind it and the
      // rest of the batch go to a new worker.
      const lost = (reason: string, outOfMemory = false): void => {
        live.delete(worker);
        if (!ready) {
          finish(new Error(`batch worker failed to start: ${reason}`));
          return;
        }
        const current = inFlight.shift();
        retry.unshift(...inFlight);
        if (current === undefined) return;
        // A school too large for a worker's heap limit (WORKER_HEAP) is checked here instead.
        record(current, outOfMemory ? checkHereNow(current) : here().payload(internalFailure(dirs[current]!, reason)));
        if (!settled && (retry.length > 0 || next < total)) spawn();
      };

      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          ready = true;
          dispatch();
        } else if (message.type === 'result') {
          const at = inFlight.indexOf(message.index);
          if (at >= 0) inFlight.splice(at, 1);
          record(message.index, message.result);
          dispatch();
        } else {
          finish(message.text ? new KnownError(message.text) : new Error(message.message));
        }
      });
      worker.on('error', (error: NodeJS.ErrnoException) => lost(error.message, error.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => {
        if (live.has(worker)) lost(`worker exited with code ${code}`);
      });
      // Its first schools go out now: they wait in its port while it starts (about 0.1 s), and this thread
      // checks the ones after them meanwhile.
      dispatch();
    };

    // This thread checks schools too, between the workers' messages: it would otherwise be idle, and with
    // as many checkers as cores it is one isolate fewer to start, to compile the code for and to keep in memory.
    const checkHere = async (): Promise<void> => {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (settled) return;
        const index = take();
        if (index === undefined) return;
        options.onProgress?.({ done, total, dir: dirs[index]! });
        record(index, checkHereNow(index));
      }
    };

    for (let i = 0; i < count - 1; i++) spawn();
    checkHere().catch((error: unknown) => finish(error instanceof Error ? error : new Error(String(error))));
  });
}
