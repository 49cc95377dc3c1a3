import type { Rule, RulePack } from '../../engine/rule-types.js';
import type { Diagnostic, Finding, LocalText, SchoolResult, SourceLocation } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { batchTotals, findingMessage, findingRoles, relPath, remedyLine, ruleOf, sortedFindings, type BatchTotals, type FindingRole } from '../machine.js';
import { viewOf, type SchoolView } from '../summary.js';
import { referenceText } from '../text.js';

/** Bumped only on a breaking change of the shape described by schemas/report.schema.json. */
export const JSON_SCHEMA_VERSION = '1';
export const REPORT_SCHEMA_ID = 'https://chuan.schemas.local/report.schema.json';

export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: (string | number)[];
}

export interface JsonFinding extends Omit<Finding, 'location'> {
  role: FindingRole;
  verification: Rule['verification'] | null;
  location: JsonLocation | null;
  message: string;
  remedy?: string;
}

export interface JsonReport {
  $schema: string;
  schemaVersion: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'chuan'; version: string };
  lang: string;
  asOf: string;
  report: { office?: string; header?: string };
  rulePacks: { id: string; version: string; circular: string }[];
  summary: BatchTotals;
  results: unknown[];
  rulesMeta: Record<string, unknown>;
}

/**
 * The versioned JSON envelope: raw measured and required values for programs, a one-line message and the
 * remedy in the report's language for people. 1-based locations, paths relative to cwd with '/'.
 */
export function jsonFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const parts = results.map((r) => jsonSchoolPart(r, ctx));
  const { head, tail } = jsonEnvelope(ctx, sumTotals(parts.map((p) => p.totals)), parts.map((p) => p.packId), parts.length);
  return `${head}${parts.map((p, i) => `${i === 0 ? '' : ','}\n${p.pieces.join('')}`).join('')}${tail}`;
}

/**
 * One school of the report, ready to stream: its text exactly as it stands inside `"results": [...]` of
 * jsonFormatter's output (indented for that depth, no separator), as a few pieces to be written one after
 * the other, and what the envelope needs.
 */
export interface JsonSchoolPart {
  pieces: string[];
  totals: BatchTotals;
  packId: string | null;
}

export function jsonSchoolPart(r: SchoolResult, ctx: FormatContext): JsonSchoolPart {
  const view = viewOf(r, findPack(ctx.ruleSet, r.packId));
  return { pieces: schoolPieces(schoolJson(r, ctx, view)), totals: batchTotals([r], ctx, [view]), packId: r.packId };
}

/** Where the long lists go in the school's skeleton: a string no school data can produce (a lone surrogate). */
const HOLE = '\ud800chuan\ud800';
const HOLE_TEXT = JSON.stringify(HOLE);
const LISTS = ['findings', 'diagnostics', 'evidence'] as const;

/**
 * The school's text in pieces: the school without its three lists, then each list, each stringified at the
 * depth it has in the report, so the whole is exactly JSON.stringify(report)'s text for results[i]. No piece
 * is a large string (a school's text in one piece is ~200 KB, which V8 allocates outside its young generation).
 */
function schoolPieces(school: Record<(typeof LISTS)[number], unknown[]> & Record<string, unknown>): string[] {
  const skeleton = atDepth({ ...school, findings: HOLE, diagnostics: HOLE, evidence: HOLE }, 2);
  const segments = skeleton.split(HOLE_TEXT);
  if (segments.length !== LISTS.length + 1) return [atDepth(school, 2)];
  const pieces = [segments[0]!];
  LISTS.forEach((list, i) => pieces.push(school[list].length === 0 ? '[]' : atDepth(school[list], 3).trimStart(), segments[i + 1]!));
  return pieces;
}

/** JSON.stringify(value, null, 2) as it appears `depth` levels deep, its first line indented too. */
function atDepth(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Wrapper k (0-based) adds "[\n" and 2(k + 1) spaces before, "\n", 2k spaces and "]" after: depth² + depth each side once the value's own indentation is kept.
  const edge = depth * (depth + 1);
  return text.slice(edge, text.length - edge);
}

const RESULTS_EMPTY = '\n  "results": [],\n';

/**
 * Everything around the schools: `head` ends just after `"results": [`, `tail` starts with the line that
 * closes it (or, with no school, the two are joined by nothing: `"results": []`). Totals and the packs
 * used come from the parts, so the schools can be written as they are checked, in order.
 */
