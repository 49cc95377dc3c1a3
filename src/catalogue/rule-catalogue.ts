import type { Rule, RulePack, RuleSet } from '../engine/rule-types.js';
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
  for (const level of pack.levels) {
    const rules = pack.rules.filter((r) => r.level === level.id);
    if (rules.length === 0) continue;
    out.push(`### ${level.name.vi} (${level.id})`, '');
    for (const standard of [1, 2, 3, 4, 5]) {
      const list = rules.filter((r) => r.standard === standard);
      if (list.length === 0) continue;
      out.push(`#### Tiêu chuẩn ${standard} — ${pack.standards[String(standard)]?.vi ?? ''}`, '', '| Mã | Tiêu chí | Căn cứ | Yêu cầu | Ngưỡng | Xác minh | Mức độ |', '|---|---|---|---|---|---|---|');
      for (const r of list) {
        const when = r.when ? ` (khi ${describeCondition(r.when)})` : '';
        out.push(`| \`${r.id}\` | ${r.criterion} | ${mdCell(referenceText(r, pack, 'vi'))} | ${mdCell(r.title.vi)} | ${mdCell(thresholds(r, set) + when + periods(r))} | ${r.verification} | ${r.severity} |`);
      }
      out.push('');
    }
  }
  if (pack.notEncoded.length > 0) {
    out.push(`### Chưa mã hóa (${pack.notEncoded.length}) — not encoded`, '', '| Mục | Nội dung | Lý do |', '|---|---|---|');
    for (const item of pack.notEncoded) out.push(`| ${mdCell(item.digest)} | ${mdCell(item.title ?? '')} | ${mdCell(item.reason.vi)} |`);
    out.push('');
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
