import type { Diagnostic } from '../types.js';
import { decodeText, MAX_FILE_BYTES, sizeText } from './decode.js';
import type { FileEntry, FileSource } from './file-source.js';
import { parseYaml, type YamlFile, type YamlParser } from './yaml-file.js';

/**
 * Reads one YAML file of `source`: refuses links, directories and oversized files (known from the entry,
 * before reading), decodes, parses with positions. Locations name the file as `source.pathOf(rel)`.
 */
export function loadYamlFile(source: FileSource, rel: string, diagnostics: Diagnostic[], parser: YamlParser = 'fast'): YamlFile | null {
  const file = source.pathOf(rel);
  const name = rel.slice(rel.lastIndexOf('/') + 1);
  const at = { file, line: 1, column: 1 };
  const entry = source.entry(rel);
  if (!entry) {
    diagnostics.push({
      code: 'file/missing',
      severity: 'error',
      location: at,
      message: {
        vi: `thiếu tệp ${name}; tạo tệp theo mẫu (chuan init) hoặc kiểm tra lại tên tệp`,
        en: `missing file ${name}; create it from the template (chuan init) or check its name`,
      },
    });
    return null;
  }
  if (entry.kind !== 'file') {
    const kind = kindText(entry);
    diagnostics.push({
      code: 'file/not-regular',
      severity: 'error',
      location: at,
      message: {
        vi: `${name} không phải tệp thường (là ${kind.vi}, không được mở); hãy đặt tệp YAML thật, tên ${name}, trong thư mục trường`,
        en: `${name} is not a regular file (it is ${kind.en}, not opened); put the real YAML file, named ${name}, in the school folder`,
      },
    });
    return null;
  }
  if (entry.size > MAX_FILE_BYTES) {
    diagnostics.push({
      code: 'file/too-large',
      severity: 'error',
      location: at,
      message: {
        vi: `tệp quá lớn (${sizeText(entry.size)}, tối đa ${sizeText(MAX_FILE_BYTES)}); tệp tự kiểm tra chỉ vài chục KB — kiểm tra lại nội dung tệp`,
        en: `file too large (${sizeText(entry.size)}, limit ${sizeText(MAX_FILE_BYTES)}); a self-assessment file is a few dozen KB`,
      },
    });
    return null;
  }
  let bytes: Uint8Array;
  try {
    bytes = source.read(rel, entry.size);
  } catch (error) {
    const code = (error as { code?: string }).code;
    diagnostics.push({
      code: 'file/unreadable',
      severity: 'error',
      location: at,
      message: { vi: `không đọc được tệp (${code ?? 'lỗi'}); kiểm tra quyền truy cập`, en: `cannot read the file (${code ?? 'error'})` },
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
function kindText(entry: FileEntry): { vi: string; en: string } {
  if (entry.kind === 'symlink') return { vi: 'một liên kết tượng trưng', en: 'a symbolic link' };
  if (entry.kind === 'directory') return { vi: 'một thư mục', en: 'a folder' };
  if (entry.special === 'fifo') return { vi: 'một ống có tên (FIFO)', en: 'a named pipe (FIFO)' };
  if (entry.special === 'socket') return { vi: 'một socket', en: 'a socket' };
  if (entry.special === 'device') return { vi: 'một thiết bị', en: 'a device' };
  return { vi: 'một loại tệp đặc biệt', en: 'a special file' };
}

/** Not fatal, and keeps a BOM: the column counts characters as the editor shows them. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function offsetLocation(file: string, bytes: Uint8Array, byteOffset: number | null): { file: string; line: number; column: number } {
  if (byteOffset === null) return { file, line: 1, column: 1 };
  // lastIndexOf with a negative start counts from the end: offset 0 must not search at all.
  const lineStart = byteOffset === 0 ? 0 : bytes.lastIndexOf(0x0a, byteOffset - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const column = utf8.decode(bytes.subarray(lineStart, byteOffset)).length + 1;
  return { file, line, column };
}
