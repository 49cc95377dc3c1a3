import { latestText } from '../engine/load-criteria.js';
import type { CriterionLevelModel, Rule, RulePack, RuleSet } from '../engine/rule-types.js';
import { describeCheck, describeCondition } from '../report/describe-check.js';
import { mdCell } from '../report/escape.js';
import { referenceText } from '../report/text.js';
import type { Verification } from '../types.js';

const STATUSES: Verification[] = ['confirmed', 'secondary', 'unverified'];

/** docs/rules.md, generated from rules/ (CI fails when the committed file drifts). */
export function ruleCatalogue(set: RuleSet): string {
  const all = set.packs.flatMap((p) => p.rules);
  const out = [
    '# Danh mục quy tắc — Rule catalogue',
    '',
    '<!-- Tệp này được sinh tự động từ rules/ bằng `npm run docs:rules`; không sửa tay. Generated from rules/; do not edit. -->',
    '',
    'Trạng thái xác minh (verification): `confirmed` — đã thấy trong nguồn; `secondary` — nguồn thứ cấp chính thức, điều lệ hoặc văn bản khác;',
    '`unverified` — theo trí nhớ hoặc suy luận, ngưỡng chưa đối chiếu văn bản gốc (báo cáo đánh dấu †). Số điều có dấu "?" là suy luận.',
    '',
    '| Bộ quy tắc | Thông tư | Số quy tắc | confirmed | secondary | unverified | Chưa mã hóa |',
    '|---|---|---|---|---|---|---|',
    ...set.packs.map((p) => `| ${p.id} | ${p.circular} | ${p.rules.length} | ${STATUSES.map((s) => p.rules.filter((r) => r.verification === s).length).join(' | ')} | ${p.notEncoded.length} |`),
    `| **Tổng** | | **${all.length}** | ${STATUSES.map((s) => `**${all.filter((r) => r.verification === s).length}**`).join(' | ')} | **${set.packs.reduce((n, p) => n + p.notEncoded.length, 0)}** |`,
    '',
  ];
  for (const pack of set.packs) out.push(...packSection(pack, set));
  return `${out.join('\n')}\n`;
}

function packSection(pack: RulePack, set: RuleSet): string[] {
  const out = [`## ${pack.id} — ${pack.title.vi}`, '', `Thông tư ${pack.circular}; phiên bản bộ quy tắc ${pack.version}; cấp học: ${pack.schoolTypes.join(', ')}.`, ''];
  const items = pack.rules.filter((r) => r.item && !r.item.conflictOf);
  if (items.length > 0) {
    const computed = items.filter((r) => r.item!.computed).length;
    out.push(`Yêu cầu của các tiêu chí: ${items.length} (${computed} tính từ số liệu, ${items.length - computed} nhà trường tự đánh giá)${pack.amendments.map((a) => `; sửa đổi bởi ${a.document} từ ${dmy(a.from)}`).join('')}.`, '');
  }
  const criterionRegime = pack.levelModel.kind !== 'rule_cumulative';
  if (criterionRegime) out.push(...criterionSections(pack, set));
  for (const level of pack.levels) {
    // Under a criterion regime the items are listed per criterion above; the other rules (procedure) per level here.
    const rules = pack.rules.filter((r) => r.level === level.id && !(criterionRegime && r.item));
    if (rules.length === 0) continue;
    out.push(`### ${criterionRegime ? `Thủ tục và điều kiện — ${level.name.vi}` : level.name.vi} (${level.id})`, '');
    for (const standard of [1, 2, 3, 4, 5, 0]) {
      const list = rules.filter((r) => r.standard === standard);
      if (list.length === 0) continue;
      const heading = standard === 0 ? 'Điều kiện công nhận đạt chuẩn quốc gia (không quyết định mức)' : `Tiêu chuẩn ${standard} — ${pack.standards[String(standard)]?.vi ?? ''}`;
      out.push(`#### ${heading}`, '', '| Mã | Tiêu chí | Căn cứ | Yêu cầu | Ngưỡng | Xác minh | Mức độ |', '|---|---|---|---|---|---|---|');
      for (const r of list) {
        const when = r.when ? ` (khi ${describeCondition(r.when)})` : '';
        out.push(`| \`${r.id}\` | ${r.criterion} | ${mdCell(referenceText(r, pack, 'vi'))} | ${mdCell(r.title.vi)} | ${mdCell(thresholds(r, set) + when + periods(r))} | ${r.verification} | ${r.severity} |`);
      }
      out.push('');
    }
  }
  if (pack.statements.length > 0) {
    out.push(`### Câu nêu trong báo cáo khi áp dụng (${pack.statements.length}) — statements`, '', '| Mã | Căn cứ | Khi nào | Câu | Xác minh |', '|---|---|---|---|---|');
    for (const st of pack.statements) {
      const when = st.kind === 'period' ? `ngày tham chiếu từ ${st.from} đến ${st.to} (sau đó: câu thứ hai)` : `trường có bằng công nhận ký trước ${st.before} (hết hạn: câu thứ hai)`;
      const ref = [st.reference.document ?? `Thông tư ${pack.circular}`, st.reference.article, st.reference.clause, st.reference.point].filter(Boolean).join(', ');
      out.push(`| \`${st.id}\` | ${mdCell(ref)} | ${mdCell(when)} | ${mdCell(st.text.vi)}${st.after ? `<br>${mdCell(st.after.vi)}` : ''} | ${st.verification} |`);
    }
    out.push('');
  }
  if (pack.notEncoded.length > 0) {
    out.push(`### Chưa mã hóa (${pack.notEncoded.length}) — not encoded`, '', '| Mục | Nội dung | Lý do |', '|---|---|---|');
    for (const item of pack.notEncoded) out.push(`| ${mdCell(item.digest)} | ${mdCell(item.title ?? '')} | ${mdCell(item.reason.vi)} |`);
    out.push('');
  }
  return out;
}

