// The terminal report folds to the terminal's width (issue 15, item 12): 80 columns when the terminal does
// not say, no folding when the output is not a terminal (a pipe, a file, CI logs).
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../src/report/wrap.js';
import { run } from '../cli/run-main.js';

const widest = (text: string): number => Math.max(...text.split('\n').map(displayWidth));
const SCHOOL = ['check', 'examples/th-binh-minh', '--as-of', '2026-06-15'];

describe('wrapText', () => {
  it('folds at spaces, continuations two columns in, a line that fits unchanged', () => {
    expect(wrapText('    → một hai ba bốn năm sáu', 15)).toBe('    → một hai\n      ba bốn\n      năm sáu');
    expect(wrapText('ngắn', 16)).toBe('ngắn');
  });
  it('colour codes take no room; Vietnamese letters one column each, decomposed or not', () => {
    const red = (s: string): string => `\u001b[31m${s}\u001b[39m`;
    expect(displayWidth(red('Trường'))).toBe(6);
    expect(displayWidth('Tru\u031bo\u031b\u0300ng')).toBe(6);
    expect(wrapText(`${red('chưa đạt')} một hai`, 11)).toBe(`${red('chưa đạt')}\n  một hai`);
  });
  it('a word longer than the line (a path) stays whole', () => {
    expect(wrapText('a examples/th-binh-minh/tieu-chuan-1.yaml:19:34 b', 20)).toBe('a\n  examples/th-binh-minh/tieu-chuan-1.yaml:19:34\n  b');
  });
});

describe('chuan check on a terminal', () => {
  it('fits the terminal\'s width; 80 columns when it does not say', async () => {
    const narrow = await run(SCHOOL, { tty: true, columns: 60, env: { NO_COLOR: '1' } });
    expect(narrow.code).toBe(1);
    // Only a location longer than the line may exceed it.
    const over = narrow.stdout.split('\n').filter((l) => displayWidth(l) > 60);
    expect(over.every((l) => !l.trim().includes(' '))).toBe(true);
    const unknown = await run(SCHOOL, { tty: true, env: { NO_COLOR: '1' } });
    expect(widest(unknown.stdout)).toBeLessThanOrEqual(80);
    // Folding only moves words: the same words in the same order as on a very wide terminal.
    const words = (text: string): string[] => text.split(/\s+/);
    expect(words(unknown.stdout)).toEqual(words((await run(SCHOOL, { tty: true, columns: 1000, env: { NO_COLOR: '1' } })).stdout));
  });

  it('is not folded in a pipe or a file', async () => {
    const piped = await run(SCHOOL);
    expect(widest(piped.stdout)).toBeGreaterThan(120);
    const wide = await run(SCHOOL, { tty: true, columns: 1000, env: { NO_COLOR: '1' } });
    expect(piped.stdout).toBe(wide.stdout);
  });

  it('explain folds on a terminal too', async () => {
    const folded = await run(['explain', 'TT59.TH.MQ.S1.C2.si-so'], { tty: true, columns: 50 });
    expect(widest(folded.stdout)).toBeLessThanOrEqual(50);
    expect(widest((await run(['explain', 'TT59.TH.MQ.S1.C2.si-so'])).stdout)).toBeGreaterThan(100);
  });
});
