import { describe, expect, it } from 'vitest';
import { mdCell, mdText } from '../../src/report/escape.js';

describe('mdText', () => {
  it.each([
    ['Trường A | B', 'Trường A \\| B'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['dòng 1\ndòng 2\r\ndòng 3', 'dòng 1 dòng 2 dòng 3'],
    ['`code`', '\\`code\\`'],
    ['**đậm**', '\\*\\*đậm\\*\\*'],
    ['[bấm](http://x)', '[bấm\\](http://x)'],
    ['![ảnh](x.png)', '!\\[ảnh\\](x.png)'],
    ['# tiêu đề', '# tiêu đề'],
    ['_nghiêng_', '\\_nghiêng\\_'],
    ['33.MN.0412', '33.MN.0412'],
  ])('%j -> %j', (input, output) => expect(mdText(input)).toBe(output));

  it('leaves evidence codes, snake_case keys and %0A readable', () => {
    expect(mdText('[H1.01.01.01] so_lop dat_chuan %0A ]]>')).toBe('[H1.01.01.01] so_lop dat_chuan %0A ]]&gt;');
  });

  it('keeps a table row to its columns whatever the data', () => {
    const row = `| ${mdCell('a|b\n|c')} | ${mdCell('')} |`;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(2);
  });
});
