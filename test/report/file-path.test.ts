import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseName, isAbsolutePath, relativePath } from '../../src/report/file-path.js';
import { displayPath } from '../../src/report/text.js';

const segment = fc.constantFrom('a', 'A', 'b', 'truong', 'Truong', 'tieu-chuan-1.yaml', '.', '..', 'x y', 'ả');
const segments = fc.array(segment, { maxLength: 5 });

describe('report paths without node:path (the page builds the same reports)', () => {
  it('relative paths equal path.posix.relative for absolute POSIX paths', () => {
    fc.assert(fc.property(segments, segments, (a, b) => {
      const from = `/${a.join('/')}`;
      const to = `/${b.join('/')}`;
      expect(relativePath(from, to)).toBe(path.posix.relative(from, to));
    }), { numRuns: 500 });
  });

  it('relative paths equal path.win32.relative for Windows paths (drive letters, either separator, any case, UNC shares)', () => {
    const root = fc.constantFrom('C:\\', 'c:\\', 'D:\\', 'C:/', '\\\\server\\share\\', '\\\\Server\\Share\\', '\\\\server\\other\\');
    const sep = fc.constantFrom('\\', '/');
    fc.assert(fc.property(root, segments, root, segments, sep, (ra, a, rb, b, s) => {
      const from = `${ra}${a.join(s)}`;
      const to = `${rb}${b.join(s)}`;
      expect(relativePath(from, to)).toBe(path.win32.relative(from, to));
    }), { numRuns: 500 });
  });

  it('displayPath: "." for the folder itself, forward slashes, absolute when outside the working directory', () => {
    expect(displayPath('/w/examples', '/w/examples')).toBe('.');
    expect(displayPath('/w/examples/th-mai-sao/truong.yaml', '/w')).toBe('examples/th-mai-sao/truong.yaml');
    expect(displayPath('/other/x.yaml', '/w/examples')).toBe('/other/x.yaml');
    expect(displayPath('C:\\Truong\\th-mai-sao\\truong.yaml', 'C:\\Truong')).toBe('th-mai-sao/truong.yaml');
    expect(displayPath('D:\\x\\truong.yaml', 'C:\\Truong')).toBe('D:/x/truong.yaml');
    expect(isAbsolutePath('C:\\x', 'C:\\')).toBe(true);
    expect(isAbsolutePath('x/y', '/w')).toBe(false);
    expect(baseName('a/b\\tieu-chuan-2.yaml')).toBe('tieu-chuan-2.yaml');
  });
});
