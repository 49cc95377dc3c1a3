import { describe, expect, it } from 'vitest';
import { decodeText, MAX_FILE_BYTES } from '../../src/load/decode.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeText', () => {
  it('accepts UTF-8 with and without BOM', () => {
    expect(decodeText(bytes('ten_truong: Trường A'))).toEqual({ ok: true, text: 'ten_truong: Trường A' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a: 1'))).toEqual({ ok: true, text: 'a: 1' });
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
