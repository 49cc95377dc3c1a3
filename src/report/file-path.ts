// Paths as the human reports print them, without `node:path`: the Markdown and Word reports are built in
// the browser page too. The same answers as Node's path.posix / path.win32 for absolute paths; which of
// the two applies follows the working directory (a drive letter or a UNC share means Windows).

interface Parsed {
  /** "" on POSIX ("/" is implied); "C:" or "\\server\share" on Windows, as written. */
  root: string;
  segments: string[];
}

const isWindowsPath = (p: string): boolean => /^[A-Za-z]:/.test(p) || /^[\\/]{2}[^\\/]/.test(p);

/** Whether a path is absolute, for the system the working directory belongs to. */
export function isAbsolutePath(p: string, cwd = '/'): boolean {
  return isWindowsPath(cwd) ? /^[A-Za-z]:[\\/]/.test(p) || /^[\\/]/.test(p) : p.startsWith('/');
}

/** The last segment of a path, with either separator ("a/b\\c.yaml" -> "c.yaml"). */
export function baseName(p: string): string {
  return p.split(/[\\/]/).filter((s) => s !== '').at(-1) ?? '';
}

/** `to` relative to `from`, as path.relative does on the system `from` belongs to ('' when they are the same). */
export function relativePath(from: string, to: string): string {
  const windows = isWindowsPath(from);
  const base = parse(from, null, windows);
  const target = parse(to, base, windows);
  if (windows && base.root.toLowerCase() !== target.root.toLowerCase()) return format(target, windows);
  const same = (a: string, b: string) => (windows ? a.toLowerCase() === b.toLowerCase() : a === b);
  let common = 0;
  while (common < base.segments.length && common < target.segments.length && same(base.segments[common]!, target.segments[common]!)) common++;
  const up = base.segments.slice(common).map(() => '..');
  return [...up, ...target.segments.slice(common)].join(windows ? '\\' : '/');
}

/** Splits and normalises a path ("." and ".." resolved); a relative one is taken from `base`. */
function parse(p: string, base: Parsed | null, windows: boolean): Parsed {
  let root = '';
  let rest = p;
  /** Segments ".." cannot remove: a UNC path's share. */
  let fixed = 0;
  const segments: string[] = [];
  if (windows) {
    // A UNC path's server is its root and its share a segment that stays (path.win32 compares it as one).
    const unc = /^[\\/]{2}([^\\/]+)(?:[\\/]+([^\\/]+))?/.exec(p);
    const drive = /^[A-Za-z]:/.exec(p);
    if (unc) {
      root = `\\\\${unc[1]}`;
      if (unc[2] !== undefined) segments.push(unc[2]);
      fixed = segments.length;
      rest = p.slice(unc[0].length);
    } else if (drive) {
      root = drive[0];
      rest = p.slice(2);
    }
  }
  const absolute = windows ? root.startsWith('\\\\') || /^[\\/]/.test(rest) : p.startsWith('/');
  if (base && (!absolute || (windows && root === ''))) {
    if (windows && root === '') root = base.root;
    if (!absolute) segments.push(...base.segments);
    if (windows && root.startsWith('\\\\')) fixed = Math.min(1, segments.length);
  }
  for (const part of rest.split(windows ? /[\\/]/ : /\//)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (segments.length > fixed) segments.pop();
    } else segments.push(part);
  }
  return { root, segments };
}

function format(p: Parsed, windows: boolean): string {
  if (!windows) return `/${p.segments.join('/')}`;
  // The root of a UNC share keeps its separator, as a drive's root does ("\\\\server\\share\\", "C:\\").
  return `${p.root}\\${p.segments.join('\\')}${p.root.startsWith('\\\\') && p.segments.length === 1 ? '\\' : ''}`;
}
