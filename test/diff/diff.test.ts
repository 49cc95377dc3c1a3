import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSchools } from '../../src/diff/compare.js';
import { progressText, regressed } from '../../src/diff/render.js';
import type { SchoolSnapshot, SnapshotFinding } from '../../src/diff/snapshot.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';
import { EXAMPLES } from '../examples.js';

const BASELINE = 'examples/expected/mn-hoa-sen-2024.json';
const AS_OF = '2026-06-15';

/** The section `--baseline examples/expected/mn-hoa-sen-2024.json` adds to the report of examples/mn-hoa-sen (docs/huong-dan.md). */
const DOCUMENTED = `### So với năm học 2024-2025

Đối chiếu với kết quả kiểm tra ngày 15/06/2025 (tệp mn-hoa-sen-2024.json).

- **Mức đạt được:** Mức độ 1 → Mức độ 2 (đạt thêm: Mức độ 2)
- **Chỉ số đã khắc phục:** 5 chỉ số
- **Chỉ số mới chưa đạt:** không có
- 61 chỉ số đạt ở cả hai năm.

#### Chỉ số đã khắc phục

- 2.1 Cán bộ quản lý có chứng chỉ ngoại ngữ và tin học — Trần Thị Mai (khuyến nghị): 1 chứng chỉ (ngoại ngữ, tin học) → đạt
- 2.2 Ít nhất 50% giáo viên trên chuẩn trình độ đào tạo: 44 % → 57,7 %, đạt
- 3.4 Chuyên cần trẻ các độ tuổi khác từ 90% trở lên: 88,9 % → 92 %, đạt
- 3.4 Chuyên cần trẻ 5 tuổi từ 95% trở lên: 93,7 % → 96,3 %, đạt
- 3.7 Ít nhất 95% trẻ phát triển bình thường về cân nặng, chiều cao: 91,2 % → 96 %, đạt
`;

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-diff-'));
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

const normalise = (json: string) => json.replace(/"version": ?"[^"]+"/, '"version":"X"');

describe('the committed earlier year (examples/expected/mn-hoa-sen-2024.json)', () => {
  it('is what `chuan check examples/mn-hoa-sen-2024 --format json --as-of 2025-06-15` writes (UPDATE_EXPECTED=1 to regenerate)', async () => {
    const result = await run(['check', 'examples/mn-hoa-sen-2024', '--format', 'json', '--as-of', '2025-06-15']);
    const file = path.join(packageRoot, BASELINE);
    if (process.env['UPDATE_EXPECTED'] === '1') fs.writeFileSync(file, result.stdout);
    expect(result.code).toBe(1);
    expect(normalise(result.stdout)).toBe(normalise(fs.readFileSync(file, 'utf8')));
  });
});

