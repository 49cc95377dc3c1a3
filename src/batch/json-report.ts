// The JSON report of a large batch, written while the schools are checked: whichever thread checks a
// school formats it and hands over its UTF-8 text, and this thread writes the texts in input order into a
// temporary file, then the summary and rules metadata, then renames it over the target (a FIFO or a
// device is written through: see report/write-atomic.ts). Nothing of a written school stays in memory,
// each byte is written once, and the bytes are those of jsonFormatter.
import { openOutput, writeAll } from '../report/write-atomic.js';
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
  const ctx = jsonContext(target.format, { asOf: target.asOf, ruleSet: target.ruleSet, overlayChanges: target.overlayChanges });
  const verdicts: SchoolVerdict[] = [];
  const packIds = new Set<string | null>();
  let totals = sumTotals([]);
  // The destination is opened (its folder created) before any school is checked.
  const output = openOutput(target.file);
  const file = new BufferedFile(output.fd, target.file);
  try {
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
    file.flush();
    output.commit();
  } catch (error) {
    output.abort();
    throw error;
  }
  return verdicts;
}

/** Bytes gathered before each write: small enough to stay in the CPU cache, large enough for few system calls. */
const CHUNK_BYTES = 256 << 10;

/** An open output written through one reused buffer; texts are encoded straight into it. */
class BufferedFile {
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;

  constructor(
    private readonly fd: number,
    private readonly name: string,
  ) {}

  write(text: string | Uint8Array): void {
    if (typeof text !== 'string') return this.writeBytes(text);
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (text.length * 3 > this.buffer.length - this.used) {
      this.flush();
      if (text.length * 3 > this.buffer.length) return writeAll(this.name, this.fd, Buffer.from(text, 'utf8'));
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private writeBytes(bytes: Uint8Array): void {
    if (bytes.length > this.buffer.length - this.used) {
      this.flush();
      if (bytes.length > this.buffer.length) return writeAll(this.name, this.fd, bytes);
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  flush(): void {
    writeAll(this.name, this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}
