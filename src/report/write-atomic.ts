import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';
import type { LocalText } from '../types.js';

/**
 * Where a report goes. A regular file or a new path is replaced atomically (a temporary file in the same
 * folder, then a rename), so a reader never sees half a report. Anything else that is already there (a
 * FIFO, a character device, a terminal, a socket) is written through, as a shell's `>` would: renaming
 * over it would replace the device node and leave its reader with nothing. A symbolic link is followed:
 * its target is replaced atomically (or written through when it is special); the link stays a link.
 */
export interface OutputPlan {
  /** The path as given, absolute. */
  requested: string;
  /** The path that is written: the file itself, or the end of the chain of links. */
  target: string;
  mode: 'replace' | 'through';
  /** Permission bits of the file being replaced, kept on the new one. */
  keepMode?: number;
}

/** Links followed at most (as the kernel's own limit). */
const MAX_LINKS = 40;

/** How `file` will be written; throws a KnownError for a folder, a link loop or an unusable path. */
export function planOutput(file: string): OutputPlan {
  const requested = path.resolve(file);
  let current = requested;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { requested, target: current, mode: 'replace' };
      throw writeError(file, code);
    }
    if (stat.isFile()) return { requested, target: current, mode: 'replace', keepMode: stat.mode & 0o7777 };
    if (stat.isDirectory()) throw writeError(file, 'EISDIR');
    if (!stat.isSymbolicLink()) return { requested, target: current, mode: 'through' };
    const followed = linkTarget(current);
    // A link the kernel resolves differently from its text (/dev/stdout, /proc/self/fd/1) is written through.
    if (followed === null) return { requested, target: current, mode: 'through' };
    current = followed;
  }
  throw writeError(file, 'ELOOP');
}

/** Links of the system's device and process folders (/dev/stdout, /dev/fd/1, /proc/self/fd/1) stand for an open file. */
const SYSTEM_LINKS = /^\/(?:dev|proc)\//;

/**
 * The path a link names, or null when the link is to be written through: it stands for an open file
 * (replacing that file would clobber what the shell opened, e.g. `>> log`), or its text does not name what
 * it leads to.
 */
function linkTarget(link: string): string | null {
  if (path.sep === '/' && SYSTEM_LINKS.test(link)) return null;
  const next = path.resolve(path.dirname(link), fs.readlinkSync(link));
  let end: fs.Stats;
  try {
    end = fs.statSync(link);
  } catch {
    return next; // a dangling link: its target is created
  }
  if (!end.isFile() && !end.isDirectory()) return null;
  try {
    const real = fs.statSync(next);
    return real.dev === end.dev && real.ino === end.ino ? next : null;
  } catch {
    return null;
  }
}

/** An output being written: write to `fd`, then commit (rename into place, or close) or abort. */
export interface OutputFile {
  readonly fd: number;
  readonly plan: OutputPlan;
  commit(): void;
  abort(): void;
}

/**
 * Opens `file` for writing as planOutput says, creating missing parent folders of a new path. Opening a
 * FIFO waits for its reader, as a shell does.
 */
export function openOutput(file: string): OutputFile {
  const plan = planOutput(file);
  if (plan.mode === 'through') {
    // Appending: a device or a pipe does not care, and a file the shell opened behind /dev/stdout (`>> log`) keeps what it had.
    const fd = attempt(file, () => fs.openSync(plan.target, 'a'));
    let open = true;
    const close = (): void => {
      if (open) fs.closeSync(fd);
      open = false;
    };
    return { fd, plan, commit: () => attempt(file, close), abort: () => ignore(close) };
  }
  const dir = path.dirname(plan.target);
  ensureFolder(dir, file);
  const tmp = path.join(dir, `.chuan-tmp-${process.pid}-${Date.now()}-${path.basename(plan.target)}`);
  const fd = attempt(file, () => fs.openSync(tmp, 'wx'));
  let open = true;
  const close = (): void => {
    if (open) fs.closeSync(fd);
    open = false;
  };
  if (plan.keepMode !== undefined) ignore(() => fs.fchmodSync(fd, plan.keepMode!));
  return {
    fd,
    plan,
    commit: () =>
      attempt(file, () => {
        try {
          close();
          fs.renameSync(tmp, plan.target);
        } catch (error) {
          ignore(() => fs.rmSync(tmp, { force: true }));
          throw error;
        }
      }),
    abort: () => {
      ignore(close);
      // Only the file this run created, by name: the folder itself is never listed.
      ignore(() => fs.rmSync(tmp, { force: true }));
    },
  };
}

/** Writes `content` to `file` (see openOutput): atomically for a regular file or a new path, through for a special file. */
export function writeFileAtomic(file: string, content: string | Uint8Array): OutputPlan {
  const out = openOutput(file);
  try {
    writeAll(file, out.fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    out.commit();
    return out.plan;
  } catch (error) {
    out.abort();
    throw error;
  }
}

/** Every byte of `bytes` to `fd` (a pipe or a terminal may take them a part at a time). */
export function writeAll(file: string, fd: number, bytes: Uint8Array): void {
  attempt(file, () => {
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
  });
}

/**
 * Creates `dir` and its missing parents, one level at a time (a recursive mkdir can loop on /proc). An
 * existing part of the path that is not a folder is an error.
 */
export function ensureFolder(dir: string, shownAs: string = dir): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  for (;;) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw writeError(shownAs, code);
    }
    if (stat) {
      if (!stat.isDirectory()) throw writeError(shownAs, 'ENOTDIR', at);
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      fs.mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw writeError(shownAs, code, folder);
    }
  }
}

