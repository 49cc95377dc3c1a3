// Shared helpers of the machine formats (json, junit, sarif, github): relative paths, stable keys,
// the role of each finding, one-line messages, batch totals. Pure functions of the results.
import path from 'node:path';
import type { Rule, RulePack } from '../engine/rule-types.js';
import type { Diagnostic, Finding, SchoolResult, SourceLocation } from '../types.js';
import { findPack, findRule, tr, type FormatContext } from './context.js';
import { compareStrings } from '../discover/school-folders.js';
import { sortFindings, viewOf, type SchoolView } from './summary.js';
import { dataHintLines, findingHints } from './data-hints.js';
import { partSuffix, ratingText } from './rating-text.js';
import { dateText, gapText, measuredText, referenceText, remedyText, requiredText, words } from './text.js';

/** A path relative to the working directory with forward slashes ("../x" when outside it); never machine-specific. */
export function relPath(file: string, cwd: string): string {
  // A batch report names the same few files once per finding: remember the last answers.
  if (cwd !== relPathsCwd || relPaths.size >= 64) {
    relPaths.clear();
    relPathsCwd = cwd;
  }
  const known = relPaths.get(file);
  if (known !== undefined) return known;
  const rel = path.relative(cwd, file);
  const result = rel === '' ? '.' : rel.split(path.sep).join('/');
  relPaths.set(file, result);
  return result;
}

const relPaths = new Map<string, string>();
let relPathsCwd = '';

/** True when relPath could not make the path relative (another drive on Windows). */
export const isAbsoluteRel = (rel: string): boolean => path.isAbsolute(rel) || /^[A-Za-z]:\//.test(rel);

/**
 * What a finding means for the school's target, the same in every machine format:
 * gap (unmet error rule up to the target level), advisory (unmet warning rule), beyond (unmet above the target),
 * missing (not assessable where it matters), not_rated (a criterion item the school has not rated yet, up to
 * the target level: it blocks the level like missing data), waived, met, skipped (not applicable, or not
 * assessable or not rated where it does not matter).
 */
export type FindingRole = 'gap' | 'advisory' | 'beyond' | 'missing' | 'not_rated' | 'waived' | 'met' | 'not_applicable' | 'ignored';

export function findingRoles(result: SchoolResult, ctx: FormatContext, view: SchoolView = viewOf(result, findPack(ctx.ruleSet, result.packId))): Map<Finding, FindingRole> {
  const roles = new Map<Finding, FindingRole>();
  const mark = (list: Finding[], role: FindingRole) => list.forEach((f) => roles.set(f, role));
  for (const f of result.findings) {
    roles.set(f, f.status === 'met' ? 'met' : f.status === 'not_applicable' ? 'not_applicable' : f.status === 'waived' ? 'waived' : 'ignored');
  }
  mark(view.gaps, 'gap');
  mark(view.advisories, 'advisory');
  mark(view.beyondTarget, 'beyond');
  mark(view.notAssessable, 'missing');
  mark(view.notRated, 'not_rated');
  return roles;
}

/** Findings in report order (standard, criterion, rule, subject), independent of the machine's locale. */
export function sortedFindings(result: SchoolResult, ctx: FormatContext): Finding[] {
  return sortFindings(result.findings, findPack(ctx.ruleSet, result.packId));
}

/** Code-point order, independent of the machine's locale. */
export const cmp = compareStrings;

/** The rule of a finding and its pack; undefined only for a finding of an unknown rule (never from the engine). */
export function ruleOf(f: Finding, ctx: FormatContext): { rule: Rule; pack: RulePack } | undefined {
  return findRule(ctx.ruleSet, f.ruleId);
}

const vi = (ctx: FormatContext) => ctx.lang === 'vi';

/** One line naming the indicator: "2.2 Title — subject †" ("2.2 (cấp THCS) Title" for one part of a multi-level school). */
export function findingTitle(f: Finding, ctx: FormatContext): string {
  const found = ruleOf(f, ctx);
  if (!found) return oneLine(`${f.criterion}${partSuffix(f, ctx.lang)} ${f.ruleId}${f.subject ? ` — ${f.subject}` : ''}`);
  if (f.subject || f.part) return titleLine(`${f.criterion}${partSuffix(f, ctx.lang)}`, tr(found.rule.title, ctx.lang), f.subject, found.rule.verification);
  // Most findings have no subject: their title is the same for every school.
  return (linesOf(found.rule)[`${ctx.lang}-title`] ??= titleLine(f.criterion, tr(found.rule.title, ctx.lang), undefined, found.rule.verification));
}

