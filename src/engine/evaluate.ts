import type { Diagnostic, Finding, SourceLocation } from '../types.js';
import { runCheck } from './checks/index.js';
import { evaluateCondition } from './conditions.js';
import type { EvalContext } from './context.js';
import type { DataRef, Outcome } from './outcome.js';
import type { Rule, RulePack } from './rule-types.js';

export type Locator = (ref: DataRef | undefined) => SourceLocation | null;

/** Runs every rule of the pack over one school's data; plain findings out, one per rule (or per failing element). */
export function evaluatePack(pack: RulePack, ctx: EvalContext, locateRef: Locator): { findings: Finding[]; remarks: Diagnostic[] } {
  const findings: Finding[] = [];
  const remarks: Diagnostic[] = [];
  for (const rule of pack.rules) {
    const ruleCtx: EvalContext = { ...ctx, home: { root: `tc${rule.standard}`, path: ['ho_so'] } };
    const outcome = applicability(rule, ruleCtx) ?? runCheck(rule.check, ruleCtx);
    for (const remark of outcome.remarks ?? []) {
      remarks.push({ code: remark.code, severity: 'warning', message: remark.message, location: locateRef(remark.ref) });
    }
    const failing = outcome.items?.filter((item) => item.status === 'unmet') ?? [];
    if (failing.length > 0) {
      for (const item of failing) findings.push(toFinding(rule, item, locateRef));
    } else {
      findings.push(toFinding(rule, outcome, locateRef));
    }
  }
  return { findings, remarks };
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

function toFinding(rule: Rule, outcome: Outcome, locateRef: Locator): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    status: outcome.status,
    severity: rule.severity,
    level: rule.level,
    standard: rule.standard,
    criterion: rule.criterion,
    location: locateRef(outcome.ref ?? { root: `tc${rule.standard}`, path: [] }),
  };
  if (outcome.measure) finding.measure = outcome.measure;
  if (outcome.gap !== undefined) finding.gap = outcome.gap;
  if (outcome.unit) finding.unit = outcome.unit;
  if (outcome.subject) finding.subject = outcome.subject;
  if (outcome.missingData?.length) finding.missingData = [...new Set(outcome.missingData)];
  return finding;
}