function attempt<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof KnownError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw writeError(file, code);
  }
}

function ignore(action: () => void): void {
  try {
    action();
  } catch {
    // already failed or already gone: the first error is the one reported
  }
}

/** What went wrong, in words, and what to do about it. */
const REASONS: Record<string, LocalText> = {
  ENOSPC: { vi: 'thiết bị hết chỗ trống', en: 'no space left on the device' },
  EDQUOT: { vi: 'đã hết hạn mức dung lượng', en: 'disk quota exceeded' },
  EPIPE: { vi: 'chương trình đọc ở đầu kia đã đóng trước khi nhận hết báo cáo', en: 'the reader at the other end closed before the whole report was written' },
  ENXIO: { vi: 'không có chương trình nào đang đọc ở đầu kia (socket hoặc thiết bị không dùng được)', en: 'nothing is reading at the other end (a socket or an unusable device)' },
  EACCES: { vi: 'không có quyền ghi', en: 'permission denied' },
  EPERM: { vi: 'không được phép ghi', en: 'operation not permitted' },
  EROFS: { vi: 'ổ đĩa chỉ cho đọc', en: 'read-only file system' },
  EISDIR: { vi: 'đây là một thư mục; ghi rõ tên tệp, ví dụ bao-cao/ket-qua.json', en: 'this is a folder; give a file name, e.g. reports/result.json' },
  ENOTDIR: { vi: 'một phần của đường dẫn là tệp, không phải thư mục', en: 'part of the path is a file, not a folder' },
  ELOOP: { vi: 'các liên kết tượng trưng trỏ vòng quanh nhau', en: 'symbolic links point round in a loop' },
  ENAMETOOLONG: { vi: 'tên tệp hoặc đường dẫn quá dài', en: 'file name or path too long' },
  EIO: { vi: 'lỗi vào/ra của thiết bị', en: 'input/output error' },
  ENOENT: { vi: 'không tạo được thư mục ở đây', en: 'a folder cannot be created here' },
};

/** The error of a failed write, exit 2: "không ghi được tệp X: <reason> (CODE)". */
export function writeError(file: string, code: string | undefined, at?: string): KnownError {
  const reason = code ? REASONS[code] : undefined;
  const shown = shownPath(file);
  const where = at && path.resolve(at) !== path.resolve(file) ? { vi: ` (tại ${shownPath(at)})`, en: ` (at ${shownPath(at)})` } : { vi: '', en: '' };
  return new KnownError({
    vi: `không ghi được tệp ${shown}: ${reason?.vi ?? 'lỗi hệ thống'}${where.vi} (${code ?? 'lỗi'})`,
    en: `cannot write ${shown}: ${reason?.en ?? 'system error'}${where.en} (${code ?? 'error'})`,
  });
}

/** A path below the working folder as the user would type it; any other path in full. */
function shownPath(file: string): string {
  const rel = path.relative(process.cwd(), path.resolve(file));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(file);
}

/**
 * Reports never go inside a school folder being checked: the tool does not touch its input. Folders are
 * compared by identity (device and inode, which is what their real paths name), so a symbolic link
 * outside that leads into a school folder is caught too: the folders the report would be written in are
 * looked at once, and each school once, with one stat. A file system that gives no inode numbers (some
 * network shares and FAT drives report 0) is compared by real paths instead. A report that is a link is
 * written to what the link points to, so that is the place compared.
 */
export function assertOutsideInputs(file: string, inputs: string[]): void {
  let absolute = path.resolve(file);
  try {
    absolute = planOutput(absolute).target;
  } catch {
    // a folder (--output-dir) or a path the write itself will report
  }
  const around = new FolderSet();
  around.add(identity(absolute, false));
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    around.add(identity(dir, true));
    if (path.dirname(dir) === dir) break;
  }
  let target: string | undefined;
  for (const dir of inputs) {
    const school = path.resolve(dir);
    const id = identity(school, true);
    const inside = id !== null ? around.has(id) : isWithin(realDir(school), (target ??= path.join(realDir(path.dirname(absolute)), path.basename(absolute))));
    if (inside) {
      throw new KnownError({
        vi: `không ghi báo cáo vào trong thư mục trường đang kiểm tra (${dir}); chọn nơi khác cho --output`,
        en: `refusing to write a report inside a checked school folder (${dir}); choose another --output`,
      });
    }
  }
}

interface Identity {
  dev: bigint;
  ino: bigint;
}

/** Device and inode of what `file` names (through links when `follow`); null when nothing is there or the file system gives no inode. */
function identity(file: string, follow: boolean): Identity | null {
  try {
    const stat = follow ? fs.statSync(file, { bigint: true }) : fs.lstatSync(file, { bigint: true });
    return stat.ino === 0n ? null : { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/** Identities by device, then inode (exact: 64-bit file ids do not fit a double). */
class FolderSet {
  private readonly byDevice = new Map<bigint, Set<bigint>>();

  add(id: Identity | null): void {
    if (!id) return;
    let inodes = this.byDevice.get(id.dev);
    if (!inodes) this.byDevice.set(id.dev, (inodes = new Set()));
    inodes.add(id.ino);
  }

  has(id: Identity): boolean {
    return this.byDevice.get(id.dev)?.has(id.ino) === true;
  }
}

function isWithin(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `dir`, resolving its deepest existing ancestor (the rest may not exist yet). */
function realDir(dir: string): string {
  const parent = path.dirname(dir);
  try {
    return fs.realpathSync(dir);
  } catch {
    return parent === dir ? dir : path.join(realDir(parent), path.basename(dir));
  }
}
