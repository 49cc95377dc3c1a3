// The floor on a corpus: `node floor.js DIR JOBS` walks DIR for school folders, checks them on JOBS
// worker threads (read + js-yaml CJS + ajv) and prints {"schools", "invalid", "ms"} on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const CHUNK = 32;

function schoolDirs(dir: string, out: string[] = []): string[] {
  if (fs.existsSync(path.join(dir, 'truong.yaml'))) {
    out.push(dir);
    return out;
  }
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) schoolDirs(path.join(dir, entry.name), out);
  }
  return out;
}

async function main(): Promise<void> {
  const started = performance.now();
  const [dir, jobsArg, schemasDir] = process.argv.slice(2);
  const dirs = schoolDirs(path.resolve(dir!));
  const jobs = Number(jobsArg ?? 2);
  let next = 0;
  let invalid = 0;
  const script = fileURLToPath(new URL('./floor-worker.js', import.meta.url));
  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { schemasDir } });
        worker.on('message', (m: { invalid: number }) => {
          invalid += m.invalid;
          const chunk = dirs.slice(next, next + CHUNK);
          next += CHUNK;
          worker.postMessage(chunk.length > 0 ? chunk : null);
        });
        worker.on('error', reject);
        worker.on('exit', () => resolve());
      })),
  );
  process.stdout.write(`${JSON.stringify({ schools: dirs.length, invalid, ms: performance.now() - started })}\n`);
}

await main();
