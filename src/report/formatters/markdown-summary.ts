import type { SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { mdCell } from '../escape.js';
import { viewOf } from '../summary.js';
import { dateText, displayPath, levelName } from '../text.js';

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

/** The district summary: one row per school, then totals. */
export function batchSummaryMarkdown(results: SchoolResult[], ctx: FormatContext): string {
  const { lang } = ctx;
  const out = [`# ${tr(L.title, lang)}`, ''];
  if (ctx.config.office) out.push(`**${lang === 'vi' ? 'Kính gửi' : 'To'}:** ${mdCell(ctx.config.office)}`, '');
  out.push(tr(L.head, lang), '|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const pack = findPack(ctx.ruleSet, r.packId);
    const unmet = r.outcome === 'invalid' ? '—' : String(viewOf(r, pack).gaps.length);
    const due = r.recognition && (r.recognition.state === 'due_soon' || r.recognition.state === 'expired') ? dateText(r.recognition.expiresOn, lang) : '';
    const errors = r.diagnostics.filter((d) => d.severity === 'error').length;
    const reached = r.outcome === 'invalid' ? '—' : levelName(pack, r.reached, lang);
    out.push(`| ${mdCell(r.profile.name)} | ${mdCell(displayPath(r.dir, ctx.cwd))} | ${mdCell(r.profile.schoolType ?? '')} | ${mdCell(levelName(pack, r.profile.target, lang))} | ${mdCell(reached)} | ${unmet} | ${mdCell(due)} | ${errors} |`);
  }
  const reachedCount = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  out.push('', `**${tr(L.totals, lang)}:** ${results.length} ${lang === 'vi' ? 'trường' : 'schools'}; ${reachedCount} ${tr(L.reachedCount, lang)}; ${invalid} ${tr(L.invalidCount, lang)}.`, '');
  return out.join('\n');
}