describe('chuan check --baseline', () => {
  it('adds the documented progress section to the Markdown report of examples/mn-hoa-sen, and changes nothing else', async () => {
    const result = await run(['check', 'examples/mn-hoa-sen', '--baseline', BASELINE, '--format', 'markdown', '--as-of', AS_OF]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`\n${DOCUMENTED}\n## III. CÁC TIÊU CHÍ ĐÃ ĐẠT`);
    const plain = fs.readFileSync(path.join(packageRoot, 'examples/expected/mn-hoa-sen.md'), 'utf8');
    expect(result.stdout.replace(`${DOCUMENTED}\n`, '')).toBe(plain);
  });

  it('matches by ma_truong wherever the earlier run was made, else by folder name, never by path', async () => {
    const report = JSON.parse(fs.readFileSync(path.join(packageRoot, BASELINE), 'utf8'));
    const write = (name: string, mutate: (r: { dir: string; profile: { code: string | null } }) => void) => {
      const copy = structuredClone(report);
      mutate(copy.results[0]);
      const file = path.join(tmp, name);
      fs.writeFileSync(file, JSON.stringify(copy));
      return file;
    };
    const moved = write('moved.json', (r) => void (r.dir = 'D:/Truong/Nam-2024/hoa-sen-cu'));
    const byCode = await run(['check', 'examples/mn-hoa-sen', '--baseline', moved, '--format', 'markdown', '--as-of', AS_OF]);
    expect(byCode.stdout).toContain('(tệp moved.json).');
    const noCode = write('no-code.json', (r) => void (r.profile.code = null));
    const unmatched = await run(['check', 'examples/mn-hoa-sen', '--baseline', noCode, '--format', 'markdown', '--as-of', AS_OF]);
    // Listed in the report, not only warned about.
    expect(unmatched.stdout).toContain('\n### So với lần kiểm tra trước\n\nKhông có kết quả của trường này trong tệp no-code.json (trường được khớp theo mã trường, hoặc theo tên thư mục khi không có mã; nên không so sánh được).\n');
    expect(unmatched.stderr).toMatch(/Trường Mầm non Hoa Sen: không có trong .*no-code\.json \(khớp theo ma_truong hoặc tên thư mục\)/);
    const sameFolder = write('folder.json', (r) => {
      r.profile.code = null;
      r.dir = '/old/machine/schools/mn-hoa-sen';
    });
    const byFolder = await run(['check', 'examples/mn-hoa-sen', '--baseline', sameFolder, '--format', 'markdown', '--as-of', AS_OF]);
    expect(byFolder.stdout).toContain('(tệp folder.json, khớp theo tên thư mục mn-hoa-sen).');
  });

  it.each([
    ['khong-co.json', /không đọc được tệp kết quả khong-co\.json \(ENOENT\)/],
    ['README.md', /README\.md không phải JSON hợp lệ/],
    ['package.json', /package\.json không phải kết quả JSON của chuan/],
  ])('--baseline %s: exit 2 before checking, one clean line', async (file, pattern) => {
    const result = await run(['check', 'examples/mn-hoa-sen', '--baseline', file, '--format', 'markdown', '--as-of', AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('chuan diff OLD.json NEW.json', () => {
  it('prints the level change, gaps resolved and new gaps as text; the other way round, the level lost', async () => {
    const now = path.join(tmp, 'mn-hoa-sen-2025.json');
    fs.writeFileSync(now, (await run(['check', 'examples/mn-hoa-sen', '--format', 'json', '--as-of', AS_OF])).stdout);
    const forward = await run(['diff', BASELINE, now]);
    expect(forward.code).toBe(0);
    expect(forward.stdout).toBe(`Trường Mầm non Hoa Sen (33.MN.0412) — 2024-2025 → 2025-2026
  Đối chiếu với kết quả kiểm tra ngày 15/06/2025 (tệp mn-hoa-sen-2024.json).
  Mức đạt được: Mức độ 1 → Mức độ 2 (đạt thêm: Mức độ 2)
  Chỉ số đã khắc phục (5):
    - 2.1 Cán bộ quản lý có chứng chỉ ngoại ngữ và tin học — Trần Thị Mai (khuyến nghị): 1 chứng chỉ (ngoại ngữ, tin học) → đạt
    - 2.2 Ít nhất 50% giáo viên trên chuẩn trình độ đào tạo: 44 % → 57,7 %, đạt
    - 3.4 Chuyên cần trẻ các độ tuổi khác từ 90% trở lên: 88,9 % → 92 %, đạt
    - 3.4 Chuyên cần trẻ 5 tuổi từ 95% trở lên: 93,7 % → 96,3 %, đạt
    - 3.7 Ít nhất 95% trẻ phát triển bình thường về cân nặng, chiều cao: 91,2 % → 96 %, đạt
  Chỉ số mới chưa đạt: không có
  61 chỉ số đạt ở cả hai năm.
`);
    const backward = await run(['diff', now, BASELINE, '--lang', 'en']);
    // Items met before and unmet now, and a level lost: exit 1, as chuan check exits for unmet indicators.
    expect(backward.code).toBe(1);
    expect(backward.stdout).toContain('Level reached: Level 2 → Level 1 (lost: Level 2)');
    expect(backward.stdout).toContain('New gaps (5):');
    expect(backward.stdout).toContain('2.2 At least 50% of teachers above the trained standard: 57.7 % → 44 %, short by 6 points');
  });

  it('pairs the schools of two batch results and names those in one file only', async () => {
    const batch = path.join(tmp, 'batch.json');
    fs.writeFileSync(batch, (await run(['check', 'examples', '--format', 'json', '--as-of', AS_OF])).stdout);
    const result = await run(['diff', BASELINE, batch]);
    expect(result.code).toBe(0);
    // mn-hoa-sen-2024 and mn-hoa-sen share ma_truong: the first of them in the batch is paired.
    expect(result.stdout).toMatch(/^Trường Mầm non Hoa Sen \(33\.MN\.0412\) — 2024-2025 → /m);
    expect(result.stdout).toMatch(/Trường Tiểu học Mai Sao \(th-mai-sao\): không có trong examples\/expected\/mn-hoa-sen-2024\.json/);
    const self = await run(['diff', batch, batch]);
    expect(self.stdout).not.toMatch(/không có trong/);
    // One line per example school.
    expect(self.stdout.match(/Chỉ số mới chưa đạt: không có/g)?.length).toBe(EXAMPLES.length);
    expect(self.stdout).toContain("Mức đạt được: không kiểm tra được (dữ liệu lỗi) → không kiểm tra được (dữ liệu lỗi)");
  });

  it('reads a report of schema version 1 (earlier releases) exactly as the same report of version 2', async () => {
    const v1 = 'test/fixtures/reports/mn-hoa-sen-2024.v1.json';
    expect((JSON.parse(fs.readFileSync(path.join(packageRoot, v1), 'utf8')) as { schemaVersion: string }).schemaVersion).toBe('1');
    const now = path.join(tmp, 'now-for-v1.json');
    fs.writeFileSync(now, (await run(['check', 'examples/mn-hoa-sen', '--format', 'json', '--as-of', AS_OF])).stdout);
    const fromV1 = await run(['diff', v1, now]);
    const fromV2 = await run(['diff', BASELINE, now]);
    expect(fromV1.code).toBe(0);
    expect(fromV1.stdout.replace('mn-hoa-sen-2024.v1.json', 'mn-hoa-sen-2024.json')).toBe(fromV2.stdout);
    const future = path.join(tmp, 'v3.json');
    fs.writeFileSync(future, fs.readFileSync(path.join(packageRoot, BASELINE), 'utf8').replace('"schemaVersion":"2"', '"schemaVersion":"3"'));
    const refused = await run(['diff', future, now]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/schemaVersion "3", phiên bản này chỉ đọc được "1" và "2"/);
  });

  it('an unreadable file is exit 2 with a clean message', async () => {
    const result = await run(['diff', BASELINE, 'khong-co.json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/không đọc được tệp kết quả khong-co\.json/);
  });
});

describe('compareSchools', () => {
  const rate = (ruleId: string, numerator: number, denominator: number, threshold = 95): SnapshotFinding => {
    const percent = (100 * numerator) / denominator;
    return { ruleId, status: percent >= threshold ? 'met' : 'unmet', severity: 'error', level: 'muc_do_2', standard: 3, criterion: '3.7', measure: { kind: 'rate', numerator, denominator, percent, op: '>=', threshold }, gap: 1, unit: { vi: 'trẻ', en: 'children' } };
  };
  const school = (findings: SnapshotFinding[], reached: 'muc_do_1' | 'muc_do_2' | null): SchoolSnapshot => ({
    folder: 'mn-x', code: null, name: 'Trường X', schoolYear: '2025-2026', packId: 'tt02-2014', outcome: reached === 'muc_do_2' ? 'reached' : 'not_reached', target: 'muc_do_2', reached,
    levels: [{ level: 'muc_do_1', reached: reached !== null }, { level: 'muc_do_2', reached: reached === 'muc_do_2' }],
    findings,
  });
  const ctx = { lang: 'vi' as const, ruleSet: loadRuleSet() };

  it('an indicator still unmet reads "91,4 % → 93,1 %, còn thiếu 1,9 điểm"; a new gap and a lost level are named', () => {
    const before = school([rate('TT02.MN.L2.S3.C7', 914, 1000), rate('TT02.MN.L2.S2.C2', 60, 100, 50)], 'muc_do_1');
    const after = school([rate('TT02.MN.L2.S3.C7', 931, 1000), rate('TT02.MN.L2.S2.C2', 40, 100, 50)], 'muc_do_1');
    const progress = compareSchools(before, after, { beforeAsOf: '2025-06-15', afterAsOf: '2026-06-15', matchedBy: 'folder', source: 'old.json' });
    expect(progress.stillUnmet.map((c) => c.ruleId)).toEqual(['TT02.MN.L2.S3.C7']);
    expect(progress.newGaps.map((c) => c.ruleId)).toEqual(['TT02.MN.L2.S2.C2']);
    const text = progressText(progress, ctx);
    expect(text).toContain('3.7 Ít nhất 95% trẻ phát triển bình thường về cân nặng, chiều cao: 91,4 % → 93,1 %, còn thiếu 1,9 điểm');
    expect(text).toContain('Chỉ số mới chưa đạt (1):');
    expect(text).toContain('Chỉ số đã khắc phục: không có');
    const lost = compareSchools(school([], 'muc_do_2'), school([], 'muc_do_1'), { beforeAsOf: null, afterAsOf: null, matchedBy: 'code', source: 'a.json' });
    expect(lost.levelsLost).toEqual(['muc_do_2']);
    expect(progressText(lost, ctx)).toContain('Mức đạt được: Mức độ 2 → Mức độ 1 (không còn đạt: Mức độ 2)');
  });

  it('regressed: a lost level or a new gap that counts for the target; an advisory or a rule above the target does not', () => {
    const met = (id: string, severity: 'error' | 'warning', level: 'muc_do_1' | 'muc_do_2') => ({ ...rate(id, 96, 100), severity, level });
    const unmet = (id: string, severity: 'error' | 'warning', level: 'muc_do_1' | 'muc_do_2') => ({ ...rate(id, 90, 100), severity, level });
    const sides = { beforeAsOf: null, afterAsOf: null, matchedBy: 'code' as const, source: 'a.json' };
    const target1 = (s: SchoolSnapshot): SchoolSnapshot => ({ ...s, target: 'muc_do_1' });
    const pair = (b: SnapshotFinding, a: SnapshotFinding) => compareSchools(target1(school([b], 'muc_do_1')), target1(school([a], 'muc_do_1')), sides);
    expect(regressed(pair(met('R', 'error', 'muc_do_1'), unmet('R', 'error', 'muc_do_1')), ctx)).toBe(true);
    expect(regressed(pair(met('R', 'warning', 'muc_do_1'), unmet('R', 'warning', 'muc_do_1')), ctx)).toBe(false);
    expect(regressed(pair(met('R', 'error', 'muc_do_2'), unmet('R', 'error', 'muc_do_2')), ctx)).toBe(false);
    expect(regressed(pair(unmet('R', 'error', 'muc_do_1'), met('R', 'error', 'muc_do_1')), ctx)).toBe(false);
    expect(regressed(compareSchools(school([], 'muc_do_2'), school([], 'muc_do_1'), sides), ctx)).toBe(true);
  });

  it('data that went missing is another change, not a resolved gap', () => {
    const before = school([rate('TT02.MN.L2.S3.C7', 914, 1000)], 'muc_do_1');
    const after = school([{ ...rate('TT02.MN.L2.S3.C7', 1, 1), status: 'not_assessable', measure: undefined }], null);
    const progress = compareSchools(before, after, { beforeAsOf: null, afterAsOf: null, matchedBy: 'code', source: 'a.json' });
    expect(progress.resolved).toEqual([]);
    expect(progress.otherChanges.map((c) => c.after?.status)).toEqual(['not_assessable']);
    expect(progressText(progress, ctx)).toContain('91,4 % → chưa đủ dữ liệu');
  });
});
