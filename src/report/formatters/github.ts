import path from 'node:path';
import type { Diagnostic, Finding, SchoolResult, SourceLocation } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import { batchTotals, diagnosticMessage, findingRoles, findingStatus, findingTitle, oneLine, referenceLine, relPath, remedyLine, sortedFindings, type FindingRole } from '../machine.js';
import { levelName, words } from '../text.js';
import { viewOf } from '../summary.js';
import type { RulePack } from '../../engine/rule-types.js';
import { criterionHeader, criterionRows, nextLevelLines, requirementLines } from '../criteria-lines.js';

type Command = 'error' | 'warning' | 'notice';

/** Annotation kind per finding role; met, not applicable and waived findings are not annotated. */
const COMMAND: Partial<Record<FindingRole, Command>> = { gap: 'error', advisory: 'warning', missing: 'warning', not_rated: 'warning', beyond: 'notice' };

/**
 * GitHub Actions workflow commands: one annotation per unmet indicator or input problem, located at its
 * YAML line, grouped per school, then the totals. A school under a criterion regime also gets, in its
 * group, the table of its criteria, each level's requirements in numbers and the shortest path to the next
 * level (plain log lines). GitHub shows at most 10 annotations of each kind per step, so the CLI also
 * appends the Markdown summary to $GITHUB_STEP_SUMMARY.
 */
export function githubFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const v = ctx.lang === 'vi';
  const lines: string[] = [];
  for (const r of results) {
    const pack = findPack(ctx.ruleSet, r.packId);
    const reached = r.reached === null ? tr(words.noLevel, ctx.lang) : `${v ? 'đạt' : 'reached'} ${levelName(pack, r.reached, ctx.lang)}`;
    const state = r.outcome === 'invalid' ? tr(words.invalid, ctx.lang) : `${v ? 'mức đích' : 'target'} ${levelName(pack, r.profile.target, ctx.lang)}, ${reached}`;
    lines.push(`::group::${escapeData(`${relPath(r.dir, ctx.cwd)} — ${r.profile.name}: ${state}`)}`);
    for (const d of r.diagnostics) lines.push(diagnosticCommand(d, r, ctx));
    const roles = findingRoles(r, ctx);
    for (const f of sortedFindings(r, ctx)) {
      const role = roles.get(f) ?? 'ignored';
      const command = COMMAND[role];
      if (command) lines.push(findingCommand(f, role, command, r, ctx));
    }
    if (pack && r.criteria && r.outcome !== 'invalid') lines.push(...criterionLog(r, pack, ctx));
    for (const st of r.statements ?? []) lines.push(`::notice ${properties(null, r, ctx, st.id)}::${escapeData(`${tr(st.message, ctx.lang)} (${tr(st.reference, ctx.lang)})`)}`);
    lines.push('::endgroup::');
  }
  const t = batchTotals(results, ctx);
  // Items not rated yet exist only under criterion regimes: counted when there are any.
  const notRated = results.reduce((n, r) => n + viewOf(r, findPack(ctx.ruleSet, r.packId)).notRated.length, 0);
  const unrated = notRated === 0 ? '' : v ? `, ${notRated} yêu cầu chưa tự đánh giá` : `, ${notRated} requirements not rated`;
  lines.push(
    v
      ? `chuan: ${t.schools} trường — ${t.reached} đạt mức đích, ${t.notReached} chưa đạt, ${t.invalid} dữ liệu lỗi; ${t.unmet} chỉ số chưa đạt, ${t.advisories} khuyến nghị, ${t.notAssessable} chưa đủ dữ liệu${unrated}.`
      : `chuan: ${t.schools} schools — ${t.reached} reached target, ${t.notReached} not reached, ${t.invalid} invalid input; ${t.unmet} unmet indicators, ${t.advisories} advisories, ${t.notAssessable} not assessable${unrated}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** The criterion table, the level requirements and the path, as log lines (indented: none can read as a command). */
function criterionLog(r: SchoolResult, pack: RulePack, ctx: FormatContext): string[] {
  const header = criterionHeader(pack, ctx.lang);
  const rows = criterionRows(r, pack, ctx.lang);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const table = [header, ...rows].map((row) => `  ${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')}`.trimEnd());
  const path = nextLevelLines(r, pack, ctx.lang);
  return [...table, ...requirementLines(r, pack, ctx.lang).map((l) => `  ${l}`), ...path.map((l, i) => (i === 0 ? `  ${l}` : `    - ${l}`))].map(oneLine);
}

function findingCommand(f: Finding, role: FindingRole, command: Command, r: SchoolResult, ctx: FormatContext): string {
  const v = ctx.lang === 'vi';
  const remedy = remedyLine(f, ctx);
  const reference = referenceLine(f, ctx);
  const message = [findingStatus(f, role, ctx), remedy ? `${v ? 'Giải pháp' : 'Remedy'}: ${remedy}` : null, reference ? `${v ? 'Căn cứ' : 'Reference'}: ${reference}` : null]
    .filter((x): x is string => x !== null)
    .join('\n');
  const title = `${f.ruleId} ${findingTitle(f, ctx)}`;
  return `::${command} ${properties(f.location, r, ctx, title)}::${escapeData(message)}`;
}

function diagnosticCommand(d: Diagnostic, r: SchoolResult, ctx: FormatContext): string {
  const command: Command = d.severity === 'error' ? 'error' : 'warning';
  return `::${command} ${properties(d.location, r, ctx, `${d.code} ${r.profile.name}`)}::${escapeData(diagnosticMessage(d, ctx))}`;
}

function properties(at: SourceLocation | null, r: SchoolResult, ctx: FormatContext, title: string): string {
  const file = relPath(at?.file ?? path.join(r.dir, 'truong.yaml'), ctx.cwd);
  const props: [string, string | number][] = [['file', file], ['line', at?.line ?? 1]];
  const singleLine = at?.endLine === undefined || at.endLine === at.line;
  if (at?.endLine !== undefined) props.push(['endLine', at.endLine]);
  if (singleLine) {
    props.push(['col', at?.column ?? 1]);
    if (at?.endColumn !== undefined) props.push(['endColumn', at.endColumn]);
  }
  props.push(['title', title]);
  return props.map(([k, value]) => `${k}=${escapeProperty(String(value))}`).join(',');
}

/** Workflow command data: %, CR and LF are encoded so a message cannot end the command early. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values: as data, plus ':' and ',' which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
