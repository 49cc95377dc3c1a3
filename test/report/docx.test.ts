import { beforeAll, describe, expect, it } from 'vitest';
import { partName } from '../../src/report/criteria-lines.js';
import { findPack } from '../../src/report/context.js';
import { docxFormatter, rollUpDocx, schoolDocx } from '../../src/report/formatters/docx.js';
import { byCriterion } from '../../src/report/forms/parts.js';
import { viewOf } from '../../src/report/summary.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { readDocx, type DocxContent } from './docx-reader.js';
import { exampleResults } from './shared.js';
import { schemaKeys, withoutKeys } from './schema-keys.js';

const mm = (twips: number) => Math.round((twips * 25.4) / 1440);

describe('the Word report of every example school, read back', () => {
  let results: SchoolResult[];
  const docs = new Map<string, DocxContent>();
  beforeAll(async () => {
    results = await exampleResults();
    for (const r of results) docs.set(r.dir, readDocx(await schoolDocx(r, formatContext())));
  }, 60_000);

  it('A4, margins 20/20/30/15 mm, Times New Roman, page numbers from page 2; one section per form of the pack (the report portrait)', () => {
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const forms = findPack(formatContext().ruleSet, r.packId)?.reportForms ?? [{ form: 'tu-ra-soat' }];
      // An invalid school gets its report, not its plan.
      expect(d.sections).toHaveLength(r.outcome === 'invalid' ? 1 : forms.length);
      expect(d.sections[0]!.orient).not.toBe('landscape');
      for (const s of d.sections) {
        expect([mm(Math.min(s.width, s.height)), mm(Math.max(s.width, s.height))]).toEqual([210, 297]);
        expect([mm(s.margins['top']!), mm(s.margins['bottom']!), mm(s.margins['left']!), mm(s.margins['right']!)]).toEqual([20, 20, 30, 15]);
      }
      expect(d.parts['word/styles.xml']).toContain('w:ascii="Times New Roman"');
      expect(d.parts['word/document.xml']).toContain('<w:titlePg/>');
      expect(Object.keys(d.parts).some((p) => /^word\/header\d+\.xml$/.test(p) && d.parts[p]!.includes('PAGE'))).toBe(true);
    }
  });

  it('letterhead: the school in capitals beside Quốc hiệu and Tiêu ngữ, the number and the place-date line', () => {
    for (const r of results) {
      const head = docs.get(r.dir)!.tables[0]!.rows[0]!;
      expect(head[0]).toContain(r.profile.name.toLocaleUpperCase('vi'));
      expect(head[0]).toMatch(/Số: +\/BC/);
      expect(head[1]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc');
      expect(head[1]).toMatch(/, ngày 15 tháng 6 năm 2026$/);
    }
    const maiSao = [...docs.entries()].find(([dir]) => dir.endsWith('th-mai-sao'))![1];
    expect(maiSao.tables[0]!.rows[0]![0]).toMatch(/^UBND XÃ MAI SAO\nTRƯỜNG TIỂU HỌC MAI SAO\n\nSố: +\/BC-THMS$/);
    expect(maiSao.tables[0]!.rows[0]![1]).toMatch(/Mai Sao, ngày 15 tháng 6 năm 2026$/);
  });

  /** Schools whose pack files the yearly self-review report (the criterion packs' forms: docx-criteria.test.ts). */
  const selfReview = (x: SchoolResult) => x.outcome !== 'invalid' && findPack(formatContext().ruleSet, x.packId)!.reportForms[0]!.form === 'tu-ra-soat';

  it('title, then a heading per standard and per criterion of every unmet indicator, in report order', () => {
    expect(results.filter(selfReview).length).toBeGreaterThan(4);
    for (const r of results.filter(selfReview)) {
      const d = docs.get(r.dir)!;
      const texts = d.paragraphs.map((p) => p.text);
      expect(texts).toContain('BÁO CÁO');
      expect(texts).toContain(`Kết quả tự kiểm tra trường đạt chuẩn quốc gia năm học ${r.profile.schoolYear}`);
      const view = viewOf(r, findPack(formatContext().ruleSet, r.packId));
      // Recognition conditions (standard 0) have their criterion headings but no "Tiêu chuẩn 0".
      const expected = byCriterion(view.gaps).flatMap((s) => [...(s.standard === 0 ? [] : [`Heading2 ${s.standard}`]), ...s.criteria.map((c) => `Heading3 Tiêu chí ${c.criterion}`)]);
      const found = d.paragraphs
        .filter((p) => p.style === 'Heading3' || (p.style === 'Heading2' && /^Tiêu chuẩn \d/.test(p.text) && !p.text.startsWith('Tiêu chuẩn 0')))
        .filter((p) => p.style === 'Heading2' || /^Tiêu chí \d/.test(p.text))
        .map((p) => (p.style === 'Heading2' ? `Heading2 ${/^Tiêu chuẩn (\d)/.exec(p.text)![1]}` : `Heading3 ${p.text}`));
      expect(found).toEqual(expected);
      expect(d.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text.split('. ')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'].slice(0, d.paragraphs.filter((p) => p.style === 'Heading1').length));
    }
  });

  it('tables with the right rows: facts, one row per standard of the pack, one plan row per unmet criterion', () => {
    for (const r of results.filter(selfReview)) {
      const d = docs.get(r.dir)!;
      const facts = d.tables.find((t) => t.rows[0]![0] === 'Thông tin chung')!;
      expect(facts.rows.map((row) => row[0])).toEqual(['Thông tin chung', 'Trường', 'Mã trường', 'Cấp học', 'Căn cứ', 'Mức đích', 'Mức đạt được', 'Công nhận', 'Ngày kiểm tra']);
      const standards = d.tables.find((t) => t.rows[0]![0] === 'Tiêu chuẩn')!;
      const pack = findPack(formatContext().ruleSet, r.packId)!;
      expect(standards.rows.slice(1).map((row) => row[0]!.slice(0, 12))).toEqual(pack.standardNumbers.map((n) => `Tiêu chuẩn ${n}`));
      const view = viewOf(r, pack);
      const plan = d.tables.find((t) => t.rows[0]!.join('|') === 'Tiêu chí|Nội dung chưa đạt|Người thực hiện|Thời hạn');
      const criteria = byCriterion(view.gaps).flatMap((s) => s.criteria.map((c) => c.criterion));
      if (criteria.length === 0) expect(plan).toBeUndefined();
      else expect(plan!.rows.slice(1).map((row) => row[0])).toEqual(criteria);
    }
  });

  it('who and by when come from truong.yaml (bao_cao.ke_hoach)', () => {
    const d = [...docs.entries()].find(([dir]) => dir.endsWith('th-mai-sao'))![1];
    const plan = d.tables.find((t) => t.rows[0]![1] === 'Nội dung chưa đạt')!;
    expect(plan.rows[1]).toEqual(['4.3', 'Thư viện đạt tiên tiến trở lên', 'Cán bộ thư viện, Phó hiệu trưởng Trần Văn Hùng', '31/12/2026']);
    expect(plan.rows[2]![3]).toBe('31/05/2027');
  });

  it('the signature block: Nơi nhận beside the position and the signatory from truong.yaml', () => {
    const d = [...docs.entries()].find(([dir]) => dir.endsWith('th-mai-sao'))![1];
    const last = d.tables.at(-1)!.rows[0]!;
    expect(last[0]).toBe('Nơi nhận:\n- UBND xã Mai Sao (để báo cáo);\n- Lưu VT.');
    expect(last[1]).toMatch(/^HIỆU TRƯỞNG\n\(Ký, ghi rõ họ tên, đóng dấu\)\n(\n)+Nguyễn Thị Lan$/);
    for (const r of results) expect(docs.get(r.dir)!.tables.at(-1)!.rows[0]![0]).toMatch(/^Nơi nhận:/);
  });

  it('advisories have their own section and are never called "chưa đạt"', () => {
    const d = [...docs.entries()].find(([dir]) => dir.endsWith('th-mai-sao'))![1];
    const start = d.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text.includes('KHUYẾN NGHỊ'));
    expect(start).toBeGreaterThan(0);
    const section = d.paragraphs.slice(start + 1, d.paragraphs.findIndex((p, i) => i > start && (p.style === 'Heading1' || p.table !== null)));
    expect(section.map((p) => p.text).join('\n')).toContain('Ít nhất 2 lần giao lưu chuyên môn');
    expect(section.map((p) => p.text).join('\n')).not.toContain('chưa đạt');
  });

  it('no raw field name or YAML key outside the small print', () => {
    const keys = schemaKeys();
    for (const r of results) {
      const d = docs.get(r.dir)!;
      const text = d.paragraphs.map((p) => p.text).join('\n');
      expect(withoutKeys(text, keys), r.dir).toEqual([]);
    }
  });

  it('the same bytes every time', async () => {
    const r = results.find((x) => x.dir.endsWith('th-binh-minh'))!;
    const a = await schoolDocx(r, formatContext());
    const b = await schoolDocx(r, formatContext());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('the Word report of a batch', () => {
  it('the roll-up (landscape) then each school on its own pages; TONG-HOP.docx has a row per school', async () => {
    const results = await exampleResults();
    const ruleSet = formatContext().ruleSet;
    const forms = (r: SchoolResult) => (r.outcome === 'invalid' ? 1 : (findPack(ruleSet, r.packId)?.reportForms.length ?? 1));
    const all = readDocx(await docxFormatter(results, formatContext()));
    expect(all.sections).toHaveLength(1 + results.reduce((n, r) => n + forms(r), 0));
    expect(all.sections[0]!.orient).toBe('landscape');
    // Each school's report is portrait; a criterion pack's improvement plan after it is landscape.
    let at = 1;
    for (const r of results) {
      expect(all.sections[at]!.orient).not.toBe('landscape');
      at += forms(r);
    }
    const rollUp = readDocx(await rollUpDocx(results, formatContext()));
    // One table per regime, in the rule set's order, together one row per school.
    const byRegime = rollUp.tables.filter((t) => t.rows[0]![0] === 'Trường' && t.rows[0]![1] === 'Thư mục');
    const packs = ruleSet.packs.filter((p) => results.some((r) => r.packId === p.id));
    expect(byRegime).toHaveLength(packs.length);
    expect(byRegime.flatMap((t) => t.rows.slice(1).map((row) => row[0]))).toEqual(packs.flatMap((p) => results.filter((r) => r.packId === p.id).map((r) => r.profile.name)));
    // Then per regime: schools × standards, or schools × criteria for a criterion pack.
    const matrices = rollUp.tables.filter((t) => t.rows[0]![0] === 'Trường' && t.rows[0]!.at(-1) === 'Mức đạt');
    expect(matrices).toHaveLength(packs.length);
    packs.forEach((p, i) => {
      const head = p.levelModel.kind === 'rule_cumulative'
        ? ['Trường', ...p.standardNumbers.map((n) => `TC${n}`), 'Mức đạt']
        : ['Trường', ...p.criteria.map((c) => `${c.id}${c.mandatory ? '★' : ''}`), 'Mức đạt'];
      expect(matrices[i]!.rows[0]).toEqual(head);
      // A multi-level school has one row per part ("… (cấp THCS)").
      const rows = (r: SchoolResult) => {
        const parts = [...new Set((r.criteria ?? []).map((c) => c.part).filter((x): x is string => x !== undefined))];
        return parts.length > 0 ? parts.map((part) => `${r.profile.name} (${partName(part, 'vi')})`) : [r.profile.name];
      };
      expect(matrices[i]!.rows.slice(1).map((row) => row[0])).toEqual(results.filter((r) => r.packId === p.id).flatMap(rows));
    });
    expect(packs.some((p) => p.levelModel.kind !== 'rule_cumulative')).toBe(true);
    const due = rollUp.tables.find((t) => t.rows[0]![2] === 'Việc cần làm')!;
    expect(due.rows.slice(1).map((row) => row[0])).toEqual(results.filter((r) => r.recognition?.state === 'due_soon' || r.recognition?.state === 'expired' || r.recognition?.midCycle?.state === 'overdue' || r.recognition?.midCycle?.state === 'due_soon').map((r) => r.profile.name));
    expect(withoutKeys(rollUp.paragraphs.map((p) => p.text).join('\n'), schemaKeys())).toEqual([]);
  }, 60_000);
});

describe('--format docx on the command line', () => {
  it('needs a file: a Word file never goes to the terminal (exit 2, in Vietnamese)', async () => {
    const { run } = await import('../cli/run-main.js');
    const result = await run(['check', 'examples/th-mai-sao', '--format', 'docx', '--as-of', '2026-06-15']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('định dạng docx là tệp Word, không in ra màn hình');
  });
});
