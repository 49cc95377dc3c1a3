// The self-assessment report of the 2018 packs as a Word file, read back (the parts as the pack names them):
// the council's list to sign, the summary of results with the national standard beside the accreditation
// level, the school's data, the self-assessment — per standard an opening, its criteria in five parts
// (current state, strengths, weaknesses, improvement plan, level) and a conclusion; the Mức 4 criteria on
// their own; the general conclusion — and the annex's evidence catalogue in the 2018 columns.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSchools } from '../../src/batch/index.js';
import type { RulePack } from '../../src/engine/rule-types.js';
import { findPack } from '../../src/report/context.js';
import { schoolDocx } from '../../src/report/formatters/docx.js';
import type { SchoolResult } from '../../src/types.js';
import { exampleSchools, formatContext } from '../batch/fixtures.js';
import { EXAMPLES } from '../examples.js';
import { readDocx, type DocxContent, type DocxTable } from './docx-reader.js';
import { schemaKeys, withoutKeys } from './schema-keys.js';

const SCHOOLS = EXAMPLES.filter(([name]) => name.endsWith('-17')).map(([name, , asOf]) => ({ name, asOf: asOf! }));
const head = (t: DocxTable) => t.rows[0]!.join('|');
const tableHeaded = (d: DocxContent, text: string) => d.tables.filter((t) => head(t) === text);
const LEVEL: Record<string, string> = { muc_1: 'Mức 1', muc_2: 'Mức 2', muc_3: 'Mức 3' };

