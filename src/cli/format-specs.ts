import { KnownError } from '../errors.js';
import { binaryFormatters, FORMAT_NAMES } from '../report/formatters/index.js';

export interface FormatTarget {
  format: string;
  /** undefined: stdout. */
  file?: string;
}

/** Standard output, where a file name is expected (`--output -`, `--format json=-`). */
export const STDOUT = '-';

/** `--format stylish --format junit=reports/junit.xml`: each format to its own destination; --output serves the one without. */
export function parseFormatSpecs(specs: string[], output: string | undefined): FormatTarget[] {
  const targets: FormatTarget[] = (specs.length > 0 ? specs : ['stylish']).map((spec) => {
    const [format, ...rest] = spec.split('=');
    const file = rest.join('=');
    if (!FORMAT_NAMES.includes(format!)) {
      throw new KnownError({
        vi: `định dạng không hỗ trợ "${format}"; chọn một trong: ${FORMAT_NAMES.join(', ')}`,
        en: `unsupported format "${format}"; use one of: ${FORMAT_NAMES.join(', ')}`,
      });
    }
    return file && file !== STDOUT ? { format: format!, file } : { format: format! };
  });
  const toStdout = targets.filter((t) => !t.file);
  if (output !== undefined) {
    if (toStdout.length !== 1) {
      throw new KnownError({ vi: '--output chỉ dùng được khi có đúng một định dạng không kèm đích (=tệp)', en: '--output needs exactly one format without its own destination' });
    }
    if (output !== STDOUT) toStdout[0]!.file = output;
  } else if (toStdout.length > 1) {
    throw new KnownError({ vi: 'chỉ một định dạng được in ra màn hình; các định dạng khác ghi kèm tệp, ví dụ --format junit=bao-cao/junit.xml', en: 'only one format can go to stdout; give the others a file, e.g. --format junit=reports/junit.xml' });
  }
  for (const t of targets) {
    if (!t.file && binaryFormatters[t.format]) {
      throw new KnownError({
        vi: `định dạng ${t.format} là tệp Word, không in ra màn hình: ghi ra tệp, ví dụ --format ${t.format} --output bao-cao.${t.format} hoặc --format ${t.format}=bao-cao.${t.format}`,
        en: `${t.format} is a Word file and cannot go to the terminal: give it a file, e.g. --format ${t.format} --output report.${t.format} or --format ${t.format}=report.${t.format}`,
      });
    }
  }
  return targets;
}
