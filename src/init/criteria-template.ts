import { schoolYearRange } from '../engine/context.js';
import type { CriterionLevelModel, DateWindow, RulePack, Wording } from '../engine/rule-types.js';
import { criterionNameAt, inWindow, latestText, wordingAt } from '../engine/wordings.js';
import type { LocalText } from '../types.js';
import { packCodeFormats } from '../evidence/codes.js';
import { partName } from '../report/criteria-lines.js';

/**
 * A criterion regime's standard file as `chuan init` writes it: every criterion and item listed, unrated
 * (chua_danh_gia), each with its text as a comment, the indicator years to fill in, and an empty register.
 * A multi-level school (`parts`: the levels it teaches) gets one section per part under cap_hoc, each
 * rating every criterion apart; the records and the register stay shared.
 */
export function criteriaTemplate(pack: RulePack, standard: number, modeline: string, namHoc: string, parts: string[] = []): string {
  const name = pack.standards[String(standard)]!;
  const out = [
    `# yaml-language-server: $schema=${modeline}`,
    `# Tiêu chuẩn ${standard} — ${name.vi} — tạo bằng chuan init, căn cứ Thông tư ${pack.circular}.`,
    '# Với mỗi yêu cầu: danh_gia: dat | chua_dat | chua_danh_gia; yêu cầu "dat" phải có mã minh chứng có trong minh_chung bên dưới.',
    `tieu_chuan: ${standard}`,
  ];
  if (parts.length === 0) {
    out.push('tieu_chi:', ...criterionLines(pack, standard, namHoc, '  '));
  } else {
    out.push('# Trường nhiều cấp học: mỗi cấp học tự đánh giá riêng mọi tiêu chí; mức của trường là mức thấp nhất của các cấp.', 'cap_hoc:');
    for (const part of parts) out.push(`  ${part}:   # ${partName(part, 'vi')}`, '    tieu_chi:', ...criterionLines(pack, standard, namHoc, '      '));
  }
  const data = Object.entries(pack.schoolData?.[String(standard)] ?? {});
  if (data.length > 0) {
    out.push('# Số liệu cho các yêu cầu tính từ số liệu (ghi số đếm, không ghi phần trăm): bỏ dấu # và ghi theo gợi ý của trình soạn thảo.');
    for (const [key, schema] of data) out.push(`# ${key}:   # ${oneLine(String(schema['title']))}: ${oneLine(String(schema['description']))}`);
  }
  const shape = packCodeFormats(pack)[0]?.shape ?? '…';
  out.push('ho_so: []', `minh_chung: []   # mỗi minh chứng: { ma: ${shape}, ten: …, tieu_chi: ["a.b"] }`, '');
  return out.join('\n');
}

/** The criteria of one standard, each item unrated, at `indent` (the criterion keys' indentation). */
function criterionLines(pack: RulePack, standard: number, namHoc: string, indent: string): string[] {
  const model = pack.levelModel as CriterionLevelModel;
  const first = Number(namHoc.slice(0, 4));
  const years = [first - 2, first - 1, first].map((y) => `${y}-${y + 1}`);
  // Criteria and items as worded at the end of the school year (an amended pack: the wording that year is checked against).
  const date = pack.amendments.length > 0 ? schoolYearRange(namHoc, pack.schoolYearStart)?.end : undefined;
  const inForce = (w: DateWindow | undefined) => date === undefined || inWindow(w, date);
  const text = (t: LocalText | Wording[]) => (date === undefined ? latestText(t) : wordingAt(t, date).text);
  const [i1, i2, i3] = [indent, `${indent}  `, `${indent}    `];
  const out: string[] = [];
  for (const c of pack.criteria.filter((x) => x.standard === standard && inForce(x.inForce))) {
    out.push(`${i1}# Tiêu chí ${c.id}${c.mandatory ? ' (bắt buộc)' : ''}: ${criterionNameAt(c, date).vi}`, `${i1}"${c.id}":`);
    for (const level of c.levels.filter((l) => inForce(l.inForce))) {
      const items = level.items.filter((i) => inForce(i.in_force));
      if (items.length === 0) continue;
      out.push(`${i2}${level.level}:   # ${tr(model, level.level)}`);
      for (const item of items) out.push(`${i3}# ${item.id}) ${oneLine(text(item.text).vi)}${item.check ? ' [tính từ số liệu]' : ''}`, `${i3}${item.id}: { danh_gia: chua_danh_gia, minh_chung: [] }`);
    }
    if (c.indicators.length > 0) {
      out.push(`${i2}# so_lieu:   # dữ liệu định lượng chính của 03 năm học (chỉ để theo dõi, không có ngưỡng): bỏ dấu # và ghi số`);
      for (const q of c.indicators) out.push(`${i3}# ${q.id}: ${oneLine(q.name.vi)}`, `${i3}# ${q.id}: { ${years.map((y) => `"${y}": 0`).join(', ')} }`);
    }
    out.push(`${i2}# muc_tu_danh_gia: ${model.criterionLevels.map((l) => l.id).join(' | ')} | chua_dat   (kết luận của hội đồng)`);
  }
  return out;
}

function tr(model: CriterionLevelModel, level: string): string {
  return model.criterionLevels.find((l) => l.id === level)?.name.vi ?? level;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
