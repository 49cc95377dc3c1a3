// Messages between the page and its worker.
import type { Lang, LocalText } from '../src/types.js';
import type { RunView } from '../src/page/run-view.js';

export interface PickedFile {
  /** Relative path under the picked folder's parent, '/' between segments. */
  path: string;
  file: File;
}

export interface PackChoice {
  id: string;
  circular: string;
  title: LocalText;
}

export type ToWorker =
  | { type: 'check'; files: PickedFile[]; asOf: string; lang: Lang; packId?: string }
  /** The last run's reports again, in another language. */
  | { type: 'format'; lang: Lang };

export type FromWorker =
  | { type: 'ready'; packs: PackChoice[] }
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'done'; view: RunView }
  /** Nothing could be checked: no school folder, or an invalid chuan.config.yaml (its located errors in `details`). */
  | { type: 'failed'; message: LocalText; details: { at: string; message: LocalText }[] };
