import path from 'node:path';
import type { SchoolYear } from '../engine/context.js';
import type { RulePack } from '../engine/rule-types.js';
import type { FileSource } from '../load/file-source.js';
import { locate, type YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, YamlPath } from '../types.js';

/** One school's validated standard files, and what the evidence checks compare them with. */
export interface EvidenceContext {
  /** The school folder's files, where evidence paths are looked up (never read). */
  files: FileSource;
  /** tieu-chuan-1.yaml … tieu-chuan-5.yaml; null where missing. */
  standards: (YamlFile | null)[];
  pack: RulePack;
  schoolYear: SchoolYear | null;
  namHoc: string | null;
  /** Reference date (YYYY-MM-DD): nothing may be dated after it. */
  asOf: string;
}

/** A line of a standard's evidence register (danh mục minh chứng). */
export interface RegisterEntry {
  code: string;
  yaml: YamlFile;
  index: number;
  value: Record<string, unknown>;
}

/** A typed record (ho_so) of a standard file. */
export interface RecordItem {
  type: string;
  code: string | null;
  yaml: YamlFile;
  index: number;
  value: Record<string, unknown>;
}

/** The registers and records of one school's standard files, read once and shared by every check. */
export interface SchoolEvidence {
  register: RegisterEntry[];
  records: RecordItem[];
  /** The first register entry of each code, in the order of the five registers. */
  firstByCode: Map<string, RegisterEntry>;
}

export function readSchoolEvidence(ctx: EvidenceContext): SchoolEvidence {
  const register: RegisterEntry[] = [];
  const records: RecordItem[] = [];
  const firstByCode = new Map<string, RegisterEntry>();
  for (const yaml of ctx.standards) {
    if (!yaml) continue;
    const root = yaml.value as Record<string, unknown> | null;
    forEachObject(root?.['minh_chung'], (value, index) => {
      const entry: RegisterEntry = { code: String(value['ma']), yaml, index, value };
      register.push(entry);
      if (!firstByCode.has(entry.code)) firstByCode.set(entry.code, entry);
    });
    forEachObject(root?.['ho_so'], (value, index) => {
      const code = value['minh_chung'];
      records.push({ type: String(value['loai']), code: typeof code === 'string' ? code : null, yaml, index, value });
    });
  }
  return { register, records, firstByCode };
}

/** Each item of `list` that is an object (or array), with its index; nothing when `list` is no array. */
function forEachObject(list: unknown, visit: (value: Record<string, unknown>, index: number) => void): void {
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const value: unknown = list[index];
    if (value !== null && typeof value === 'object') visit(value as Record<string, unknown>, index);
  }
}

/** How messages name a record: its title and type, or its type and number. */
export function recordLabel(record: RecordItem): string {
  const { value } = record;
  if (typeof value['ten'] === 'string') return `"${value['ten']}" (${String(value['loai'])})`;
  return `${String(value['loai'])}${typeof value['so_hieu'] === 'string' ? ` ${value['so_hieu']}` : ''}`;
}

/** A warning located at the YAML node of `path` in `yaml`. */
export function warning(code: string, yaml: YamlFile, at: YamlPath, message: LocalText): Diagnostic {
  return { code: `evidence/${code}`, severity: 'warning', location: locate(yaml, at), message };
}

/** "tieu-chuan-1.yaml:12" for messages that point at another entry. */
export function shortLocation(yaml: YamlFile, at: YamlPath): string {
  const loc = locate(yaml, at);
  return `${path.basename(loc.file)}:${loc.line}`;
}

/** dd/mm/yyyy for Vietnamese, ISO for English. */
export function dateWords(iso: string): LocalText {
  const [y, m, d] = iso.split('-');
  return { vi: `${d}/${m}/${y}`, en: iso };
}
