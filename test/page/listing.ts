// Picked files from a folder on disk, as the page's folder input gives them (relative paths under the
// picked folder's name, sizes, bounded reads): the same listing the browser builds from File objects.
import fs from 'node:fs';
import path from 'node:path';
import type { ListedFile } from '../../src/load/listed-source.js';

/** Every regular file under `dir` (links left out, as the browser's folder input leaves them), named `<basename(dir)>/...`. */
export function pickFolder(dir: string, reads?: string[]): ListedFile[] {
  const out: ListedFile[] = [];
  const walk = (abs: string, rel: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const childAbs = path.join(abs, entry.name);
      const childRel = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(childAbs, childRel);
      else if (entry.isFile()) out.push(listed(childRel, fs.readFileSync(childAbs), reads));
    }
  };
  walk(dir, path.basename(dir));
  return out;
}

export function listed(rel: string, bytes: Uint8Array, reads?: string[]): ListedFile {
  return {
    path: rel,
    size: bytes.length,
    read: (limit) => {
      reads?.push(rel);
      return bytes.subarray(0, limit);
    },
  };
}
