import { describe, expect, it } from 'vitest';
import { locate, parseYaml } from '../../src/load/yaml-file.js';

describe('parseYaml', () => {
  it('reports duplicate keys at their line and column, in Vietnamese', () => {
    const result = parseYaml('f.yaml', 'giao_vien:\n  tong_so: 24\n  tong_so: 25\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]).toMatchObject({ code: 'yaml/duplicate-key', location: { file: 'f.yaml', line: 3, column: 3 } });
      expect(result.diagnostics[0]!.message.vi).toContain('tong_so');
    }
  });
  it('reports tab indentation', () => {
    const result = parseYaml('f.yaml', 'a:\n\tb: 1\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.location!.line).toBe(2);
  });
  it('keeps dates and comma numbers as strings (YAML 1.2 core)', () => {
    const result = parseYaml('f.yaml', 'ngay: 2025-09-15\nty_le: 95,5\nco: yes\n');
    expect(result.ok && result.yaml.value).toEqual({ ngay: '2025-09-15', ty_le: '95,5', co: 'yes' });
  });
  it('gives 1-based positions with CRLF line endings', () => {
    const result = parseYaml('f.yaml', 'a: 1\r\nb:\r\n  c: 2\r\n');
    expect(result.ok).toBe(true);
    if (result.ok) expect(locate(result.yaml, ['b', 'c'])).toMatchObject({ line: 3, column: 6 });
  });
  it('locates a key, a list element, and the nearest ancestor of a missing path', () => {
    const result = parseYaml('f.yaml', 'x:\n  list:\n    - a: 1\n    - a: 2\n');
    if (!result.ok) throw new Error('parse');
    expect(locate(result.yaml, ['x', 'list', 1, 'a'])).toMatchObject({ line: 4, column: 10 });
    expect(locate(result.yaml, ['x', 'list'], { key: true })).toMatchObject({ line: 2, column: 3 });
    expect(locate(result.yaml, ['x', 'missing', 'deeper'])).toMatchObject({ line: 2, column: 3 });
  });
  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const result = parseYaml('bomb.yaml', lines.join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]!.code).toBe('yaml/alias-limit');
  });
  it('refuses several documents in one file', () => {
    const result = parseYaml('f.yaml', 'a: 1\n---\nb: 2\n');
    expect(result.ok).toBe(false);
  });
});
