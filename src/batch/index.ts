// Batch checking for education offices: discovery, then in-process or worker-thread checking.
import { discoverSchools } from '../discover/discover.js';
import { KnownError } from '../errors.js';
import type { SchoolResult } from '../types.js';
import { checkSchools, type BatchOptions } from './pool.js';

export { checkSchools, runBatch, defaultJobs, workerCount, workerScriptPath, WORKER_SETUP_IN_SCHOOLS, type BatchOptions, type BatchProgress } from './pool.js';
export { checkOneSafely, prepareCheckOptions, type BatchSettings } from './check-one.js';

/** The school folders under the paths (sorted); a missing path or an empty tree is a usage error (exit 2). */
export function findSchools(paths: string[], cwd: string): string[] {
  const { schools, problems } = discoverSchools(paths, cwd);
  // One unusable path: its message alone; several: a count, then one line each.
  if (problems.length === 1) throw new KnownError(problems[0]!.message, problems[0]!.location);
  if (problems.length > 1) throw new KnownError({ vi: `${problems.length} đường dẫn không dùng được:`, en: `${problems.length} paths cannot be used:` }, null, problems);
  if (schools.length === 0) {
    throw new KnownError({
      vi: `không tìm thấy thư mục trường nào (thư mục có tệp truong.yaml) trong: ${paths.join(', ')}`,
      en: `no school folder (a folder holding truong.yaml) found in: ${paths.join(', ')}`,
    });
  }
  return schools;
}

/** The library's batch entry point: every school under the paths, checked in input order (workers when worth it). */
export async function checkTree(paths: string[], cwd: string, options: BatchOptions): Promise<SchoolResult[]> {
  return checkSchools(findSchools(paths, cwd), options);
}
