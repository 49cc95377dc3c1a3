import type { LocalText } from '../types.js';

/**
 * Files larger than this are refused before parsing. A self-assessment file is a few KB (the largest
 * bundled example is 15 KB); parsing a dense 1 MB file already takes seconds, so the cap keeps the
 * worst case of every file well under a second.
 */
export const MAX_FILE_BYTES = 256 * 1024;

/** "300 KB" style size for messages (1 KB = 1024 bytes, as Windows Explorer shows it). */
export const sizeText = (bytes: number): string => `${Math.ceil(bytes / 1024)} KB`;

export type DecodeResult =
  /** `plain`: the text holds only characters NFC leaves alone and the fast YAML reader takes (see PLAIN). */
  | { ok: true; text: string; plain: boolean }
  | { ok: false; message: LocalText; /** Byte offset of the problem, when there is one. */ byteOffset: number | null };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Line breaks, printable ASCII, Latin (with Vietnamese), common punctuation, arrows and mathematical
 * operators: none of them is changed or reordered by NFC (all are NFC_Quick_Check=Yes with combining class
 * 0), and none is a character the fast YAML reader leaves to the reference parser. A text made of these
 * alone is already NFC and needs no second scan; any other character (combining marks, tabs, controls,
 * BOM, line separators, other scripts) takes the full path.
 */
const NOT_PLAIN = /[^\n\r\u0020-\u007e\u00a0-\u02ff\u1e00-\u1eff\u2010-\u2027\u2030-\u205e\u2190-\u22ff]/;

/** Bytes -> NFC text. UTF-8 with or without BOM only; everything else gets a message asking for UTF-8. */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      byteOffset: null,
      message: {
        vi: `tệp quá lớn (${sizeText(bytes.length)}, tối đa ${sizeText(MAX_FILE_BYTES)}); tệp tự kiểm tra chỉ vài chục KB — kiểm tra lại nội dung tệp`,
        en: `file too large (${sizeText(bytes.length)}, limit ${sizeText(MAX_FILE_BYTES)}); a self-assessment file is a few dozen KB`,
      },
    };
  }
  if (isUtf16(bytes)) {
    return {
      ok: false,
      byteOffset: 0,
      message: {
        vi: 'tệp được lưu bằng mã UTF-16; hãy lưu lại với mã UTF-8 (trong Notepad: Lưu thành… → Mã hóa: UTF-8)',
        en: 'the file is UTF-16; save it again as UTF-8',
      },
    };
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    return {
      ok: false,
      byteOffset: bad === null ? null : start + bad,
      message: {
        vi: 'tệp không phải mã UTF-8 (có thể là bảng mã cũ TCVN3/ABC hoặc VNI); hãy chuyển sang Unicode UTF-8 (ví dụ bằng Unikey: Công cụ chuyển mã) rồi lưu lại',
        en: 'the file is not UTF-8 (perhaps a legacy Vietnamese encoding such as TCVN3 or VNI); convert it to Unicode UTF-8 and save again',
      },
    };
  }
  const plain = !NOT_PLAIN.test(text);
  // NUL is not a plain character: only a text that is not plain needs a second look for one.
  if (!plain && text.includes('\u0000')) {
    return { ok: false, byteOffset: start + new TextEncoder().encode(text.slice(0, text.indexOf('\u0000'))).length, message: { vi: 'tệp chứa ký tự NUL; đây không phải tệp văn bản YAML', en: 'the file contains NUL characters; it is not a YAML text file' } };
  }
  return { ok: true, text: plain ? text : text.normalize('NFC'), plain };
}

function isUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // UTF-16 without BOM: ASCII text shows a zero byte in every other position.
  const n = Math.min(bytes.length, 64);
  if (n < 4) return false;
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros * 3 >= n;
}

function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      utf8.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return null;
}
