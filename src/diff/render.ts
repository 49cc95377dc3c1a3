import { findPack, findRule, tr } from '../report/context.js';
import { mdText } from '../report/escape.js';
import { dayMonthYear, levelName, num, numberAgainst, words } from '../report/text.js';
import type { RuleSet } from '../engine/rule-types.js';
import type { Lang, LevelId, LocalText } from '../types.js';
import type { IndicatorChange, SchoolProgress } from './compare.js';
import type { SnapshotFinding } from './snapshot.js';

export interface DiffContext {
  lang: Lang;
  ruleSet: RuleSet;
  /** Rule titles from the reports (rulesMeta), for rules the current rule set no longer has. */
  titles?: Record<string, LocalText>;
}

const L = {
  heading: { vi: 'So với năm học', en: 'Compared with school year' },
  headingNoYear: { vi: 'So với lần kiểm tra trước', en: 'Compared with the previous check' },
  against: { vi: 'Đối chiếu với kết quả kiểm tra ngày', en: 'Compared with the result of' },
  file: { vi: 'tệp', en: 'file' },
  byFolder: { vi: 'khớp theo tên thư mục', en: 'matched by folder name' },
  level: { vi: 'Mức đạt được', en: 'Level reached' },
  gained: { vi: 'đạt thêm', en: 'gained' },
  lost: { vi: 'không còn đạt', en: 'lost' },
  resolved: { vi: 'Chỉ số đã khắc phục', en: 'Gaps resolved' },
  newGaps: { vi: 'Chỉ số mới chưa đạt', en: 'New gaps' },
  stillUnmet: { vi: 'Chỉ số vẫn chưa đạt', en: 'Still unmet' },
  otherChanges: { vi: 'Thay đổi khác', en: 'Other changes' },
  none: { vi: 'không có', en: 'none' },
  indicators: { vi: 'chỉ số', en: 'indicator(s)' },
  metBoth: { vi: 'chỉ số đạt ở cả hai năm.', en: 'indicator(s) met in both years.' },
  unchanged: { vi: 'không đổi', en: 'unchanged' },
  complete: { vi: 'đủ', en: 'complete' },
  short: { vi: 'còn thiếu', en: 'short by' },
  over: { vi: 'vượt', en: 'over by' },
  points: { vi: 'điểm', en: 'points' },
  gone: { vi: 'không còn trong bộ quy tắc', en: 'no longer in the rule set' },
  advisory: { vi: 'khuyến nghị', en: 'advisory' },
  beyond: { vi: 'trên mức đích', en: 'above the target level' },
  invalid: { vi: 'dữ liệu lỗi, không so sánh được', en: 'invalid input, not compared' },
  notInBaseline: { vi: 'Không có kết quả của trường này trong tệp', en: 'The file holds no result for this school:' },
  howMatched: {
    vi: 'trường được khớp theo mã trường, hoặc theo tên thư mục khi không có mã; nên không so sánh được',
    en: 'schools are matched by school code, or by folder name when there is no code; nothing to compare',
  },
};

export interface ProgressGroup {
  key: 'resolved' | 'newGaps' | 'stillUnmet' | 'otherChanges';
  title: string;
  /** One per indicator: the criterion number, then the rest of the line. */
  lines: { criterion: string; text: string }[];
}

