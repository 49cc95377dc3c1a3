// Batch checking for education offices: discovery, then in-process or worker-thread checking.
import { discoverSchools } from '../discover/discover.js';
import path from 'node:path';
import { KnownError } from '../errors.js';
import { diskSource } from '../load/disk-source.js';
import { misnamedFile } from '../load/near-miss.js';
import { PROFILE_FILE } from '../load/school-folder.js';
import type { SchoolResult } from '../types.js';
import { checkSchools, type BatchOptions } from './pool.js';
import { markDuplicateCodes } from './duplicate-codes.js';

export { checkSchools, runBatch, defaultJobs, workerCount, workerScriptPath, WORKER_SETUP_IN_SCHOOLS, type BatchOptions, type BatchProgress } from './pool.js';
export { checkOneSafely, prepareCheckOptions, type BatchSettings } from './check-one.js';
export { duplicateCodes, duplicateCodeDiagnostic, markDuplicateCodes, type CodedSchool } from './duplicate-codes.js';

/** The school folders under the paths (sorted); a missing path or an empty tree is a usage error (exit 2). */
export function findSchools(paths: string[], cwd: string): string[] {
  const { schools, problems } = discoverSchools(paths, cwd);
  // One unusable path: its message alone; several: a count, then one line each.
  if (problems.length === 1) throw new KnownError(problems[0]!.message, problems[0]!.location);
  if (problems.length > 1) throw new KnownError({ vi: `${problems.length} đường dẫn không dùng được:`, en: `${problems.length} paths cannot be used:` }, null, problems);
  if (schools.length === 0) {
    // A school folder whose profile is saved under a near name (truong.yml, Truong.yaml, truong.yaml.txt).
    const misnamed = paths.map((p) => ({ p, name: misnamedFile(diskSource(path.resolve(cwd, p)), PROFILE_FILE) })).find((m) => m.name !== null);
    const hint = misnamed ? { vi: `; thư mục ${misnamed.p} có tệp "${misnamed.name}": đổi tên thành ${PROFILE_FILE}`, en: `; ${misnamed.p} holds "${misnamed.name}": rename it to ${PROFILE_FILE}` } : { vi: '', en: '' };
    throw new KnownError({
      vi: `không tìm thấy thư mục trường nào (thư mục có tệp ${PROFILE_FILE}) trong: ${paths.join(', ')}${hint.vi}`,
      en: `no school folder (a folder holding ${PROFILE_FILE}) found in: ${paths.join(', ')}${hint.en}`,
    });
  }
  return schools;
}

/**
 * The library's batch entry point: every school under the paths, checked in input order (workers when worth
 * it); a code two folders share for the same school year is a warning on each (folders named relative to cwd).
 */
export async function checkTree(paths: string[], cwd: string, options: BatchOptions): Promise<SchoolResult[]> {
  return markDuplicateCodes(await checkSchools(findSchools(paths, cwd), options), (dir) => path.relative(cwd, dir) || '.');
}
