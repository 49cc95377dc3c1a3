// The one way the library reaches a folder's files: relative paths in, entries and bytes out. The CLI
// passes a disk implementation (disk-source.ts); the page passes one over the browser's File objects
// (listed-source.ts). Everything above this interface (loading, validation, evidence checks, reports)
// is the same code on both.

/** What is at a relative path, as seen without following a symbolic link. */
export type EntryKind = 'file' | 'directory' | 'symlink' | 'other';

export interface FileEntry {
  /** Relative to the source's root, with '/' between segments ('' is the root itself). */
  path: string;
  kind: EntryKind;
  /** Bytes, for a file; 0 otherwise. */
  size: number;
  /** For kind 'other', when the source can tell: what it is (messages name it). */
  special?: 'fifo' | 'socket' | 'device';
}

export interface FileSource {
  /** The name locations and reports give the file at `rel` (an absolute disk path, or the page's own). */
  pathOf(rel: string): string;
  /** The folder's own name (the last segment of its path). */
  readonly name: string;
  /** The entry at `rel`, without following a link; null when nothing has that name. */
  entry(rel: string): FileEntry | null;
  /** The entries directly inside the folder `rel` ('' for the root), sorted by name; [] when it cannot be listed. */
  list(rel: string): FileEntry[];
  /**
   * The bytes of the file at `rel`, at most `limit` of them. The array may be a view into a buffer that the
   * next read reuses: decode it before reading again. Throws an Error with a `code` (errno name) on failure.
   */
  read(rel: string, limit: number): Uint8Array;
  /**
   * Where the symbolic link at `rel` leads, relative to the root, when that is inside the folder; null when it
   * leaves it, dangles or loops. Absent for sources that have no links (the page's files).
   */
  resolveLink?(rel: string): string | null;
}

/** `a/b` + `c` → `a/b/c`; '' is the root. */
export const joinRel = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);
