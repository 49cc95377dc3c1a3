import type { Diagnostic, Finding, ItemRating, SourceLocation } from '../types.js';
import { readRating, standardRoot } from './checks/self-rated.js';
import { runCheck } from './checks/index.js';
import { evaluateCondition } from './conditions.js';
import { sharedRef, type EvalContext } from './context.js';
import type { DataRef, Outcome } from './outcome.js';
import type { Rule, RulePack } from './rule-types.js';
import { inWindow, versionAt } from './wordings.js';

export type Locator = (ref: DataRef | undefined) => SourceLocation | null;

/** Runs every rule of the pack over one school's data; plain findings out, one per rule (or per failing element). */
export function evaluatePack(pack: RulePack, ctx: EvalContext, locateRef: Locator): { findings: Finding[]; remarks: Diagnostic[] } {
  const findings: Finding[] = [];
  const remarks: Diagnostic[] = [];
  // One context for the school, its home moved from rule to rule (checks never keep a context).
  const ruleCtx: EvalContext = { ...ctx };
  for (const rule of pack.rules) {
    if (rule.item) {
      if (!rule.item.conflictOf) evaluateItem(rule, pack, ruleCtx, locateRef, findings);
      continue;
    }
    const refs = standardRefs(rule.standard);
    ruleCtx.home = refs.home;
    const outcome = applicability(rule, ruleCtx) ?? runCheck(rule.check, ruleCtx);
    if (outcome.remarks) {
      for (const remark of outcome.remarks) {
        remarks.push({ code: remark.code, severity: 'warning', message: remark.message, location: locateRef(remark.ref) });
      }
    }
    let failing = 0;
    if (outcome.items) {
      for (const item of outcome.items) {
        if (item.status !== 'unmet') continue;
        findings.push(toFinding(rule, item, refs.file, locateRef));
        failing++;
      }
    }
    if (failing === 0) findings.push(toFinding(rule, outcome, refs.file, locateRef));
  }
  return { findings, remarks };
}

/**
 * A criterion item: one finding per part of a multi-level school (else one), met ones included, so the
 * criterion levels can be counted. A computed item whose self-rating says otherwise gets a second finding
 * on its companion rule: the level follows the data, and the contradiction is reported, never hidden.
 */
function evaluateItem(rule: Rule, pack: RulePack, ctx: EvalContext, locateRef: Locator, findings: Finding[]): void {
  const date = ctx.date;
  // An item outside its period (repealed, or added by a later amendment) does not exist on that date.
  if (date !== undefined && rule.inForce && !rule.inForce.every((w) => inWindow(w, date))) return;
  const refs = standardRefs(rule.standard);
  ctx.home = refs.home;
  const version = date !== undefined && rule.versions ? versionAt(rule.versions, date) : undefined;
  const check = version?.check ?? rule.check;
  const dataCheck = version ? version.dataCheck : rule.item!.dataCheck;
  const suspended = date !== undefined ? rule.notApplicable?.find((w) => inWindow(w, date)) : undefined;
  for (const part of ctx.parts ?? [undefined]) {
    if (part === undefined) delete ctx.part;
    else ctx.part = part;
    const outcome = suspended ? { status: 'not_applicable' as const } : (applicability(rule, ctx) ?? runCheck(check, ctx));
    const finding = toFinding(rule, outcome, refs.file, locateRef);
    if (part !== undefined) finding.part = part;
    if (version) finding.wording = version.document ? { from: version.from, document: version.document } : { from: version.from };
    if (suspended) finding.reason = { text: suspended.reason, reference: suspended.reference };
    if (rule.item!.computed && outcome.status !== 'not_applicable') {
      const { rating, path } = readRating(rule.item!, ctx);
      // A mixed item is contradicted by its data part only (the description is the school's to rate).
      const data = dataCheck ? runCheck(dataCheck, ctx) : outcome;
      const conflict = ratingConflict(rating.stated, data.status);
      if (conflict) {
        rating.conflict = conflict;
        const companion = pack.rules.find((r) => r.item?.conflictOf === rule.id)!;
        // The contradiction carries what the data measured, so its remedy can name the numbers.
        const extra = toFinding(companion, { status: 'unmet', ref: { root: standardRoot(rule.criterion), path }, ...measured(data) }, refs.file, locateRef);
        extra.rating = rating;
        if (part !== undefined) extra.part = part;
        if (version) extra.wording = finding.wording!;
        findings.push(finding, extra);
        finding.rating = rating;
        continue;
      }
      if (rating.stated !== 'chua_danh_gia') finding.rating = rating;
    }
    findings.push(finding);
  }
  delete ctx.part;
}

function measured(outcome: Outcome): Pick<Outcome, 'measure' | 'gap' | 'unit' | 'subject'> {
  const out: Pick<Outcome, 'measure' | 'gap' | 'unit' | 'subject'> = {};
  if (outcome.measure) out.measure = outcome.measure;
  if (outcome.gap !== undefined) out.gap = outcome.gap;
  if (outcome.unit) out.unit = outcome.unit;
  if (outcome.subject) out.subject = outcome.subject;
  return out;
}

function ratingConflict(stated: string, computed: string): ItemRating['conflict'] | undefined {
  if (stated === 'dat' && computed === 'unmet') return 'rated_met_computed_unmet';
  if (stated === 'chua_dat' && computed === 'met') return 'rated_unmet_computed_met';
  return undefined;
}

interface StandardRefs {
  /** The standard's file, where a finding without a data reference points. */
  file: DataRef;
  /** Its record list, where a missing record should be added. */
  home: DataRef;
}

const refsByStandard = new Map<number, StandardRefs>();

function standardRefs(standard: number): StandardRefs {
  let refs = refsByStandard.get(standard);
  if (!refs) {
    refs = { file: sharedRef(`tc${standard}`, []), home: sharedRef(`tc${standard}`, ['ho_so']) };
    refsByStandard.set(standard, refs);
  }
  return refs;
}

/** `when` false: not applicable; `when` on absent data: not assessable; otherwise undefined (run the check). */
function applicability(rule: Rule, ctx: EvalContext): Outcome | undefined {
  if (!rule.when) return undefined;
  const missing: string[] = [];
  const truth = evaluateCondition(rule.when, ctx, missing);
  if (truth === true) return undefined;
  if (truth === false) return { status: 'not_applicable' };
  return { status: 'not_assessable', missingData: missing };
}

function toFinding(rule: Rule, outcome: Outcome, fileRef: DataRef, locateRef: Locator): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    status: outcome.status,
    severity: rule.severity,
    level: rule.level,
    standard: rule.standard,
    criterion: rule.criterion,
    location: locateRef(outcome.ref ?? fileRef),
  };
  if (outcome.measure) finding.measure = outcome.measure;
  if (outcome.rating) finding.rating = outcome.rating;
  // Numbers too large to be real data (1e307 pupils) make a shortfall infinite, which no report can show.
  if (outcome.gap !== undefined && Number.isFinite(outcome.gap)) finding.gap = outcome.gap;
  if (outcome.unit) finding.unit = outcome.unit;
  if (outcome.subject) finding.subject = outcome.subject;
  if (outcome.missingData?.length) finding.missingData = distinct(outcome.missingData);
  return finding;
}

/** A new array without repeats, first occurrence first (lists here hold a few paths). */
function distinct(values: string[]): string[] {
  const out: string[] = [];
  for (const value of values) if (!out.includes(value)) out.push(value);
  return out;
}
