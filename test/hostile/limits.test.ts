// The limits behind the corpus, unit by unit: the nesting pre-scan, linear duplicate-key detection, the
// diagnostic cap, first-error validation of very large documents, and discovery around symbolic links.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverSchools } from '../../src/discover/discover.js';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../../src/load/nesting.js';
import { parseYaml } from '../../src/load/yaml-file.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/load/yaml-limits.js';
import { packageRoot } from '../../src/paths.js';
import { profileSchemaId, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';
import { exceedsValues, FULL_VALIDATION_MAX_VALUES, validateDocument } from '../../src/validate/validate-document.js';
import { copyExample, tempRoot } from './fixtures.js';

const roots: string[] = [];
afterAll(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(full);
    return e.name.endsWith('.yaml') ? [full] : [];
  });
}

describe('nesting pre-scan', () => {
  const realFiles = [...yamlFiles(path.join(packageRoot, 'examples')), ...yamlFiles(path.join(packageRoot, 'rules'))];

  // The 2018 criteria files nest deepest (an item's check over a list of years inside a list of managers, the
  // school-data schemas of results by level): 17 levels, still far from the limit.
  it('finds every real file (examples, rules) shallow: at most 20 levels, far from the limit', () => {
    expect(realFiles.length).toBeGreaterThan(30);
    for (const file of realFiles) expect(findExcessiveNesting(fs.readFileSync(file, 'utf8'), 20), file).toBeNull();
  });

  it(`accepts ${MAX_NESTING_DEPTH} levels and refuses ${MAX_NESTING_DEPTH + 1}, at the first one past the limit`, () => {
    // "x" is one level, each "[" one more.
    const ok = `x: ${'['.repeat(MAX_NESTING_DEPTH - 1)}${']'.repeat(MAX_NESTING_DEPTH - 1)}\n`;
    expect(findExcessiveNesting(ok)).toBeNull();
    expect(parseYaml('f.yaml', ok).ok).toBe(true);
    const deep = `x: ${'['.repeat(MAX_NESTING_DEPTH)}${']'.repeat(MAX_NESTING_DEPTH)}\n`;
    expect(findExcessiveNesting(deep)).toEqual({ offset: 3 + MAX_NESTING_DEPTH - 1, depth: MAX_NESTING_DEPTH + 1 });
  });

  it('counts block levels from indentation and "- " indicators', () => {
    const lines = Array.from({ length: MAX_NESTING_DEPTH + 1 }, (_, i) => `${'  '.repeat(i)}k${i}:`);
    expect(findExcessiveNesting(lines.join('\n'))?.depth).toBe(MAX_NESTING_DEPTH + 1);
    expect(findExcessiveNesting(lines.slice(0, MAX_NESTING_DEPTH).join('\n'))).toBeNull();
    expect(findExcessiveNesting(`${'- '.repeat(MAX_NESTING_DEPTH)}x`)?.depth).toBe(MAX_NESTING_DEPTH + 1);
    // Siblings and dedents do not add up.
    expect(findExcessiveNesting('a:\n  b: 1\n  c: 1\n'.repeat(5000))).toBeNull();
  });

  it('does not count brackets in quotes, comments, plain text or block scalars', () => {
    const many = '['.repeat(500);
    for (const text of [
      `a: "${many}"\n`,
      `a: '${many} it''s'\n`,
      `a: 1 # ${many}\n`,
      `# ${many}\n`,
      `a: x${many}\n`,
      `a: |\n  ${many}\n  ${'{'.repeat(500)}\nb: 1\n`,
      `a: >-\n    ${many}\n\n    ${many}\n`,
      `a: [ "${many}", '${many}', x ]\n`,
      `a: "multi\n  line ${many}\n  end"\n`,
    ]) {
      expect(findExcessiveNesting(text), text.slice(0, 40)).toBeNull();
    }
  });

  it('scans in linear time without recursion: a million characters in well under a second', () => {
    const started = performance.now();
    expect(findExcessiveNesting('['.repeat(1_000_000))?.depth).toBe(MAX_NESTING_DEPTH + 1);
    expect(findExcessiveNesting(`a: "${'['.repeat(1_000_000)}"`)).toBeNull();
    expect(findExcessiveNesting('a: 1\n'.repeat(200_000))).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('parseYaml refuses deep input with a located message before yaml sees it', () => {
    const result = parseYaml('f.yaml', `a:\n  b: ${'{c: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics).toHaveLength(1);
      expect(result.diagnostics[0]).toMatchObject({ code: 'yaml/too-deep', location: { file: 'f.yaml', line: 2 } });
      expect(result.diagnostics[0]!.message.vi).toContain(`quá ${MAX_NESTING_DEPTH} cấp`);
    }
  });
});

describe('duplicate keys and the diagnostic cap', () => {
  it('finds duplicates in block and flow mappings, comparing keys as data (1 and "1" collide)', () => {
    const result = parseYaml('f.yaml', 'a: 1\nb: { x: 1, y: 2, x: 3 }\n1: a\n"1": b\na: 2\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([
        ['yaml/duplicate-key', 2, 18],
        ['yaml/duplicate-key', 4, 1],
        ['yaml/duplicate-key', 5, 1],
      ]);
    }
  });

  it('is linear: 40,000 distinct keys parse, 40,000 duplicates are reported in at most the cap', () => {
    const distinct = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n');
    const started = performance.now();
    expect(parseYaml('f.yaml', distinct).ok).toBe(true);
    const dup = parseYaml('f.yaml', 'k: 1\n'.repeat(40_000));
    expect(performance.now() - started).toBeLessThan(8000);
    expect(dup.ok).toBe(false);
    if (!dup.ok) {
      expect(dup.diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
      expect(dup.diagnostics.at(-1)).toMatchObject({ code: 'yaml/more-errors', location: { line: MAX_DIAGNOSTICS_PER_FILE + 2 } });
      expect(dup.diagnostics.at(-1)!.message.vi).toContain(`còn ${40_000 - 1 - MAX_DIAGNOSTICS_PER_FILE} lỗi khác`);
    }
  });

  it('locates the first alias when there are too many', () => {
    const result = parseYaml('f.yaml', `a: &a 1\nb:\n${'  - *a\n'.repeat(1000)}`);
    expect(!result.ok && result.diagnostics[0]).toMatchObject({ code: 'yaml/alias-limit', location: { line: 3, column: 5 } });
  });

  it('says in Vietnamese what the common syntax mistakes are', () => {
    const cases: [string, string][] = [
      ['a: "x\nb: 1\n', 'thiếu dấu " đóng'],
      ['a: [1, 2\nb: 1\n', 'thiếu dấu ]'],
      ['a: b: c\n', 'hai cặp "khóa: giá trị" trên cùng một dòng'],
      ['a: "C:\\Users\\x"\n', 'đường dẫn Windows'],
      ['a: @x\n', 'không được bắt đầu bằng @'],
    ];
    for (const [text, fragment] of cases) {
      const result = parseYaml('f.yaml', text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.diagnostics.map((d) => d.message.vi).join(' | '), text).toContain(fragment);
    }
  });
});

describe('validation of very large documents', () => {
  const registry = SchemaRegistry.shared();

  it('counts values without recursion and stops at the limit', () => {
    expect(exceedsValues({ a: [1, 2, { b: 3 }] }, 6)).toBe(false);
    expect(exceedsValues({ a: [1, 2, { b: 3 }] }, 5)).toBe(true);
    expect(exceedsValues(new Array(1_000_000).fill(0), FULL_VALIDATION_MAX_VALUES)).toBe(true);
  });

  it(`reports every error up to ${FULL_VALIDATION_MAX_VALUES} values, only the first beyond, in bounded time`, () => {
    const small = parseYaml('f.yaml', `tieu_chuan: 3\nminh_chung:\n${'  - {}\n'.repeat(100)}`);
    if (!small.ok) throw new Error('parse');
    expect(validateDocument(registry, standardSchemaId('tt02-2014', 3), small.yaml).length).toBeGreaterThanOrEqual(100);
    const big = parseYaml('f.yaml', `tieu_chuan: 3\nminh_chung:\n${'  - {}\n'.repeat(30_000)}`);
    if (!big.ok) throw new Error('parse');
    const started = performance.now();
    const diagnostics = validateDocument(registry, standardSchemaId('tt02-2014', 3), big.yaml);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.message.vi).toContain('tệp rất lớn: chỉ báo lỗi đầu tiên');
    expect(diagnostics[0]!.location).toMatchObject({ line: 3, column: 5 });
  });

  it('a large valid document is still accepted', () => {
    const text = `ten_truong: T\ncap_hoc: thcs\ntinh: A\nkhu_vuc: nong_thon\nnam_hoc: 2025-2026\nmuc_tieu: dat_chuan\nlich_su_cong_nhan:\n${'  - { muc: dat_chuan, ngay_ky: 2020-01-01 }\n'.repeat(3000)}`;
    const parsed = parseYaml('f.yaml', text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.diagnostics[0]));
    expect(exceedsValues(parsed.yaml.value, FULL_VALIDATION_MAX_VALUES)).toBe(true);
    expect(validateDocument(registry, profileSchemaId, parsed.yaml)).toEqual([]);
  });
});

describe.skipIf(process.platform === 'win32')('discovery and symbolic links', () => {
  it('never follows links, reports the links to folders it skipped, and finds a school whose truong.yaml is a link', () => {
    const root = tempRoot('chuan-discover-links-');
    roots.push(root);
    copyExample('mn-hoa-sen', path.join(root, 'truong-a'));
    fs.mkdirSync(path.join(root, 'truong-b'));
    fs.symlinkSync('truong.yaml', path.join(root, 'truong-b', 'truong.yaml'));
    fs.symlinkSync('.', path.join(root, 'vong'));
    fs.symlinkSync('truong-a', path.join(root, 'ban-sao'));
    fs.writeFileSync(path.join(root, 'ghi-chu.txt'), 'x');
    fs.symlinkSync('ghi-chu.txt', path.join(root, 'ghi-chu-2.txt'));
    const found = discoverSchools([root], '/');
    expect(found.problems).toEqual([]);
    expect(found.schools.map((s) => path.basename(s))).toEqual(['truong-a', 'truong-b']);
    expect(found.skipped.map((d) => [d.code, path.basename(d.location!.file)])).toEqual(
      expect.arrayContaining([
        ['input/symlink-skipped', 'vong'],
        ['input/symlink-skipped', 'ban-sao'],
      ]),
    );
    expect(found.skipped).toHaveLength(2);
    expect(found.skipped[0]!.message.vi).toContain('không đi theo liên kết');
  });

  it('says when the path given is a symbolic link loop', () => {
    const root = tempRoot('chuan-discover-loop-');
    roots.push(root);
    fs.symlinkSync('vong', path.join(root, 'vong'));
    const found = discoverSchools(['vong'], root);
    expect(found.problems[0]!.message.vi).toContain('liên kết tượng trưng lặp vòng');
  });
});
