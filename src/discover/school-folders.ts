// What makes a folder a school and which folders the search skips, the same on disk (discover.ts) and
// over any file source (the page's picked folder).
import { PROFILE_FILE } from '../load/school-folder.js';
import { joinRel, type FileSource } from '../load/file-source.js';

/** Folders deeper than this below a searched path are not searched. */
export const MAX_DEPTH = 12;
/** Folder names never searched for schools (besides names starting with a dot). */
export const SKIP = new Set(['node_modules', '.git', 'minh-chung', 'dist']);

export const skippedName = (name: string): boolean => name.startsWith('.') || SKIP.has(name);

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The school folders at or under the folder `start` of `source` (relative paths), sorted: a folder holding
 * truong.yaml is a school and is not searched further; links are never followed; `start` itself is
 * searched whatever its name, as a path given on the command line.
 */
export function findSchoolFolders(source: FileSource, start = ''): string[] {
  const schools: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (source.entry(joinRel(dir, PROFILE_FILE))) {
      schools.push(dir);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    for (const entry of source.list(dir)) {
      const name = entry.path.slice(entry.path.lastIndexOf('/') + 1);
      if (entry.kind === 'directory' && !skippedName(name)) walk(entry.path, depth + 1);
    }
  };
  walk(start, 0);
  return schools.sort(compareStrings);
}
