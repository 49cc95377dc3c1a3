import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { PROFILE_FILE } from '../load/school-folder.js';
import { compareStrings, MAX_DEPTH, skippedName } from './school-folders.js';

export { compareStrings };

export interface Discovery {
  /** Absolute school folders, sorted, each once. */
  schools: string[];
  problems: Diagnostic[];
  /** Symbolic links met while searching, not followed (warnings a caller may show). */
  skipped: Diagnostic[];
}

/**
 * Paths -> school folders (a folder holding truong.yaml). Symbolic links are never followed,
 * so there is no loop and no escape; the result is sorted and deterministic.
 */
export function discoverSchools(inputs: string[], cwd: string): Discovery {
  const schools = new Set<string>();
  const problems: Diagnostic[] = [];
  const skipped: Diagnostic[] = [];
  for (const input of inputs) {
    const start = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      // A path typed on the command line is taken as the user means it, even through a link.
      stat = fs.statSync(start);
    } catch (error) {
      problems.push(problem(notFoundText(input, (error as NodeJS.ErrnoException).code)));
      continue;
    }
    if (!stat.isDirectory()) {
      const dir = path.basename(start) === PROFILE_FILE || /^tieu-chuan-[1-5]\.yaml$/.test(path.basename(start)) ? path.dirname(start) : null;
      if (dir && present(path.join(dir, PROFILE_FILE))) schools.add(dir);
      else problems.push(problem({ vi: `${input} không phải thư mục trường`, en: `${input} is not a school folder` }));
      continue;
    }
    walk(start, 0, schools, skipped);
  }
  return { schools: [...schools].sort(compareStrings), problems, skipped };
}

function walk(dir: string, depth: number, schools: Set<string>, skipped: Diagnostic[]): void {
  // Any entry named truong.yaml (even a link or a folder) makes a school: the loader then says what is wrong with it.
  if (present(path.join(dir, PROFILE_FILE))) {
    schools.add(dir);
    return;
  }
  if (depth >= MAX_DEPTH) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (skippedName(entry.name)) continue;
    if (entry.isSymbolicLink()) {
      const link = path.join(dir, entry.name);
      if (linksToFile(link)) continue;
      skipped.push({
        code: 'input/symlink-skipped',
        severity: 'warning',
        location: { file: link, line: 1, column: 1 },
        message: {
          vi: `bỏ qua liên kết tượng trưng ${entry.name} (không đi theo liên kết); muốn kiểm tra trường ở đó thì ghi thẳng đường dẫn thật`,
          en: `skipped the symbolic link ${entry.name} (links are not followed); give the real path to check a school there`,
        },
      });
      continue;
    }
    if (entry.isDirectory()) walk(path.join(dir, entry.name), depth + 1, schools, skipped);
  }
}

/** A link to a regular file is of no interest to the search; links to folders, loops and broken links are reported. */
function linksToFile(link: string): boolean {
  try {
    return fs.statSync(link).isFile();
  } catch {
    return false;
  }
}

/** True when something (a file, a folder, a link, even a broken one) has this name. */
function present(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function notFoundText(input: string, code: string | undefined): { vi: string; en: string } {
  if (code === 'ELOOP') return { vi: `đường dẫn ${input} là liên kết tượng trưng lặp vòng (trỏ về chính nó); ghi đường dẫn thật của thư mục`, en: `${input} is a symbolic link loop; give the real path of the folder` };
  if (code === 'EACCES' || code === 'EPERM') return { vi: `không có quyền đọc đường dẫn ${input}`, en: `no permission to read ${input}` };
  if (code === 'ENOTDIR') return { vi: `không tìm thấy đường dẫn ${input} (một phần của đường dẫn là tệp, không phải thư mục)`, en: `path not found: ${input} (part of it is a file, not a folder)` };
  return { vi: `không tìm thấy đường dẫn ${input}`, en: `path not found: ${input}` };
}

/** A path that cannot be searched: the message names it; it has no line or column. */
function problem(message: { vi: string; en: string }): Diagnostic {
  return { code: 'input/not-found', severity: 'error', message, location: null };
}
