import type { DataRef } from './outcome.js';
import type { YamlFile } from '../load/yaml-file.js';
import type { YamlPath } from '../types.js';

export interface RecordEntry {
  type: string;
  date: string | null;
  validUntil: string | null;
  conclusion: boolean;
  ref: DataRef;
}

export interface SchoolYear {
  start: string;
  end: string;
}

/** Everything a check may read: the six documents by root name, plus derived views. */
export interface EvalContext {
  roots: Record<string, YamlFile | undefined>;
  item?: { value: unknown; ref: DataRef };
  /** The rule's own standard file, where a missing record should be added. */
  home?: DataRef;
  schoolYear: SchoolYear | null;
  records: RecordEntry[];
  /** Reference date (YYYY-MM-DD), for checks that count years up to it. */
  asOf?: string;
  /** Criterion regimes: the date whose wordings apply (amended items, items in force or suspended from a date). */
  date?: string;
  /** Criterion regimes: every code of the school's evidence registers. */
  evidenceCodes?: ReadonlySet<string>;
  /** Criterion regimes, multi-level school: its parts (cấp học), each rated apart, and the one being read. */
  parts?: string[];
  part?: string;
}

/**
 * The element a for_each or a filtered min_count is at: one per list, moved from element to element.
 * Its reference is built only when a check asks for it; most elements are read and never reported.
 */
export class ListItem {
  value: unknown = undefined;
  index = 0;

  constructor(readonly list: DataRef) {}

  get ref(): DataRef {
    return { root: this.list.root, path: elementPath(this.list.path, this.index, NO_SEGMENTS) };
  }
}

/** A rule path split once: `tc2.giao_vien.tong_so` is root `tc2`, then `giao_vien`, `tong_so`. */
export interface DataPath {
  root: string;
  rest: readonly string[];
  /** The reference of a document path, the same for every school; item paths depend on the element. */
  ref: DataRef | undefined;
}

/** Rule paths are few and read for every school: split each once. */
const dataPaths = new Map<string, DataPath>();

export function dataPath(dotted: string): DataPath {
  let parsed = dataPaths.get(dotted);
  if (!parsed) {
    const [root, ...rest] = dotted.split('.');
    parsed = { root: root!, rest, ref: root === 'item' ? undefined : sharedRef(root!, rest) };
    dataPaths.set(dotted, parsed);
  }
  return parsed;
}

/** Reads `truong.x.y`, `tc2.giao_vien.tong_so` or `item.ho_ten`. Absent data (or null) reads as undefined. */
export function valueAt(ctx: EvalContext, path: DataPath): unknown {
  let value: unknown = path.root === 'item' ? ctx.item?.value : ctx.roots[path.root]?.value;
  for (const segment of path.rest) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value === null ? undefined : value;
}

/** Where `path` points in the school's data. Document references are shared: references are read, never modified. */
export function refAt(ctx: EvalContext, path: DataPath): DataRef {
  if (path.ref) return path.ref;
  const item = ctx.item;
  if (!item) return { root: 'item', path: [...path.rest] };
  if (item instanceof ListItem) return { root: item.list.root, path: elementPath(item.list.path, item.index, path.rest) };
  return { root: item.ref.root, path: [...item.ref.path, ...path.rest] };
}

const NO_SEGMENTS: readonly string[] = [];

/** list path + index + rest, allocated at its final size (a spread literal reserves several times that). */
function elementPath(list: YamlPath, index: number, rest: readonly string[]): YamlPath {
  const path: YamlPath = new Array(list.length + 1 + rest.length);
  for (let i = 0; i < list.length; i++) path[i] = list[i]!;
  path[list.length] = index;
  for (let i = 0; i < rest.length; i++) path[list.length + 1 + i] = rest[i]!;
  return path;
}

/** A reference shared by every school's findings; frozen so that a stray write fails loudly instead of leaking. */
export function sharedRef(root: string, path: YamlPath): DataRef {
  return Object.freeze({ root, path: Object.freeze([...path]) as YamlPath });
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** School year "2025-2026" with the pack's start day "08-01": 2025-08-01 .. 2026-07-31. */
export function schoolYearRange(namHoc: unknown, startMonthDay: string): SchoolYear | null {
  if (typeof namHoc !== 'string') return null;
  const match = /^(\d{4})-(\d{4})$/.exec(namHoc);
  if (!match) return null;
  const first = Number(match[1]);
  const startDate = new Date(Date.UTC(first, Number(startMonthDay.slice(0, 2)) - 1, Number(startMonthDay.slice(3, 5))));
  const endDate = new Date(Date.UTC(first + 1, startDate.getUTCMonth(), startDate.getUTCDate() - 1));
  return { start: isoDate(startDate), end: isoDate(endDate) };
}

/**
 * The date whose wordings a check applies: the reference date, but at most the last day of the school year
 * under review (a year assessed before an amendment keeps the wording of its time).
 */
export function wordingDate(asOf: string, schoolYear: SchoolYear | null): string {
  return schoolYear && asOf > schoolYear.end ? schoolYear.end : asOf;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function inRange(date: string | null, range: SchoolYear): boolean {
  return date !== null && date >= range.start && date <= range.end;
}
