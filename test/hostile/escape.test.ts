import { describe, expect, it } from 'vitest';
import { mdCell, mdCode, mdText } from '../../src/report/escape.js';
import { cellCount } from './wellformed.js';

describe('Markdown escaping of hostile text', () => {
  it('drops control characters: no terminal escape sequence or NUL in a report', () => {
    expect(mdText('a\u001b[31mb\u0000c\u0007d\te')).toBe('a [31mb c d e');
    expect(mdCell('\u0085\u009b')).toBe('—');
  });

  it.each([
    ['minh-chung/a.pdf', '`minh-chung/a.pdf`'],
    ['a`b', '``a`b``'],
    ['`start', '`` `start ``'],
    ['x```y`', '```` x```y` ````'],
    ['dòng 1\n# tiêu đề', '`dòng 1 # tiêu đề`'],
    ['a\u001bb', '`a b`'],
  ])('mdCode(%j) = %s', (input, output) => expect(mdCode(input)).toBe(output));

  it('mdCode in a table keeps the cell count', () => {
    expect(cellCount(`| ${mdCode('a|b`|c', { table: true })} | x |`)).toBe(2);
    expect(cellCount(`| ${mdCell('a\\|b|c\\')} | x |`)).toBe(2);
  });

  it('cellCount counts escaped and doubly escaped pipes right', () => {
    expect(cellCount('| a | b |')).toBe(2);
    expect(cellCount('| a \\| b |')).toBe(1);
    expect(cellCount('| a \\\\| b |')).toBe(2);
    expect(cellCount('a | b')).toBe(2);
  });
});
