import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSchools } from '../../src/batch/index.js';
import { discoverSchools } from '../../src/discover/discover.js';
import { KnownError } from '../../src/errors.js';
import { minimalSchool, tempDir } from '../batch/fixtures.js';

const roots: string[] = [];
const fresh = (): string => {
  const dir = tempDir('chuan-discover-');
  roots.push(dir);
  return dir;
};
afterAll(() => roots.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('discoverSchools', () => {
  it('finds nested school folders, sorted by code point, each once', () => {
    const root = fresh();
    for (const rel of ['xa-b/truong-2', 'xa-a/truong-1', 'xa-a/Truong-0', 'xa-b/sub/deeper/truong-3', 'truong-top']) minimalSchool(path.join(root, rel));
    const { schools, problems } = discoverSchools([root], '/');
    expect(problems).toEqual([]);
    expect(schools.map((s) => path.relative(root, s).split(path.sep).join('/'))).toEqual([
      'truong-top',
      'xa-a/Truong-0',
      'xa-a/truong-1',
      'xa-b/sub/deeper/truong-3',
      'xa-b/truong-2',
    ]);
  });

  it('is deterministic: the same tree gives the same list whatever the creation order or input order', () => {
    const one = fresh();
    const two = fresh();
    const names = ['c', 'a', 'b', 'é', 'A', 'z1', 'z10', 'z2'];
    names.forEach((n) => minimalSchool(path.join(one, n)));
    [...names].reverse().forEach((n) => minimalSchool(path.join(two, n)));
    const rel = (root: string) => discoverSchools([root], '/').schools.map((s) => path.relative(root, s));
    expect(rel(one)).toEqual(rel(two));
    expect(rel(one)).toEqual(['A', 'a', 'b', 'c', 'z1', 'z10', 'z2', 'é']);
    const a = discoverSchools([path.join(one, 'c'), path.join(one, 'a'), one], '/').schools;
    const b = discoverSchools([one, path.join(one, 'a')], '/').schools;
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });

  it('does not look inside a school folder, evidence folders, hidden folders or node_modules', () => {
    const root = fresh();
    const school = minimalSchool(path.join(root, 'truong'));
    minimalSchool(path.join(school, 'minh-chung', 'ban-sao'));
    minimalSchool(path.join(root, '.git', 'x'));
    minimalSchool(path.join(root, 'node_modules', 'y'));
    expect(discoverSchools([root], '/').schools).toEqual([school]);
  });

  it('survives a symlink loop without hanging and without duplicates', () => {
    const root = fresh();
    const school = minimalSchool(path.join(root, 'xa', 'truong'));
    fs.symlinkSync(path.join(root, 'xa'), path.join(root, 'xa', 'vong-lap'), 'dir');
    fs.symlinkSync(root, path.join(root, 'xa', 'truong-len-goc'), 'dir');
    fs.symlinkSync(path.join(root, 'b'), path.join(root, 'a'), 'dir');
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'b'), 'dir');
    const started = Date.now();
    const { schools, problems } = discoverSchools([root], '/');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(problems).toEqual([]);
    expect(schools).toEqual([school]);
  });

  it('never follows a symlink that leaves the tree', () => {
    const root = fresh();
    const outside = minimalSchool(path.join(fresh(), 'truong-ben-ngoai'));
    const inside = minimalSchool(path.join(root, 'truong-that'));
    fs.symlinkSync(outside, path.join(root, 'loi-tat'), 'dir');
    fs.symlinkSync(path.dirname(outside), path.join(root, 'thu-muc-ngoai'), 'dir');
    const { schools } = discoverSchools([root], '/');
    expect(schools).toEqual([inside]);
    expect(schools.some((s) => s.startsWith(path.dirname(outside)))).toBe(false);
  });

  it('accepts a school folder or one of its YAML files as input', () => {
    const root = fresh();
    const school = minimalSchool(path.join(root, 'truong'));
    expect(discoverSchools([path.join(school, 'truong.yaml')], '/').schools).toEqual([school]);
    expect(discoverSchools(['truong/tieu-chuan-3.yaml'], root).schools).toEqual([school]);
    expect(discoverSchools(['truong'], root).schools).toEqual([school]);
  });

  it('reports a missing path or a stray file as a located problem', () => {
    const root = fresh();
    fs.writeFileSync(path.join(root, 'ghi-chu.txt'), 'x');
    const { problems } = discoverSchools(['khong-co', 'ghi-chu.txt'], root);
    expect(problems.map((p) => p.code)).toEqual(['input/not-found', 'input/not-found']);
    expect(problems[0]!.message.vi).toContain('không tìm thấy đường dẫn khong-co');
    expect(problems[1]!.message.vi).toContain('không phải thư mục trường');
  });
});

describe('findSchools (the CLI entry)', () => {
  it('an empty tree is a usage error (exit 2 in the CLI), in Vietnamese first', () => {
    const root = fresh();
    fs.mkdirSync(path.join(root, 'trong'));
    expect(() => findSchools([root], '/')).toThrow(KnownError);
    try {
      findSchools([root], '/');
    } catch (error) {
      expect((error as KnownError).text.vi).toMatch(/không tìm thấy thư mục trường nào/);
    }
  });

  it('a missing path is a usage error', () => {
    expect(() => findSchools(['khong-co-dau'], fresh())).toThrow(/path not found/);
  });
});
