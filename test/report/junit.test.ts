import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { junitFormatter } from '../../src/report/formatters/junit.js';
import { xmlAttr, xmlCdata, xmlText } from '../../src/report/xml.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { findPack } from '../../src/report/context.js';
import { levelsInScope } from '../../src/report/criteria-machine.js';
import { exampleResults, hostile } from './shared.js';

// fast-xml-parser: a maintained, dependency-light, pure-JS parser with a strict validator; the test needs a
// real XML parser (not a regex) to prove the report is one well-formed document that CI tools can read.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

interface Case {
  classname: string;
  name: string;
  file?: string;
  failure?: { message: string; type: string; '#text': string };
  error?: { message: string; type: string; '#text': string };
  skipped?: { message: string };
}
interface Suite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase?: Case[];
  properties: { property: { name: string; value: string }[] };
}
interface Doc {
  testsuites: { tests: string; failures: string; errors: string; skipped: string; testsuite: Suite[] };
}

function parse(xml: string): Doc {
  const valid = XMLValidator.validate(xml);
  expect(valid).toBe(true);
  return parser.parse(xml) as Doc;
}

describe('junit formatter', () => {
  let results: SchoolResult[];
  let xml: string;
  let doc: Doc;
  beforeAll(async () => {
    results = await exampleResults();
    xml = junitFormatter(results, formatContext());
    doc = parse(xml);
  });

  it('is exactly one well-formed XML document', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    expect(xml.match(/<testsuites /g)).toHaveLength(1);
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });

  it('has one testsuite per school and one testcase per rule checked, passes included', () => {
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(results.map((r) => `examples/${r.dir.split(/[\\/]/).pop()}`));
    results.forEach((r, i) => {
      const cases = suites[i]!.testcase ?? [];
      if (r.outcome === 'invalid') {
        expect(cases.length).toBeGreaterThan(0);
        expect(cases.every((c) => c.error !== undefined)).toBe(true);
      } else {
        // One per rule (and part of a multi-level school); a criterion regime adds one per criterion and per school level up to the target.
        const perRule = new Set(r.findings.map((f) => `${f.ruleId}\u0000${f.part ?? ''}`)).size;
        const extra = r.criteria ? r.criteria.length + levelsInScope(r, findPack(formatContext().ruleSet, r.packId)!).length : 0;
        expect(cases.length).toBe(perRule + extra);
        expect(cases.some((c) => !c.failure && !c.skipped)).toBe(true);
      }
    });
  });

  it('classname + name is unique across the whole batch (GitLab keeps only the first duplicate)', () => {
    const keys = doc.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => `${c.classname}\u0000${c.name}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(100);
  });

  it('the totals add up', () => {
    const suites = doc.testsuites.testsuite;
    for (const key of ['tests', 'failures', 'errors', 'skipped'] as const) {
      expect(Number(doc.testsuites[key])).toBe(suites.reduce((n, s) => n + Number(s[key]), 0));
    }
    for (const s of suites) {
      const cases = s.testcase ?? [];
      expect(Number(s.tests)).toBe(cases.length);
      expect(Number(s.failures)).toBe(cases.filter((c) => c.failure).length);
      expect(Number(s.errors)).toBe(cases.filter((c) => c.error).length);
      expect(Number(s.skipped)).toBe(cases.filter((c) => c.skipped).length);
    }
  });

  it('a failure body has the location, measured vs required, remedy and legal reference', () => {
    const failures = doc.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).filter((c) => c.failure?.type === 'error'));
    expect(failures.length).toBeGreaterThan(0);
    const withMeasure = failures.find((c) => c.failure!['#text'].includes('yêu cầu'))!;
    const body = withMeasure.failure!['#text'];
    expect(body).toMatch(/^examples\/[^/]+\/(truong|tieu-chuan-[1-5])\.yaml:\d+:\d+\n/);
    expect(body).toMatch(/Giải pháp: \S/);
    expect(body).toMatch(/Căn cứ: (Thông tư|Điều lệ|.*Điều)/);
    expect(withMeasure.failure!.message).toContain('chưa đạt');
  });

  it('not applicable and waived are <skipped message=…/>, never failures', () => {
    const skipped = doc.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).filter((c) => c.skipped));
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((c) => typeof c.skipped!.message === 'string' && c.skipped!.message.length > 0)).toBe(true);
    const r = results.find((x) => x.findings.some((f) => f.status === 'unmet' && f.severity === 'error'))!;
    const f = r.findings.find((x) => x.status === 'unmet' && x.severity === 'error')!;
    const waived: SchoolResult = { ...r, findings: r.findings.map((x) => (x.ruleId === f.ruleId ? { ...x, status: 'waived' as const, waiver: { rule: f.ruleId, reason: 'Đang xây phòng học', expires: '2026-12-31' } } : x)) };
    const out = parse(junitFormatter([waived], formatContext()));
    const c = out.testsuites.testsuite[0]!.testcase!.find((x) => x.name.startsWith(`${f.ruleId} `))!;
    expect(c.failure).toBeUndefined();
    expect(c.skipped!.message).toContain('được miễn — Đang xây phòng học (đến hết ngày 31/12/2026)');
  });

  it('invalid input is an <error> per input file, with the located message', () => {
    const invalid = doc.testsuites.testsuite.find((s) => (s.testcase ?? []).some((c) => c.error))!;
    expect(invalid).toBeDefined();
    const c = invalid.testcase![0]!;
    expect(c.classname.endsWith('.du-lieu')).toBe(true);
    expect(c.error!['#text']).toMatch(/:\d+:\d+\n\S+\/\S+: /);
  });

  it('escapes data: "]]>" in CDATA, quotes and newlines in attributes, control characters dropped', () => {
    const nasty = '"]]><x a=\'1\'>&amp; \u0001 \n ]]]]> <![CDATA[';
    const hostileResults = results.map((r) => hostile(r, nasty));
    const out = junitFormatter(hostileResults, formatContext());
    const parsed = parse(out);
    const all = parsed.testsuites.testsuite.flatMap((s) => s.testcase ?? []);
    const bodies = all.flatMap((c) => [c.failure?.['#text'], c.error?.['#text']]).filter(Boolean) as string[];
    expect(bodies.some((b) => b.includes('"]]><x a=\'1\'>&amp;'))).toBe(true);
    expect(bodies.some((b) => b.includes(' ]]]]> <![CDATA['))).toBe(true);
    const props = parsed.testsuites.testsuite.flatMap((s) => s.properties.property).filter((p) => p.name === 'school');
    expect(props.every((p) => p.value.includes('"]]><x a=\'1\'>&amp;'))).toBe(true);
    expect(out).not.toContain('\u0001');
  });

  it('escape helpers', () => {
    expect(xmlAttr('a"b<c>&d\ne\tf')).toBe('a&quot;b&lt;c&gt;&amp;d&#10;e&#9;f');
    expect(xmlText('1 < 2 & 3 > 2')).toBe('1 &lt; 2 &amp; 3 &gt; 2');
    expect(xmlCdata('x]]>y')).toBe('<![CDATA[x]]]]><![CDATA[>y]]>');
    expect(xmlText('a\u0000b\ud800c')).toBe('a\ufffdb\ufffdc');
    expect(xmlText('😀')).toBe('😀');
  });

  it('speaks English with --lang en, with the same keys except the rule titles', () => {
    const en = parse(junitFormatter(results, formatContext({ lang: 'en' })));
    const classes = (d: Doc) => d.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => `${c.classname} ${c.name.split(' ')[0]}`));
    expect(classes(en)).toEqual(classes(doc));
    expect(JSON.stringify(en)).toContain('Remedy: ');
  });
});
