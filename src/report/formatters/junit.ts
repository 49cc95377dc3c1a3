import path from 'node:path';
import type { Diagnostic, Finding, SchoolResult } from '../../types.js';
import { findPack, tr, type FormatContext } from '../context.js';
import {
  diagnosticMessage,
  findingDetail,
  findingMessage,
  findingRoles,
  locationLine,
  relPath,
  ruleOf,
  schoolKeys,
  sortedFindings,
  type FindingRole,
} from '../machine.js';
import { levelName } from '../text.js';
import { criterionCases, levelCases, type TestCase } from './criteria-cases.js';
import { xmlAttr, xmlCdata } from '../xml.js';

/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one <testsuite> per school, one <testcase>
 * per rule checked (passes included). classname "<school>.tieu-chuan-<n>" + name "<rule id> <title>" is
 * unique and stable. Unmet indicators are <failure>s whose body holds the location, measured vs required,
 * remedy and legal reference; not applicable, waived and above-target items are <skipped>; invalid input
 * is an <error> per input file. A school under a criterion regime also has a testcase per school level up
 * to its target ("<school>.muc"; the failure body gives each requirement in numbers and the shortest path)
 * and one per criterion (criteria-cases.ts); the items of one part of a multi-level school have the part in
 * their classname ("<school>.thcs.tieu-chuan-<n>"). Exactly one XML document.
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

const ROLE_ORDER: FindingRole[] = ['gap', 'advisory', 'missing', 'not_rated', 'beyond', 'waived', 'ignored', 'not_applicable', 'met'];

/** A failure that blocks the level (role), or a skipped or passed case. */
const FAILING = new Set<FindingRole>(['gap', 'advisory', 'missing', 'not_rated']);

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
    const pack = findPack(ctx.ruleSet, r.packId);
    const tally = (c: TestCase): void => {
      counts.tests += 1;
      if (c.outcome === 'failure') counts.failures += 1;
      else if (c.outcome === 'skipped') counts.skipped += 1;
      cases.push(c.xml);
    };
    if (pack && r.criteria) [...levelCases(r, pack, suiteKey, ctx), ...criterionCases(r, pack, roles, suiteKey, ctx)].forEach(tally);
    for (const group of groupByRule(sortedFindings(r, ctx))) {
      const role = ROLE_ORDER.find((x) => group.some((f) => roles.get(f) === x)) ?? 'met';
      const first = group[0]!;
      const found = ruleOf(first, ctx);
      const title = found ? tr(found.rule.title, ctx.lang) : first.ruleId;
      const file = first.location ? ` file="${xmlAttr(relPath(first.location.file, ctx.cwd))}"` : '';
      const part = first.part ? `.${first.part}` : '';
      const open = `    <testcase classname="${xmlAttr(`${suiteKey}${part}.tieu-chuan-${first.standard}`)}" name="${xmlAttr(`${first.ruleId} ${title}`)}"${file} time="0"`;
      const inner = caseBody(group.filter((f) => roles.get(f) === role), role, ctx);
      tally({ xml: inner ? `${open}>\n      ${inner}\n    </testcase>` : `${open}/>`, outcome: FAILING.has(role) ? 'failure' : role === 'met' ? 'passed' : 'skipped' });
    }
  }
  const props = properties(r, ctx);
  const remarks = r.diagnostics.filter((d) => d.severity === 'warning');
  const out = r.outcome === 'invalid' || remarks.length === 0 ? [] : [`    <system-out>${xmlCdata(remarks.map((d) => [locationLine(d.location, ctx), diagnosticMessage(d, ctx)].filter(Boolean).join(' ')).join('\n'))}</system-out>`];
  const xml = [
    `  <testsuite name="${xmlAttr(relPath(r.dir, ctx.cwd))}" tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="0">`,
    '    <properties>',
    ...props.map(([name, value]) => `      <property name="${xmlAttr(name)}" value="${xmlAttr(value)}"/>`),
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
    case 'missing':
    case 'not_rated': {
      const type = role === 'gap' ? 'error' : role === 'advisory' ? 'warning' : role === 'not_rated' ? 'not_rated' : 'not_assessable';
      const body = findings.map((f) => findingDetail(f, role, ctx)).join('\n\n');
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

/** Findings of one rule (and one part of a multi-level school): one testcase each. */
function groupByRule(findings: Finding[]): Finding[][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.part ? `${f.ruleId}\u0000${f.part}` : f.ruleId;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
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
  // Statements of the pack that apply (transition clauses): stated, never a test outcome.
  for (const st of r.statements ?? []) props.push([`statement:${st.id}`, `${tr(st.message, ctx.lang)} (${tr(st.reference, ctx.lang)})`]);
  return props;
}
