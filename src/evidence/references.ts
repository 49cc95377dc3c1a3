import type { YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, YamlPath } from '../types.js';
import { recordItems, registerEntries, warning, type EvidenceContext } from './context.js';
import { requiredRecordTypes } from './required-records.js';

/**
 * Every record of a type some rule requires is backed by the register: it names an evidence code, and every
 * code named anywhere in the standard files (records, managers, rooms, exchanges…) is in one of the five
 * registers — a code that points nowhere ("mã treo") is flagged where it is written.
 */
export function checkReferences(ctx: EvidenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const registered = new Set(registerEntries(ctx).map((e) => e.code));
  const required = requiredRecordTypes(ctx.pack);
  for (const record of recordItems(ctx)) {
    if (record.code === null && required.has(record.type)) {
      out.push(warning('record-without-code', record.yaml, ['ho_so', record.index], {
        vi: `hồ sơ ${record.label} là loại hồ sơ quy tắc yêu cầu nhưng chưa có mã minh chứng; ghi minh_chung: "<mã>" và thêm văn bản vào danh mục minh chứng`,
        en: `record ${record.label} is of a type the rules require but names no evidence code; add minh_chung: "<code>" and list the document in the evidence register`,
      }));
    }
  }
  for (const yaml of ctx.standards) {
    if (!yaml) continue;
    for (const ref of codeReferences(yaml)) {
      if (registered.has(ref.code)) continue;
      const record = ref.path[0] === 'ho_so' ? recordItems({ ...ctx, standards: [yaml] }).find((r) => r.index === ref.path[1]) : undefined;
      const owner = record ? { vi: `hồ sơ ${record.label}`, en: `record ${record.label}` } : { vi: ref.path.join('.'), en: ref.path.join('.') };
      out.push(warning('unknown-code', yaml, ref.path, {
        vi: `mã minh chứng ${ref.code} của ${owner.vi} không có trong danh mục minh chứng (minh_chung) của năm tệp tiêu chuẩn; thêm văn bản vào danh mục hoặc sửa mã`,
        en: `evidence code ${ref.code} of ${owner.en} is in none of the five evidence registers (minh_chung); list the document or correct the code`,
      }));
    }
  }
  return out;
}

/** Every `minh_chung: "<code>"` value outside the register itself, with its path (from the plain data; locate() finds the node). */
function codeReferences(yaml: YamlFile): { code: string; path: YamlPath }[] {
  const found: { code: string; path: YamlPath }[] = [];
  // One path, extended and shortened on the way; copied only for a reference found.
  const at: YamlPath = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        at.push(i);
        visit(node[i]);
        at.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key in node as Record<string, unknown>) {
        if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
        const value = (node as Record<string, unknown>)[key];
        if (at.length === 0 && key === 'minh_chung') continue;
        at.push(key);
        if (key === 'minh_chung' && typeof value === 'string') found.push({ code: value, path: [...at] });
        else visit(value);
        at.pop();
      }
    }
  };
  visit(yaml.value);
  return found;
}
