import path from 'node:path';
import type { Diagnostic, Finding, SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import {
  diagnosticMessage,
  findingMessage,
  findingRoles,
  locationLine,
  referenceLine,
  relPath,
  remedyLine,
  ruleOf,
  schoolKeys,
  sortedFindings,
  unverifiedNote,
  type FindingRole,
} from '../machine.js';
import { levelName } from '../text.js';
import { xmlAttr, xmlCdata } from '../xml.js';

/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one <testsuite> per school, one <testcase>
 * per rule checked (passes included). classname "<school>.tieu-chuan-<n>" + name "<rule id> <title>" is
 * unique and stable. Unmet indicators are <failure>s whose body holds the location, measured vs required,
 * remedy and legal reference; not applicable, waived and above-target items are <skipped>; invalid input
 * is an <error> per input file. Exactly one XML document.
 */
export function junitFormatter(results: SchoolResult[], ctx: FormatContext): string {
  const keys = schoolKeys(results, ctx.cwd, classKey);
  const suites = results.map((r, i) => schoolSuite(r, keys[i]!, ctx));
  const sum = (k: keyof Counts) => suites.reduce((n, s) => n + s.counts[k], 0);
  const head = `<testsuites name="chuan" tests="${sum('tests')}" failures="${sum('failures')}" errors="${sum('errors')}" skipped="${sum('skipped')}" time="0">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites.map((s) => s.xml), '</testsuites>', ''].join('\n');
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/** "examples/th-mai-sao" -> "examples.th-mai-sao": a dot-separated classname prefix, so CI builds a tree. */
function classKey(rel: string): string {
  const parts = rel.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  return parts.join('.');
}

const ROLE_ORDER: FindingRole[] = ['gap', 'advisory', 'missing', 'beyond', 'waived', 'ignored', 'not_applicable', 'met'];

function schoolSuite(r: SchoolResult, key: string, ctx: FormatContext): { xml: string; counts: Counts } {
  const suiteKey = key === '' ? path.basename(r.dir) : key;
  const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases: string[] = [];
  if (r.outcome === 'invalid') {
    for (const [file, list] of diagnosticsByFile(r, ctx)) {
      counts.tests += 1;
      counts.errors += 1;
      const first = list[0]!;
      const body = list.map((d) => [locationLine(d.location, ctx), `${d.code}: ${diagnosticMessage(d, ctx)}`].filter(Boolean).join('\n')).join('\n\n');
      const more = list.length > 1 ? ` (+${list.length - 1})` : '';
      cases.push(
        `    <testcase classname="${xmlAttr(`${suiteKey}.du-lieu`)}" name="${xmlAttr(file)}" time="0">`,
        `      <error message="${xmlAttr(`${diagnosticMessage(first, ctx)}${more}`)}" type="${xmlAttr(first.code)}">${xmlCdata(body)}</error>`,
        '    </testcase>',
      );
    }
  } else {
    const roles = findingRoles(r, ctx);
    for (const group of groupByRule(sortedFindings(r, ctx))) {
      counts.tests += 1;
      const role = ROLE_ORDER.find((x) => group.some((f) => roles.get(f) === x)) ?? 'met';
      const first = group[0]!;
      const found = ruleOf(first, ctx);
      const title = found ? tr(found.rule.title, ctx.lang) : first.ruleId;
      const file = first.location ? ` file="${xmlAttr(relPath(first.location.file, ctx.cwd))}"` : '';
      const open = `    <testcase classname="${xmlAttr(`${suiteKey}.tieu-chuan-${first.standard}`)}" name="${xmlAttr(`${first.ruleId} ${title}`)}"${file} time="0"`;
      const inner = caseBody(group.filter((f) => roles.get(f) === role), role, ctx);
      if (role === 'gap' || role === 'advisory' || role === 'missing') counts.failures += 1;
      else if (role !== 'met') counts.skipped += 1;
      cases.push(inner ? `${open}>\n      ${inner}\n    </testcase>` : `${open}/>`);
    }
  }
  const props = properties(r, ctx);
  const remarks = r.diagnostics.filter((d) => d.severity === 'warning');
  const out = r.outcome === 'invalid' || remarks.length === 0 ? [] : [`    <system-out>${xmlCdata(remarks.map((d) => [locationLine(d.location, ctx), diagnosticMessage(d, ctx)].filter(Boolean).join(' ')).join('\n'))}</system-out>`];
  const xml = [
    `  <testsuite name="${xmlAttr(relPath(r.dir, ctx.cwd))}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0">`,
    '    <properties>',
    ...props.map(([name, value]) => `      <property name="${name}" value="${xmlAttr(value)}"/>`),
    '    </properties>',
    ...cases,
    ...out,
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function caseBody(findings: Finding[], role: FindingRole, ctx: FormatContext): string | null {
  const v = ctx.lang === 'vi';
  const first = findings[0]!;
  const message = findingMessage(first, role, ctx) + (findings.length > 1 ? ` (+${findings.length - 1})` : '');
  switch (role) {
    case 'met':
      return null;
    case 'gap':
    case 'advisory':
    case 'missing': {
      const type = role === 'gap' ? 'error' : role === 'advisory' ? 'warning' : 'not_assessable';
      const body = findings.map((f) => failureText(f, role, ctx)).join('\n\n');
      return `<failure message="${xmlAttr(message)}" type="${type}">${xmlCdata(body)}</failure>`;
    }
    case 'beyond':
      return `<skipped message="${xmlAttr(`${v ? 'Ngoài mức đích' : 'Above the target level'}: ${message}`)}"/>`;
    case 'waived':
    case 'ignored':
    case 'not_applicable':
      return `<skipped message="${xmlAttr(message)}"/>`;
  }
}

function failureText(f: Finding, role: FindingRole, ctx: FormatContext): string {
  const v = ctx.lang === 'vi';
  const remedy = remedyLine(f, ctx);
  const reference = referenceLine(f, ctx);
  const found = ruleOf(f, ctx);
  return [
    locationLine(f.location, ctx),
    findingMessage(f, role, ctx),
    remedy ? `${v ? 'Giải pháp' : 'Remedy'}: ${remedy}` : null,
    reference ? `${v ? 'Căn cứ' : 'Reference'}: ${reference} (${f.ruleId})` : null,
    found?.rule.verification === 'unverified' ? `† ${unverifiedNote(ctx)}` : null,
  ]
    .filter((line): line is string => line !== null)
    .join('\n');
}

function groupByRule(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.ruleId, [...(groups.get(f.ruleId) ?? []), f]);
  return [...groups.values()];
}

/** Input errors grouped by file (relative to the school folder), in file order. */
function diagnosticsByFile(r: SchoolResult, ctx: FormatContext): [string, Diagnostic[]][] {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of r.diagnostics.filter((x) => x.severity === 'error')) {
    const file = d.location ? relPath(d.location.file, r.dir) : ctx.lang === 'vi' ? '(thư mục trường)' : '(school folder)';
    groups.set(file, [...(groups.get(file) ?? []), d]);
  }
  return [...groups.entries()];
}

function properties(r: SchoolResult, ctx: FormatContext): [string, string][] {
  const pack = findPack(ctx.ruleSet, r.packId);
  const props: [string, string][] = [
    ['school', r.profile.name],
    ['code', r.profile.code ?? ''],
    ['schoolType', r.profile.schoolType ?? ''],
    ['pack', pack ? `${pack.id} ${pack.version}` : ''],
    ['target', r.profile.target ? levelName(pack, r.profile.target, ctx.lang) : ''],
    ['reached', r.outcome === 'invalid' ? '' : levelName(pack, r.reached, ctx.lang)],
    ['outcome', r.outcome],
    ['asOf', ctx.asOf],
  ];
  if (ctx.config.office) props.push(['office', ctx.config.office]);
  return props;
}