/** Lines that read the same for a rule in every school (its title, its met line), built once per language. */
const ruleLines = new WeakMap<Rule, Record<string, string>>();

function linesOf(rule: Rule): Record<string, string> {
  let lines = ruleLines.get(rule);
  if (!lines) ruleLines.set(rule, (lines = {}));
  return lines;
}

function titleLine(criterion: string, title: string, subject: string | undefined, verification: Rule['verification']): string {
  return oneLine(`${criterion} ${title}${subject ? ` — ${subject}` : ''}${verification === 'unverified' ? ' †' : ''}`);
}

/** What was measured against what is required, and the shortfall: "60 % (15/25) — yêu cầu ≥ 70 % — cần thêm 3 giáo viên". */
export function measureLine(f: Finding, ctx: FormatContext): string | null {
  if (!f.measure) return null;
  const vocab = ctx.ruleSet.vocabulary;
  const gap = gapText(f, ctx.lang, vocab);
  return oneLine(`${measuredText(f.measure, ctx.lang, f.unit, vocab)} — ${vi(ctx) ? 'yêu cầu' : 'required'} ${requiredText(f.measure, ctx.lang, f.unit, vocab)}${gap ? ` — ${gap}` : ''}`);
}

/** The one-line status message of a finding, in the report's language: "2.2 Title: chưa đạt — 60 % (15/25) — …". */
export function findingMessage(f: Finding, role: FindingRole, ctx: FormatContext): string {
  const found = ruleOf(f, ctx);
  if ((role !== 'met' && role !== 'not_applicable') || f.subject || f.part || !found) return `${findingTitle(f, ctx)}: ${findingStatus(f, role, ctx)}`;
  // A met or not-applicable indicator reads the same in every school: build its line once.
  return (linesOf(found.rule)[`${ctx.lang}-${role}`] ??= `${findingTitle(f, ctx)}: ${findingStatus(f, role, ctx)}`);
}

/** The status part alone ("chưa đạt — 60 % (15/25) — yêu cầu ≥ 70 % — cần thêm 3 giáo viên"), for formats that show the title apart. */
export function findingStatus(f: Finding, role: FindingRole, ctx: FormatContext): string {
  const measure = measureLine(f, ctx);
  const v = vi(ctx);
  // What the school stated for a criterion item, and its evidence (why a rated item does not count).
  const stated = ratingText(f.rating, ctx.lang);
  const detail = [measure, stated ? oneLine(stated) : null].filter((x): x is string => x !== null).map((x) => ` — ${x}`).join('');
  switch (role) {
    case 'gap':
      return `${tr(words.status.unmet, ctx.lang)}${detail}`;
    case 'advisory':
      return `${tr(words.advisory, ctx.lang)}${detail}`;
    case 'beyond':
      return `${tr(words.status.unmet, ctx.lang)} (${v ? 'mức cao hơn mức đích' : 'above the target level'})${detail}`;
    case 'not_rated':
      return `${tr(words.status.not_rated, ctx.lang)} — ${v ? 'ghi danh_gia (dat hoặc chua_dat) và mã minh chứng' : 'record danh_gia (dat or chua_dat) and the evidence codes'}`;
    case 'missing':
    case 'ignored': {
      if (f.status === 'not_rated') return `${tr(words.status.not_rated, ctx.lang)} (${v ? 'mức cao hơn mức đích' : 'above the target level'})`;
      const hints = dataHintLines(findingHints(f, ctx));
      return `${tr(words.status.not_assessable, ctx.lang)}${hints.length > 0 ? ` — ${oneLine(hints.join('; '))}` : f.missingData?.length ? ` — ${v ? 'cần khai báo' : 'provide'}: ${f.missingData.join(', ')}` : ''}`;
    }
    case 'waived':
      return `${tr(words.status.waived, ctx.lang)}${f.waiver ? ` — ${waiverText(f, ctx)}` : ''}`;
    case 'not_applicable':
      return tr(words.status.not_applicable, ctx.lang);
    case 'met':
      return tr(words.status.met, ctx.lang);
  }
}

/** What a not-assessable finding asks the school to add (data-hints.ts, where the human reports take it from too). */
export { findingHints };

