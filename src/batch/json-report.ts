// The JSON report of a large batch, written while the schools are checked: each school's JSON text
// goes to a side file as soon as it and every school before it are done, so memory does not grow with
// the batch. At the end the envelope (summary first, rules metadata last) is put around it in a
// temporary file that is renamed over the target: the same bytes as jsonFormatter, written atomically.
import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';
import type { RuleSet } from '../engine/rule-types.js';
import { jsonEnvelope, sumTotals } from '../report/formatters/json.js';
import type { BatchTotals } from '../report/machine.js';
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

/** Schools' bytes are handed to the file in pieces of about this size. */
const FLUSH_BYTES = 1 << 20;
const COPY_BYTES = 8 << 20;

/** Checks the schools, writes the JSON report to `target.file`, and returns every school's verdict (for the exit code). */
export async function writeJsonReport(dirs: string[], batch: BatchOptions, target: JsonReportTarget): Promise<SchoolVerdict[]> {
  const stamp = `${process.pid}-${Date.now()}`;
  const dir = path.dirname(target.file);
  const spill = path.join(dir, `.chuan-tmp-${stamp}-${path.basename(target.file)}.part`);
  const tmp = path.join(dir, `.chuan-tmp-${stamp}-${path.basename(target.file)}`);
  const verdicts: SchoolVerdict[] = [];
  const packIds = new Set<string | null>();
  let totals: BatchTotals = sumTotals([]);
  let fd: number | null = null;
  try {
    fd = fs.openSync(spill, 'wx');
    const out = fd;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    const flush = (): void => {
      if (pending.length > 0) writeAllv(out, pending);
      pending = [];
      pendingBytes = 0;
    };
    await runBatch(dirs, batch, { kind: 'json', format: target.format }, (_index, payload) => {
      const school = payload as JsonPayload;
      pending.push(school.bytes);
      pendingBytes += school.bytes.length;
      if (pendingBytes >= FLUSH_BYTES) flush();
      totals = sumTotals([totals, school.totals]);
      packIds.add(school.packId);
      verdicts.push(school.verdict);
    });
    flush();
    fs.closeSync(out);
    fd = null;
    const ctx = jsonContext(target.format, { asOf: target.asOf, ruleSet: target.ruleSet, overlayChanges: target.overlayChanges });
    const { head, tail } = jsonEnvelope(ctx, totals, packIds, verdicts.length);
    assemble(tmp, head, spill, tail);
    fs.renameSync(tmp, target.file);
  } catch (error) {
    if (error instanceof KnownError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new KnownError({ vi: `không ghi được tệp ${target.file} (${code}); kiểm tra thư mục đã tồn tại và có quyền ghi`, en: `cannot write ${target.file} (${code}); check that the folder exists and is writable` });
  } finally {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(spill, { force: true });
    fs.rmSync(tmp, { force: true });
  }
  return verdicts;
}

/** head + the schools' text + tail, into a new file. */
function assemble(file: string, head: string, schools: string, tail: string): void {
  const out = fs.openSync(file, 'wx');
  const from = fs.openSync(schools, 'r');
  try {
    writeAll(out, Buffer.from(head, 'utf8'));
    const buffer = Buffer.allocUnsafe(COPY_BYTES);
    for (let n = fs.readSync(from, buffer, 0, COPY_BYTES, null); n > 0; n = fs.readSync(from, buffer, 0, COPY_BYTES, null)) {
      writeAll(out, buffer.subarray(0, n));
    }
    writeAll(out, Buffer.from(tail, 'utf8'));
  } finally {
    fs.closeSync(from);
    fs.closeSync(out);
  }
}

function writeAllv(fd: number, chunks: Uint8Array[]): void {
  let rest = chunks;
  while (rest.length > 0) {
    let written = fs.writevSync(fd, rest);
    let i = 0;
    while (i < rest.length && written >= rest[i]!.length) written -= rest[i++]!.length;
    rest = rest.slice(i);
    if (written > 0) rest[0] = rest[0]!.subarray(written);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
}
