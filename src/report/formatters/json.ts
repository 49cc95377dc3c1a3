import path from 'node:path';
import type { Rule, RulePack } from '../../engine/rule-types.js';
import type { Diagnostic, EvidenceEntry, Finding, LocalText, SchoolResult, SourceLocation } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { batchTotals, findingMessage, findingRoles, relPath, remedyLine, type BatchTotals, type FindingRole } from '../machine.js';
import { viewOf } from '../summary.js';
import { referenceText } from '../text.js';

/** Bumped only on a breaking change of the shape described by schemas/report.schema.json. */
export const JSON_SCHEMA_VERSION = '2';
export const REPORT_SCHEMA_ID = 'https://chuan.schemas.local/report.schema.json';

/** 1-based; `file` is relative to the school's `dir`, with '/'. */
export interface JsonLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: (string | number)[];
}

/**
 * A finding as reported: what is constant per rule (level, standard, criterion, verification, title,
 * reference) is in rulesMeta once. A finding that needs a remedy also names the evidence codes the
 * school's register gives for its criterion.
 */
export interface JsonFinding extends Pick<Finding, 'ruleId' | 'subject' | 'part' | 'status' | 'severity' | 'measure' | 'gap' | 'unit' | 'missingData' | 'waiver' | 'wording' | 'reason' | 'rating'> {
  role: FindingRole;
  location: JsonLocation | null;
  message: string;
  remedy?: string;
  evidence?: string[];
}

/**
 * The versioned JSON envelope, compact, one school per line: raw measured and required values for
 * programs, a one-line message and the remedy in the report's language for people. The summary and the
 * rules metadata come after the results, so a batch's report is written once, as its schools are checked.
 */
export function jsonFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const parts = results.map((r) => jsonSchoolPart(r, ctx));
  const schools = parts.map((p, i) => `${i === 0 ? '\n' : ',\n'}${p.text}`).join('');
  return `${jsonHead(ctx)}${schools}${jsonTail(ctx, sumTotals(parts.map((p) => p.totals)), parts.map((p) => p.packId), parts.length)}`;
}

/** One school of the report: its text exactly as it stands inside `"results": [...]` (one line), and what the tail needs. */
export interface JsonSchoolPart {
  text: string;
  totals: BatchTotals;
  packId: string | null;
}

export function jsonSchoolPart(r: SchoolResult, ctx: FormatContext): JsonSchoolPart {
  const view = viewOf(r, findPack(ctx.ruleSet, r.packId));
  const roles = findingRoles(r, ctx, view);
  const inSchool = schoolRelative(r.dir);
  const evidenceOf = evidenceByCriterion(r.evidence);
  const school = {
    dir: relPath(r.dir, ctx.cwd),
    profile: r.profile,
    packId: r.packId,
    outcome: r.outcome,
    reached: r.reached,
    target: r.profile.target,
    levels: r.levels,
    // Criterion regimes: each criterion's level, the shortest path, the national standard implied, the data by year.
    ...(r.criteria ? { criteria: r.criteria } : {}),
    ...(r.nextLevel ? { nextLevel: r.nextLevel } : {}),
    ...(r.nationalStandard !== undefined ? { nationalStandard: r.nationalStandard } : {}),
    ...(r.indicators ? { indicators: r.indicators } : {}),
    recognition: r.recognition,
    adjustments: r.adjustments,
    // The regime applied (circular chosen by default, not in force on the reference date …): never the verdict.
    ...(r.notices?.length ? { notices: r.notices.map((n) => ({ code: n.code, message: n.message, text: tr(n.message, ctx.lang) })) } : {}),
    // Statements of the pack that apply to the school (transition clauses), with their reference and status.
    ...(r.statements?.length ? { statements: r.statements.map((st) => ({ ...st, text: tr(st.message, ctx.lang) })) } : {}),
    diagnostics: r.diagnostics.map((d) => diagnosticJson(d, ctx, inSchool)),
    findings: view.findings.map((f) => findingJson(f, roles.get(f) ?? 'ignored', ctx, inSchool, evidenceOf)),
  };
  return { text: JSON.stringify(school), totals: batchTotals([r], ctx, [view]), packId: r.packId };
}

/** Everything before the first school: ends with `"results":[`. */
export function jsonHead(ctx: FormatContext): string {
  const head = {
    $schema: REPORT_SCHEMA_ID,
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: 'chuan', version: ctx.toolVersion },
    lang: ctx.lang,
    asOf: ctx.asOf,
    report: { ...(ctx.config.office ? { office: ctx.config.office } : {}), ...(ctx.config.header ? { header: ctx.config.header } : {}) },
    rulePacks: ctx.ruleSet.packs.map((p) => ({ id: p.id, version: p.version, circular: p.circular })),
  };
  return `${JSON.stringify(head).slice(0, -1)},"results":[`;
}

