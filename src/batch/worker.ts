// Worker thread entry: compiles schemas and rules once, then checks the school folders it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { isKnownError } from '../errors.js';
import type { CheckOptions } from '../check/check-school.js';
import type { SchoolResult } from '../types.js';
import { checkOneSafely, prepareCheckOptions } from './check-one.js';
import type { FromWorker, ToWorker, WorkerInit } from './protocol.js';
import { payloadMaker, type TaskPayload } from './task.js';

const port = parentPort;
if (!port) throw new Error('chuan batch worker must run in a worker thread');

const send = (message: FromWorker): void => port.postMessage(message);

let options: CheckOptions | null = null;
let payload: (result: SchoolResult) => TaskPayload = (result) => result;
try {
  const init = workerData as WorkerInit;
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

port.on('message', (message: ToWorker) => {
  if (message.type === 'exit' || !options) {
    port.close();
    return;
  }
  try {
    send({ type: 'result', index: message.index, result: payload(checkOneSafely(message.dir, options)) });
  } catch (error) {
    // Only a broken rule pack gets here (checkOneSafely keeps every other failure to its school).
    send({ type: 'fatal', message: error instanceof Error ? error.message : String(error), ...(isKnownError(error) ? { text: error.text } : {}) });
  }
});
