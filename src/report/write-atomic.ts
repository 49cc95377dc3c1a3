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
 * compared by their real paths, so a symbolic link outside that leads into a school folder is caught too.
 * The report's own name is not resolved: the rename replaces a link there, never what it points to.
 */
export function assertOutsideInputs(file: string, inputs: string[]): void {
  const absolute = path.resolve(file);
  const target = path.join(realDir(path.dirname(absolute)), path.basename(absolute));
  for (const dir of inputs) {
    const rel = path.relative(realDir(path.resolve(dir)), target);
    if (rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel))) {
      throw new KnownError({
        vi: `không ghi báo cáo vào trong thư mục trường đang kiểm tra (${dir}); chọn nơi khác cho --output`,
        en: `refusing to write a report inside a checked school folder (${dir}); choose another --output`,
      });
    }
  }
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
