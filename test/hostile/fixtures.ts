// Helpers of the hostile-input corpus: temporary batches, a fingerprint of an input tree, and a guard
// that records every file the tool opens for reading.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/paths.js';

export const AS_OF = '2026-06-15';
export const examplesDir = path.join(packageRoot, 'examples');

export function tempRoot(prefix = 'chuan-hostile-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

/** A copy of a bundled example school at `dir`. */
export function copyExample(name: string, dir: string): string {
  fs.cpSync(path.join(examplesDir, name), dir, { recursive: true });
  return dir;
}

/** Files larger than this are fingerprinted by their metadata only (a sparse 1 GiB file must not be read). */
const HASH_CONTENT_MAX = 8 * 1024 * 1024;

/**
 * A fingerprint of everything under `root`, symbolic links not followed: each entry's relative path, type,
 * mode, size, inode, mtime and ctime (a write, chmod or rename changes the ctime), link targets, and the
 * SHA-256 of every file's bytes. Equal fingerprints before and after a run: not one byte changed.
 */
export function treeFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const st = fs.lstatSync(full);
      const rel = path.relative(root, full);
      hash.update(`${JSON.stringify(rel)} ${st.mode} ${st.size} ${st.ino} ${st.mtimeMs} ${st.ctimeMs}\n`);
      if (st.isSymbolicLink()) hash.update(`-> ${fs.readlinkSync(full)}\n`);
      else if (st.isDirectory()) walk(full);
      else if (st.isFile() && st.size <= HASH_CONTENT_MAX) hash.update(fs.readFileSync(full));
    }
  };
  const st = fs.lstatSync(root);
  hash.update(`root ${st.mode} ${st.ino} ${st.mtimeMs} ${st.ctimeMs}\n`);
  walk(root);
  return hash.digest('hex');
}

type FsModule = typeof fs;
const READERS = ['readFileSync', 'openSync', 'readdirSync', 'opendirSync', 'createReadStream', 'readFile', 'open'] as const;

/**
 * Records the path of every call that opens a file for reading or lists a folder (fs.readFileSync,
 * openSync, readdirSync, …) while `fn` runs. Metadata calls (lstat, realpath) and opening a report for
 * writing are not reads and are not recorded (writes into the input are caught by treeFingerprint).
 */
export async function recordReads<T>(fn: () => T | Promise<T>): Promise<{ value: T; reads: string[] }> {
  const reads: string[] = [];
  const target = fs as unknown as Record<string, unknown>;
  const originals = new Map<string, unknown>();
  for (const name of READERS) {
    const original = target[name] as (...args: unknown[]) => unknown;
    originals.set(name, original);
    target[name] = function (this: FsModule, ...args: unknown[]) {
      const first = args[0];
      const opensForWriting = (name === 'openSync' || name === 'open') && !isReadOnlyFlag(args[1]);
      if (!opensForWriting && (typeof first === 'string' || first instanceof URL || Buffer.isBuffer(first))) reads.push(path.resolve(String(first instanceof URL ? first.pathname : first)));
      return original.apply(this, args);
    };
  }
  try {
    return { value: await fn(), reads };
  } finally {
    for (const [name, original] of originals) target[name] = original;
  }
}

/** open()'s flags: absent, 'r', 'rs' or O_RDONLY mean reading; writing a report elsewhere is not a read. */
function isReadOnlyFlag(flags: unknown): boolean {
  if (flags === undefined || flags === null || typeof flags === 'function') return true;
  if (typeof flags === 'number') return (flags & 3) === fs.constants.O_RDONLY;
  return flags === 'r' || flags === 'rs' || flags === 'sr';
}

/** Files under `dir` that must never be opened: links, named pipes and anything bigger than `maxBytes`. */
export function neverToOpen(dir: string, maxBytes: number): string[] {
  const out: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    const st = fs.lstatSync(full);
    if (st.isSymbolicLink() || st.isFIFO() || (st.isFile() && st.size > maxBytes)) out.push(full);
    else if (st.isDirectory()) out.push(...neverToOpen(full, maxBytes));
  }
  return out;
}

/** The reads that are neither inside one of `allowed`, nor the package's own rules/ and schemas/, nor the tool's own temporary files. */
export function readsOutside(reads: string[], allowed: string[]): string[] {
  // The package's own files (rules, schemas, and the code of its dependencies, some loaded only when first needed) are not input.
  const roots = [...allowed, ...['rules', 'schemas', 'package.json', 'node_modules', 'dist'].map((name) => path.join(packageRoot, name))];
  return reads.filter((r) => !path.basename(r).startsWith('.chuan-tmp-') && !roots.some((root) => r === root || r.startsWith(root + path.sep)));
}

/** A sparse file of `bytes` bytes: no disk space used, and reading it would take long enough to notice. */
export function sparseFile(file: string, bytes: number): void {
  fs.writeFileSync(file, 'ten_truong: x\n');
  fs.truncateSync(file, bytes);
}

/** Lines of a stack trace ("    at fn (file:line:col)"). */
export const STACK_LINE = /^\s+at .+[(:]\d+/m;