describe('the 2018 self-assessment report of the example schools, as Word files read back', () => {
  const schools: { name: string; result: SchoolResult; pack: RulePack; doc: DocxContent }[] = [];
  beforeAll(async () => {
    for (const { name, asOf } of SCHOOLS) {
      const [result] = await checkSchools(exampleSchools().filter((d) => d.endsWith(`/${name}`)), { asOf, configFile: null, jobs: 1 });
      const ctx = formatContext({ asOf });
      schools.push({ name, result: result!, pack: findPack(ctx.ruleSet, result!.packId)!, doc: readDocx(await schoolDocx(result!, ctx)) });
    }
  }, 60_000);

  const between = (d: DocxContent, from: string, to: string | null) => {
    const start = d.paragraphs.findIndex((p) => p.text === from);
    const end = to === null ? d.paragraphs.length : d.paragraphs.findIndex((p, i) => i > start && p.text === to);
    expect(start, from).toBeGreaterThanOrEqual(0);
    expect(end, String(to)).toBeGreaterThan(start);
    return d.paragraphs.slice(start, end);
  };
  /** The pack's criteria the school was assessed on (22/2024 rewrote Standard 3 into three criteria), in order. */
  const assessed = (pack: RulePack, result: SchoolResult) => pack.criteria.filter((c) => result.criteria!.some((r) => r.criterion === c.id));
  const criteriaWith = (pack: RulePack, result: SchoolResult, level: string) => assessed(pack, result).filter((c) => c.levels.some((l) => l.level === level && l.items.length > 0));

  it('covers both 2018 examples: one portrait document each, the self-assessment report of the pack', () => {
    expect(schools.map((s) => s.name)).toEqual(['th-hong-ha-17', 'th-song-cau-17']);
    for (const { pack, doc } of schools) {
      expect(pack.reportForms.map((f) => f.form)).toEqual(['tu-danh-gia']);
      expect(doc.sections.map((s) => s.orient === 'landscape')).toEqual([false]);
      expect(doc.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(['BÁO CÁO TỰ ĐÁNH GIÁ']));
    }
  });

  it('the parts in the order and with the names of the pack: council, summary, Phần I, Phần II (A, B: I, II, III), annex', () => {
    for (const { doc } of schools) {
      const style = (s: string) => doc.paragraphs.filter((p) => p.style === s).map((p) => p.text);
      expect(style('Heading1')).toEqual(['DANH SÁCH VÀ CHỮ KÝ THÀNH VIÊN HỘI ĐỒNG TỰ ĐÁNH GIÁ', 'BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ', 'Phần I. CƠ SỞ DỮ LIỆU', 'Phần II. TỰ ĐÁNH GIÁ', 'PHỤ LỤC']);
      expect(style('Heading2').slice(0, 2)).toEqual(['A. ĐẶT VẤN ĐỀ', 'B. TỰ ĐÁNH GIÁ']);
      expect(style('Heading3')).toEqual(['I. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 1, 2 VÀ 3', 'II. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4', 'III. KẾT LUẬN CHUNG']);
      const intro = between(doc, 'A. ĐẶT VẤN ĐỀ', 'B. TỰ ĐÁNH GIÁ').map((p) => p.text);
      expect(intro[1]).toMatch(/^Nhà trường tự đánh giá theo quy trình của Điều 23/);
      expect(intro.at(-1)).toMatch(/theo mẫu báo cáo tự đánh giá \(Công văn 5932\/BGDĐT-QLCL ngày 28\/12\/2018\) như sau:$/);
    }
  });

  it('I: per standard its heading, the opening, each criterion in pack order, the conclusion on the standard', () => {
    for (const { pack, doc, result } of schools) {
      const part = between(doc, 'I. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 1, 2 VÀ 3', 'II. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4');
      expect(part.filter((p) => p.style === 'Heading4' || p.style === 'Heading5').map((p) => p.text)).toEqual(pack.standardNumbers.flatMap((n) => [
        `Tiêu chuẩn ${n}. ${pack.standards[String(n)]!.vi}`,
        ...assessed(pack, result).filter((c) => c.standard === n).map((c) => `Tiêu chí ${c.id}. ${c.name.vi}`),
        `Kết luận về Tiêu chuẩn ${n}`,
      ]));
      const openings = part.filter((p) => p.text.startsWith('Mở đầu: ')).map((p) => p.text);
      expect(openings).toHaveLength(pack.standardNumbers.length);
      expect(openings[0]).toMatch(new RegExp(`^Mở đầu: Tiêu chuẩn 1 có ${assessed(pack, result).filter((c) => c.standard === 1).length} tiêu chí; `));
      // The items below Mức 4 of each criterion, one row each.
      const items = tableHeaded(doc, 'Mức, yêu cầu|Nội dung yêu cầu|Tự đánh giá|Minh chứng');
      const below = assessed(pack, result).map((c) => c.levels.filter((l) => l.level !== 'muc_4').reduce((n, l) => n + l.items.length, 0));
      const at4 = criteriaWith(pack, result, 'muc_4').map((c) => c.levels.find((l) => l.level === 'muc_4')!.items.length);
      expect(items.map((t) => t.rows.length - 1)).toEqual([...below, ...at4]);
      expect(items.slice(0, below.length).every((t) => t.rows.slice(1).every((r) => !r[0]!.startsWith('Mức 4')))).toBe(true);
      // Five parts per criterion, in order; its level at most Mức 3 here.
      const fields = part.filter((p) => /^- (Hiện trạng|Điểm mạnh|Điểm yếu|Kế hoạch cải tiến|Tự đánh giá): /.test(p.text)).map((p) => /^- ([^:]+):/.exec(p.text)![1]);
      expect(fields).toEqual(assessed(pack, result).flatMap(() => ['Hiện trạng', 'Điểm mạnh', 'Điểm yếu', 'Kế hoạch cải tiến', 'Tự đánh giá']));
      const levels = part.filter((p) => p.text.startsWith('- Tự đánh giá: ')).map((p) => p.text.slice('- Tự đánh giá: '.length));
      expect(levels).toEqual(result.criteria!.map((c) => (c.level === null ? 'Không đạt Mức 1' : LEVEL[c.level] ?? 'Mức 3')));
      const conclusions = part.filter((p, i) => i > 0 && part[i - 1]!.text.startsWith('Kết luận về Tiêu chuẩn ')).map((p) => p.text);
      expect(conclusions).toHaveLength(pack.standardNumbers.length);
      for (const [i, n] of pack.standardNumbers.entries()) expect(conclusions[i]).toMatch(new RegExp(`^Số tiêu chí đạt .*\\(tổng ${assessed(pack, result).filter((c) => c.standard === n).length}\\)\\.`));
    }
    const hongHa = schools[0]!.doc.paragraphs.map((p) => p.text);
    expect(hongHa).toContain('- Điểm yếu: Việc lấy ý kiến cộng đồng khi điều chỉnh chiến lược còn hình thức, chủ yếu qua họp cha mẹ học sinh.');
    expect(hongHa).toContain('- Kế hoạch cải tiến: Lấy ý kiến cộng đồng qua phiếu khảo sát trực tuyến khi xây dựng chiến lược giai đoạn 2025-2030 (Hiệu trưởng, 09/2024 – 12/2024)');
  });

  it('II: the criteria with Mức 4 requirements, each met or not', () => {
    for (const { pack, doc, result } of schools) {
      const part = between(doc, 'II. TỰ ĐÁNH GIÁ TIÊU CHÍ MỨC 4', 'III. KẾT LUẬN CHUNG');
      const criteria = criteriaWith(pack, result, 'muc_4');
      expect(part.filter((p) => p.style === 'Heading4').map((p) => p.text)).toEqual(criteria.map((c) => `Tiêu chí ${c.id}. ${c.name.vi}`));
      const met = (id: string) => result.criteria!.find((c) => c.criterion === id)!.level === 'muc_4';
      expect(part.filter((p) => p.text.startsWith('- Tự đánh giá: ')).map((p) => p.text)).toEqual(criteria.map((c) => `- Tự đánh giá: ${met(c.id) ? 'Đạt' : 'Chưa đạt'} Mức 4`));
    }
  });

  it('the summary: each criterion marked at its level (Mức 1–3), Mức 4 met or not, the level and the national standard beside the accreditation level', () => {
    for (const { pack, doc, result } of schools) {
      const [levels] = tableHeaded(doc, 'Tiêu chí|Không đạt|Đạt Mức 1|Đạt Mức 2|Đạt Mức 3');
      const capped = (c: NonNullable<SchoolResult['criteria']>[number]) => (c.level === 'muc_4' ? 'muc_3' : c.level);
      expect(levels!.rows.slice(1)).toEqual(result.criteria!.map((c) => [c.criterion, ...[null, 'muc_1', 'muc_2', 'muc_3'].map((l) => (capped(c) === l ? 'x' : ''))]));
      const [level4] = tableHeaded(doc, 'Tiêu chí Mức 4|Đạt|Không đạt');
      expect(level4!.rows.slice(1).map((r) => r[0])).toEqual(criteriaWith(pack, result, 'muc_4').map((c) => c.id));
      const summary = between(doc, 'BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ', 'Phần I. CƠ SỞ DỮ LIỆU').filter((p) => p.table === null && p.text !== '').map((p) => p.text);
      const reached = result.reached === null ? 'chưa đạt mức nào' : LEVEL[result.reached] ?? 'Mức 4';
      expect(summary.slice(1)).toEqual([
        `Kết quả: ${reached}`,
        expect.stringMatching(new RegExp(`^Kết quả kiểm định chất lượng giáo dục \\(tự đánh giá theo các mức của Quy định\\): ${result.reached === null ? 'chưa đạt' : reached} \\(`)),
        expect.stringMatching(/^Chuẩn quốc gia tương ứng: (mức độ [12]|chưa đạt) \(Mức 2 → mức độ 1; Mức 3, Mức 4 → mức độ 2; /),
      ]);
    }
    expect(schools[0]!.result.nationalStandard).toBe('muc_do_2');
    expect(schools[0]!.doc.paragraphs.map((p) => p.text)).toContain('Chuẩn quốc gia tương ứng: mức độ 2 (Mức 2 → mức độ 1; Mức 3, Mức 4 → mức độ 2; Quy định kèm theo Thông tư 17/2018/TT-BGDĐT, Điều 37)');
  });

  it('the council with a column to sign, the evidence catalogue in the 2018 columns, the signature block', () => {
    for (const { doc, result } of schools) {
      const [council] = tableHeaded(doc, 'TT|Họ và tên|Chức vụ|Nhiệm vụ trong hội đồng|Chữ ký');
      expect(council!.rows.slice(1).map((r) => [r[3], r[4]!.trim()])).toEqual([['Chủ tịch', ''], ['Phó Chủ tịch', ''], ['Thư ký', ''], ['Ủy viên', ''], ['Ủy viên', '']]);
      const [catalogue] = tableHeaded(doc, 'Tiêu chí|Số TT|Mã minh chứng|Tên minh chứng|Số, ngày ban hành, hoặc thời điểm khảo sát, điều tra, phỏng vấn, quan sát|Nơi ban hành hoặc nhóm, cá nhân thực hiện|Ghi chú');
      const rows = catalogue!.rows.slice(1);
      expect(rows.map((r) => r[2])).toEqual(result.evidence.map((e) => e.code));
      // The criterion at the first document of its group, the number counted within the group.
      expect(rows.filter((r) => r[0] !== '').map((r) => r[0])).toEqual([...new Set(result.evidence.map((e) => e.criteria[0]))]);
      for (const [i, r] of rows.entries()) expect(r[1]).toBe(r[0] !== '' ? '1' : String(Number(rows[i - 1]![1]) + 1));
      const [closing] = doc.tables.filter((t) => t.rows[0]![0]!.startsWith('Nơi nhận:'));
      expect(closing!.rows[0]![1]).toMatch(/^HIỆU TRƯỞNG\n\(Ký, ghi rõ họ tên, đóng dấu\)\n(\n)+(Nguyễn Thị Hằng|Lê Thị Thu)$/);
    }
  });

  it('no raw field name or YAML key outside the small print', () => {
    const keys = schemaKeys();
    for (const { name, doc } of schools) expect(withoutKeys(doc.paragraphs.map((p) => p.text).join('\n'), keys), name).toEqual([]);
  });
});
