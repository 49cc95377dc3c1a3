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
