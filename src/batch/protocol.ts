import type { BatchSettings, PreparedRules } from './check-one.js';
import type { BatchTask, TaskPayload } from './task.js';

/** Messages between the pool and its workers: plain data (structured clone), nothing else. */
export interface WorkerInit {
  settings: BatchSettings;
  /** What to send back per school: the result itself, or its finished JSON text (task.ts). */
  task: BatchTask;
  /** The rule set and configuration the main thread already loaded and checked; absent, the worker loads them. */
  prepared?: PreparedRules;
}

export type ToWorker = { type: 'check'; index: number; dir: string } | { type: 'exit' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; index: number; result: TaskPayload }
  /** The worker could not even start (e.g. the config changed under it): the batch stops with this message. */
  | { type: 'fatal'; message: string; text?: { vi: string; en: string } };
