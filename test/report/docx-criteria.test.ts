// The forms of criterion regimes (57/2026: Biểu 1, the self-assessment report, and Biểu 2, the
// improvement plan) as Word files, read back: their parts, a heading per standard and criterion, the
// tables with the right rows, the signature block, no raw key; and the Markdown with the same headings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkSchools } from '../../src/batch/index.js';
import type { RulePack } from '../../src/engine/rule-types.js';
import { findPack } from '../../src/report/context.js';
import { rollUpDocx, schoolDocx } from '../../src/report/formatters/docx.js';
import { schoolMarkdown } from '../../src/report/formatters/markdown.js';
import type { SchoolResult } from '../../src/types.js';
import { exampleSchools, formatContext } from '../batch/fixtures.js';
import { batchSummaryMarkdown } from '../../src/report/formatters/markdown-summary.js';
import { EXAMPLES } from '../examples.js';
import { readDocx, type DocxContent, type DocxTable } from './docx-reader.js';
import { markdownWithoutCode, schemaKeys, withoutKeys } from './schema-keys.js';
import { exampleResults } from './shared.js';

const AS_OF = '2027-06-20';
const ctx = () => formatContext({ asOf: AS_OF });
// The single-part general schools written with one council and signatory (Trần Thị Hoa); the multi-level
// school and the preschool have their own tests (below, and test/report/criteria-formats.test.ts).
const criterionExamples = EXAMPLES.filter(([name, , asOf]) => asOf === AS_OF && ['th-hoa-mai-57', 'thcs-dong-tien-57', 'th-an-binh-57'].includes(name)).map(([name]) => name);

const head = (t: DocxTable) => t.rows[0]!.join('|');
const tablesHeaded = (d: DocxContent, text: string) => d.tables.filter((t) => head(t) === text);