/** Criterion regimes: each criterion with every item's text, how it is decided, its status, and the quantitative indicators. */
function criterionSections(pack: RulePack, set: RuleSet): string[] {
  const model = pack.levelModel as CriterionLevelModel;
  const out = [`### Tiêu chí và yêu cầu (${pack.criteria.length} tiêu chí, ${pack.rules.filter((r) => r.item && !r.item.conflictOf).length} yêu cầu)`, ''];
  for (const c of pack.criteria) {
    out.push(`#### Tiêu chí ${c.id} — ${c.name.vi}${c.mandatory ? ' (bắt buộc)' : ''}`, '', `${mdCell(c.reference.document)}; ${c.verification}${c.aliases?.length ? `; tên khác: ${c.aliases.map(mdCell).join('; ')}` : ''}.`, '');
    out.push('| Mã | Mức | Yêu cầu | Cách xét | Xác minh |', '|---|---|---|---|---|');
    for (const level of c.levels) {
      const name = model.criterionLevels.find((l) => l.id === level.level)?.name.vi ?? level.level;
      for (const item of level.items) {
        const rule = pack.rules.find((r) => r.item?.criterion === c.id && r.item.level === level.level && r.item.item === item.id && !r.item.conflictOf)!;
        const how = rule.item!.computed ? `tính từ số liệu: ${thresholds(rule, set)}${periods(rule)}` : `nhà trường tự đánh giá, kèm mã minh chứng${periods(rule)}`;
        out.push(`| \`${rule.id}\` | ${name} | ${mdCell(latestText(item.text).vi)} | ${mdCell(how)} | ${rule.verification} |`);
      }
    }
    out.push('');
    if (c.indicators.length > 0) out.push(`Dữ liệu định lượng chính (03 năm học, không có ngưỡng): ${c.indicators.map((q) => `${q.id} ${mdCell(q.name.vi)}`).join('; ')}.`, '');
  }
  return out;
}

/** The check, or each dated check with the dates it applies (an amended threshold). */
function thresholds(r: Rule, set: RuleSet): string {
  const checks = (r.versions ?? []).map((v) => describeCheck(v.check, 'vi', set.vocabulary));
  if (checks.length < 2 || checks.every((c) => c === checks[0])) return describeCheck(r.check, 'vi', set.vocabulary);
  return r.versions!.map((v, i) => `${i === 0 ? 'trước' : 'từ'} ${dmy(i === 0 ? r.versions![1]!.from : v.from)}: ${checks[i]}`).join('; ');
}

/** When the rule exists, and when it does not apply (with its reason's reference). */
function periods(r: Rule): string {
  const parts: string[] = [];
  for (const w of r.inForce ?? []) parts.push(w.from && w.to ? `chỉ từ ${dmy(w.from)} đến ${dmy(w.to)}` : w.from ? `chỉ từ ${dmy(w.from)}` : `chỉ đến ${dmy(w.to!)}`);
  for (const w of r.notApplicable ?? []) parts.push(`không áp dụng từ ${dmy(w.from)}${w.to ? ` đến ${dmy(w.to)}` : ''}: ${w.reference}`);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

const dmy = (iso: string): string => iso.split('-').reverse().join('/');