/** Everything after the last school: closes the results, then the summary and the rules of the packs used. */
export function jsonTail(ctx: FormatContext, totals: BatchTotals, packIds: Iterable<string | null>, schools: number): string {
  const used = new Set(packIds);
  const meta = rulesMeta(ctx.ruleSet.packs.filter((p) => used.has(p.id)));
  return `${schools > 0 ? '\n' : ''}],"summary":${JSON.stringify(totals)},"rulesMeta":${JSON.stringify(meta)}}\n`;
}

/** Adds per-school totals (batchTotals of one school each) into the batch's. */
export function sumTotals(all: BatchTotals[]): BatchTotals {
  const sum: BatchTotals = { schools: 0, reached: 0, notReached: 0, invalid: 0, unmet: 0, advisories: 0, beyondTarget: 0, notAssessable: 0, waived: 0, inputErrors: 0, dataRemarks: 0 };
  for (const t of all) for (const key of Object.keys(sum) as (keyof BatchTotals)[]) sum[key] += t[key];
  return sum;
}

type InSchool = (file: string) => string;

/** Paths of the school's files relative to its folder, with '/' (the folder itself is the school's `dir`); a school has few files. */
function schoolRelative(dir: string): InSchool {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  let lastFile = '';
  let lastRel = '';
  return (file) => {
    if (file !== lastFile) {
      lastRel = (file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(dir, file)).split(path.sep).join('/');
      lastFile = file;
    }
    return lastRel;
  };
}

function findingJson(f: Finding, role: FindingRole, ctx: FormatContext, inSchool: InSchool, evidenceOf: (criterion: string) => string[]): JsonFinding {
  // Properties assigned one by one in report order: conditional spreads cost a temporary object each.
  const out: Partial<JsonFinding> = { ruleId: f.ruleId };
  if (f.subject !== undefined) out.subject = f.subject;
  if (f.part !== undefined) out.part = f.part;
  out.status = f.status;
  out.severity = f.severity;
  out.role = role;
  if (f.measure) out.measure = f.measure;
  if (f.gap !== undefined) out.gap = f.gap;
  if (f.unit) out.unit = f.unit;
  if (f.missingData) out.missingData = f.missingData;
  if (f.waiver) out.waiver = f.waiver;
  if (f.wording) out.wording = f.wording;
  if (f.reason) out.reason = f.reason;
  if (f.rating) out.rating = f.rating;
  out.location = locationJson(f.location, inSchool);
  out.message = findingMessage(f, role, ctx);
  const remedy = remedyLine(f, ctx);
  if (remedy) {
    out.remedy = remedy;
    const evidence = evidenceOf(f.criterion);
    if (evidence.length > 0) out.evidence = evidence;
  }
  return out as JsonFinding;
}

/** The register's codes per criterion, computed on first use: only findings that need a remedy ask. */
function evidenceByCriterion(register: EvidenceEntry[]): (criterion: string) => string[] {
  const codes = new Map<string, string[]>();
  return (criterion) => {
    let list = codes.get(criterion);
    if (!list) {
      list = register.filter((e) => e.criteria.includes(criterion)).map((e) => e.code);
      codes.set(criterion, list);
    }
    return list;
  };
}

function diagnosticJson(d: Diagnostic, ctx: FormatContext, inSchool: InSchool): unknown {
  return { code: d.code, severity: d.severity, message: d.message, text: tr(d.message, ctx.lang), location: locationJson(d.location, inSchool) };
}

function locationJson(location: SourceLocation | null, inSchool: InSchool): JsonLocation | null {
  if (!location) return null;
  const out: JsonLocation = { file: inSchool(location.file), line: location.line, column: location.column };
  if (location.endLine !== undefined) out.endLine = location.endLine;
  if (location.endColumn !== undefined) out.endColumn = location.endColumn;
  if (location.path) out.path = location.path;
  return out;
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
        ...(rule.item ? { item: itemMeta(rule.item, pack) } : {}),
      };
    }
  }
  return meta;
}

/** The criterion item a rule stands for, as the report describes it (no check: that is the rule's own metadata). */
function itemMeta(item: NonNullable<Rule['item']>, pack: RulePack): Record<string, unknown> {
  return {
    criterion: item.criterion,
    level: item.level,
    item: item.item,
    computed: item.computed,
    ...(item.conflictOf ? { conflictOf: item.conflictOf } : {}),
    mandatory: pack.criteria.find((c) => c.id === item.criterion)?.mandatory ?? false,
  };
}

const localText = (f: (lang: 'vi' | 'en') => string): LocalText => ({ vi: f('vi'), en: f('en') });
