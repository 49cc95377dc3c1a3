import type { Diagnostic, LocalText } from '../types.js';
import { joinRel, type FileSource } from '../load/file-source.js';
import { warning, type EvidenceContext, type SchoolEvidence } from './context.js';

export type PathProblem = 'absolute' | 'outside' | 'symlink' | 'missing' | 'not_file';

/**
 * Where `tep` leads, checked without opening anything: a path relative to the school folder, without "..",
 * every component looked at without following links; a symbolic link is resolved only to check that it stays
 * in the folder, and a link that leaves it, loops or dangles is refused. The file itself is never read.
 */
export function evidencePathProblem(files: FileSource, tep: string): PathProblem | null {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(tep) || /^[\\/]/.test(tep) || tep.includes('\0')) return 'absolute';
  const segments = tep.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return 'outside';
  if (segments.length === 0) return 'not_file';
  if (!files.entry('')) return 'missing';
  let current = '';
  for (const [i, segment] of segments.entries()) {
    current = joinRel(current, segment);
    let entry = files.entry(current);
    if (!entry) return 'missing';
    if (entry.kind === 'symlink') {
      const real = files.resolveLink?.(current) ?? null;
      if (real === null) return 'symlink';
      current = real;
      entry = files.entry(real);
      if (!entry) return 'missing';
    }
    const last = i === segments.length - 1;
    if (!last && entry.kind !== 'directory') return 'missing';
    if (last && entry.kind !== 'file') return 'not_file';
  }
  return null;
}

/** The optional file path of each register entry must lead to a file inside the school folder. */
export function checkFiles(ctx: EvidenceContext, school: SchoolEvidence, out: Diagnostic[]): void {
  for (const entry of school.register) {
    const tep = entry.value['tep'];
    if (typeof tep !== 'string' || tep.trim() === '') continue;
    const problem = evidencePathProblem(ctx.files, tep);
    if (problem) out.push(warning(`file-${problem.replace('_', '-')}`, entry.yaml, ['minh_chung', entry.index, 'tep'], messages(entry.code, tep)[problem]));
  }
}

function messages(code: string, tep: string): Record<PathProblem, LocalText> {
  return {
    absolute: {
      vi: `minh chứng ${code}: tep "${tep}" là đường dẫn tuyệt đối hoặc đường liên kết; chỉ ghi đường dẫn tương đối trong thư mục trường, ví dụ minh-chung/H1/ten-tep.pdf (đường liên kết ghi vào ghi_chu); công cụ không mở tệp này`,
      en: `evidence ${code}: tep "${tep}" is an absolute path or a link; write a path relative to the school folder, e.g. minh-chung/H1/file.pdf (put links in ghi_chu); the file is not opened`,
    },
    outside: {
      vi: `minh chứng ${code}: tep "${tep}" dùng ".." để ra ngoài thư mục trường; chỉ trỏ tới tệp nằm trong thư mục trường; công cụ không mở tệp này`,
      en: `evidence ${code}: tep "${tep}" uses ".." to leave the school folder; point to a file inside the folder; the file is not opened`,
    },
    symlink: {
      vi: `minh chứng ${code}: tep "${tep}" đi qua liên kết tượng trưng (symlink) trỏ ra ngoài thư mục trường, hỏng hoặc lặp vòng; chép tệp vào thư mục trường thay cho liên kết; công cụ không theo liên kết này`,
      en: `evidence ${code}: tep "${tep}" goes through a symbolic link that leaves the school folder, dangles or loops; copy the file into the folder instead; the link is not followed`,
    },
    missing: {
      vi: `minh chứng ${code}: không tìm thấy tệp "${tep}" trong thư mục trường; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường) hoặc chép tệp vào`,
      en: `evidence ${code}: no file "${tep}" in the school folder; check the name (case matters) or copy the file in`,
    },
    not_file: {
      vi: `minh chứng ${code}: "${tep}" không phải một tệp (là thư mục); ghi đường dẫn tới tệp minh chứng`,
      en: `evidence ${code}: "${tep}" is not a file (a folder); give the path of the evidence file`,
    },
  };
}
