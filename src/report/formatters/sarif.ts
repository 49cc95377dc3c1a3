import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PackStatement, Rule, RulePack } from '../../engine/rule-types.js';
import type { Diagnostic, Finding, SchoolResult, SourceLocation, Statement } from '../../types.js';
import { tr, type FormatContext } from '../context.js';
import {
  cmp,
  diagnosticMessage,
  findingMessage,
  findingRoles,
  isAbsoluteRel,
  packsUsed,
  relPath,
  remedyLine,
  ruleOf,
  sortedFindings,
  waiverText,
  wellFormed,
  type FindingRole,
} from '../machine.js';
import { levelName, referenceText, words } from '../text.js';

/** A stable, content-only fingerprint (no line numbers): survives edits that move the data. */
export function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

/** Which findings become SARIF results, and at which level. Met and not-applicable ones do not. */
const RESULT_LEVEL: Partial<Record<FindingRole, (f: Finding) => SarifLevel>> = {
  gap: () => 'error',
  advisory: () => 'warning',
  // Missing data blocks the level, but nothing is known to be wrong yet.
  missing: () => 'warning',
  // An item not rated yet blocks the level as missing data does.
  not_rated: () => 'warning',
  beyond: () => 'note',
  waived: (f) => (f.severity === 'error' ? 'error' : 'warning'),
};

export const SARIF_FINGERPRINT_KEY = 'chuan/v1';

/**
 * SARIF 2.1.0 for code-scanning views: every rule of the packs used in tool.driver.rules (reference,
 * remedy template, verification), one result per unmet indicator or invalid input, located at its YAML
 * line with a relative URI under %SRCROOT%, a line-free fingerprint, waivers as accepted external
 * suppressions, and the run's exit code in invocations.
 */
export function sarifFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const rules: unknown[] = [];
  const ruleIndex = new Map<string, number>();
  for (const pack of packsUsed(results, ctx)) {
    for (const rule of pack.rules) {
      ruleIndex.set(rule.id, rules.length);
      rules.push(ruleDescriptor(rule, pack, ctx));
    }
  }
  for (const pack of packsUsed(results, ctx)) {
    for (const st of pack.statements) {
      ruleIndex.set(st.id, rules.length);
      rules.push(statementDescriptor(st, pack, ctx));
    }
  }
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort(cmp);
  for (const code of codes) {
    ruleIndex.set(code, rules.length);
    rules.push(diagnosticDescriptor(code, results, ctx));
  }

  const out: unknown[] = [];
  for (const r of results) {
    const school = relPath(r.dir, ctx.cwd);
    for (const d of r.diagnostics) out.push(diagnosticResult(d, r, school, ruleIndex, ctx));
    const roles = findingRoles(r, ctx);
    for (const f of sortedFindings(r, ctx)) {
      const role = roles.get(f) ?? 'ignored';
      const level = RESULT_LEVEL[role]?.(f);
      if (level) out.push(findingResult(f, role, level, r, school, ruleIndex, ctx));
    }
    for (const st of r.statements ?? []) out.push(statementResult(st, r, school, ruleIndex, ctx));
  }

  const invocation: Record<string, unknown> = { executionSuccessful: ctx.exitCode === undefined || ctx.exitCode < 2 };
  if (ctx.exitCode !== undefined) invocation['exitCode'] = ctx.exitCode;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'chuan',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            language: ctx.lang,
            rules,
          },
        },
        automationDetails: { id: 'chuan/' },
        columnKind: 'utf16CodeUnits',
        invocations: [invocation],
        results: out,
        properties: { asOf: ctx.asOf, rulePacks: ctx.ruleSet.packs.map((p) => `${p.id}@${p.version}`) },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: Rule, pack: RulePack, ctx: FormatContext): unknown {
  const v = ctx.lang === 'vi';
  const reference = referenceText(rule, pack, ctx.lang);
  const remedy = tr(rule.remedy, ctx.lang);
  const unverified = rule.verification === 'unverified' ? ` ${tr(words.unverified, ctx.lang)}.` : '';
  const level = levelName(pack, rule.level, ctx.lang);
  return {
    id: rule.id,
    shortDescription: { text: `${rule.criterion} ${tr(rule.title, ctx.lang)}` },
    fullDescription: { text: tr(rule.requirement, ctx.lang) },
    help: {
      text: `${v ? 'Căn cứ' : 'Reference'}: ${reference} (${level}, ${v ? 'tiêu chí' : 'criterion'} ${rule.criterion}).${unverified}\n${v ? 'Giải pháp' : 'Remedy'}: ${remedy}`,
      markdown: `**${v ? 'Căn cứ' : 'Reference'}:** ${mdInline(reference)} (${mdInline(level)}, ${v ? 'tiêu chí' : 'criterion'} ${rule.criterion}).${unverified ? ` *${mdInline(unverified.trim())}*` : ''}\n\n**${v ? 'Yêu cầu' : 'Requirement'}:** ${mdInline(tr(rule.requirement, ctx.lang))}\n\n**${v ? 'Giải pháp' : 'Remedy'}:** ${mdInline(remedy)}`,
    },
    defaultConfiguration: { level: rule.severity === 'error' ? 'error' : 'warning' },
    properties: {
      verification: rule.verification,
      level: rule.level,
      standard: rule.standard,
      criterion: rule.criterion,
      pack: pack.id,
      ...(rule.item ? itemProperties(rule, pack) : {}),
      tags: [pack.id, `tieu-chuan-${rule.standard}`, rule.level, rule.verification, ...(rule.tags ?? [])],
    },
  };
}

