// The page's worker: reads the picked files (synchronously, only those the check needs), checks the
// schools with the library, and posts progress and the run's view. Nothing leaves the machine.
import ruleSet from 'chuan-page:rules';
import schemas from 'chuan-page:schemas';
import { toolVersion } from 'chuan-page:meta';
import { isKnownError } from '../src/errors.js';
import { editorSchemaLookup } from '../src/init/editor-schema-names.js';
import { ListedSource, type ListedFile } from '../src/load/listed-source.js';
import { checkPicked, PAGE_CWD, pageContext, pickedSchools, type PickedRun } from '../src/page/picked-check.js';
import { runView } from '../src/page/run-view.js';
import { docxFormatter } from '../src/report/formatters/docx.js';
import { FieldLabels } from '../src/report/labels.js';
import { locationText } from '../src/report/text.js';
import type { Lang } from '../src/types.js';
import type { FromWorker, PickedFile, ToWorker } from './protocol.js';
import { PageValidators } from './validators.js';

declare const FileReaderSync: { new (): { readAsArrayBuffer(blob: Blob): ArrayBuffer } };

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const setup = { ruleSet, registry: new PageValidators(), toolVersion, fields: new FieldLabels(() => schemas), schemas: editorSchemaLookup(schemas) };
const reader = new FileReaderSync();
let last: { run: PickedRun; root: ListedSource } | null = null;

function listed({ path, file }: PickedFile): ListedFile {
  return { path, size: file.size, read: (limit) => new Uint8Array(reader.readAsArrayBuffer(file.slice(0, limit))) };
}

function post(lang: Lang): void {
  if (last) scope.postMessage({ type: 'done', view: runView(last.run, last.root, pageContext(last.run, lang, setup)) });
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
    last = { run: checkPicked(root, setup, { asOf: message.asOf, ...(message.circular ? { circular: message.circular } : {}) }, progress), root };
  } catch (error) {
    last = null;
    if (!isKnownError(error)) throw error;
    const details = (error.details.length > 0 ? error.details : []).map((d) => ({ at: locationText(d.location, PAGE_CWD), message: d.message }));
    scope.postMessage({ type: 'failed', message: error.text, details });
    return;
  }
  post(message.lang);
}

async function docx(lang: Lang): Promise<void> {
  if (!last) return;
  // A copy of its own: the file's buffer moves to the page.
  const bytes = new Uint8Array(await docxFormatter(last.run.results, pageContext(last.run, lang, setup)));
  scope.postMessage({ type: 'docx', bytes }, [bytes.buffer]);
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === 'check') check(message);
  else if (message.type === 'docx') void docx(message.lang);
  else post(message.lang);
};
const circulars = [...new Set(ruleSet.packs.map((p) => p.circular))].map((circular) => {
  const packs = ruleSet.packs.filter((p) => p.circular === circular);
  return { circular, title: packs.length === 1 ? packs[0]!.title : null };
});
scope.postMessage({ type: 'ready', circulars });
