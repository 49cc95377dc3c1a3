import type { SchoolResult } from '../types.js';
import type { BatchSettings } from './check-one.js';

/** Messages between the pool and its workers: plain data (structured clone), nothing else. */
export interface WorkerInit {
  settings: BatchSettings;
}

export type ToWorker = { type: 'check'; index: number; dir: string } | { type: 'exit' };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; index: number; result: SchoolResult }
  /** The worker could not even start (e.g. the config changed under it): the batch stops with this message. */
  | { type: 'fatal'; message: string; text?: { vi: string; en: string } };
