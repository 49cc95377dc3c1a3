import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../types.js';
import { decodeText, MAX_FILE_BYTES, sizeText } from './decode.js';
import { parseYaml, type YamlFile, type YamlParser } from './yaml-file.js';

/** Reads one YAML file: refuses links, directories and oversized files, decodes, parses with positions. */
export function loadYamlFile(file: string, diagnostics: Diagnostic[], parser: YamlParser = 'fast'): YamlFile | null {
  const at = { file, line: 1, column: 1 };
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    diagnostics.push({
      code: 'file/missing',
      severity: 'error',
      location: at,
      message: {
        vi: `thiếu tệp ${path.basename(file)}; tạo tệp theo mẫu (chuan init) hoặc kiểm tra lại tên tệp`,
        en: `missing file ${path.basename(file)}; create it from the template (chuan init) or check its name`,
      },
    });
    return null;
  }
  if (stat.isSymbolicLink() || !stat.isFile()) {
    const kind = kindOf(stat);
    diagnostics.push({
      code: 'file/not-regular',
      severity: 'error',
      location: at,
      message: {
        vi: `${path.basename(file)} không phải tệp thường (là ${kind.vi}, không được mở); hãy đặt tệp YAML thật, tên ${path.basename(file)}, trong thư mục trường`,
        en: `${path.basename(file)} is not a regular file (it is ${kind.en}, not opened); put the real YAML file, named ${path.basename(file)}, in the school folder`,
      },
    });
    return null;
  }
  if (stat.size > MAX_FILE_BYTES) {
    diagnostics.push({
      code: 'file/too-large',
      severity: 'error',
      location: at,
      message: {
        vi: `tệp quá lớn (${sizeText(stat.size)}, tối đa ${sizeText(MAX_FILE_BYTES)}); tệp tự kiểm tra chỉ vài chục KB — kiểm tra lại nội dung tệp`,
        en: `file too large (${sizeText(stat.size)}, limit ${sizeText(MAX_FILE_BYTES)}); a self-assessment file is a few dozen KB`,
      },
    });
    return null;
  }
  let bytes: Buffer;
  try {
    bytes = readBytes(file, stat.size);
  } catch (error) {
    diagnostics.push({
      code: 'file/unreadable',
      severity: 'error',
      location: at,
      message: { vi: `không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? 'lỗi'}); kiểm tra quyền truy cập`, en: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})` },
    });
    return null;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    diagnostics.push({ code: 'file/encoding', severity: 'error', location: offsetLocation(file, bytes, decoded.byteOffset), message: decoded.message });
    return null;
  }
  const parsed = parseYaml(file, decoded.text, parser, decoded.plain);
  if (!parsed.ok) {
    diagnostics.push(...parsed.diagnostics);
    return null;
  }
  return parsed.yaml;
}

/** What stands where a file was expected, in words. */
function kindOf(stat: fs.Stats): { vi: string; en: string } {
  if (stat.isSymbolicLink()) return { vi: 'một liên kết tượng trưng', en: 'a symbolic link' };
  if (stat.isDirectory()) return { vi: 'một thư mục', en: 'a folder' };
  if (stat.isFIFO()) return { vi: 'một ống có tên (FIFO)', en: 'a named pipe (FIFO)' };
  if (stat.isSocket()) return { vi: 'một socket', en: 'a socket' };
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return { vi: 'một thiết bị', en: 'a device' };
  return { vi: 'một loại tệp đặc biệt', en: 'a special file' };
}

function offsetLocation(file: string, bytes: Buffer, byteOffset: number | null): { file: string; line: number; column: number } {
  if (byteOffset === null) return { file, line: 1, column: 1 };
  // lastIndexOf with a negative start counts from the end: offset 0 must not search at all.
  const lineStart = byteOffset === 0 ? 0 : bytes.lastIndexOf(0x0a, byteOffset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = bytes.subarray(lineStart, byteOffset).toString('utf8').length + 1;
  return { file, line, column };
}

/** One buffer per thread for the file being read: its text is decoded (copied) before the next file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The bytes of a regular file whose size lstat gave (at most MAX_FILE_BYTES), in the shared buffer. */
function readBytes(file: string, size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafe(size);
  const fd = fs.openSync(file, 'r');
  try {
    let length = 0;
    for (let n = -1; n !== 0 && length < size; length += n) n = fs.readSync(fd, scratch, length, size - length, null);
    return scratch.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}