/** The summary lines and the groups of indicator lines, in the report's language, unescaped. */
export function progressParts(p: SchoolProgress, ctx: DiffContext): { heading: string; intro: string; level: string; groups: ProgressGroup[]; metBoth: string | null } {
  const { lang } = ctx;
  const pack = findPack(ctx.ruleSet, p.school.packId);
  const heading = p.before.schoolYear ? `${tr(L.heading, lang)} ${p.before.schoolYear}` : tr(L.headingNoYear, lang);
  const source = p.source.split(/[\\/]/).at(-1) ?? p.source;
  const intro = `${tr(L.against, lang)} ${dayMonthYear(p.before.asOf)} (${tr(L.file, lang)} ${source}${p.matchedBy === 'folder' ? `, ${tr(L.byFolder, lang)} ${p.school.folder}` : ''}).`;
  const levels = (list: LevelId[]) => list.map((l) => levelName(pack, l, lang)).join(', ');
  const side = (s: SchoolProgress['before']) => (s.outcome === 'invalid' ? tr(words.invalid, lang) : levelName(pack, s.reached, lang));
  const extra = [
    ...(p.levelsGained.length > 0 ? [`${tr(L.gained, lang)}: ${levels(p.levelsGained)}`] : []),
    ...(p.levelsLost.length > 0 ? [`${tr(L.lost, lang)}: ${levels(p.levelsLost)}`] : []),
  ];
  const level = `${tr(L.level, lang)}: ${side(p.before)} → ${side(p.after)}${extra.length > 0 ? ` (${extra.join('; ')})` : ''}`;
  const group = (key: ProgressGroup['key'], list: IndicatorChange[]): ProgressGroup => ({ key, title: tr(L[key], lang), lines: list.map((c) => changeLine(c, p, ctx)) });
  const groups = [group('resolved', p.resolved), group('newGaps', p.newGaps), group('stillUnmet', p.stillUnmet), group('otherChanges', p.otherChanges)]
    .filter((g) => g.key === 'resolved' || g.key === 'newGaps' || g.lines.length > 0);
  return { heading, intro, level, groups, metBoth: p.metBoth > 0 ? `${p.metBoth} ${tr(L.metBoth, lang)}` : null };
}

/** Plain text for `chuan diff`. */
export function progressText(p: SchoolProgress, ctx: DiffContext): string {
  const parts = progressParts(p, ctx);
  const title = `${p.school.name}${p.school.code ? ` (${p.school.code})` : ''} — ${p.before.schoolYear ?? '?'} → ${p.after.schoolYear ?? '?'}`;
  const out = [title, `  ${parts.intro}`, `  ${parts.level}`];
  for (const g of parts.groups) {
    if (g.lines.length === 0) out.push(`  ${g.title}: ${tr(L.none, ctx.lang)}`);
    else out.push(`  ${g.title} (${g.lines.length}):`, ...g.lines.map((l) => `    - ${l.criterion} ${l.text}`));
  }
  if (parts.metBoth) out.push(`  ${parts.metBoth}`);
  return `${out.join('\n')}\n`;
}

/** The Markdown section of the school report (`chuan check --baseline`); `h` is the section's heading marks. */
export function progressMarkdown(p: SchoolProgress, ctx: DiffContext, h: string): string[] {
  const parts = progressParts(p, ctx);
  const out = [`${h} ${mdText(parts.heading)}`, '', mdText(parts.intro), '', `- **${mdText(tr(L.level, ctx.lang))}:** ${mdText(parts.level.slice(tr(L.level, ctx.lang).length + 2))}`];
  for (const g of parts.groups) out.push(`- **${mdText(g.title)}:** ${g.lines.length === 0 ? tr(L.none, ctx.lang) : `${g.lines.length} ${tr(L.indicators, ctx.lang)}`}`);
  if (parts.metBoth) out.push(`- ${mdText(parts.metBoth)}`);
  out.push('');
  for (const g of parts.groups.filter((x) => x.lines.length > 0)) {
    // The criterion ("2.2") is never a list marker after "- "; the rest is school-independent text but escaped anyway.
    out.push(`${h}# ${mdText(g.title)}`, '', ...g.lines.map((l) => `- ${l.criterion} ${mdText(l.text)}`), '');
  }
  return out;
}

/** The section of a school that the earlier result file does not hold: it is listed, not left out. */
export function missingBaselineMarkdown(source: string, ctx: DiffContext, h: string): string[] {
  const parts = missingBaselineParts(source, ctx);
  return [`${h} ${parts.heading}`, '', mdText(parts.text), ''];
}

/** The heading and the sentence of the section for a school the earlier result does not hold, unescaped. */
export function missingBaselineParts(source: string, ctx: DiffContext): { heading: string; text: string } {
  const file = source.split(/[\\/]/).at(-1) ?? source;
  return { heading: tr(L.headingNoYear, ctx.lang), text: `${tr(L.notInBaseline, ctx.lang)} ${file} (${tr(L.howMatched, ctx.lang)}).` };
}

