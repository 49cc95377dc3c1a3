// Values that the schema accepts but that do not say what the school meant: a number typed with a dot
// between thousands (6.200 m² read as 6.2), text wrapped in curly quotes (kept as part of the text),
// invisible characters that reorder or hide text (bidi controls, zero-width), and the placeholders that
// `chuan init` writes for the user to replace. Each is a located warning that quotes what was typed.
import { sourceText, locate, type YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, YamlPath } from '../types.js';
import { fieldName } from './validate-document.js';
import { DOT_THOUSANDS } from './messages.js';
import { INVISIBLE, invisibleCodePoints, neutralised } from '../invisible.js';

/** What `chuan init` (and the hints' snippets) write where the user must write the real value. */
export const PLACEHOLDER = '…';

/**
 * The warnings of one school file. `errors`: the file's schema diagnostics; a value already reported
 * there (a count typed 1.250 is a type error) is not warned about again.
 */
export function writtenValueDiagnostics(yaml: YamlFile, errors: readonly Diagnostic[]): Diagnostic[] {
  const reported = new Set(errors.map((d) => `${d.location?.line}:${d.location?.column}`));
  const out: Diagnostic[] = [];
  const warn = (code: string, path: YamlPath, message: LocalText): void => {
    const location = locate(yaml, path);
    if (reported.has(`${location.line}:${location.column}`)) return;
    const field = path.length > 0 ? `${fieldName(path)}: ` : '';
    out.push({ code, severity: 'warning', location, message: { vi: `${field}${message.vi}`, en: `${field}${message.en}` } });
  };
  const visit = (value: unknown, path: YamlPath): void => {
    if (typeof value === 'number') {
      // Only a fraction with exactly three decimals can be a dotted thousand; the text decides.
      if (!Number.isInteger(value) && value > 0 && value < 1000 && Number.isInteger(Math.round(value * 1000)) && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6) {
        const typed = sourceText(yaml, path);
        if (typed !== null && DOT_THOUSANDS.test(typed)) warn('value/dot-thousands', path, dotThousands(typed, value));
      }
    } else if (typeof value === 'string') {
      const text = stringProblem(value);
      if (text) warn(text.code, path, text.message);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) visit((value as Record<string, unknown>)[key], [...path, key]);
    }
  };
  visit(yaml.value, []);
  return out;
}

function dotThousands(typed: string, value: number): LocalText {
  const whole = typed.replace(/^\+/, '').replaceAll('.', '');
  return {
    vi: `đang ghi ${typed}, được đọc là ${String(value).replace('.', ',')} (số thập phân); có phải ${whole}? không dùng dấu chấm phân cách hàng nghìn, ghi ${whole} (nếu đúng là số thập phân thì bỏ qua lưu ý này)`,
    en: `typed ${typed}, read as ${String(value)} (a decimal); did you mean ${whole}? do not separate thousands with a dot, write ${whole} (if it is a decimal, ignore this note)`,
  };
}

function stringProblem(value: string): { code: string; message: LocalText } | null {
  if (value === PLACEHOLDER || value.endsWith(` ${PLACEHOLDER}`)) {
    return {
      code: 'value/placeholder',
      message: {
        vi: `vẫn là chỗ ghi mẫu của chuan init ("${neutralised(value)}"): ghi giá trị thật thay cho dấu …`,
        en: `still the placeholder chuan init wrote ("${neutralised(value)}"): write the real value in place of the …`,
      },
    };
  }
  const invisible = INVISIBLE.exec(value);
  if (invisible) {
    const kinds = invisibleCodePoints(value).join(', ');
    return {
      code: 'value/invisible-character',
      message: {
        vi: `có ký tự ẩn ${kinds} (điều khiển hướng chữ hoặc ký tự không độ rộng, thường do sao chép từ trang web hay văn bản khác) ở ký tự thứ ${[...value.slice(0, invisible.index)].length + 1}: "${neutralised(value)}"; xóa ký tự này rồi gõ lại đoạn đó`,
        en: `holds the invisible character(s) ${kinds} (bidirectional control or zero-width, usually pasted from a web page or another document) at character ${[...value.slice(0, invisible.index)].length + 1}: "${neutralised(value)}"; delete it and retype that part`,
      },
    };
  }
  if (/^[“”„‘’‚]/u.test(value) && /[“”‘’]$/u.test(value) && value.length > 1) {
    const inner = value.slice(1, -1);
    return {
      code: 'value/curly-quotes',
      message: {
        vi: `giá trị nằm trong dấu ngoặc kép cong (${value[0]} ${value.at(-1)}): YAML giữ chúng như một phần của văn bản; muốn đặt trong ngoặc kép thì dùng dấu thẳng, ghi "${neutralised(inner)}"`,
        en: `the value is wrapped in curly quotes (${value[0]} ${value.at(-1)}): YAML keeps them as part of the text; to quote it use straight quotes, write "${neutralised(inner)}"`,
      },
    };
  }
  return null;
}
