import type { LocalText } from '../types.js';

/**
 * Vietnamese wording for the YAML mistakes people actually make, matched on yaml's own message
 * (its codes are too coarse: MISSING_CHAR covers an unclosed quote as well as a missing comma).
 */
const HINTS: [RegExp, (m: RegExpExecArray) => LocalText][] = [
  [/Missing closing "quote/, () => ({ vi: 'thiếu dấu " đóng: một chuỗi mở bằng dấu " chưa được đóng (xem các dòng phía trên)', en: 'missing closing ": a string opened with " is never closed' })],
  [/Missing closing 'quote/, () => ({ vi: "thiếu dấu ' đóng: một chuỗi mở bằng dấu ' chưa được đóng (xem các dòng phía trên)", en: "missing closing ': a string opened with ' is never closed" })],
  [/sufficiently indented and end with a \]/, () => ({ vi: 'danh sách [ … ] chưa đóng: thiếu dấu ] (hoặc dòng tiếp theo thụt lề chưa đủ)', en: 'a [ … ] list is not closed: missing ]' })],
  [/sufficiently indented and end with a \}/, () => ({ vi: 'mục { … } chưa đóng: thiếu dấu } (hoặc dòng tiếp theo thụt lề chưa đủ)', en: 'a { … } mapping is not closed: missing }' })],
  [/at most 1024 chars after the start of an implicit/, () => ({ vi: 'khóa dài quá 1024 ký tự (dấu ":" quá xa đầu dòng); kiểm tra lại dòng này', en: 'a key longer than 1024 characters' })],
  [/Implicit map keys need to be followed by map values/, () => ({ vi: 'thiếu dấu ":" sau khóa (mỗi dòng có dạng khoa: gia_tri)', en: 'a key must be followed by ":" and a value' })],
  [/Nested mappings are not allowed in compact mappings/, () => ({ vi: 'hai cặp "khóa: giá trị" trên cùng một dòng; tách thành hai dòng, hoặc đặt giá trị có dấu ":" trong dấu ngoặc kép', en: 'two "key: value" pairs on one line; split them or quote the value' })],
  [/All sequence items must start at the same column/, () => ({ vi: 'các mục "- " của cùng một danh sách phải thẳng cột', en: 'all "- " items of a list must start at the same column' })],
  [/Sequence item without - indicator/, () => ({ vi: 'thiếu dấu "- " ở đầu mục danh sách', en: 'a list item without "- "' })],
  [/Plain value cannot start with (?:reserved character )?(.+)$/, (m) => ({ vi: `giá trị không được bắt đầu bằng ${m[1]}; đặt cả giá trị trong dấu ngoặc kép`, en: `a value cannot start with ${m[1]}; put it in double quotes` })],
  [/Invalid escape sequence (.*)$/, (m) => ({ vi: `chuỗi trong dấu ngoặc kép có dấu \\ không hợp lệ (${m[1]}); với đường dẫn Windows dùng dấu nháy đơn '…' hoặc dấu /`, en: `invalid escape ${m[1]} in a double-quoted string; use single quotes or / for Windows paths` })],
  [/Missing , (or : )?between/, () => ({ vi: 'thiếu dấu phẩy giữa các phần tử trong [ … ] hoặc { … }', en: 'missing comma between items of a [ … ] or { … }' })],
  [/Unexpected , in/, () => ({ vi: 'thừa dấu phẩy trong [ … ] hoặc { … }', en: 'unexpected comma in a [ … ] or { … }' })],
];

