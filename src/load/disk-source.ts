// The file source of the command line: a folder on disk. Links are reported as links (lstat), never
// followed when reading; reads are bounded; nothing is ever written.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { joinRel, type EntryKind, type FileEntry, type FileSource } from './file-source.js';
import { loadYamlFile } from './yaml-file-loader.js';
import type { YamlFile, YamlParser } from './yaml-file.js';

/** One buffer per thread for the file being read: its text is decoded (copied) before the next file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

export class DiskSource implements FileSource {
  readonly root: string;
  readonly name: string;
  private realRoot: string | null | undefined;

  /** `root` is used as given (absolute, as path.resolve makes it): locations name files under it. */
  constructor(root: string) {
    this.root = root;
    this.name = path.basename(root);
  }

  pathOf(rel: string): string {
    return rel === '' ? this.root : path.join(this.root, rel);
  }

  entry(rel: string): FileEntry | null {
    try {
      const stat = fs.lstatSync(this.pathOf(rel));
      const kind = kindOf(stat);
      const special = kind === 'other' ? specialOf(stat) : undefined;
      return { path: rel, kind, size: stat.isFile() ? stat.size : 0, ...(special ? { special } : {}) };
    } catch {
      return null;
    }
  }

  list(rel: string): FileEntry[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.pathOf(rel));
    } catch {
      return [];
    }
    return names.sort().flatMap((name) => this.entry(joinRel(rel, name)) ?? []);
  }

  read(rel: string, limit: number): Uint8Array {
    if (scratch.length < limit) scratch = Buffer.allocUnsafe(limit);
    const fd = fs.openSync(this.pathOf(rel), 'r');
    try {
      let length = 0;
      for (let n = -1; n !== 0 && length < limit; length += n) n = fs.readSync(fd, scratch, length, limit - length, null);
      return scratch.subarray(0, length);
    } finally {
      fs.closeSync(fd);
    }
  }

  resolveLink(rel: string): string | null {
    if (this.realRoot === undefined) this.realRoot = realpath(this.root);
    const real = this.realRoot === null ? null : realpath(this.pathOf(rel));
    if (real === null || this.realRoot === null) return null;
    const inside = path.relative(this.realRoot, real);
    return inside.startsWith('..') || path.isAbsolute(inside) ? null : inside;
  }
}

function kindOf(stat: fs.Stats): EntryKind {
  return stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'other';
}

function specialOf(stat: fs.Stats): FileEntry['special'] {
  return stat.isFIFO() ? 'fifo' : stat.isSocket() ? 'socket' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'device' : undefined;
}

function realpath(file: string): string | null {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
}

/** The folder at `dir` (resolved against the working directory). */
export const diskSource = (dir: string): DiskSource => new DiskSource(path.resolve(dir));

/** One YAML file on disk, by its path (rule packs, configuration): the same checks as a school's files. */
export function loadYamlPath(file: string, diagnostics: Diagnostic[], parser: YamlParser = 'fast'): YamlFile | null {
  return loadYamlFile(new DiskSource(path.dirname(file)), path.basename(file), diagnostics, parser);
}
