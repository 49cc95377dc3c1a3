import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';

/** Writes through a temporary file in the same folder and a rename, so a reader never sees half a report. */
export function writeFileAtomic(file: string, content: string): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.chuan-tmp-${process.pid}-${Date.now()}-${path.basename(file)}`);
  // The folder must exist: creating it here would let a typo scatter reports (and recursive mkdir hangs on /proc).
  try {
    fs.writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
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
 * looked at once, and each school once, with one stat. The report's own name is not followed: the rename
 * replaces a link there, never what it points to.
 */
export function assertOutsideInputs(file: string, inputs: string[]): void {
  const absolute = path.resolve(file);
  const around = new Set<string>();
  const own = identity(absolute, false);
  if (own) around.add(own);
  for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
    const id = identity(dir, true);
    if (id) around.add(id);
    if (path.dirname(dir) === dir) break;
  }
  for (const dir of inputs) {
    const id = identity(path.resolve(dir), true);
    if (id && around.has(id)) {
      throw new KnownError({
        vi: `không ghi báo cáo vào trong thư mục trường đang kiểm tra (${dir}); chọn nơi khác cho --output`,
        en: `refusing to write a report inside a checked school folder (${dir}); choose another --output`,
      });
    }
  }
}

/** Device and inode of what `file` names (through links when `follow`), or null when there is nothing there. */
function identity(file: string, follow: boolean): string | null {
  try {
    const stat = follow ? fs.statSync(file, { bigint: true }) : fs.lstatSync(file, { bigint: true });
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}
