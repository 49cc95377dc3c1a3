import { describe, expect, it } from 'vitest';
import { decodeText, MAX_FILE_BYTES } from '../../src/load/decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('accepts UTF-8 with and without BOM', () => {
    expect(decodeText(bytes('ten_truong: Trường A'))).toEqual({ ok: true, text: 'ten_truong: Trường A', plain: true });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a: 1'))).toEqual({ ok: true, text: 'a: 1', plain: true });
  });
  it('marks as plain only text that NFC leaves alone and that holds none of the characters the fast reader refuses', () => {
    const plainChars: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const result = decodeText(Buffer.from(`a${ch}b`, 'utf8'));
      if (result.ok && result.plain) plainChars.push(ch);
    }
    expect(plainChars.length).toBeGreaterThan(1000);
    const refused = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff\u2028\u2029]/;
    for (const ch of plainChars) expect(refused.test(ch), ch.codePointAt(0)!.toString(16)).toBe(false);
    // No pair of plain characters composes or reorders under NFC.
    let changed = 0;
    for (const x of plainChars) for (let j = 0; j < plainChars.length; j += 3) if ((x + plainChars[j]!).normalize('NFC') !== x + plainChars[j]!) changed++;
    expect(changed).toBe(0);
    expect(decodeText(bytes('Tru\u031bo\u0300ng')).ok && (decodeText(bytes('Tru\u031bo\u0300ng')) as { plain: boolean }).plain).toBe(false);
  });
  it('normalises to NFC', () => {
    const nfd = 'Trường'.normalize('NFD');
    const result = decodeText(bytes(nfd));
    expect(result.ok && result.text).toBe('Trường'.normalize('NFC'));
  });
  it('refuses UTF-16 with a message asking for UTF-8', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]);
    const result = decodeText(utf16);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.vi).toContain('UTF-8');
    expect(decodeText(Buffer.from('ten_truong: abc\n', 'utf16le')).ok).toBe(false);
  });
  it('locates the first byte that is not UTF-8 (legacy TCVN3/VNI)', () => {
    const result = decodeText(bytes('a: 1\nb: Tr', [0xad, 0xea], 'ng\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.byteOffset).toBe(10);
      expect(result.message.vi).toMatch(/TCVN3|VNI/);
    }
  });
  it('refuses files above the size cap', () => {
    expect(decodeText(Buffer.alloc(MAX_FILE_BYTES + 1, 0x61)).ok).toBe(false);
  });
});