export function jsonEnvelope(ctx: FormatContext, totals: BatchTotals, packIds: Iterable<string | null>, schools: number): { head: string; tail: string } {
  const used = new Set(packIds);
  const report: JsonReport = {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'chuan', version: ctx.toolVersion },
    lang: ctx.lang,
    asOf: ctx.asOf,
    report: { ...(ctx.config.office ? { office: ctx.config.office } : {}), ...(ctx.config.header ? { header: ctx.config.header } : {}) },
    rulePacks: ctx.ruleSet.packs.map((p) => ({ id: p.id, version: p.version, circular: p.circular })),
    summary: totals,
    results: [],
    rulesMeta: rulesMeta(ctx.ruleSet.packs.filter((p) => used.has(p.id))),
  };
  const skeleton = `${JSON.stringify(report, null, 2)}\n`;
  // A newline inside a JSON string is escaped, so this line can only be the results key itself.
  const at = skeleton.indexOf(RESULTS_EMPTY);
  if (schools === 0) return { head: skeleton, tail: '' };
  return { head: `${skeleton.slice(0, at)}\n  "results": [`, tail: `\n  ],\n${skeleton.slice(at + RESULTS_EMPTY.length)}` };
}

/** Adds per-school totals (batchTotals of one school each) into the batch's. */
export function sumTotals(all: BatchTotals[]): BatchTotals {
  const sum: BatchTotals = { schools: 0, reached: 0, notReached: 0, invalid: 0, unmet: 0, advisories: 0, beyondTarget: 0, notAssessable: 0, waived: 0, inputErrors: 0, dataRemarks: 0 };
  for (const t of all) for (const key of Object.keys(sum) as (keyof BatchTotals)[]) sum[key] += t[key];
  return sum;
}

function schoolJson(r: SchoolResult, ctx: FormatContext, view: SchoolView): Record<(typeof LISTS)[number], unknown[]> & Record<string, unknown> {
  const roles = findingRoles(r, ctx, view);
  return {
    dir: relPath(r.dir, ctx.cwd),
    profile: r.profile,
    packId: r.packId,
    outcome: r.outcome,
    reached: r.reached,
    target: r.profile.target,
    levels: r.levels,
    findings: sortedFindings(r).map((f) => findingJson(f, roles.get(f) ?? 'ignored', ctx)),
    diagnostics: r.diagnostics.map((d) => diagnosticJson(d, ctx)),
    recognition: r.recognition,
    adjustments: r.adjustments,
    evidence: r.evidence.map((e) => ({ ...e, location: locationJson(e.location, ctx) })),
  };
}

function findingJson(f: Finding, role: FindingRole, ctx: FormatContext): JsonFinding {
  const { location, ...rest } = f;
  const remedy = remedyLine(f, ctx);
  return {
    ...rest,
    role,
    verification: ruleOf(f, ctx)?.rule.verification ?? null,
    location: locationJson(location, ctx),
    message: findingMessage(f, role, ctx),
    ...(remedy ? { remedy } : {}),
  };
}

function diagnosticJson(d: Diagnostic, ctx: FormatContext): unknown {
  return { code: d.code, severity: d.severity, message: d.message, text: tr(d.message, ctx.lang), location: locationJson(d.location, ctx) };
}

export function locationJson(location: SourceLocation | null, ctx: FormatContext): JsonLocation | null {
  if (!location) return null;
  return {
    file: relPath(location.file, ctx.cwd),
    line: location.line,
    column: location.column,
    ...(location.endLine !== undefined ? { endLine: location.endLine } : {}),
    ...(location.endColumn !== undefined ? { endColumn: location.endColumn } : {}),
    ...(location.path ? { path: location.path } : {}),
  };
}

function rulesMeta(packs: RulePack[]): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const pack of packs) {
    for (const rule of pack.rules) {
      meta[rule.id] = {
        pack: pack.id,
        title: rule.title,
        requirement: rule.requirement,
        reference: { ...rule.reference, text: localText((lang) => referenceText(rule, pack, lang)) },
        verification: rule.verification,
        severity: rule.severity,
        level: rule.level,
        standard: rule.standard,
        criterion: rule.criterion,
        remedy: rule.remedy,
        ...(rule.tags?.length ? { tags: rule.tags } : {}),
      };
    }
  }
  return meta;
}

const localText = (f: (lang: 'vi' | 'en') => string): LocalText => ({ vi: f('vi'), en: f('en') });
