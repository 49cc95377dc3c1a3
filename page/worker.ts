// The page's worker: reads the picked files (synchronously, only those the check needs), checks the
// schools with the library, and posts progress and the run's view. Nothing leaves the machine.
import ruleSet from 'chuan-page:rules';
import { toolVersion } from 'chuan-page:meta';
import { isKnownError } from '../src/errors.js';
import { ListedSource, type ListedFile } from '../src/load/listed-source.js';
import { checkPicked, PAGE_CWD, pageContext, pickedSchools, type PickedRun } from '../src/page/picked-check.js';
import { runView } from '../src/page/run-view.js';
import { locationText } from '../src/report/text.js';
import type { Lang } from '../src/types.js';
import type { FromWorker, PickedFile, ToWorker } from './protocol.js';
import { PageValidators } from './validators.js';

declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const setup = { ruleSet, registry: new PageValidators(), toolVersion };
const reader = new FileReaderSync();
let last: { run: PickedRun; root: ListedSource } | null = null;

function listed({ path, file }: PickedFile): ListedFile {
  return { path, size: file.size, read: (limit) => new Uint8Array(reader.readAsArrayBuffer(file.slice(0, limit))) };
}

function post(lang: Lang): void {
  if (last) scope.postMessage({ type: 'done', view: runView(last.run, last.root, pageContext(last.run, lang, toolVersion)) });
}

function check(message: Extract<ToWorker, { type: 'check' }>): void {
  const root = ListedSource.of(message.files.map(listed));
  if (pickedSchools(root).length === 0) {
    last = null;
    scope.postMessage({
      type: 'failed',
      message: { vi: 'không tìm thấy thư mục trường nào (thư mục có tệp truong.yaml) trong thư mục đã chọn', en: 'no school folder (a folder holding truong.yaml) in the chosen folder' },
      details: [],
    });
    return;
  }
  let lastPost = 0;
  const progress = (done: number, total: number, name: string): void => {
    const now = Date.now();
    if (done === total || now - lastPost > 50) {
      lastPost = now;
      scope.postMessage({ type: 'progress', done, total, name });
    }
  };
  try {
    last = { run: checkPicked(root, setup, { asOf: message.asOf, ...(message.packId ? { packId: message.packId } : {}) }, progress), root };
  } catch (error) {
    last = null;
    if (!isKnownError(error)) throw error;
    const details = (error.details.length > 0 ? error.details : []).map((d) => ({ at: locationText(d.location, PAGE_CWD), message: d.message }));
    scope.postMessage({ type: 'failed', message: error.text, details });
    return;
  }
  post(message.lang);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'check') check(message);
  else post(message.lang);
};
scope.postMessage({ type: 'ready', packs: ruleSet.packs.map((p) => ({ id: p.id, circular: p.circular, title: p.title })) });
