import { describe, expect, it } from 'vitest';
import { evidencePathProblem } from '../../src/evidence/files.js';
import { ListedSource } from '../../src/load/listed-source.js';
import { loadYamlFile } from '../../src/load/yaml-file-loader.js';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import type { Diagnostic } from '../../src/types.js';
import { listed } from '../page/listing.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('a listed file source (the page\'s picked files)', () => {
  const reads: string[] = [];
  const root = ListedSource.of([
    listed('truong-a/truong.yaml', text('ten_truong: A\n'), reads),
    listed('truong-a/minh-chung/H1/kh.pdf', text('%PDF'), reads),
    listed('truong-a/../ra-ngoai.yaml', text('x: 1\n'), reads),
    listed('truong-a/truong.yaml/con.yaml', text('x: 1\n'), reads),
    listed('truong-a\\tieu-chuan-1.yaml', text('tieu_chuan: 1\n'), reads),
  ]);
  const school = root.at('truong-a');

  it('implies the folders of the paths, lists them sorted, and names files under "/"', () => {
    expect(root.list('').map((e) => [e.path, e.kind])).toEqual([['truong-a', 'directory']]);
    expect(school.list('').map((e) => [e.path, e.kind])).toEqual([['minh-chung', 'directory'], ['tieu-chuan-1.yaml', 'file'], ['truong.yaml', 'file']]);
    expect(school.entry('minh-chung/H1/kh.pdf')).toEqual({ path: 'minh-chung/H1/kh.pdf', kind: 'file', size: 4 });
    expect(school.entry('minh-chung/H1')?.kind).toBe('directory');
    expect(school.entry('khong-co.yaml')).toBeNull();
    expect(school.pathOf('truong.yaml')).toBe('/truong-a/truong.yaml');
    expect(school.name).toBe('truong-a');
  });

  it('leaves out paths with ".." and a file below a file', () => {
    expect(root.entry('ra-ngoai.yaml')).toBeNull();
    expect(school.entry('truong.yaml')?.kind).toBe('file');
    expect(school.entry('truong.yaml/con.yaml')).toBeNull();
  });

  it('loads YAML with the loader\'s checks, reading at most the entry\'s size', () => {
    const diagnostics: Diagnostic[] = [];
    expect(loadYamlFile(school, 'truong.yaml', diagnostics)?.value).toEqual({ ten_truong: 'A' });
    expect(loadYamlFile(school, 'tieu-chuan-2.yaml', diagnostics)).toBeNull();
    expect(loadYamlFile(school, 'minh-chung', diagnostics)).toBeNull();
    expect(diagnostics.map((d) => [d.code, d.location?.file])).toEqual([['file/missing', '/truong-a/tieu-chuan-2.yaml'], ['file/not-regular', '/truong-a/minh-chung']]);
    expect(reads).toEqual(['truong-a/truong.yaml']);
  });

  it('refuses an oversized file before reading it', () => {
    const big = ListedSource.of([{ path: 't/truong.yaml', size: MAX_FILE_BYTES + 1, read: () => { throw new Error('read'); } }]).at('t');
    const diagnostics: Diagnostic[] = [];
    expect(loadYamlFile(big, 'truong.yaml', diagnostics)).toBeNull();
    expect(diagnostics[0]!.code).toBe('file/too-large');
  });

  it('checks evidence paths without opening them', () => {
    expect(evidencePathProblem(school, 'minh-chung/H1/kh.pdf')).toBeNull();
    expect(evidencePathProblem(school, 'minh-chung\\H1\\kh.pdf')).toBeNull();
    expect(evidencePathProblem(school, 'minh-chung/H1')).toBe('not_file');
    expect(evidencePathProblem(school, 'minh-chung/H2/kh.pdf')).toBe('missing');
    expect(evidencePathProblem(school, 'truong.yaml/kh.pdf')).toBe('missing');
    expect(evidencePathProblem(school, '../truong-a/truong.yaml')).toBe('outside');
    expect(evidencePathProblem(school, '/etc/passwd')).toBe('absolute');
    expect(reads).not.toContain('truong-a/minh-chung/H1/kh.pdf');
  });
});
