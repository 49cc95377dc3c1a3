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
}

export interface Resolved {
  value: unknown;
  ref: DataRef;
}

/** Reads `truong.x.y`, `tc2.giao_vien.tong_so` or `item.ho_ten`. Absent data resolves to undefined. */
export function resolve(ctx: EvalContext, dotted: string): Resolved {
  const { root, rest } = parsePath(dotted);
  if (root === 'item') {
    const base = ctx.item;
    if (!base) return { value: undefined, ref: { root: 'item', path: [...rest] } };
    return walk(base.value, rest, { root: base.ref.root, path: base.ref.path });
  }
  const doc = ctx.roots[root];
  return walk(doc?.value, rest, { root, path: [] });
}

/** resolve(ctx, dotted).value, without building the reference (conditions only need the value). */
export function resolveValue(ctx: EvalContext, dotted: string): unknown {
  const { root, rest } = parsePath(dotted);
  let value: unknown = root === 'item' ? ctx.item?.value : ctx.roots[root]?.value;
  for (const segment of rest) {
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value === null ? undefined : value;
}

/** Rule paths are few and read for every school: split each once. */
const parsedPaths = new Map<string, { root: string; rest: readonly string[] }>();

function parsePath(dotted: string): { root: string; rest: readonly string[] } {
  let parsed = parsedPaths.get(dotted);
  if (!parsed) {
    const [root, ...rest] = dotted.split('.');
    parsed = { root: root!, rest };
    parsedPaths.set(dotted, parsed);
  }
  return parsed;
}

function walk(start: unknown, segments: readonly string[], base: DataRef): Resolved {
  let value = start;
  const path: YamlPath = [...base.path];
  for (const segment of segments) {
    path.push(segment);
    value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return { value: value === null ? undefined : value, ref: { root: base.root, path } };
}

export function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** The paths, among [path, value] pairs, whose value is not a number. */
export function missingNumbers(...pairs: [string, unknown][]): string[] {
  return pairs.filter(([, value]) => !isNumber(value)).map(([path]) => path);
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

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function inRange(date: string | null, range: SchoolYear): boolean {
  return date !== null && date >= range.start && date <= range.end;
}