/** A criterion item's rule: the item it stands for, whether the school rates it, whether its criterion is mandatory. */
function itemProperties(rule: Rule, pack: RulePack): Record<string, unknown> {
  const item = rule.item!;
  return {
    item: { criterion: item.criterion, level: item.level, item: item.item, computed: item.computed, ...(item.conflictOf ? { conflictOf: item.conflictOf } : {}) },
    mandatory: pack.criteria.find((c) => c.id === item.criterion)?.mandatory ?? false,
  };
}

/** A statement of the pack (a transition clause): reported where it applies, as information, never as a problem. */
function statementDescriptor(st: PackStatement, pack: RulePack, ctx: FormatContext): unknown {
  const v = ctx.lang === 'vi';
  const reference = [st.reference.document ?? (v ? `Thông tư ${pack.circular}` : `Circular ${pack.circular}`), st.reference.article, st.reference.clause, st.reference.point].filter(Boolean).join(', ');
  return {
    id: st.id,
    shortDescription: { text: `${reference}` },
    fullDescription: { text: tr(st.text, ctx.lang) },
    help: { text: `${v ? 'Căn cứ' : 'Reference'}: ${reference}.`, markdown: `**${v ? 'Căn cứ' : 'Reference'}:** ${mdInline(reference)}.` },
    defaultConfiguration: { level: 'none' },
    properties: { verification: st.verification, pack: pack.id, kind: st.kind, tags: [pack.id, 'statement', st.verification] },
  };
}

function statementResult(st: Statement, r: SchoolResult, school: string, ruleIndex: Map<string, number>, ctx: FormatContext): unknown {
  return {
    ruleId: st.id,
    ...(ruleIndex.has(st.id) ? { ruleIndex: ruleIndex.get(st.id) } : {}),
    kind: 'informational',
    level: 'none',
    message: { text: `${tr(st.message, ctx.lang)} (${tr(st.reference, ctx.lang)})` },
    locations: [location(null, r, ctx)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(school, st.id) },
    properties: { school, schoolName: r.profile.name, verification: st.verification },
  };
}

function diagnosticDescriptor(code: string, results: SchoolResult[], ctx: FormatContext): unknown {
  const v = ctx.lang === 'vi';
  const isError = results.some((r) => r.diagnostics.some((d) => d.code === code && d.severity === 'error'));
  const text = isError
    ? v ? `Dữ liệu đầu vào không hợp lệ (${code}): trường không kiểm tra được` : `Invalid input (${code}): the school cannot be checked`
    : v ? `Lưu ý về số liệu (${code})` : `Data remark (${code})`;
  return {
    id: code,
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    defaultConfiguration: { level: isError ? 'error' : 'warning' },
    properties: { tags: ['input', code.split('/')[0] ?? code] },
  };
}

function findingResult(f: Finding, role: FindingRole, level: SarifLevel, r: SchoolResult, school: string, ruleIndex: Map<string, number>, ctx: FormatContext): unknown {
  const v = ctx.lang === 'vi';
  const remedy = remedyLine(f, ctx);
  const text = `${findingMessage(f, role, ctx)}${remedy ? `. ${v ? 'Giải pháp' : 'Remedy'}: ${remedy}` : ''}`;
  const result: Record<string, unknown> = {
    ruleId: f.ruleId,
    ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
    level,
    message: { text },
    locations: [location(f.location, r, ctx)],
    // One part of a multi-level school rates the same items as the others: the part keeps their results apart.
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(school, f.ruleId, f.subject ?? '', ...(f.part ? [f.part] : [])) },
    properties: {
      school,
      schoolName: r.profile.name,
      status: f.status,
      role,
      ...(f.measure ? { measure: f.measure } : {}),
      ...(f.gap !== undefined ? { gap: f.gap } : {}),
      ...(f.subject ? { subject: f.subject } : {}),
      ...(f.missingData ? { missingData: f.missingData } : {}),
      ...(f.part ? { part: f.part } : {}),
      ...(f.rating ? { rating: f.rating } : {}),
      verification: ruleOf(f, ctx)?.rule.verification ?? null,
    },
  };
  if (f.status === 'waived' && f.waiver) {
    result['suppressions'] = [{ kind: 'external', status: 'accepted', justification: waiverText(f, ctx) }];
  }
  return result;
}

function diagnosticResult(d: Diagnostic, r: SchoolResult, school: string, ruleIndex: Map<string, number>, ctx: FormatContext): unknown {
  const where = d.location ? relPath(d.location.file, ctx.cwd) : '';
  const dataPath = d.location?.path?.join('/') ?? '';
  return {
    ruleId: d.code,
    ruleIndex: ruleIndex.get(d.code),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: diagnosticMessage(d, ctx) },
    locations: [location(d.location, r, ctx)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(school, d.code, where, dataPath || d.message.en) },
    properties: { school, schoolName: r.profile.name },
  };
}

/** A physical location at the YAML line; a school-level problem without a line points at truong.yaml:1. */
function location(at: SourceLocation | null, r: SchoolResult, ctx: FormatContext): unknown {
  const file = at?.file ?? path.join(r.dir, 'truong.yaml');
  const region: Record<string, number> = { startLine: at?.line ?? 1, startColumn: at?.column ?? 1 };
  if (at?.endLine !== undefined) region['endLine'] = at.endLine;
  if (at?.endColumn !== undefined) region['endColumn'] = at.endColumn;
  return { physicalLocation: { artifactLocation: artifact(file, ctx), region } };
}

function artifact(file: string, ctx: FormatContext): Record<string, string> {
  const rel = relPath(file, ctx.cwd);
  if (isAbsoluteRel(rel)) return { uri: pathToFileURL(wellFormed(file)).href };
  return { uri: rel.split('/').map((s) => encodeURIComponent(wellFormed(s))).join('/'), uriBaseId: '%SRCROOT%' };
}

/** Rule texts are ours, but keep Markdown control characters literal anyway. */
function mdInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}