/** `so_lop:16`: a key and its value without the space YAML needs after ":". */
const NO_SPACE_AFTER_COLON = /^(\s*(?:- )*)([A-Za-z_][A-Za-z0-9_]*):([^\s:/][^#]*?)\s*(#.*)?$/;

/** Vietnamese text for one of yaml's errors; `line` is the text of the line it is on. Never yaml's English in the Vietnamese. */
export function yamlErrorText(code: string, message: string, snippet: string, line: string): LocalText {
  const en = message.split('\n')[0] ?? message;
  const glued = NO_SPACE_AFTER_COLON.exec(line);
  if (glued && code !== 'DUPLICATE_KEY') {
    const fixed = `${glued[1]!.trimStart()}${glued[2]}: ${glued[3]!.trim()}`;
    return {
      vi: `sau dấu ":" phải có một dấu cách: ghi "${fixed}" (đang ghi "${`${glued[1]!.trimStart()}${glued[2]}:${glued[3]!.trim()}`}")`,
      en: `a space must follow ":": write "${fixed}"`,
    };
  }
  const hint = code === 'DUPLICATE_KEY' || code === 'TAB_AS_INDENT' ? null : yamlHint(en);
  if (hint) return hint;
  const vi = VIETNAMESE[code];
  if (code === 'DUPLICATE_KEY') return { vi: `khóa "${snippet.trim()}" bị lặp lại trong cùng một mục; xóa dòng thừa hoặc gộp hai dòng làm một`, en: `duplicate key "${snippet.trim()}"; remove or merge one of them` };
  return { vi: vi ?? `lỗi cú pháp YAML (${code.toLowerCase().replaceAll('_', '-')}); kiểm tra thụt lề, dấu ":" và dấu ngoặc ở dòng này`, en };
}

const VIETNAMESE: Record<string, string> = {
  TAB_AS_INDENT: 'dùng ký tự Tab để thụt lề; YAML chỉ nhận dấu cách: thay Tab bằng dấu cách (2 dấu cách mỗi cấp)',
  BAD_INDENT: 'thụt lề không đúng: các mục cùng cấp phải bắt đầu ở cùng một cột, mục con thụt vào thêm 2 dấu cách',
  MISSING_CHAR: 'thiếu một ký tự của cú pháp YAML ở đây (dấu ":" sau khóa, dấu "- " đầu mục danh sách, hoặc dấu đóng ngoặc)',
  UNEXPECTED_TOKEN: 'ký tự không đúng chỗ: kiểm tra dấu ":", "-", dấu ngoặc và dấu nháy ở dòng này; văn bản có ký tự đặc biệt thì đặt trong dấu ngoặc kép',
  BLOCK_AS_IMPLICIT_KEY: 'thụt lề hoặc dấu ":" không đúng chỗ: dòng này không thẳng cột với mục cùng cấp, hoặc dòng trên thiếu dấu ":"',
  MULTILINE_IMPLICIT_KEY: 'một khóa bị ngắt sang dòng sau: dòng này hoặc dòng trên thiếu dấu ":", hoặc thụt lề không thẳng cột',
  MULTIPLE_DOCS: 'tệp chứa nhiều tài liệu YAML (dấu ---); mỗi tệp chỉ được một tài liệu',
  BAD_ALIAS: 'tham chiếu YAML (dấu *) trỏ tới một tên không có (&tên); hãy ghi trực tiếp giá trị',
  DUPLICATE_ANCHOR: 'tên tham chiếu YAML (&tên) bị dùng hai lần; hãy ghi trực tiếp giá trị',
  BAD_DIRECTIVE: 'dòng bắt đầu bằng % không hợp lệ; xóa dòng này',
  BAD_SCALAR_START: 'giá trị bắt đầu bằng ký tự đặc biệt; đặt cả giá trị trong dấu ngoặc kép',
  BAD_DQ_ESCAPE: 'chuỗi trong dấu ngoặc kép có dấu \\ không hợp lệ; với đường dẫn Windows dùng dấu nháy đơn hoặc dấu /',
  ALIAS_PROPS: 'tham chiếu YAML (dấu *) không được kèm thẻ hay tên; hãy ghi trực tiếp giá trị',
  BLOCK_IN_FLOW: 'trong [ … ] hoặc { … } không được xuống dòng kiểu khối; ghi cả danh sách trên một dòng hoặc dùng các dòng "- "',
  MULTIPLE_ANCHORS: 'một giá trị có hai tên tham chiếu (&); hãy ghi trực tiếp giá trị',
  MULTIPLE_TAGS: 'một giá trị có hai thẻ (!); xóa các phần bắt đầu bằng !',
  NON_STRING_KEY: 'khóa phải là chữ (ví dụ so_lop), không phải danh sách hay mục',
  BAD_COLLECTION_TYPE: 'thẻ (!) không khớp với kiểu giá trị; xóa phần bắt đầu bằng !',
  TAG_RESOLVE_FAILED: 'thẻ YAML (dấu !) không dùng được; xóa phần bắt đầu bằng !',
  BAD_PROP_ORDER: 'thẻ (!) và tham chiếu (&) đặt sai thứ tự; hãy ghi trực tiếp giá trị',
  IMPOSSIBLE: 'lỗi cú pháp YAML',
};

export function yamlHint(message: string): LocalText | null {
  for (const [pattern, text] of HINTS) {
    const m = pattern.exec(message);
    if (m) return text(m);
  }
  return null;
}

/** A number YAML reads as ±infinity or NaN, or too large to be kept exactly, quoted as written. */
export function impossibleNumberText(source: string): LocalText {
  const shown = source.length > 40 ? `${source.slice(0, 40)}…` : source;
  if (/^\.(?:nan|NaN|NAN)$/.test(source)) {
    return { vi: `"${shown}" không phải là số; ghi số thật, hoặc bỏ trống nếu chưa có số liệu`, en: `"${shown}" is not a number; write the real number, or leave it empty` };
  }
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(source)) {
    return { vi: `"${shown}" là vô cực, không phải một số liệu có thật; ghi số thật`, en: `"${shown}" is infinity, not a real figure; write the real number` };
  }
  // JavaScript reads every other number YAML accepts (1e309, 0x1F, 0o17) as YAML does.
  if (!Number.isFinite(Number(source))) {
    return { vi: `số "${shown}" quá lớn, YAML đọc thành vô cực; ghi số thật`, en: `the number "${shown}" is so large that YAML reads it as infinity; write the real number` };
  }
  return {
    vi: `số "${shown}" quá lớn để tính chính xác (tối đa 9007199254740991); kiểm tra lại số đã ghi`,
    en: `the number "${shown}" is too large to be kept exactly (at most 9007199254740991); check the figure`,
  };
}
