/**
 * Texts that wait for an earlier school before they can be written, kept as UTF-8 in reused buffers
 * rather than as strings. The main thread checks schools between the workers' messages, so a finished
 * school's text often waits a few milliseconds for the schools a worker still has in flight; a string
 * that waits that long outlives two young-generation collections and is promoted, and at 45,000 schools
 * that filled the main thread's old generation with 150–200 MB of dead reports. Bytes in a reused
 * buffer are never copied by the collector and leave nothing behind.
 */
export class ParkedTexts {
  private readonly free: Buffer[] = [];

  /** The text's UTF-8 bytes, in a buffer of the pool; hand them back with `release` once written. */
  park(text: string): Buffer {
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    const room = text.length * 3;
    let buffer = this.free.pop();
    if (buffer && buffer.length < room) buffer = undefined;
    buffer ??= Buffer.allocUnsafeSlow(Math.max(SLOT_BYTES, room));
    return buffer.subarray(0, buffer.write(text, 0, 'utf8'));
  }

  release(bytes: Buffer): void {
    if (this.free.length < MAX_FREE) this.free.push(Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength));
  }
}

/** Holds a typical school's report (about 31 KB of UTF-8) several times over. */
const SLOT_BYTES = 128 << 10;

/** More than ever wait at once with a few threads; a burst beyond it is left to the collector. */
const MAX_FREE = 32;
