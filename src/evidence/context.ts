import path from 'node:path';
import type { SchoolYear } from '../engine/context.js';
import type { RulePack } from '../engine/rule-types.js';
import { locate, type YamlFile } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, YamlPath } from '../types.js';

/** One school's validated standard files, and what the evidence checks compare them with. */
export interface EvidenceContext {
  /** The school folder (absolute). */
  dir: string;
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
  title: string;
  yaml: YamlFile;
  index: number;
  value: Record<string, unknown>;
}

/** A typed record (ho_so) of a standard file. */
export interface RecordItem {
  type: string;
  /** How messages name it: its title and type, or its type and number. */
  label: string;
  code: string | null;
  yaml: YamlFile;
  index: number;
  value: Record<string, unknown>;
}

// Each check reads the register and the records again: build them once per school.
const registers = new WeakMap<EvidenceContext, RegisterEntry[]>();
const records = new WeakMap<EvidenceContext, RecordItem[]>();

export function registerEntries(ctx: EvidenceContext): RegisterEntry[] {
  let entries = registers.get(ctx);
  if (!entries) {
    entries = readRegister(ctx);
    registers.set(ctx, entries);
  }
  return entries;
}

export function recordItems(ctx: EvidenceContext): RecordItem[] {
  let items = records.get(ctx);
  if (!items) {
    items = readRecords(ctx);
    records.set(ctx, items);
  }
  return items;
}

function readRegister(ctx: EvidenceContext): RegisterEntry[] {
  return ctx.standards.flatMap((yaml) => listOf(yaml, 'minh_chung').map(({ value, index }) => ({
    code: String(value['ma']),
    title: String(value['ten'] ?? ''),
    yaml: yaml!,
    index,
    value,
  })));
}

function readRecords(ctx: EvidenceContext): RecordItem[] {
  return ctx.standards.flatMap((yaml) => listOf(yaml, 'ho_so').map(({ value, index }) => ({
    type: String(value['loai']),
    label: typeof value['ten'] === 'string' ? `"${value['ten']}" (${String(value['loai'])})` : `${String(value['loai'])}${typeof value['so_hieu'] === 'string' ? ` ${value['so_hieu']}` : ''}`,
    code: typeof value['minh_chung'] === 'string' ? value['minh_chung'] : null,
    yaml: yaml!,
    index,
    value,
  })));
}

function listOf(yaml: YamlFile | null, key: string): { value: Record<string, unknown>; index: number }[] {
  const list = (yaml?.value as Record<string, unknown> | null)?.[key];
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, index) => (value !== null && typeof value === 'object' ? [{ value: value as Record<string, unknown>, index }] : []));
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
