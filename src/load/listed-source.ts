// A file source over a list of files known by their relative paths: the files a person picked in the
// page (File objects), or any other in-memory folder. Folders are those the paths imply; there are no links.
import { compareStrings } from '../discover/school-folders.js';
import { joinRel, type FileEntry, type FileSource } from './file-source.js';

export interface ListedFile {
  /** Relative to the picked folder's parent, '/' between segments (as the browser's webkitRelativePath). */
  path: string;
  size: number;
  /** At most `limit` bytes from the start of the file. */
  read(limit: number): Uint8Array;
}

interface Index {
  files: Map<string, ListedFile>;
  /** Each folder's entries, sorted by name. */
  folders: Map<string, FileEntry[]>;
}

/** The segments of a picked file's path, or null when it cannot name a file inside the folder. */
export function pathSegments(raw: string): string[] | null {
  const segments = raw.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  return segments.length === 0 || segments.includes('..') ? null : segments;
}

export class ListedSource implements FileSource {
  readonly name: string;

  private constructor(
    private readonly index: Index,
    /** This source's folder inside the listing ('' for the listing itself). */
    private readonly base: string,
    /** The name locations give the listing's root, with no trailing '/'. */
    private readonly display: string,
  ) {
    this.name = base === '' ? display.slice(display.lastIndexOf('/') + 1) : base.slice(base.lastIndexOf('/') + 1);
  }

  /**
   * A source over `files`; locations name a file `${display}/${path}` (default: '' so that paths read
   * `/examples/th-mai-sao/truong.yaml`, which a report relative to '/' shows as the CLI does from the parent).
   * Paths with '..' are left out; the first of two files with the same path is kept.
   */
  static of(files: ListedFile[], display = ''): ListedSource {
    const index: Index = { files: new Map(), folders: new Map([['', []]]) };
    for (const file of files) {
      const segments = pathSegments(file.path);
      if (!segments) continue;
      const rel = segments.join('/');
      const parents = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
      if (index.files.has(rel) || index.folders.has(rel) || parents.some((p) => index.files.has(p))) continue;
      let parent = '';
      for (const folder of parents) {
        if (!index.folders.has(folder)) {
          index.folders.set(folder, []);
          index.folders.get(parent)!.push({ path: folder, kind: 'directory', size: 0 });
        }
        parent = folder;
      }
      index.files.set(rel, file);
      index.folders.get(parent)!.push({ path: rel, kind: 'file', size: file.size });
    }
    for (const entries of index.folders.values()) entries.sort((a, b) => compareStrings(a.path, b.path));
    return new ListedSource(index, '', display);
  }

  /** The folder `rel` of this source as a source of its own (a school of a picked batch). */
  at(rel: string): ListedSource {
    return new ListedSource(this.index, this.full(rel), this.display);
  }

  pathOf(rel: string): string {
    const full = this.full(rel);
    return full === '' ? this.display || '/' : `${this.display}/${full}`;
  }

  entry(rel: string): FileEntry | null {
    const full = this.full(rel);
    const file = this.index.files.get(full);
    if (file) return { path: rel, kind: 'file', size: file.size };
    return this.index.folders.has(full) ? { path: rel, kind: 'directory', size: 0 } : null;
  }

  list(rel: string): FileEntry[] {
    const full = this.full(rel);
    const cut = this.base === '' ? 0 : this.base.length + 1;
    return (this.index.folders.get(full) ?? []).map((e) => ({ ...e, path: e.path.slice(cut) }));
  }

  read(rel: string, limit: number): Uint8Array {
    const file = this.index.files.get(this.full(rel));
    if (!file) throw Object.assign(new Error(`no file ${rel}`), { code: 'ENOENT' });
    return file.read(limit);
  }

  private full(rel: string): string {
    return rel === '' ? this.base : joinRel(this.base, rel);
  }
}
