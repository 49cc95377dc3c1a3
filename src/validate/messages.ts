import type { ErrorObject } from 'ajv';
import { levenshtein } from '../distance.js';
import type { LocalText } from '../types.js';
import { dateParts, impossibleDate, isoOf } from './calendar.js';

/**
 * Vietnamese (and English) text for one ajv error, with a hint on how to fix the usual mistakes. `typed`:
 * the value's characters in the file when it is a number (1.250 where YAML read 1.25).
 */
export function schemaErrorText(error: ErrorObject, field: string, key?: string, typed?: string): LocalText {
  const params = error.params as Record<string, unknown>;
  const data = error.data;
  const describe = (value: unknown): string => (typeof value === 'number' && typed !== undefined ? typed : describeValue(value));
  switch (error.keyword) {
    case 'type': {
      const expected = String(params['type']);
      const hint = numberHint(data, expected, typed) ?? shapeHint(data, expected, key, typed);
      if (hint) return { vi: `${field}${hint.vi}`, en: `${field}${hint.en}` };
      if (data === null && field === '') return { vi: 'tệp rỗng hoặc không có nội dung', en: 'the file is empty' };
      return { vi: `${field}phải là ${typeName(expected).vi}, đang ghi ${describe(data)}`, en: `${field}must be ${typeName(expected).en}, found ${describe(data)}` };
    }
    case 'required':
      return { vi: `${field}thiếu trường bắt buộc "${String(params['missingProperty'])}"`, en: `${field}missing required field "${String(params['missingProperty'])}"` };
    case 'additionalProperties': {
      const raw = String(params['additionalProperty']);
      const key = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const close = raw.length > 60 ? null : closest(raw, known);
      const suggestion = close ? { vi: `; có phải "${close}"?`, en: `; did you mean "${close}"?` } : { vi: '', en: '' };
      if (/\s/.test(key.trim())) {
        return {
          vi: `khóa "${key}" không có trong mẫu; nếu đây là phần sau dấu phẩy của một đoạn văn bản trong { … }, hãy đặt cả đoạn văn bản trong dấu ngoặc kép`,
          en: `unknown key "${key}"; if it is the part after a comma of a text inside { … }, put the whole text in double quotes`,
        };
      }
      return { vi: `khóa "${key}" không có trong mẫu${suggestion.vi}`, en: `unknown key "${key}"${suggestion.en}` };
    }
    case 'enum': {
      const values = (params['allowedValues'] as unknown[]).map(String);
      if (values.length <= MAX_LISTED_VALUES) {
        const allowed = values.join(', ');
        return { vi: `${field}giá trị ${describe(data)} không hợp lệ; chọn một trong: ${allowed}`, en: `${field}invalid value ${describe(data)}; use one of: ${allowed}` };
      }
      // A long vocabulary (record types): a suggestion and a few examples, not a paragraph of names.
      const close = typeof data === 'string' && data.length <= 60 ? closest(data, values) : null;
      const some = values.slice(0, 6).join(', ');
      return {
        vi: `${field}giá trị ${describe(data)} không hợp lệ; ${close ? `có phải "${close}"? ` : ''}chọn một trong ${values.length} giá trị của danh mục (ví dụ: ${some}, …; đủ danh sách trong docs/format-*.md hoặc gợi ý của trình soạn thảo)`,
        en: `${field}invalid value ${describe(data)}; ${close ? `did you mean "${close}"? ` : ''}use one of the ${values.length} values of the vocabulary (e.g. ${some}, …; see docs/format-*.md or the editor's completion)`,
      };
    }
    case 'const':
      return { vi: `${field}phải là ${JSON.stringify(params['allowedValue'])}`, en: `${field}must be ${JSON.stringify(params['allowedValue'])}` };
    case 'pattern': {
      const date = typeof data === 'string' ? dateHint(data) : null;
      if (date) return { vi: `${field}${date.vi}`, en: `${field}${date.en}` };
      return { vi: `${field}giá trị ${describe(data)} không đúng định dạng`, en: `${field}value ${describe(data)} has the wrong format` };
    }
    case 'format': {
      const text = formatText(String(params['format']), String(data));
      return { vi: `${field}${text.vi}`, en: `${field}${text.en}` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { vi: `${field}phải ${error.keyword === 'minimum' ? '≥' : '>'} ${String(params['limit'])}, đang ghi ${describe(data)}`, en: `${field}must be ${error.keyword === 'minimum' ? '>=' : '>'} ${String(params['limit'])}` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { vi: `${field}phải ${error.keyword === 'maximum' ? '≤' : '<'} ${String(params['limit'])}, đang ghi ${describe(data)}`, en: `${field}must be ${error.keyword === 'maximum' ? '<=' : '<'} ${String(params['limit'])}` };
    case 'minLength':
      return { vi: `${field}không được để trống`, en: `${field}must not be empty` };
    case 'maxLength':
      return { vi: `${field}quá dài (tối đa ${String(params['limit'])} ký tự)`, en: `${field}too long (at most ${String(params['limit'])} characters)` };
    case 'minItems':
      return { vi: `${field}cần ít nhất ${String(params['limit'])} mục`, en: `${field}needs at least ${String(params['limit'])} items` };
    case 'uniqueItems':
      return { vi: `${field}có mục bị lặp (vị trí ${String(params['j'])} và ${String(params['i'])})`, en: `${field}duplicate items (${String(params['j'])} and ${String(params['i'])})` };
    default:
      return { vi: `${field}không hợp lệ (${error.message ?? error.keyword})`, en: `${field}invalid (${error.message ?? error.keyword})` };
  }
}

/** A date that does not exist, or a real one written day first: what to write instead; null for other text. */
function dateHint(data: string): LocalText | null {
  const impossible = impossibleDate(data);
  if (impossible) return impossible;
  const parts = dateParts(data);
  if (!parts?.dayFirst) return null;
  const iso = isoOf(parts);
  return { vi: `ghi ngày theo dạng năm-tháng-ngày: ${iso}`, en: `write dates as year-month-day: ${iso}` };
}

/** The message of a value refused by one of the schemas' formats (formats.ts). */
function formatText(format: string, data: string): LocalText {
  const shown = describeValue(data);
  switch (format) {
    case 'date':
      return dateHint(data) ?? { vi: `phải là ngày dạng năm-tháng-ngày, ví dụ 2025-09-15 (đang ghi ${shown})`, en: `must be a year-month-day date such as 2025-09-15 (found ${shown})` };
    case 'school-year':
    case 'year-or-school-year': {
      const years = /^([0-9]{4})-([0-9]{4})$/.exec(data);
      if (years) {
        const first = Math.max(1, Number(years[1]));
        const example = `${String(first).padStart(4, '0')}-${String(first + 1).padStart(4, '0')}`;
        return {
          vi: `năm học ${data} không có thật: năm học gồm hai năm liền nhau, ví dụ ${example}`,
          en: `the school year ${data} does not exist: a school year spans two consecutive years, e.g. ${example}`,
        };
      }
      return format === 'school-year'
        ? { vi: `ghi năm học dạng 2025-2026 (hai năm liền nhau), đang ghi ${shown}`, en: `write the school year as 2025-2026 (two consecutive years), found ${shown}` }
        : { vi: `ghi một năm (2025) hoặc một năm học (2024-2025), đang ghi ${shown}`, en: `write a year (2025) or a school year (2024-2025), found ${shown}` };
    }
    case 'month-day':
      return { vi: `phải là một ngày có trong mọi năm, dạng tháng-ngày (MM-DD, ví dụ 08-01), đang ghi ${shown}`, en: `must be a day of every year written MM-DD (e.g. 08-01), found ${shown}` };
    default:
      return { vi: `giá trị ${shown} không đúng định dạng`, en: `value ${shown} has the wrong format` };
  }
}

/** Enumerations longer than this are not listed in full in a message. */
const MAX_LISTED_VALUES = 12;

/** 1.250 or 12.500.000: digits grouped by three with dots, the way Vietnamese writes thousands. */
export const DOT_THOUSANDS = /^[+]?[1-9]\d{0,2}(\.\d{3})+$/;

function numberHint(data: unknown, expected: string, typed: string | undefined): LocalText | null {
  const wantsNumber = expected.includes('number') || expected.includes('integer');
  if (!wantsNumber) return null;
  if (typeof data === 'string') {
    const s = data.trim();
    if (/^-?\d+,\d+$/.test(s)) {
      return { vi: `dùng dấu chấm thập phân: ${s.replace(',', '.')} (đang ghi "${s}")`, en: `use a decimal point: ${s.replace(',', '.')} (found "${s}")` };
    }
    if (/%$/.test(s)) {
      return { vi: `ghi số lượng, không ghi phần trăm (đang ghi "${s}"); công cụ tự tính tỷ lệ`, en: `write the count, not a percentage (found "${s}"); rates are computed` };
    }
    if (/^\d{1,3}([.,]\d{3})+$/.test(s)) {
      return { vi: `không dùng dấu phân cách hàng nghìn: ghi ${s.replace(/[.,]/g, '')}`, en: `no thousands separator: write ${s.replace(/[.,]/g, '')}` };
    }
  }
  if (typeof data !== 'number' || expected !== 'integer') return null;
  const shown = typed ?? String(data);
  if (DOT_THOUSANDS.test(shown)) {
    const whole = shown.replace(/^\+/, '').replaceAll('.', '');
    return {
      vi: `phải là số nguyên (số đếm), đang ghi ${shown}: có phải ${whole}? không dùng dấu chấm phân cách hàng nghìn, ghi ${whole}`,
      en: `must be a whole number (a count), found ${shown}: did you mean ${whole}? do not separate thousands with a dot, write ${whole}`,
    };
  }
  return { vi: `phải là số nguyên (số đếm), đang ghi ${shown}`, en: `must be a whole number (a count), found ${shown}` };
}

/**
 * What YAML made of an unquoted value, and how to write what was meant: `ma: [H1.01.01.01]` is a list,
 * `ma_truong: 33101205` a number, `chung_chi: tin_hoc` one word where a list is wanted. Each with the line to write.
 */
function shapeHint(data: unknown, expected: string, key: string | undefined, typed: string | undefined): LocalText | null {
  const k = key ?? 'khoa';
  // Only for scalars: an object's String() may throw (a key named toString).
  const written = typeof data === 'number' && typed !== undefined ? typed : data === null || typeof data !== 'object' ? String(data) : '';
  if (expected === 'string') {
    if (Array.isArray(data) && data.every((x) => typeof x !== 'object' || x === null)) {
      const line = `${k}: "[${data.map(String).join(', ')}]"`;
      return {
        vi: `phải là văn bản, nhưng [ ] không có ngoặc kép là một danh sách: đặt cả giá trị trong dấu ngoặc kép, ghi ${line}`,
        en: `must be text, but [ ] without quotes is a list: put the whole value in double quotes, write ${line}`,
      };
    }
    if (typeof data === 'number' || typeof data === 'boolean') {
      const line = `${k}: "${written}"`;
      return { vi: `phải là văn bản (đang ghi ${written}, YAML đọc thành số hoặc true/false): đặt trong dấu ngoặc kép, ghi ${line}`, en: `must be text (found ${written}, which YAML reads as a number or true/false): quote it, write ${line}` };
    }
    if (data !== null && typeof data === 'object') {
      return { vi: `phải là văn bản, nhưng dấu ":" hoặc { } làm YAML đọc thành một mục: đặt cả giá trị trong dấu ngoặc kép, ví dụ ${k}: "Trường A: cơ sở 2"`, en: `must be text, but a ":" or { } made it a mapping: quote the whole value, e.g. ${k}: "School A: site 2"` };
    }
  }
  if (typeof data === 'string' && (expected === 'object' || expected === 'array')) {
    const glued = /^([A-Za-z_][A-Za-z0-9_]*):(\S.*)$/.exec(data.trim());
    if (glued) return { vi: `sau dấu ":" phải có một dấu cách: ghi ${glued[1]}: ${glued[2]} (đang ghi "${data.trim()}")`, en: `a space must follow ":": write ${glued[1]}: ${glued[2]}` };
  }
  if (expected === 'array' && data !== null && typeof data !== 'object') {
    const line = `${k}: [${written}]`;
    return { vi: `phải là một danh sách (đang ghi ${typeof data === 'string' ? describeValue(data) : written}): ghi trong dấu [ ], ví dụ ${line}`, en: `must be a list (found ${written}): write it in [ ], e.g. ${line}` };
  }
  return null;
}

function typeName(type: string): LocalText {
  const names: Record<string, LocalText> = {
    integer: { vi: 'số nguyên', en: 'an integer' },
    number: { vi: 'số', en: 'a number' },
    string: { vi: 'chuỗi văn bản', en: 'text' },
    boolean: { vi: 'true hoặc false', en: 'true or false' },
    object: { vi: 'một mục gồm các khóa', en: 'a mapping' },
    array: { vi: 'một danh sách (các dòng bắt đầu bằng "- ")', en: 'a list' },
  };
  return names[type] ?? { vi: type, en: type };
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'giá trị rỗng';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'object') return Array.isArray(value) ? 'một danh sách' : 'một mục';
  return String(value);
}

function closest(word: string, candidates: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = levenshtein(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
