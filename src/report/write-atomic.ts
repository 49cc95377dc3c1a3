import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';

/** Writes through a temporary file in the same folder and a rename, so a reader never sees half a report. */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.chuan-tmp-${process.pid}-${Date.now()}-${path.basename(file)}`);
  // The folder must exist: creating it here would let a typo scatter reports (and recursive mkdir hangs on /proc).
  try {
    fs.writeFileSync(tmp, content, typeof content === 'string' ? { encoding: 'utf8', flag: 'wx' } : { flag: 'wx' });
    fs.renameSync(tmp, file);
  } catch (error) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was created
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'lỗi';
    throw new KnownError({ vi: `không ghi được tệp ${file} (${code}); kiểm tra thư mục đã tồn tại và có quyền ghi`, en: `cannot write ${file} (${code}); check that the folder exists and is writable` });
  }
}

/**
 * Reports never go inside a school folder being checked: the tool does not touch its input. Folders are
 * compared by identity (device and inode, which is what their real paths name), so a symbolic link
 * outside that leads into a school folder is caught too: the folders the report would be written in are
 * looked at once, and each school once, with one stat. A file system that gives no inode numbers (some
 * network shares and FAT drives report 0) is compared by real paths instead. The report's own name is not
 * followed: the rename replaces a link there, never what it points to.
 */
export function assertOutsideInputs(file: string, inputs: string[]): void {
  const absolute = path.resolve(file);
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
