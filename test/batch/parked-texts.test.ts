import { describe, expect, it } from 'vitest';
import { ParkedTexts } from '../../src/batch/parked-texts.js';

describe('ParkedTexts: texts waiting for an earlier school, as UTF-8 in reused buffers', () => {
  it('gives the exact UTF-8 bytes of any text, Vietnamese, astral and empty included', () => {
    const parked = new ParkedTexts();
    for (const text of ['', '{"dir":"a"}', 'Trường THCS Nguyễn Du — “đạt chuẩn” ', '😀 x 😀', 'ệ'.repeat(100_000)]) {
      const bytes = parked.park(text);
      expect(bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
      parked.release(bytes);
    }
  });

  it('reuses a released buffer instead of allocating another', () => {
    const parked = new ParkedTexts();
    const first = parked.park('một');
    parked.release(first);
    const second = parked.park('hai');
    expect(second.buffer).toBe(first.buffer);
    expect(second.toString('utf8')).toBe('hai');
  });

  it('texts parked at the same time never share bytes', () => {
    const parked = new ParkedTexts();
    const a = parked.park('a'.repeat(1000));
    const b = parked.park('b'.repeat(1000));
    expect(a.buffer).not.toBe(b.buffer);
    expect(a.toString()).toBe('a'.repeat(1000));
  });

  it('a released buffer too small for the next text is not used for it', () => {
    const parked = new ParkedTexts();
    parked.release(parked.park('nhỏ'));
    const large = 'ư'.repeat(200_000);
    expect(parked.park(large).toString('utf8')).toBe(large);
  });
});
