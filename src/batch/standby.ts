import fs from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Workers started as soon as the schools are found, before the batch is set up: a worker needs about
 * 0.15 s to load its code, and this thread meanwhile checks where the reports go and starts the report.
 * The pool takes them (runBatch's `standby`); the caller stops those it did not take, whatever happened.
 */
export class WorkerStandby {
  private readonly idle: Worker[] = [];

  constructor(
    count: number,
    readonly script: string,
    readonly heap: ResourceLimits,
  ) {
    for (let i = 0; i < count && fs.existsSync(script); i++) {
      const worker = new Worker(script, { resourceLimits: heap });
      // Waiting here must not keep the process alive, and a worker that fails before it is taken is
      // simply not handed out: the pool starts a new one and reports its failure.
      worker.unref();
      const drop = (): void => {
        const at = this.idle.indexOf(worker);
        if (at >= 0) this.idle.splice(at, 1);
      };
      worker.on('error', drop);
      worker.on('exit', drop);
      this.idle.push(worker);
    }
  }

  /** Workers started and not taken (nor failed) yet. */
  get waiting(): number {
    return this.idle.length;
  }

  /** A started worker of `script`, for the pool; undefined when none is left. */
  take(script: string, heap: ResourceLimits): Worker | undefined {
    if (script !== this.script || heap !== this.heap) return undefined;
    const worker = this.idle.shift();
    worker?.ref();
    return worker;
  }

  /** Stops the workers nobody took. */
  stop(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }
}
