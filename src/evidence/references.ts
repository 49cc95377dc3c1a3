import type { YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, YamlPath } from '../types.js';
import { recordLabel, warning, type EvidenceContext, type SchoolEvidence } from './context.js';
import { requiredRecordTypes } from './required-records.js';

/** A `minh_chung: "<code>"` value that points at no register entry. */
interface UnknownCode {
  yaml: YamlFile;
  code: string;
  path: YamlPath;
}

/**
 * Every record of a type some rule requires is backed by the register: it names an evidence code, and every
 * code named anywhere in the standard files (records, managers, rooms, exchanges…) is in one of the five
 * registers — a code that points nowhere ("mã treo") is flagged where it is written.
 */
export function checkReferences(ctx: EvidenceContext, school: SchoolEvidence, out: Diagnostic[]): void {
  const required = requiredRecordTypes(ctx.pack);
  for (const record of school.records) {
    if (record.code === null && required.has(record.type)) {
      const label = recordLabel(record);
      out.push(warning('record-without-code', record.yaml, ['ho_so', record.index], {
        vi: `hồ sơ ${label} là loại hồ sơ quy tắc yêu cầu nhưng chưa có mã minh chứng; ghi minh_chung: "<mã>" và thêm văn bản vào danh mục minh chứng`,
        en: `record ${label} is of a type the rules require but names no evidence code; add minh_chung: "<code>" and list the document in the evidence register`,
      }));
    }
  }
  const unknown: UnknownCode[] = [];
  for (const yaml of ctx.standards) {
    if (yaml) findUnknownCodes(yaml, yaml.value, [], school.firstByCode, unknown);
  }
  for (const ref of unknown) out.push(unknownCodeWarning(ref, school));
}

function unknownCodeWarning({ yaml, code, path }: UnknownCode, school: SchoolEvidence): Diagnostic {
  const record = path[0] === 'ho_so' ? school.records.find((r) => r.yaml === yaml && r.index === path[1]) : undefined;
  const owner = record ? { vi: `hồ sơ ${recordLabel(record)}`, en: `record ${recordLabel(record)}` } : { vi: path.join('.'), en: path.join('.') };
  return warning('unknown-code', yaml, path, {
    vi: `mã minh chứng ${code} của ${owner.vi} không có trong danh mục minh chứng (minh_chung) của năm tệp tiêu chuẩn; thêm văn bản vào danh mục hoặc sửa mã`,
    en: `evidence code ${code} of ${owner.en} is in none of the five evidence registers (minh_chung); list the document or correct the code`,
  });
}

/**
 * Every `minh_chung: "<code>"` value outside the register itself (the top-level `minh_chung`) whose code is not
 * registered, with its path (from the plain data; locate() finds the node). `at` is the path of `node`, extended
 * and shortened on the way; copied only for a code found unknown.
 */
function findUnknownCodes(yaml: YamlFile, node: unknown, at: YamlPath, registered: ReadonlyMap<string, unknown>, found: UnknownCode[]): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) {
      at.push(i);
      findUnknownCodes(yaml, node[i], at, registered, found);
      at.pop();
    }
  } else if (node !== null && typeof node === 'object') {
    for (const key in node as Record<string, unknown>) {
      if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
      if (at.length === 0 && key === 'minh_chung') continue;
      const value = (node as Record<string, unknown>)[key];
      at.push(key);
      if (key !== 'minh_chung' || typeof value !== 'string') findUnknownCodes(yaml, value, at, registered, found);
      else if (!registered.has(value)) found.push({ yaml, code: value, path: [...at] });
      at.pop();
    }
  }
}
