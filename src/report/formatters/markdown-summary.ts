import type { SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { mdCell, mdText } from '../escape.js';
import { viewOf } from '../summary.js';
import { dateText, displayPath, levelName, schoolTypeName } from '../text.js';

const L = {
  title: { vi: 'Tổng hợp kết quả tự kiểm tra', en: 'Self-review summary' },
  head: {
    vi: '| Trường | Thư mục | Cấp học | Mức đích | Mức đạt | Chỉ số chưa đạt | Công nhận lại | Lỗi dữ liệu |',
    en: '| School | Folder | Type | Target | Reached | Unmet | Re-recognition due | Input errors |',
  },
  totals: { vi: 'Tổng', en: 'Totals' },
  reachedCount: { vi: 'đạt mức đích', en: 'reached target' },
  invalidCount: { vi: 'dữ liệu lỗi', en: 'invalid input' },
};

/**
 * The district summary: one row per school (name, folder, type, target, reached, unmet count,
 * re-recognition due, input errors), then totals. `links` (one file name per school) turns each
 * school's name into a link to its own report, as in TONG-HOP.md.
 */
export function batchSummaryMarkdown(results: SchoolResult[], ctx: FormatContext, links?: string[]): string {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const out = [`# ${tr(L.title, lang)}`, ''];
  if (ctx.config.header) out.push(mdText(ctx.config.header), '');
  if (ctx.config.office) out.push(`**${vi ? 'Kính gửi' : 'To'}:** ${mdCell(ctx.config.office)}`, '');
  out.push(`**${vi ? 'Ngày kiểm tra' : 'Checked on'}:** ${dateText(ctx.asOf, lang)}`, '');
  out.push(tr(L.head, lang), '|---|---|---|---|---|---|---|---|');
  let unmetTotal = 0;
  let dueTotal = 0;
  results.forEach((r, i) => {
    const pack = findPack(ctx.ruleSet, r.packId);
    const gaps = r.outcome === 'invalid' ? null : viewOf(r, pack).gaps.length;
    unmetTotal += gaps ?? 0;
    const due = dueText(r, lang);
    if (due) dueTotal += 1;
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const reached = r.outcome === 'invalid' ? '—' : levelName(pack, r.reached, lang);
    const type = r.profile.schoolType ? schoolTypeName(r.profile.schoolType, lang) : '';
    const link = links?.[i];
    const name = link ? `[${mdCell(r.profile.name)}](${encodeURI(link)})` : mdCell(r.profile.name);
    out.push(`| ${name} | ${mdCell(displayPath(r.dir, ctx.cwd))} | ${mdCell(type)} | ${mdCell(levelName(pack, r.profile.target, lang))} | ${mdCell(reached)} | ${gaps ?? '—'} | ${mdCell(due)} | ${errors} |`);
  });
  const reachedCount = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  const notReached = results.length - reachedCount - invalid;
  out.push(
    '',
    vi
      ? `**${tr(L.totals, lang)}:** ${results.length} trường; ${reachedCount} ${tr(L.reachedCount, lang)}; ${notReached} chưa đạt mức đích; ${invalid} ${tr(L.invalidCount, lang)}; ${unmetTotal} chỉ số chưa đạt; ${dueTotal} trường cần công nhận lại hoặc kiểm tra giữa chu kỳ.`
      : `**${tr(L.totals, lang)}:** ${results.length} schools; ${reachedCount} ${tr(L.reachedCount, lang)}; ${notReached} below target; ${invalid} ${tr(L.invalidCount, lang)}; ${unmetTotal} unmet indicators; ${dueTotal} due for re-recognition or a mid-cycle check.`,
    '',
  );
  return out.join('\n');
}

/** "hết hạn 12/03/2026" / "đến hạn 12/03/2027", plus a mid-cycle check that is due or overdue; '' when nothing is due. */
function dueText(r: SchoolResult, lang: FormatContext['lang']): string {
  const rec = r.recognition;
  if (!rec) return '';
  const vi = lang === 'vi';
  const parts: string[] = [];
  if (rec.state === 'expired') parts.push(`${vi ? 'hết hạn' : 'expired'} ${dateText(rec.expiresOn, lang)}`);
  if (rec.state === 'due_soon') parts.push(`${vi ? 'đến hạn' : 'due'} ${dateText(rec.expiresOn, lang)}`);
  if (rec.midCycle?.state === 'overdue') parts.push(`${vi ? 'kiểm tra giữa chu kỳ quá hạn' : 'mid-cycle check overdue'} ${dateText(rec.midCycle.dueOn, lang)}`);
  if (rec.midCycle?.state === 'due_soon') parts.push(`${vi ? 'kiểm tra giữa chu kỳ' : 'mid-cycle check'} ${dateText(rec.midCycle.dueOn, lang)}`);
  return parts.join('; ');
}