/** "2.2" and "Title — subject: 44 % → 57,6 %, đạt". */
function changeLine(c: IndicatorChange, p: SchoolProgress, ctx: DiffContext): { criterion: string; text: string } {
  const { lang } = ctx;
  const title = titleOf(c.ruleId, ctx);
  const f = c.after ?? c.before!;
  const notes = [
    ...(f.severity === 'warning' ? [tr(L.advisory, lang)] : []),
    ...(isBeyond(f, p, ctx) ? [tr(L.beyond, lang)] : []),
  ];
  const before = valueText(c.before, lang);
  const after = c.after ? valueText(c.after, lang) : tr(L.gone, lang);
  const values = c.before && c.after && before === after ? `${after} (${tr(L.unchanged, lang)})` : `${before} → ${after}`;
  const tail = c.after ? tailText(c.after, lang) : null;
  return { criterion: c.criterion, text: `${title}${c.subject ? ` — ${c.subject}` : ''}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${values}${tail ? `, ${tail}` : ''}` };
}

function titleOf(ruleId: string, ctx: DiffContext): string {
  const rule = findRule(ctx.ruleSet, ruleId)?.rule;
  const title = rule?.title ?? ctx.titles?.[ruleId];
  return title ? tr(title, ctx.lang) : ruleId;
}

/**
 * Whether the school went backwards: a level it had is lost, or an indicator that counts for its target
 * (an error rule up to the target level) is unmet now and was not before. `chuan diff` then exits 1, as
 * `chuan check` does for an unmet indicator.
 */
export function regressed(p: SchoolProgress, ctx: DiffContext): boolean {
  return p.levelsLost.length > 0 || p.newGaps.some((c) => c.after !== null && c.after.severity === 'error' && !isBeyond(c.after, p, ctx));
}

function isBeyond(f: SnapshotFinding, p: SchoolProgress, ctx: DiffContext): boolean {
  const pack = findPack(ctx.ruleSet, p.school.packId);
  const target = p.after.target;
  if (!pack || !target) return false;
  const order = pack.levels.map((l) => l.id);
  return order.indexOf(f.level) > order.indexOf(target);
}

/**
 * The measured value alone: "57,6 %", "12 m²/trẻ", "thiếu 2", or the status when nothing was measured.
 * Rounded as the human reports round (half-up, one more decimal where the value would look equal to or
 * across its threshold), since `chuan diff` and the report's progress section are read by people.
 */
export function valueText(f: SnapshotFinding | null, lang: Lang): string {
  if (!f) return '—';
  const m = f.measure;
  if (!m || f.status === 'not_assessable' || f.status === 'not_applicable') return tr(words.status[f.status], lang);
  const unit = f.unit ? ` ${tr(f.unit, lang)}` : '';
  switch (m.kind) {
    case 'rate':
      return `${numberAgainst(m.percent, m.threshold, lang, { n: m.numerator * 100, d: m.denominator })} %`;
    case 'ratio':
      return `${numberAgainst(m.value, m.threshold, lang, { n: m.numerator, d: m.denominator })}${unit}${m.per ? `/${tr(m.per, lang)}` : ''}`;
    case 'value':
    case 'count':
      return `${numberAgainst(m.value, m.threshold, lang)}${unit}`;
    case 'flag':
      return m.value === true ? tr(words.yes, lang) : m.value === false ? tr(words.no, lang) : String(m.value);
    case 'records':
      return m.missing.length === 0 ? tr(L.complete, lang) : `${tr(words.missing, lang)} ${m.missing.length}`;
  }
}

/** After the values: "đạt", "còn thiếu 1,9 điểm", "còn thiếu 2 giáo viên", "chưa đủ dữ liệu". */
function tailText(f: SnapshotFinding, lang: Lang): string | null {
  const m = f.measure;
  if (!m) return null;
  if (f.status !== 'unmet') return f.status === 'not_assessable' || f.status === 'not_applicable' ? null : tr(words.status[f.status], lang);
  const over = 'op' in m && m.op === '<=';
  const word = tr(over ? L.over : L.short, lang);
  if (m.kind === 'rate') return `${word} ${num(Math.abs(m.threshold - m.percent), lang, 'up')} ${tr(L.points, lang)}`;
  if (f.gap !== undefined && f.gap > 0) return `${word} ${num(f.gap, lang, 'up')}${f.unit ? ` ${tr(f.unit, lang)}` : ''}`;
  return tr(words.status.unmet, lang);
}