describe('the 57/2026 forms of the example schools, as Word files read back', () => {
  let results: SchoolResult[];
  const docs = new Map<string, DocxContent>();
  let pack: (r: SchoolResult) => RulePack;
  const named = (name: string) => results.find((r) => r.dir.endsWith(`/${name}`))!;
  beforeAll(async () => {
    const dirs = exampleSchools().filter((d) => criterionExamples.some((n) => d.endsWith(`/${n}`)));
    results = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 1 });
    pack = (r) => findPack(ctx().ruleSet, r.packId)!;
    for (const r of results) docs.set(r.dir, readDocx(await schoolDocx(r, ctx())));
  }, 60_000);

  it('covers the three 57/2026 examples, each with its report (portrait) and its plan (landscape)', () => {
    expect(results.map((r) => r.profile.name).sort()).toEqual(['Trường THCS Đông Tiến', 'Trường Tiểu học An Bình', 'Trường Tiểu học Hoa Mai']);
    for (const r of results) {
      expect(pack(r).reportForms.map((f) => f.form)).toEqual(['tu-danh-gia', 'ke-hoach-cai-tien']);
      expect(docs.get(r.dir)!.sections.map((s) => s.orient === 'landscape')).toEqual([false, true]);
    }
  });

  it('Biểu 1 then Biểu 2: letterhead, title, the four parts of the report and the eight sections of the plan', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const texts = d.paragraphs.map((p) => p.text);
      expect(texts).toEqual(expect.arrayContaining(['BÁO CÁO TỰ ĐÁNH GIÁ', 'Năm học 2026-2027', 'KẾ HOẠCH', 'Cải tiến chất lượng giáo dục theo kết quả tự đánh giá năm học 2026-2027']));
      expect(d.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual([
        'Phần I. TỔNG QUAN', 'Phần II. TỰ ĐÁNH GIÁ', 'Phần III. KẾT LUẬN', 'Phần IV. PHỤ LỤC',
        'I. THÔNG TIN CHUNG', 'II. CĂN CỨ XÂY DỰNG KẾ HOẠCH', 'III. MỤC ĐÍCH, YÊU CẦU', 'IV. CÁC VẤN ĐỀ TRỌNG TÂM CẦN CẢI TIẾN',
        'V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG', 'VI. THEO DÕI VÀ ĐÁNH GIÁ THỰC HIỆN', 'VII. TỔ CHỨC THỰC HIỆN', 'VIII. CƠ CHẾ ĐÁNH GIÁ VÀ BÁO CÁO',
      ]);
      const letterheads = d.tables.filter((t) => t.rows[0]![1]?.startsWith('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
      expect(letterheads.map((t) => /Số: +\/(\w+)/.exec(t.rows[0]![0]!)![1])).toEqual(['BC', 'KH']);
      for (const t of letterheads) expect(t.rows[0]![1]).toMatch(/, ngày 20 tháng 6 năm 2027$/);
    }
    const hoaMai = docs.get(named('th-hoa-mai-57').dir)!;
    expect(hoaMai.tables[0]!.rows[0]![0]).toMatch(/^UBND XÃ NHƯ QUỲNH\nTRƯỜNG TIỂU HỌC HOA MAI\n\nSố: +\/BC-THHM$/);
  });

  it('Phần II: a heading per standard of the pack, a heading per criterion in its order, the general assessment after each standard', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const p = pack(r);
      const start = d.paragraphs.findIndex((x) => x.text === 'Phần II. TỰ ĐÁNH GIÁ');
      const end = d.paragraphs.findIndex((x) => x.text === 'Phần III. KẾT LUẬN');
      const found = d.paragraphs.slice(start, end).filter((x) => x.style === 'Heading2' || x.style === 'Heading3').map((x) => x.text);
      const expected = p.standardNumbers.flatMap((n) => [
        `Tiêu chuẩn ${n}. ${p.standards[String(n)]!.vi}`,
        ...p.criteria.filter((c) => c.standard === n).map((c) => `Tiêu chí ${c.id}. ${c.name.vi}${c.mandatory ? ' (bắt buộc)' : ''}`),
        `Đánh giá chung về Tiêu chuẩn ${n}`,
      ]);
      expect(found).toEqual(expected);
    }
  });

  it('each criterion: its items with the rating and evidence, its indicators over three school years, the level', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const p = pack(r);
      const items = tablesHeaded(d, 'Mức, yêu cầu|Nội dung yêu cầu|Tự đánh giá|Minh chứng');
      expect(items.map((t) => t.rows.length - 1)).toEqual(p.criteria.map((c) => c.levels.reduce((n, l) => n + l.items.length, 0)));
      const indicators = d.tables.filter((t) => t.rows[0]![0] === 'Chỉ số (số liệu 03 năm học)');
      const withIndicators = p.criteria.filter((c) => c.indicators.length > 0);
      expect(indicators.map((t) => t.rows.length - 1)).toEqual(withIndicators.map((c) => c.indicators.length));
      for (const t of indicators) expect(t.rows[0]!.slice(1)).toEqual(['2024-2025', '2025-2026', '2026-2027', 'Xu hướng']);
      const levels = d.paragraphs.filter((x) => x.text.startsWith('- Tự đánh giá: ')).map((x) => x.text.slice('- Tự đánh giá: '.length));
      expect(levels).toEqual(r.criteria!.map((c) => (c.level === null ? 'Không đạt Mức 1' : c.level === 'muc_1' ? 'Mức 1' : 'Mức 2')));
    }
    const hoaMai = docs.get(named('th-hoa-mai-57').dir)!;
    const first = tablesHeaded(hoaMai, 'Mức, yêu cầu|Nội dung yêu cầu|Tự đánh giá|Minh chứng')[0]!;
    expect(first.rows.slice(1).map((row) => [row[0], row[2], row[3]])).toEqual([['Mức 1 a', 'đạt', 'MC.1.1.01'], ['Mức 1 b', 'đạt', 'MC.1.1.02'], ['Mức 2 a', 'đạt', 'MC.1.1.03'], ['Mức 2 b', 'chưa đạt', '—']]);
    const texts = hoaMai.paragraphs.map((x) => x.text);
    expect(texts.find((t) => t.startsWith('- Hiện trạng: Nhà trường ban hành kế hoạch năm học 2026-2027'))).toBeDefined();
    expect(texts).toContain('- 1.1: Chưa lấy ý kiến cha mẹ học sinh khi điều chỉnh kế hoạch; chưa có minh chứng về chuyển biến sau điều chỉnh.');
  });

  it('Phần III: the criterion table, the general table by group, the level and the shortest path to the next one', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      expect(tablesHeaded(d, 'Tiêu chí|Tên|Mức đạt|Yêu cầu đạt (Mức 1 · Mức 2)|Chưa tự đánh giá')[0]!.rows.slice(1).map((row) => row[0])).toEqual(r.criteria!.map((c) => c.criterion));
      const general = tablesHeaded(d, 'Nhóm tiêu chí|Không đạt Mức 1|Mức 1|Mức 2|Cộng')[0]!;
      const count = (level: string | null, mandatory?: boolean) => String(r.criteria!.filter((c) => c.level === level && (mandatory === undefined || c.mandatory === mandatory)).length);
      expect(general.rows.slice(1)).toEqual([
        ['Tiêu chí bắt buộc', count(null, true), count('muc_1', true), count('muc_2', true), '8'],
        ['Tiêu chí còn lại', count(null, false), count('muc_1', false), count('muc_2', false), '7'],
        ['Tổng số', count(null), count('muc_1'), count('muc_2'), '15'],
      ]);
      const texts = d.paragraphs.map((x) => x.text);
      expect(texts).toContain(`Nhà trường đạt: ${r.reached === null ? 'chưa đạt mức nào' : r.reached === 'muc_1' ? 'Mức 1' : 'Mức 2'}`);
      const path = r.nextLevel;
      if (!path) continue;
      const at = texts.findIndex((t) => t.startsWith(`Để đạt ${path.level === 'muc_1' ? 'Mức 1' : 'Mức 2'}, cần nâng ít nhất ${path.items} yêu cầu (${path.unmet} chưa đạt`));
      expect(at).toBeGreaterThan(0);
      expect(texts.slice(at + 1, at + 1 + path.steps.length).map((t) => /^- Tiêu chí (\d\.\d):/.exec(t)?.[1])).toEqual(path.steps.map((s) => s.criterion));
    }
    expect(named('thcs-dong-tien-57').nextLevel?.steps.length).toBe(4);
  });

  it('the council, the evidence catalogue in five columns, and the signature block of each document', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const council = tablesHeaded(d, 'TT|Họ và tên|Chức vụ|Nhiệm vụ trong hội đồng')[0]!;
      expect(council.rows.slice(1).map((row) => row[3])).toEqual(['Chủ tịch', 'Phó Chủ tịch', 'Thư ký', 'Ủy viên', 'Ủy viên']);
      const catalogue = tablesHeaded(d, 'TT|Mã minh chứng|Tên minh chứng|Định dạng, vị trí lưu trữ|Ghi chú')[0]!;
      expect(catalogue.rows.slice(1).map((row) => row[1])).toEqual(r.evidence.map((e) => e.code));
      const closings = d.tables.filter((t) => t.rows[0]![0]!.startsWith('Nơi nhận:'));
      expect(closings).toHaveLength(2);
      for (const t of closings) expect(t.rows[0]![1]).toMatch(/^HIỆU TRƯỞNG\n\(Ký, ghi rõ họ tên, đóng dấu\)\n(\n)+Trần Thị Hoa$/);
    }
    const hoaMai = docs.get(named('th-hoa-mai-57').dir)!;
    expect(hoaMai.tables.find((t) => t.rows[0]![0]!.startsWith('Nơi nhận:'))!.rows[0]![0]).toBe('Nơi nhận:\n- Sở GD&ĐT tỉnh Hưng Yên (để báo cáo);\n- UBND xã Như Quỳnh (để báo cáo);\n- Lưu VT.');
  });

  it('Biểu 2: the plan table (criterion, action, responsible person, time, resources) from the school, else proposed from the shortest path', () => {
    const planHead = 'TT|Tiêu chí|Nội dung cải tiến|Hoạt động, giải pháp|Kết quả dự kiến|Thời gian thực hiện|Người phụ trách|Nguồn lực bảo đảm';
    const hoaMai = tablesHeaded(docs.get(named('th-hoa-mai-57').dir)!, planHead)[0]!;
    expect(hoaMai.rows.slice(1).map((row) => [row[0], row[1], row[5], row[6]])).toEqual([
      ['1', '1.1', '09/2027 – 01/2028', 'Phó hiệu trưởng Lê Văn Minh'],
      ['2', '4.3', '09/2027 – 05/2028', 'Kế toán; Trưởng ban đại diện cha mẹ học sinh'],
      ['3', '4.3', '05/2028', 'Hiệu trưởng Trần Thị Hoa'],
    ]);
    const dongTien = named('thcs-dong-tien-57');
    const proposed = tablesHeaded(docs.get(dongTien.dir)!, planHead)[0]!;
    // No improvement action written: one proposed row per item of the shortest path to Mức 2.
    expect(proposed.rows.slice(1).map((row) => row[0])).toEqual(Array.from({ length: dongTien.nextLevel!.items }, (_, i) => `${i + 1}*`));
    expect(proposed.rows.slice(1).map((row) => row[1])).toEqual(dongTien.nextLevel!.steps.flatMap((s) => s.ruleIds.map(() => s.criterion)));
    expect(proposed.rows[1]![6]!.trim()).toBe('chưa phân công');
    for (const r of results) {
      const reviews = tablesHeaded(docs.get(r.dir)!, 'Lần|Thời điểm rà soát, đánh giá|Biên bản rà soát')[0]!;
      expect(reviews.rows.slice(1).map((row) => row[1])).toEqual(['Cuối học kỳ I', 'Cuối năm học']);
      expect(reviews.rows[1]![2]).toBe('Biên bản rà soát kế hoạch cải tiến cuối học kỳ I, 15/01/2027 (MC.1.4.92)');
    }
  });

  it('no raw field name or YAML key outside the small print', () => {
    const keys = schemaKeys();
    for (const r of results) expect(withoutKeys(docs.get(r.dir)!.paragraphs.map((p) => p.text).join('\n'), keys), r.dir).toEqual([]);
  });
});

