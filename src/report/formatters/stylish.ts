import { Chalk, type ChalkInstance } from 'chalk';
import type { RulePack } from '../../engine/rule-types.js';
import type { Finding, SchoolResult } from '../../types.js';
import { criterionRows, itemName, nationalStandardLines, nextLevelLines, requirementLines } from '../criteria-lines.js';
import { findPack, findRule, tr, type FormatContext } from '../context.js';
import { dataHintLines, findingHints } from '../data-hints.js';
import { viewOf } from '../summary.js';
import { displayPath, gapText, levelName, locationText, measuredText, plural, remedyText, requiredText, words } from '../text.js';
import { plain } from '../document/model.js';
import { diagnosticLine, packLine, ruleText } from '../forms/parts.js';
import { recognitionLines } from './recognition-lines.js';
import { neutralised } from '../../invisible.js';
import { wrapText } from '../wrap.js';
import { versionOf } from '../../engine/wordings.js';

/** Terminal output: grouped by standard, one line per unmet indicator with its remedy, counts at the end. */
export function stylishFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const blocks = results.map((r) => schoolBlock(r, ctx, c));
  if (results.length > 1) blocks.push(totals(results, ctx, c));
  const text = `${blocks.join('\n')}\n`;
  return ctx.width ? wrapText(text, ctx.width) : text;
}

function schoolBlock(result: SchoolResult, ctx: FormatContext, c: ChalkInstance): string {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const pack = findPack(ctx.ruleSet, result.packId);
  const out: string[] = [];
  const circular = pack ? ` (${vi ? 'TT' : 'Circular'} ${pack.circular}${result.profile.schoolYear ? `, ${vi ? 'năm học' : 'school year'} ${result.profile.schoolYear}` : ''})` : '';
  out.push(c.underline(oneLine(displayPath(result.dir, ctx.cwd))) + ` — ${c.bold(oneLine(result.profile.name))}${circular}`);
  if (result.outcome === 'invalid') {
    for (const d of result.diagnostics) {
      const at = oneLine(locationText(d.location, ctx.cwd));
      out.push(`  ${c.dim(at)}  ${d.severity === 'error' ? c.red(vi ? 'lỗi' : 'error') : c.yellow(vi ? 'cảnh báo' : 'warning')}  ${diagnosticWords(d, result, ctx, c)}  ${c.dim(d.code)}`);
    }
    out.push(c.red(`  ✖ ${tr(words.invalid, lang)}: ${plural(result.diagnostics.filter((d) => d.severity === 'error').length, vi ? 'lỗi' : 'error', 'errors', lang)}`), '');
    return out.join('\n');
  }
  const view = viewOf(result, pack);
  out.push(...recognitionLines(result, pack, lang).map((l) => `  ${c.dim(oneLine(l))}`), `  ${c.dim(oneLine(plain(packLine(pack, view, ctx))))}`);
  const shown = [...view.gaps, ...view.notAssessable];
  for (const standard of pack?.standardNumbers ?? [1, 2, 3, 4, 5]) {
    const list = shown.filter((f) => f.standard === standard);
    if (list.length === 0) continue;
    const name = pack?.standards[String(standard)];
    out.push('', `  ${c.bold(`${vi ? 'Tiêu chuẩn' : 'Standard'} ${standard}`)}${name ? ` — ${tr(name, lang)}` : ''}`);
    for (const f of list) out.push(...findingLines(f, result, ctx, c));
  }
  if (view.advisories.length > 0) {
    out.push('', `  ${c.bold(vi ? 'Khuyến nghị theo thực tiễn kiểm tra' : 'Advisories (district practice)')} ${c.dim(vi ? '(không tính vào mức đạt)' : '(not counted towards the level)')}`);
    for (const f of view.advisories) out.push(...findingLines(f, result, ctx, c));
  }
  for (const d of result.diagnostics.filter((x) => x.severity === 'warning')) {
    out.push(`  ${c.dim(oneLine(locationText(d.location, ctx.cwd)))}  ${c.yellow(vi ? 'lưu ý' : 'note')}  ${diagnosticWords(d, result, ctx, c)}`);
  }
  for (const change of result.adjustments) out.push(`  ${c.magenta(vi ? 'cấu hình' : 'config')}  ${change.rule}: ${tr(change.detail, lang)}`);
  if (pack && result.criteria) out.push(...criterionBlock(result, pack, view.notRated, ctx, c));
  const reached = levelName(pack, result.reached, lang);
  const target = levelName(pack, result.profile.target, lang);
  const mark = result.outcome === 'reached' ? c.green('✔') : c.red('✖');
  out.push('', `  ${mark} ${vi ? 'Mức đích' : 'Target'}: ${target} · ${vi ? 'Đạt' : 'Reached'}: ${c.bold(reached)} · ${view.gaps.length} ${vi ? 'chỉ số chưa đạt' : 'unmet'}, ${plural(view.advisories.length, vi ? 'khuyến nghị' : 'advisory', 'advisories', lang)}, ${view.notAssessable.length} ${vi ? 'chưa đủ dữ liệu' : 'not assessable'}`, '');
  return out.join('\n');
}