export function waiverText(f: Finding, ctx: FormatContext): string {
  const w = f.waiver;
  if (!w) return '';
  const v = vi(ctx);
  return oneLine(`${w.reason} (${v ? 'đến hết ngày' : 'until'} ${dateText(w.expires, ctx.lang)}${w.approvedBy ? `, ${v ? 'phê duyệt' : 'approved by'}: ${w.approvedBy}` : ''})`);
}

/** Remedy with the numbers filled in, or null for a finding that needs none. */
export function remedyLine(f: Finding, ctx: FormatContext): string | null {
  const found = ruleOf(f, ctx);
  if (!found || (f.status !== 'unmet' && f.status !== 'waived')) return null;
  return oneLine(remedyText(found.rule, f, ctx));
}

export function referenceLine(f: Finding, ctx: FormatContext): string | null {
  const found = ruleOf(f, ctx);
  return found ? oneLine(referenceText(found.rule, found.pack, ctx.lang)) : null;
}

export const unverifiedNote = (ctx: FormatContext): string => tr(words.unverified, ctx.lang);

/** A finding in full, one fact a line: location, message, remedy, legal reference with the rule id, † note. */
export function findingDetail(f: Finding, role: FindingRole, ctx: FormatContext): string {
  const v = vi(ctx);
  const remedy = remedyLine(f, ctx);
  const reference = referenceLine(f, ctx);
  const found = ruleOf(f, ctx);
  return [
    locationLine(f.location, ctx),
    findingMessage(f, role, ctx),
    remedy ? `${v ? 'Giải pháp' : 'Remedy'}: ${remedy}` : null,
    reference ? `${v ? 'Căn cứ' : 'Reference'}: ${reference} (${f.ruleId})` : null,
    found?.rule.verification === 'unverified' ? `† ${unverifiedNote(ctx)}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

export function diagnosticMessage(d: Diagnostic, ctx: FormatContext): string {
  return oneLine(tr(d.message, ctx.lang));
}

/** Location as "file:line:col" relative to cwd with forward slashes. */
export function locationLine(location: SourceLocation | null, ctx: FormatContext): string | null {
  return location ? `${relPath(location.file, ctx.cwd)}:${location.line}:${location.column}` : null;
}

/**
 * A unique, stable key per school: its folder relative to cwd (forward slashes). Two results for the
 * same folder (the same path given twice) get "#2", "#3" so keys stay unique.
 */
export function schoolKeys(results: SchoolResult[], cwd: string, normalise: (rel: string) => string = (s) => s): string[] {
  const seen = new Map<string, number>();
  return results.map((r) => {
    const base = normalise(relPath(r.dir, cwd));
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export interface BatchTotals {
  schools: number;
  reached: number;
  notReached: number;
  invalid: number;
  /** Unmet indicators up to each school's target level. */
  unmet: number;
  advisories: number;
  beyondTarget: number;
  notAssessable: number;
  waived: number;
  inputErrors: number;
  dataRemarks: number;
}

export function batchTotals(results: SchoolResult[], ctx: FormatContext, views?: SchoolView[]): BatchTotals {
  const totals: BatchTotals = { schools: results.length, reached: 0, notReached: 0, invalid: 0, unmet: 0, advisories: 0, beyondTarget: 0, notAssessable: 0, waived: 0, inputErrors: 0, dataRemarks: 0 };
  for (const [i, r] of results.entries()) {
    if (r.outcome === 'reached') totals.reached += 1;
    else if (r.outcome === 'not_reached') totals.notReached += 1;
    else totals.invalid += 1;
    const view = views?.[i] ?? viewOf(r, findPack(ctx.ruleSet, r.packId));
    totals.unmet += view.gaps.length;
    totals.advisories += view.advisories.length;
    totals.beyondTarget += view.beyondTarget.length;
    totals.notAssessable += view.notAssessable.length;
    totals.waived += view.waived.length;
    totals.inputErrors += r.diagnostics.filter((d) => d.severity === 'error').length;
    totals.dataRemarks += r.diagnostics.filter((d) => d.severity === 'warning').length;
  }
  return totals;
}

/** Packs used by at least one school, in rule-set order; their rules are the ones the reports describe. */
export function packsUsed(results: SchoolResult[], ctx: FormatContext): RulePack[] {
  const ids = new Set(results.map((r) => r.packId).filter((id): id is string => id !== null));
  return ctx.ruleSet.packs.filter((p) => ids.has(p.id));
}

/** Lone UTF-16 surrogates replaced by U+FFFD, so the text can be percent-encoded (String#toWellFormed). */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Data from a school's files on one line: no newline or control character can forge output. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