describe('the Markdown report has the Word file’s structure (one reads like the other), for every pack', () => {
  /** The headings of a Markdown report, as text (escapes and emphasis removed). */
  const markdownHeadings = (md: string) => md.split('\n').filter((l) => /^#{2,6} /.test(l)).map((l) => l.replace(/^#+ /, '').replace(/\\(.)/g, '$1').replace(/`[^`]*`/g, '').trim());
  const docxHeadings = (d: DocxContent) => d.paragraphs.filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => p.text.trim());

  it.each([['2026-06-15'], [AS_OF]])('the example schools checked on %s: the same headings in the same order', async (asOf) => {
    const results = asOf === AS_OF ? await checkSchools(exampleSchools(), { asOf, configFile: null, jobs: 1 }) : await exampleResults();
    const context = formatContext({ asOf });
    for (const r of results) {
      const md = schoolMarkdown(r, context, 1);
      const word = readDocx(await schoolDocx(r, context));
      expect(markdownHeadings(md), r.dir).toEqual(docxHeadings(word));
      expect(md.split('\n').filter((l) => /^# /.test(l))).toHaveLength(word.sections.length);
    }
  }, 60_000);
});

describe('a multi-level school (each part rates every criterion): a heading per criterion and part, each part a row of the roll-up', () => {
  let dir: string;
  let result: SchoolResult;
  beforeAll(async () => {
    // examples/th-hoa-mai-57 as a primary + lower-secondary school, both parts rated alike.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-nhieu-cap-'));
    const school = path.join(dir, 'th-thcs-hoa-mai');
    fs.cpSync(exampleSchools().find((d) => d.endsWith('/th-hoa-mai-57'))!, school, { recursive: true });
    const profile = path.join(school, 'truong.yaml');
    fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace('cap_hoc: tieu_hoc', 'cap_hoc: nhieu_cap\ncac_cap_hoc: [tieu_hoc, thcs]'));
    for (const n of [1, 2, 3, 4]) {
      const file = path.join(school, `tieu-chuan-${n}.yaml`);
      const { tieu_chi, ...rest } = parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
      fs.writeFileSync(file, stringify({ ...rest, cap_hoc: { tieu_hoc: { tieu_chi }, thcs: { tieu_chi } } }));
    }
    [result] = await checkSchools([school], { asOf: AS_OF, configFile: null, jobs: 1 });
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('Biểu 1 and its Markdown: each criterion once per part, no raw key (the parts named in words)', async () => {
    expect(result!.outcome).not.toBe('invalid');
    const word = readDocx(await schoolDocx(result!, ctx()));
    const criteria = word.paragraphs.filter((p) => p.style === 'Heading3' && p.text.startsWith('Tiêu chí ')).map((p) => p.text.replace(/^Tiêu chí (\d\.\d).* — (cấp .+)$/, '$1 $2'));
    expect(criteria.slice(0, 4)).toEqual(['1.1 cấp tiểu học', '1.1 cấp THCS', '1.2 cấp tiểu học', '1.2 cấp THCS']);
    expect(criteria).toHaveLength(30);
    const keys = schemaKeys();
    expect(withoutKeys(word.paragraphs.map((p) => p.text).join('\n'), keys)).toEqual([]);
    expect(withoutKeys(markdownWithoutCode(schoolMarkdown(result!, ctx(), 1)), keys)).toEqual([]);
  });

  it('TONG-HOP: one row per part in the schools × criteria table', async () => {
    const rollUp = readDocx(await rollUpDocx([result!], ctx()));
    const matrix = rollUp.tables.find((t) => t.rows[0]![1] === '1.1')!;
    expect(matrix.rows.slice(1).map((row) => row[0])).toEqual(['Trường Tiểu học Hoa Mai (cấp tiểu học)', 'Trường Tiểu học Hoa Mai (cấp THCS)']);
    expect(batchSummaryMarkdown([result!], ctx())).toContain('| Trường Tiểu học Hoa Mai (cấp THCS) | M1 | M2 |');
  });
});
