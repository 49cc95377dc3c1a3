import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, SchoolResult } from '../../types.js';
import { findPack, findRule, tr, type FormatContext } from '../context.js';
import { viewOf } from '../summary.js';
import { diagnosticText, displayPath, gapText, levelName, locationText, measuredText, remedyText, requiredText, words } from '../text.js';
import { recognitionLines } from './recognition-lines.js';

/** Terminal output: grouped by standard, one line per unmet indicator with its remedy, counts at the end. */
export function stylishFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const blocks = results.map((r) => schoolBlock(r, ctx, c));
  if (results.length > 1) blocks.push(totals(results, ctx, c));
  return `${blocks.join('\n')}\n`;
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
      out.push(`  ${c.dim(at)}  ${d.severity === 'error' ? c.red(vi ? 'lỗi' : 'error') : c.yellow(vi ? 'cảnh báo' : 'warning')}  ${oneLine(diagnosticText(d, lang))}  ${c.dim(d.code)}`);
    }
    out.push(c.red(`  ✖ ${tr(words.invalid, lang)}: ${result.diagnostics.filter((d) => d.severity === 'error').length} ${vi ? 'lỗi' : 'errors'}`), '');
    return out.join('\n');
  }
  const view = viewOf(result, pack);
  const shown = [...view.gaps, ...view.advisories, ...view.notAssessable];
  for (const standard of [1, 2, 3, 4, 5]) {
    const list = shown.filter((f) => f.standard === standard);
    if (list.length === 0) continue;
    const name = pack?.standards[String(standard)];
    out.push('', `  ${c.bold(`${vi ? 'Tiêu chuẩn' : 'Standard'} ${standard}`)}${name ? ` — ${tr(name, lang)}` : ''}`);
    for (const f of list) out.push(...findingLines(f, ctx, c));
  }
  for (const d of result.diagnostics.filter((x) => x.severity === 'warning')) {
    out.push(`  ${c.dim(oneLine(locationText(d.location, ctx.cwd)))}  ${c.yellow(vi ? 'lưu ý' : 'note')}  ${oneLine(diagnosticText(d, lang))}`);
  }
  for (const change of result.adjustments) out.push(`  ${c.magenta(vi ? 'cấu hình' : 'config')}  ${change.rule}: ${tr(change.detail, lang)}`);
  out.push('', ...recognitionLines(result, pack, lang).map((l) => `  ${c.dim(oneLine(l))}`));
  const reached = levelName(pack, result.reached, lang);
  const target = levelName(pack, result.profile.target, lang);
  const mark = result.outcome === 'reached' ? c.green('✔') : c.red('✖');
  out.push('', `  ${mark} ${vi ? 'Mức đích' : 'Target'}: ${target} · ${vi ? 'Đạt' : 'Reached'}: ${c.bold(reached)} · ${view.gaps.length} ${vi ? 'chỉ số chưa đạt' : 'unmet'}, ${view.advisories.length} ${vi ? 'khuyến nghị' : 'advisories'}, ${view.notAssessable.length} ${vi ? 'chưa đủ dữ liệu' : 'not assessable'}`, '');
  return out.join('\n');
}

function findingLines(f: Finding, ctx: FormatContext, c: ChalkInstance): string[] {
  const { lang } = ctx;
  const found = findRule(ctx.ruleSet, f.ruleId);
  if (!found) return [];
  const { rule } = found;
  const vocab = ctx.ruleSet.vocabulary;
  const at = oneLine(locationText(f.location, ctx.cwd));
  const status = f.status === 'unmet' ? (f.severity === 'error' ? c.red(tr(words.status.unmet, lang)) : c.yellow(tr(words.advisory, lang))) : c.blue(tr(words.status[f.status], lang));
  const title = `${f.criterion} ${tr(rule.title, lang)}${f.subject ? ` — ${oneLine(f.subject)}` : ''}${rule.verification === 'unverified' ? ' †' : ''}`;
  const lines = [`    ${c.dim(at)}  ${status}  ${title}  ${c.dim(f.ruleId)}`];
  if (f.status === 'unmet') {
    if (f.measure) {
      const gap = gapText(f, lang);
      lines.push(`        ${measuredText(f.measure, lang, f.unit, vocab)} — ${lang === 'vi' ? 'yêu cầu' : 'required'} ${requiredText(f.measure, lang, f.unit, vocab)}${gap ? ` — ${gap}` : ''}`);
    }
    lines.push(`        ${c.cyan('→')} ${oneLine(remedyText(rule, f, ctx))}`);
  } else if (f.missingData?.length) {
    lines.push(`        ${lang === 'vi' ? 'cần khai báo' : 'provide'}: ${f.missingData.join(', ')}`);
  }
  return lines;
}

function totals(results: SchoolResult[], ctx: FormatContext, c: ChalkInstance): string {
  const vi = ctx.lang === 'vi';
  const reached = results.filter((r) => r.outcome === 'reached').length;
  const invalid = results.filter((r) => r.outcome === 'invalid').length;
  const notReached = results.length - reached - invalid;
  return `${c.bold(vi ? 'Tổng' : 'Total')}: ${results.length} ${vi ? 'trường' : 'schools'} — ${c.green(`${reached} ${vi ? 'đạt mức đích' : 'reached target'}`)}, ${c.red(`${notReached} ${vi ? 'chưa đạt' : 'not reached'}`)}, ${c.yellow(`${invalid} ${vi ? 'dữ liệu lỗi' : 'invalid'}`)}\n`;
}

/** Data from a school's files is printed on one line: no newline or escape sequence can forge output. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
