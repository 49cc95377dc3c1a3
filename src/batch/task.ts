// What a batch hands back per school: the whole result, or (for a JSON report written as the schools
// are checked) where the school's finished JSON text was written plus the few facts the envelope and the
// exit code need. The thread that checked the school formats it and appends it to its own part file, so
// the main thread only collects offsets and, at the end, puts the parts in order (batch/json-report.ts).
import fs from 'node:fs';
import { threadId } from 'node:worker_threads';
import type { CheckOptions } from '../check/check-school.js';
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

export type BatchTask =
  | { kind: 'result' }
  /** `parts`: path prefix of the part files; each thread appends its own thread id. */
  | { kind: 'json'; format: JsonTaskFormat; parts: string };

/** What the exit code needs from a school. */
export interface SchoolVerdict {
  outcome: SchoolResult['outcome'];
  /** An unmet advisory (warning) rule: exit 1 under --fail-on warning. */
  unmetWarning: boolean;
}

export interface JsonPayload {
  /** The part file holding the school's UTF-8 JSON text (as inside `"results": [...]`, no separator), and where. */
  file: string;
  offset: number;
  length: number;
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
  const out = new PartFile(`${task.parts}-${threadId}`);
  return (result) => {
    const part = jsonSchoolPart(result, ctx);
    const { offset, length } = out.append(part.pieces);
    return { file: out.file, offset, length, totals: part.totals, packId: part.packId, verdict: verdictOf(result) };
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
  };
}

export function verdictOf(result: SchoolResult): SchoolVerdict {
  return { outcome: result.outcome, unmetWarning: result.findings.some((f) => f.severity === 'warning' && f.status === 'unmet') };
}

const utf8 = new TextEncoder();

/**
 * One thread's part file: texts appended as UTF-8 through one reused buffer. Opened for each append and
 * closed again, so no descriptor outlives a school, whatever happens to the thread afterwards.
 */
class PartFile {
  private size = 0;
  private buffer = new Uint8Array(1 << 18);

  constructor(readonly file: string) {}

  append(pieces: string[]): { offset: number; length: number } {
    let chars = 0;
    for (const piece of pieces) chars += piece.length;
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (this.buffer.length < chars * 3) this.buffer = new Uint8Array(chars * 3);
    let written = 0;
    for (const piece of pieces) written += utf8.encodeInto(piece, this.buffer.subarray(written)).written;
    const fd = fs.openSync(this.file, this.size === 0 ? 'wx' : 'a');
    try {
      for (let at = 0; at < written; ) at += fs.writeSync(fd, this.buffer, at, written - at);
    } finally {
      fs.closeSync(fd);
    }
    const offset = this.size;
    this.size += written;
    return { offset, length: written };
  }
}
