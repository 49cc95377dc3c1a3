// Messages between the page and its worker.
import type { Lang, LocalText } from '../src/types.js';
import type { RunView } from '../src/page/run-view.js';

export interface PickedFile {
  /** Relative path under the picked folder's parent, '/' between segments. */
  path: string;
  file: File;
}

/** A circular the page offers: its number, and the title of its pack when it has one only. */
export interface CircularChoice {
  circular: string;
  title: LocalText | null;
}

export type ToWorker =
  | { type: 'check'; files: PickedFile[]; asOf: string; lang: Lang; circular?: string }
  /** The last run's reports again, in another language. */
  | { type: 'format'; lang: Lang }
  /** The last run's Word report (as `chuan check --format docx`). */
  | { type: 'docx'; lang: Lang };

export type FromWorker =
  | { type: 'ready'; circulars: CircularChoice[] }
  | { type: 'progress'; done: number; total: number; name: string }
  | { type: 'done'; view: RunView }
  | { type: 'docx'; bytes: Uint8Array<ArrayBuffer> }
  /** Nothing could be checked: no school folder, or an invalid chuan.config.yaml (its located errors in `details`). */
  | { type: 'failed'; message: LocalText; details: { at: string; message: LocalText }[] };