/** Criterion regimes: each criterion's level, unrated items, why each level is (not) reached, the shortest path. */
function criterionBlock(result: SchoolResult, pack: RulePack, notRated: Finding[], ctx: FormatContext, c: ChalkInstance): string[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const out = ['', `  ${c.bold(vi ? 'Mức đạt của các tiêu chí' : 'Criterion levels')}`];
  for (const row of criterionRows(result, pack, lang)) {
    out.push(`    ${row[0]!.padEnd(6)} ${row[2]!.padEnd(16)} ${row[3]}${row[4] ? `  ${c.blue(`${row[4]} ${vi ? 'chưa tự đánh giá' : 'not rated'}`)}` : ''}  ${c.dim(oneLine(row[1]!))}`);
  }
  if (notRated.length > 0) {
    out.push('', `  ${c.blue(vi ? 'Chưa tự đánh giá' : 'Not rated yet')}: ${notRated.map((f) => itemName(f, lang)).join(', ')}`);
  }
  out.push('', ...requirementLines(result, pack, lang).map((l) => `  ${l}`));
  const next = nextLevelLines(result, pack, lang);
  if (next.length > 0) out.push('', `  ${c.bold(next[0]!)}`, ...next.slice(1).map((l) => `    - ${l}`));
  const national = nationalStandardLines(result, pack, lang);
  if (national.length > 0) out.push('', ...national.map((l, i) => (i === 0 ? `  ${l}` : `    - ${oneLine(l)}`)));
  return out;
}

function findingLines(f: Finding, result: SchoolResult, ctx: FormatContext, c: ChalkInstance): string[] {
  const { lang } = ctx;
  const found = findRule(ctx.ruleSet, f.ruleId);
  if (!found) return [];
  const { rule } = found;
  const vocab = ctx.ruleSet.vocabulary;
  const at = oneLine(locationText(f.location, ctx.cwd));
  const status = f.status === 'unmet' ? (f.severity === 'error' ? c.red(tr(words.status.unmet, lang)) : c.yellow(tr(words.advisory, lang))) : c.blue(tr(words.status[f.status], lang));
  const worded = versionOf(rule, f.wording) ?? rule;
  const title = `${f.criterion} ${tr(worded.title, lang)}${f.subject ? ` — ${oneLine(f.subject)}` : ''}${worded.verification === 'unverified' ? ' †' : ''}`;
  const lines = [`    ${c.dim(at)}  ${status}  ${title}  ${c.dim(f.ruleId)}`];
  if (f.status === 'unmet') {
    if (f.measure) {
      const gap = gapText(f, lang, vocab);
      lines.push(`        ${measuredText(f.measure, lang, f.unit, vocab, true)} — ${lang === 'vi' ? 'yêu cầu' : 'required'} ${requiredText(f.measure, lang, f.unit, vocab, true)}${gap ? ` — ${gap}` : ''}`);
    }
    const remedy = ruleText(remedyText(rule, f, ctx, true), f, result, ctx).map((r) => (typeof r === 'string' ? oneLine(r) : r.code ? c.dim(oneLine(r.text)) : oneLine(r.text))).join('');
    lines.push(`        ${c.cyan('→')} ${remedy}`);
  } else if (f.missingData?.length) {
    for (const hint of findingHints(f, ctx)) lines.push(`        ${c.cyan('→')} ${oneLine(dataHintLines([hint])[0]!)}`, ...hint.snippet.map((l) => `          ${c.dim(oneLine(l))}`));
  }
  return lines;
}

function totals(results: SchoolResult[], ctx: FormatContext, c: ChalkInstance): string {
  const vi = ctx.lang === 'vi';
  const reached = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  const notReached = results.length - reached - invalid;
  return `${c.bold(vi ? 'Tổng' : 'Total')}: ${plural(results.length, vi ? 'trường' : 'school', 'schools', ctx.lang)} — ${c.green(`${reached} ${vi ? 'đạt mức đích' : 'reached target'}`)}, ${c.red(`${notReached} ${vi ? 'chưa đạt' : 'not reached'}`)}, ${c.yellow(`${invalid} ${vi ? 'dữ liệu lỗi' : 'invalid'}`)}\n`;
}

/** A diagnostic's message with the field named in words; the keys it quotes dimmed (the location is printed before it). */
function diagnosticWords(d: SchoolResult['diagnostics'][number], result: SchoolResult, ctx: FormatContext, c: ChalkInstance): string {
  const runs = diagnosticLine({ ...d, location: d.location ? { ...d.location } : null }, result, ctx);
  return runs.slice(d.location ? 2 : 0).map((r) => (typeof r === 'string' ? oneLine(r) : r.code ? c.dim(oneLine(r.text)) : r.bold ? c.bold(oneLine(r.text)) : oneLine(r.text))).join('');
}

/**
 * Data from a school's files is printed on one line: no newline or escape sequence can forge output, and
 * no bidi control or zero-width character can reorder or hide what the terminal shows (⟨U+202E⟩ instead).
 */
function oneLine(text: string): string {
  return neutralised(text).replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
