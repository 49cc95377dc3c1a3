// A school file saved under a name close to the one expected: "tieu-chuan-3.yml", "Tieu-Chuan-3.yaml" on
// a case-sensitive disk, "tieu-chuan-3.yaml.txt" (Windows hides the .txt), "tiêu chuẩn 3.yaml". The
// message for the missing file then names the file that is there and the rename. The expected names
// come from the caller (they are the school folder's set of files), so this works for any set.
import { levenshtein } from '../distance.js';
import type { Diagnostic } from '../types.js';
import type { FileSource } from './file-source.js';

/** Endings an editor or a download may add after the real one. */
const EXTRA_ENDINGS = /(\.(txt|bak|tmp|copy|old))+$/i;

/** A file name reduced to what tells it apart: no case, accents, separators or extra endings; .yml as .yaml. */
export function canonicalName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .trim()
    .replace(EXTRA_ENDINGS, '')
    .replace(/\.ya?ml$/, '.yaml')
    .replace(/\.yaml(\.yaml)+$/, '.yaml')
    .replace(/[\s_.-]+(?=\.yaml$)/, '')
    .replace(/[\s_-]+/g, '-');
}

/**
 * For each missing file of `expected`, the file of `present` that was surely meant: the same name once
 * case, accents, separators and endings are set aside, or one or two letters off with the same digits
 * (so tieu-chuan-4.yaml is never taken for tieu-chuan-3.yaml). A name another expected file has is never proposed.
 */
export function nearMisses(present: string[], expected: string[], missing: string[]): Map<string, string> {
  const taken = new Set(expected);
  const candidates = present.filter((name) => !taken.has(name));
  const found = new Map<string, string>();
  for (const want of missing) {
    const canonical = canonicalName(want);
    const digits = want.replace(/\D/g, '');
    const same = candidates.find((name) => canonicalName(name) === canonical);
    const close = same ?? candidates.find((name) => name.replace(/\D/g, '') === digits && Math.abs(name.length - want.length) <= 4 && levenshtein(canonicalName(name), canonical) <= 2);
    if (close !== undefined && ![...found.values()].includes(close)) found.set(want, close);
  }
  return found;
}

/** Rewrites the "missing file" diagnostics of the folder whose file is there under a near name. */
export function explainMissingFiles(files: FileSource, expected: string[], diagnostics: Diagnostic[]): void {
  const missing = diagnostics.filter((d) => d.code === 'file/missing' && d.location !== null);
  if (missing.length === 0) return;
  const present = files.list('').map((e) => e.path);
  const names = new Map(missing.map((d) => [baseName(d.location!.file), d] as const));
  for (const [want, there] of nearMisses(present, expected, [...names.keys()])) {
    const d = names.get(want)!;
    const hidden = EXTRA_ENDINGS.test(there) ? { vi: ' (Windows có thể đang ẩn phần đuôi: bật View → File name extensions để thấy tên đầy đủ)', en: ' (Windows may hide the ending: turn on View → File name extensions)' } : { vi: '', en: '' };
    d.code = 'file/misnamed';
    d.message = {
      vi: `thiếu tệp ${want}, nhưng thư mục có tệp "${there}": đổi tên tệp đó thành ${want}${hidden.vi}`,
      en: `missing file ${want}, but the folder holds "${there}": rename it to ${want}${hidden.en}`,
    };
  }
}

/** The file of the folder that was meant to be `want` (see nearMisses), when `want` itself is not there. */
export function misnamedFile(files: FileSource, want: string, expected: string[] = [want]): string | null {
  const present = files.list('').map((e) => e.path);
  if (present.includes(want)) return null;
  return nearMisses(present, expected, [want]).get(want) ?? null;
}

const baseName = (file: string): string => file.split(/[\\/]/).at(-1)!;
