// What a batch hands back per school: the whole result, or (for a JSON report written as the schools
// are checked) the school's finished JSON text plus the few facts the summary and the exit code need. The
// thread that checked the school formats it and the main thread encodes and writes it in input order
// (batch/json-report.ts): posting a string costs a worker less than encoding it and transferring the bytes.
import type { CheckOptions } from '../check/check-school.js';
import { readEditorSchema } from '../init/editor-schemas.js';
import type { FormatContext, ReportConfig } from '../report/context.js';
import { jsonSchoolPart, type JsonSchoolPart } from '../report/formatters/json.js';
import type { Lang, SchoolResult } from '../types.js';

/** The parts of the report context that are plain data (the rule set is rebuilt where the school is checked). */
export interface JsonTaskFormat {
  lang: Lang;
  cwd: string;
  toolVersion: string;
  report: ReportConfig;
}

export type BatchTask = { kind: 'result' } | { kind: 'json'; format: JsonTaskFormat };

/** What the exit code needs from a school. */
export interface SchoolVerdict {
  outcome: SchoolResult['outcome'];
  /** An unmet advisory (warning) rule: exit 1 under --fail-on warning. */
  unmetWarning: boolean;
  /** ma_truong and nam_hoc, for the warning of a code two folders share (batch/duplicate-codes.ts). */
  code: string | null;
  schoolYear: string | null;
}

export interface JsonPayload {
  /**
   * The school's JSON text as it stands inside `"results": [...]`; its UTF-8 bytes while it waits for an
   * earlier school (parked-texts.ts).
   */
  text: string | Buffer;
  totals: JsonSchoolPart['totals'];
  packId: string | null;
  verdict: SchoolVerdict;
}

export type TaskPayload = SchoolResult | JsonPayload;

/**
 * Turns a school's result into the task's payload, with the context of the thread that checked it
 * (the same rule files and configuration, hence the same text as the main thread would write).
 */
export function payloadMaker(task: BatchTask, options: CheckOptions): (result: SchoolResult) => TaskPayload {
  if (task.kind === 'result') return (result) => result;
  const ctx = jsonContext(task.format, options);
  return (result) => {
    const part = jsonSchoolPart(result, ctx);
    return { text: part.text, totals: part.totals, packId: part.packId, verdict: verdictOf(result) };
  };
}

export function jsonContext(format: JsonTaskFormat, options: CheckOptions): FormatContext {
  if (!options.ruleSet || !options.asOf) throw new Error('jsonContext needs prepared check options');
  return {
    lang: format.lang,
    color: false,
    cwd: format.cwd,
    asOf: options.asOf,
    toolVersion: format.toolVersion,
    ruleSet: options.ruleSet,
    config: format.report,
    overlayChanges: options.overlayChanges ?? [],
    schemas: readEditorSchema,
  };
}

export function verdictOf(result: SchoolResult): SchoolVerdict {
  return { outcome: result.outcome, unmetWarning: result.findings.some((f) => f.severity === 'warning' && f.status === 'unmet'), code: result.profile.code, schoolYear: result.profile.schoolYear };
}
