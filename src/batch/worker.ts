// Worker thread entry: loads its code and the generated validators at once, compiles the rules it is
// sent, then checks the school folders it is sent.
import { parentPort } from 'node:worker_threads';
import { isKnownError } from '../errors.js';
import type { CheckOptions } from '../check/check-school.js';
import type { SchoolResult } from '../types.js';
import { SchemaRegistry } from '../validate/schemas.js';
import { checkOneSafely, prepareCheckOptions } from './check-one.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { payloadMaker, type TaskPayload } from './task.js';

const port = parentPort;
if (!port) throw new Error('chuan batch worker must run in a worker thread');

const send = (message: FromWorker): void => port.postMessage(message);

// While the main thread may still be finding the schools (standby.ts).
try {
  SchemaRegistry.shared();
} catch {
  // start() meets the same failure and reports it.
}

let options: CheckOptions | null = null;
let payload: (result: SchoolResult) => TaskPayload = (result) => result;

function start(init: WorkerInit): void {
  try {
    options = prepareCheckOptions(init.settings, init.prepared);
    payload = payloadMaker(init.task ?? { kind: 'result' }, options);
    send({ type: 'ready' });
  } catch (error) {
    send({
      type: 'fatal',
      message: error instanceof Error ? error.message : String(error),
      ...(isKnownError(error) ? { text: error.text } : {}),
    });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'init') return start(message.init);
  if (message.type === 'exit' || !options) {
    port.close();
    return;
  }
  send({ type: 'result', index: message.index, result: payload(checkOneSafely(message.dir, options)) });
});
