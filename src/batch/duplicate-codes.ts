// The same ma_truong in two folders of one batch for the same school year: one of them was copied and
// not corrected, and the office's roll-up would count one school twice. Each such school gets a located
// warning naming the other folders. The same code in different school years is one school's history
// (an earlier year kept beside this one), not a conflict.
import { sortDiagnostics } from '../check/check-school.js';
import type { Diagnostic, SchoolResult, SourceLocation } from '../types.js';

/** What the check needs of a school: its folder, code, school year and where the code is written. */
export interface CodedSchool {
  dir: string;
  code: string | null;
  schoolYear: string | null;
  codeAt?: SourceLocation | null;
}

/** The schools that share a code and a school year with another, each with the folders of the others, in input order. */
export function duplicateCodes(schools: readonly CodedSchool[]): Map<number, string[]> {
  const groups = new Map<string, number[]>();
  schools.forEach((s, i) => {
    if (!s.code) return;
    const key = `${s.code}\u0000${s.schoolYear ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const out = new Map<number, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const i of group) out.set(i, group.filter((j) => j !== i).map((j) => schools[j]!.dir));
  }
  return out;
}

/** The warning of one school whose code is also that of the schools in `others` (folders as `show` prints them). */
export function duplicateCodeDiagnostic(school: CodedSchool, others: string[], show: (dir: string) => string): Diagnostic {
  const folders = others.map(show).join(', ');
  const year = school.schoolYear ? ` ${school.schoolYear}` : '';
  return {
    code: 'batch/duplicate-code',
    severity: 'warning',
    location: school.codeAt ?? null,
    message: {
      vi: `ma_truong: mã "${school.code}" cũng là mã của ${others.length === 1 ? 'thư mục' : `${others.length} thư mục`} ${folders} trong cùng lần kiểm tra, cùng năm học${year}: mỗi trường một mã; sửa mã của thư mục bị sao chép nhầm để báo cáo tổng hợp không tính một trường hai lần`,
      en: `ma_truong: the code "${school.code}" is also that of ${others.length === 1 ? 'the folder' : `${others.length} folders`} ${folders} in the same run, for the same school year${year}: one code per school; correct the folder copied by mistake so that the roll-up does not count one school twice`,
    },
  };
}

/** The results with the warning added to each school that shares its code and school year with another. */
export function markDuplicateCodes(results: SchoolResult[], show: (dir: string) => string): SchoolResult[] {
  const coded = results.map((r) => ({ dir: r.dir, code: r.profile.code, schoolYear: r.profile.schoolYear, codeAt: r.codeAt ?? null }));
  const duplicates = duplicateCodes(coded);
  if (duplicates.size === 0) return results;
  return results.map((r, i) => {
    const others = duplicates.get(i);
    return others ? { ...r, diagnostics: sortDiagnostics([...r.diagnostics, duplicateCodeDiagnostic(coded[i]!, others, show)]) } : r;
  });
}
