// The JSON report of a large batch, written while the schools are checked: whichever thread checks a
// school appends its JSON text to that thread's part file, and this thread keeps only where each text
// is, so memory does not grow with the batch. At the end the envelope (summary first, rules metadata
// last) is put around the texts, in input order, in a temporary file renamed over the target: the same
// bytes as jsonFormatter, written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { KnownError } from '../errors.js';
import type { RuleSet } from '../engine/rule-types.js';
import { jsonEnvelope, sumTotals } from '../report/formatters/json.js';
import type { OverlayChange } from '../types.js';
import { runBatch, type BatchOptions } from './pool.js';
import { jsonContext, type JsonPayload, type JsonTaskFormat, type SchoolVerdict } from './task.js';

export interface JsonReportTarget {
  /** Absolute path of the report. */
  file: string;
  format: JsonTaskFormat;
  asOf: string;
  /** The rule set and overlay changes of this thread, for the envelope (rules metadata). */
  ruleSet: RuleSet;
  overlayChanges: OverlayChange[];
}

/** Bytes gathered before each write of the final file. */
const CHUNK_BYTES = 64 << 10;

/** Checks the schools, writes the JSON report to `target.file`, and returns every school's verdict (for the exit code). */
export async function writeJsonReport(dirs: string[], batch: BatchOptions, target: JsonReportTarget): Promise<SchoolVerdict[]> {
  const tmp = path.join(path.dirname(target.file), `.chuan-tmp-${process.pid}-${Date.now()}-${path.basename(target.file)}`);
  const where: Pick<JsonPayload, 'file' | 'offset' | 'length'>[] = [];
  const verdicts: SchoolVerdict[] = [];
  const packIds = new Set<string | null>();
  // Every thread that may write a part file: this one (id 0) and each worker started.
  const threads = [threadId];
  let totals = sumTotals([]);
  let created = false;
  try {
    // The folder must exist and be writable before any school is checked.
    fs.closeSync(fs.openSync(tmp, 'wx'));
    created = true;
    await runBatch(dirs, { ...batch, onWorker: (id) => threads.push(id) }, { kind: 'json', format: target.format, parts: `${tmp}.part` }, (_index, payload) => {
      const school = payload as JsonPayload;
      where.push({ file: school.file, offset: school.offset, length: school.length });
      totals = sumTotals([totals, school.totals]);
      packIds.add(school.packId);
      verdicts.push(school.verdict);
    });
    const ctx = jsonContext(target.format, { asOf: target.asOf, ruleSet: target.ruleSet, overlayChanges: target.overlayChanges });
    const { head, tail } = jsonEnvelope(ctx, totals, packIds, verdicts.length);
    assemble(tmp, head, where, tail);
    fs.renameSync(tmp, target.file);
  } catch (error) {
    if (error instanceof KnownError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new KnownError({ vi: `không ghi được tệp ${target.file} (${code}); kiểm tra thư mục đã tồn tại và có quyền ghi`, en: `cannot write ${target.file} (${code}); check that the folder exists and is writable` });
  } finally {
    // Only files this run created, by name: the folder itself is never listed.
    for (const id of threads) fs.rmSync(`${tmp}.part-${id}`, { force: true });
    if (created) fs.rmSync(tmp, { force: true });
  }
  return verdicts;
}

/** head, then each school's text from its part file (",\n" between schools, "\n" before the first), then tail. */
function assemble(file: string, head: string, where: Pick<JsonPayload, 'file' | 'offset' | 'length'>[], tail: string): void {
  const out = fs.openSync(file, 'w');
  const parts = new Map<string, number>();
  // Small enough to stay in the CPU cache between read and write: copying through an 8 MB buffer is ~6× slower.
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  const flush = (): void => {
    writeAll(out, buffer.subarray(0, used));
    used = 0;
  };
  const put = (bytes: Uint8Array): void => {
    for (let at = 0; at < bytes.length; ) {
      if (used === buffer.length) flush();
      const n = Math.min(bytes.length - at, buffer.length - used);
      buffer.set(bytes.subarray(at, at + n), used);
      used += n;
      at += n;
    }
  };
  try {
    put(Buffer.from(head, 'utf8'));
    const comma = Buffer.from(',\n');
    where.forEach((w, i) => {
      put(i === 0 ? comma.subarray(1) : comma);
      let fd = parts.get(w.file);
      if (fd === undefined) {
        fd = fs.openSync(w.file, 'r');
        parts.set(w.file, fd);
      }
      for (let at = 0; at < w.length; ) {
        if (used === buffer.length) flush();
        const n = Math.min(w.length - at, buffer.length - used);
        readExactly(fd, buffer.subarray(used, used + n), w.offset + at);
        used += n;
        at += n;
      }
    });
    put(Buffer.from(tail, 'utf8'));
    flush();
  } finally {
    for (const fd of parts.values()) fs.closeSync(fd);
    fs.closeSync(out);
  }
}

function readExactly(fd: number, into: Uint8Array, position: number): Uint8Array {
  for (let at = 0; at < into.length; ) {
    const n = fs.readSync(fd, into, at, into.length - at, position + at);
    if (n === 0) throw new Error('part file shorter than recorded');
    at += n;
  }
  return into;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
