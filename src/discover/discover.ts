import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { PROFILE_FILE } from '../load/school-folder.js';

const MAX_DEPTH = 12;
const SKIP = new Set(['node_modules', '.git', 'minh-chung', 'dist']);

export interface Discovery {
  /** Absolute school folders, sorted, each once. */
  schools: string[];
  problems: Diagnostic[];
}

/**
 * Paths -> school folders (a folder holding truong.yaml). Symbolic links are never followed,
 * so there is no loop and no escape; the result is sorted and deterministic.
 */
export function discoverSchools(inputs: string[], cwd: string): Discovery {
  const schools = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const input of inputs) {
    const start = path.resolve(cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(start);
    } catch {
      problems.push(problem(start, { vi: `không tìm thấy đường dẫn ${input}`, en: `path not found: ${input}` }));
      continue;
    }
    if (!stat.isDirectory()) {
      const dir = path.basename(start) === PROFILE_FILE || /^tieu-chuan-[1-5]\.yaml$/.test(path.basename(start)) ? path.dirname(start) : null;
      if (dir && fs.existsSync(path.join(dir, PROFILE_FILE))) schools.add(dir);
      else problems.push(problem(start, { vi: `${input} không phải thư mục trường`, en: `${input} is not a school folder` }));
      continue;
    }
    walk(start, 0, schools);
  }
  return { schools: [...schools].sort(compareStrings), problems };
}

function walk(dir: string, depth: number, schools: Set<string>): void {
  if (fs.existsSync(path.join(dir, PROFILE_FILE))) {
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
    if (!entry.isDirectory() || entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    walk(path.join(dir, entry.name), depth + 1, schools);
  }
}

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function problem(file: string, message: { vi: string; en: string }): Diagnostic {
  return { code: 'input/not-found', severity: 'error', message, location: { file, line: 1, column: 1 } };
}
