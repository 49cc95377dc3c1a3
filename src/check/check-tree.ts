import { discoverSchools } from '../discover/discover.js';
import { KnownError } from '../errors.js';
import type { SchoolResult } from '../types.js';
import { checkSchool, type CheckOptions } from './check-school.js';

export interface TreeResult {
  schools: string[];
  results: SchoolResult[];
}

/** Every school folder found under the paths, checked one by one; a broken school never stops the others. */
export function checkTree(paths: string[], cwd: string, options: CheckOptions = {}, onProgress?: (done: number, total: number, dir: string) => void): TreeResult {
  const { schools, problems } = discoverSchools(paths, cwd);
  if (problems.length > 0) throw new KnownError(problems[0]!.message, problems[0]!.location, problems);
  if (schools.length === 0) {
    throw new KnownError({
      vi: `không tìm thấy thư mục trường nào (thư mục có tệp truong.yaml) trong: ${paths.join(', ')}`,
      en: `no school folder (a folder holding truong.yaml) found in: ${paths.join(', ')}`,
    });
  }
  const results = schools.map((dir, i) => {
    onProgress?.(i, schools.length, dir);
    return checkSchool(dir, options);
  });
  return { schools, results };
}
