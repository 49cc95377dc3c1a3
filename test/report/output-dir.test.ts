import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnownError } from '../../src/errors.js';
import { batchSummaryMarkdown } from '../../src/report/formatters/markdown-summary.js';
import { fitStepSummary, reportFileNames, safeStem, SUMMARY_FILE, writeReportDir } from '../../src/report/output-dir.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext, tempDir } from '../batch/fixtures.js';
import { exampleResults } from './shared.js';

const roots: string[] = [];
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('report file names', () => {
  const named = (dirs: string[]) => reportFileNames(dirs.map((dir) => ({ dir }) as SchoolResult));

  it('come from the school folder name, made safe', () => {
    expect(safeStem('truong-th-mai-sao')).toBe('truong-th-mai-sao');
    expect(safeStem('Trường THCS Lê Lợi')).toBe('Truong-THCS-Le-Loi');
    expect(safeStem('Đồng Tâm: "A/B"?*<>|')).toBe('Dong-Tam-A-B');
    expect(safeStem('..')).toBe('truong');
    expect(safeStem('.an')).toBe('an');
    expect(safeStem('CON')).toBe('truong-CON');
    expect(safeStem('nul.txt')).toBe('truong-nul.txt');
    expect(safeStem('x'.repeat(300))).toHaveLength(80);
  });

  it('are unique (also on case-insensitive file systems) and never the summary', () => {
    expect(named(['/a/xa-1/truong-a', '/a/xa-2/truong-a', '/a/xa-3/Truong-A', '/a/TONG-HOP', '/a/tong-hop'])).toEqual([
      'truong-a.md',
      'truong-a-2.md',
      'Truong-A-3.md',
      'TONG-HOP-2.md',
      'tong-hop-3.md',
    ]);
  });
});

describe('writeReportDir', () => {
  let results: SchoolResult[];
  beforeAll(async () => {
    results = await exampleResults();
  });

  it('writes one Markdown and one Word report per school, TONG-HOP.md and TONG-HOP.docx, nothing else', async () => {
    const dir = path.join(tempDir(), 'bao-cao');
    roots.push(path.dirname(dir));
    const files = await writeReportDir(dir, results, formatContext(), results.map((r) => r.dir));
    const names = reportFileNames(results);
    expect(fs.readdirSync(dir).sort()).toEqual([...names, ...names.map((n) => n.replace(/\.md$/, '.docx')), SUMMARY_FILE, 'TONG-HOP.docx'].sort());
    expect(files).toHaveLength(2 * results.length + 2);
    const summary = fs.readFileSync(path.join(dir, SUMMARY_FILE), 'utf8');
    for (const name of reportFileNames(results)) expect(summary).toContain(`](${name})`);
    const first = fs.readFileSync(files[0]!, 'utf8');
    // The first school in order may report under 57/2026 (Biểu 1) or an older circular.
    expect(first).toMatch(/^# Báo cáo tự (kiểm tra trường đạt chuẩn quốc gia|đánh giá): /);
  });

  it('refuses to write inside a school folder', async () => {
    await expect(writeReportDir(path.join(results[0]!.dir, 'bao-cao'), results, formatContext(), results.map((r) => r.dir))).rejects.toThrow(KnownError);
    expect(fs.existsSync(path.join(results[0]!.dir, 'bao-cao'))).toBe(false);
  });
});

describe('batch summary (TONG-HOP.md)', () => {
  let results: SchoolResult[];
  beforeAll(async () => {
    results = await exampleResults();
  });

  it('one row per school with name, type, target, reached, unmet, re-recognition due, input errors; then totals', () => {
    const md = batchSummaryMarkdown(results, formatContext());
    const lines = md.split('\n');
    // One table per regime (### Thông tư …), together one row per school.
    const heads = lines.flatMap((l, i) => (l.startsWith('| Trường | Thư mục |') ? [i] : []));
    expect(heads.length).toBeGreaterThan(1);
    for (const head of heads) expect(lines[head - 2]).toMatch(/^### Thông tư \d+\/\d{4}\/TT-BGDĐT — .+ `tt[\w-]+`$/);
    const rows = heads.flatMap((head) => lines.slice(head + 2, lines.indexOf('', head)));
    expect(rows).toHaveLength(results.length);
    expect(md).toContain('| Trường | Thư mục | Cấp học | Mức đích | Mức đạt | Chỉ số chưa đạt | Công nhận lại | Lỗi dữ liệu |');
    for (const row of rows) expect(row.split(' | ')).toHaveLength(8);
    expect(md).toMatch(/\*\*Tổng:\*\* \d+ trường; \d+ đạt mức đích; \d+ chưa đạt mức đích; 1 dữ liệu lỗi; \d+ chỉ số chưa đạt;/);
    const invalidRow = rows.find((r) => r.includes('| — | — |'));
    expect(invalidRow).toBeDefined();
  });

  it('takes the receiving office and the header from configuration, never a default', () => {
    const none = batchSummaryMarkdown(results, formatContext());
    expect(none).not.toContain('Kính gửi');
    const md = batchSummaryMarkdown(results, formatContext({ config: { office: 'UBND xã Tân <Phú>', header: 'SỞ GD&ĐT TỈNH THỬ' } }));
    expect(md).toContain('**Kính gửi:** UBND xã Tân &lt;Phú&gt;');
    expect(md).toContain('SỞ GD&amp;ĐT TỈNH THỬ');
  });

  it('escapes school names that would break the table', () => {
    const md = batchSummaryMarkdown([{ ...results[0]!, profile: { ...results[0]!.profile, name: 'A | B\n<script>' } }], formatContext());
    const row = md.split('\n').find((l) => l.startsWith('| A'))!;
    expect(row).toContain('A \\| B &lt;script&gt;');
    expect(row.split(' | ')).toHaveLength(8);
  });
});

describe('fitStepSummary', () => {
  it('keeps a small summary as is', () => {
    expect(fitStepSummary('# x\n| a |\n', 'vi')).toBe('# x\n| a |\n');
  });
  it('trims at a line boundary to stay under the limit, with a note', () => {
    const big = ['# Tổng hợp', ...Array.from({ length: 5000 }, (_, i) => `| Trường số ${i} | đạt |`)].join('\n');
    const out = fitStepSummary(big, 'vi', 0, 10_000);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(10_000);
    expect(out).toContain('Tóm tắt đã được rút gọn');
    expect(out.split('\n').filter((l) => l.startsWith('| ')).every((l) => l.endsWith('|'))).toBe(true);
    expect(Buffer.byteLength(fitStepSummary(big, 'en', 9_000, 10_000))).toBeLessThanOrEqual(1_000);
  });
});
