// The JSON report of a large batch, written while the schools are checked: whichever thread checks a
// school formats it and hands over its UTF-8 text, and this thread writes the texts in input order into a
// temporary file, then the summary and rules metadata, then renames it over the target. Nothing of a
// written school stays in memory, each byte is written once, and the bytes are those of jsonFormatter.
import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';
import type { RuleSet } from '../engine/rule-types.js';
import { jsonHead, jsonTail, sumTotals } from '../report/formatters/json.js';
import type { OverlayChange } from '../types.js';
import { runBatch, type BatchOptions } from './pool.js';
import { ParkedTexts } from './parked-texts.js';
import { jsonContext, type JsonPayload, type TaskPayload, type JsonTaskFormat, type SchoolVerdict } from './task.js';

export interface JsonReportTarget {
  /** Absolute path of the report. */
  file: string;
  format: JsonTaskFormat;
  asOf: string;
  /** The rule set and overlay changes of this thread, for the head and tail (rules metadata). */
  ruleSet: RuleSet;
  overlayChanges: OverlayChange[];
}

/** Checks the schools, writes the JSON report to `target.file`, and returns every school's verdict (for the exit code). */
export async function writeJsonReport(dirs: string[], batch: BatchOptions, target: JsonReportTarget): Promise<SchoolVerdict[]> {
  const tmp = path.join(path.dirname(target.file), `.chuan-tmp-${process.pid}-${Date.now()}-${path.basename(target.file)}`);
  const ctx = jsonContext(target.format, { asOf: target.asOf, ruleSet: target.ruleSet, overlayChanges: target.overlayChanges });
  const verdicts: SchoolVerdict[] = [];
  const packIds = new Set<string | null>();
  let totals = sumTotals([]);
  let out: BufferedFile | null = null;
  try {
    // The folder must exist and be writable before any school is checked.
    out = new BufferedFile(tmp);
    const file = out;
    file.write(jsonHead(ctx));
    const parked = new ParkedTexts();
    const deliver = (index: number, payload: TaskPayload): void => {
      const school = payload as JsonPayload;
      file.write(index === 0 ? '\n' : ',\n');
      file.write(school.text);
      if (typeof school.text !== 'string') parked.release(school.text);
      totals = sumTotals([totals, school.totals]);
      packIds.add(school.packId);
      verdicts.push(school.verdict);
    };
    const park = (payload: TaskPayload): TaskPayload => {
      const school = payload as JsonPayload;
      return typeof school.text === 'string' ? { ...school, text: parked.park(school.text) } : school;
    };
    await runBatch(dirs, batch, { kind: 'json', format: target.format }, deliver, park);
    file.write(jsonTail(ctx, totals, packIds, verdicts.length));
    file.close();
    fs.renameSync(tmp, target.file);
  } catch (error) {
    if (error instanceof KnownError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    throw new KnownError({ vi: `không ghi được tệp ${target.file} (${code}); kiểm tra thư mục đã tồn tại và có quyền ghi`, en: `cannot write ${target.file} (${code}); check that the folder exists and is writable` });
  } finally {
    // Only the file this run created, by name: the folder itself is never listed.
    if (out) {
      out.discard();
      fs.rmSync(tmp, { force: true });
    }
  }
  return verdicts;
}

/** Bytes gathered before each write: small enough to stay in the CPU cache, large enough for few system calls. */
const CHUNK_BYTES = 256 << 10;

/** A new file written through one reused buffer; texts are encoded straight into it. */
class BufferedFile {
  private fd: number | null;
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'wx');
  }

  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') return this.writeBytes(text);
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (text.length * 3 > this.buffer.length - this.used) {
      this.flush();
      if (text.length * 3 > this.buffer.length) return this.writeOut(Buffer.from(text, 'utf8'));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.buffer.length - this.used) {
      this.flush();
      if (bytes.length > this.buffer.length) return this.writeOut(bytes);
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  close(): void {
    if (this.fd === null) return;
    try {
      this.flush();
    } finally {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }

  /** Closes without writing what is still buffered (after a failure). */
  discard(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }

  private flush(): void {
    this.writeOut(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeOut(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error('file already closed');
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
  }
}
