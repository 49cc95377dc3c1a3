// The machine formats of schools under a criterion regime (57/2026): criterion levels, the requirements of
// each school level, the shortest path, items of each part of a multi-level school, self-ratings, the
// statements of Điều 27 — each validated as its consumer reads it.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSchools } from '../../src/batch/index.js';
import { packageRoot } from '../../src/paths.js';
import { githubFormatter } from '../../src/report/formatters/github.js';
import { jsonFormatter } from '../../src/report/formatters/json.js';
import { junitFormatter } from '../../src/report/formatters/junit.js';
import { sarifFormatter } from '../../src/report/formatters/sarif.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { EXAMPLES } from '../examples.js';

const AS_OF = '2027-06-20';
const SCHOOLS = EXAMPLES.filter(([name]) => name.endsWith('-57')).map(([name]) => path.join(packageRoot, 'examples', name));
const ctx = () => formatContext({ asOf: AS_OF, exitCode: 1 });

let results: SchoolResult[];
const school = (name: string): SchoolResult => results.find((r) => path.basename(r.dir) === name)!;
beforeAll(async () => {
  results = await checkSchools(SCHOOLS, { asOf: AS_OF, configFile: null, jobs: 1 });
});

describe('the examples under 57/2026', () => {
  it('are what the level model gives: the multi-level school at Mức 1 (its THPT part), the preschool at Mức 1', () => {
    expect(SCHOOLS.length).toBeGreaterThanOrEqual(5);
    const multi = school('thcs-thpt-nguyen-trai-57');
    expect(multi.reached).toBe('muc_1');
    expect(multi.criteria).toHaveLength(30);
    expect(new Set(multi.criteria!.map((c) => c.part))).toEqual(new Set(['thcs', 'thpt']));
    expect(multi.criteria!.filter((c) => c.part === 'thcs').every((c) => c.level === 'muc_2')).toBe(true);
    // Fewest items, then fewest unmet: 1.2 (2 unrated) and 2.3 (1 unrated, 1 unmet) of THPT, never 1.1 (2 unmet) or 4.3 (4).
    expect(multi.nextLevel!.steps.map((s) => `${s.criterion}/${s.part}`)).toEqual(['1.2/thpt', '2.3/thpt']);
    const preschool = school('mn-hoa-ban-57');
    expect([preschool.packId, preschool.reached, preschool.outcome]).toEqual(['tt57-2026-mam-non', 'muc_1', 'reached']);
  });
});

describe('JSON', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const validate = ajv.compile(schema);
  type School = { dir: string; criteria: { criterion: string; part?: string; level: string | null }[]; nextLevel: { level: string; steps: unknown[] }; nationalStandard: string | null; indicators: { criterion: string; part?: string; values: unknown[]; trend: string | null }[]; statements?: { id: string; text: string; reference: { vi: string }; verification: string }[]; notices?: unknown[]; findings: { ruleId: string; part?: string; role: string; rating?: { stated: string; unknownEvidence: string[] }; message: string }[] };

  it('validates against schemas/report.schema.json and carries criteria, path, national standard, indicators and statements', () => {
    const report = JSON.parse(jsonFormatter(results, ctx())) as { results: School[]; rulesMeta: Record<string, { item?: { criterion: string; mandatory: boolean } }> };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const multi = report.results.find((r) => r.dir.endsWith('thcs-thpt-nguyen-trai-57'))!;
    expect(multi.criteria).toHaveLength(30);
    expect(multi.nextLevel.level).toBe('muc_2');
    expect(multi.nationalStandard).toBe('muc_do_1');
    expect(multi.indicators.some((i) => i.part === 'thpt' && i.values.length === 3 && i.trend === 'up')).toBe(true);
    expect(multi.statements!.map((s) => s.id)).toEqual(['TT57.PT.D27.k2', 'TT57.PT.D27.k4']);
    expect(multi.statements![0]!.text).toContain('15/03/2028');
    expect(multi.statements![0]!.reference.vi).toBe('Thông tư 57/2026/TT-BGDĐT, Điều 27, khoản 2');
    // An item of one part names its part; the rating says why a "met" does not count.
    const wrongCode = multi.findings.find((f) => f.ruleId === 'TT57.PT.2.3.M2.a' && f.part === 'thpt')!;
    expect(wrongCode.rating).toMatchObject({ stated: 'dat', unknownEvidence: ['MC.2.3.99'] });
    expect(wrongCode.message).toContain('mã minh chứng MC.2.3.99 không có trong danh mục minh chứng');
    expect(multi.findings.find((f) => f.ruleId === 'TT57.PT.1.2.M2.a' && f.part === 'thpt')!.role).toBe('not_rated');
    expect(report.rulesMeta['TT57.PT.1.3.M1.a']!.item).toMatchObject({ criterion: '1.3', mandatory: true });
  });

  it('states only the transition clause the school meets: no certificate, no Điều 27 k2', () => {
    const report = JSON.parse(jsonFormatter(results, ctx())) as { results: School[] };
    const preschool = report.results.find((r) => r.dir.endsWith('mn-hoa-ban-57'))!;
    expect(preschool.statements!.map((s) => s.id)).toEqual(['TT57.MN.D27.k4']);
  });
});

describe('JUnit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });
  interface Case { classname: string; name: string; failure?: { message: string; '#text': string; type: string }; skipped?: { message: string } }
  interface Suite { name: string; tests: string; failures: string; skipped: string; errors: string; testcase: Case[]; properties: { property: { name: string; value: string }[] } }
  let suites: Suite[];
  let totals: Record<string, string>;
  beforeAll(() => {
    const xml = junitFormatter(results, ctx());
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    const doc = parser.parse(xml) as { testsuites: Record<string, string> & { testsuite: Suite[] } };
    suites = doc.testsuites.testsuite;
    totals = doc.testsuites;
  });
  const suite = (name: string) => suites.find((s) => s.name.endsWith(name))!;

  it('counts add up, and classname + name stay unique with two parts rating the same items', () => {
    for (const key of ['tests', 'failures', 'errors', 'skipped']) expect(Number(totals[key])).toBe(suites.reduce((n, s) => n + Number(s[key as 'tests']), 0));
    for (const s of suites) {
      expect(Number(s.tests)).toBe(s.testcase.length);
      expect(Number(s.failures)).toBe(s.testcase.filter((c) => c.failure).length);
      expect(Number(s.skipped)).toBe(s.testcase.filter((c) => c.skipped).length);
      const keys = s.testcase.map((c) => `${c.classname}\u0000${c.name}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const multi = suite('thcs-thpt-nguyen-trai-57');
    expect(multi.testcase.filter((c) => c.name.startsWith('TT57.PT.1.1.M1.a ')).map((c) => c.classname)).toEqual([
      'examples.thcs-thpt-nguyen-trai-57.thcs.tieu-chuan-1',
      'examples.thcs-thpt-nguyen-trai-57.thpt.tieu-chuan-1',
    ]);
  });

  it('a testcase per school level up to the target: the failure gives each requirement in numbers and the shortest path', () => {
    const levels = suite('thcs-thpt-nguyen-trai-57').testcase.filter((c) => c.classname.endsWith('.muc'));
    expect(levels.map((c) => c.name)).toEqual(['muc_1 Mức 1', 'muc_2 Mức 2']);
    expect(levels[0]!.failure).toBeUndefined();
    expect(levels[1]!.failure!.message).toBe('chưa đạt — Mức 2 (cấp THPT): cần ≥ 5/7 tiêu chí không bắt buộc đạt Mức 2 trở lên, hiện có 3/7');
    expect(levels[1]!.failure!['#text']).toContain('✔ Mức 2 (cấp THCS): cần ≥ 5/7 tiêu chí không bắt buộc đạt Mức 2 trở lên, hiện có 7/7');
    expect(levels[1]!.failure!['#text']).toContain('tiêu chí 1.2 (cấp THPT): từ Mức 1 lên Mức 2 — yêu cầu M2a, M2b');
    // The preschool reached its target, Mức 1: one level case, passed.
    expect(suite('mn-hoa-ban-57').testcase.filter((c) => c.classname.endsWith('.muc')).map((c) => [c.name, c.failure === undefined])).toEqual([['muc_1 Mức 1', true]]);
  });

  it('a testcase per criterion and part: failure on the shortest path, passed at the target level, skipped otherwise', () => {
    const cases = suite('thcs-thpt-nguyen-trai-57').testcase.filter((c) => /^\d\.\d /.test(c.name));
    expect(cases).toHaveLength(30);
    const of = (part: string, criterion: string) => cases.find((c) => c.classname.includes(`.${part}.`) && c.name.startsWith(`${criterion} `))!;
    expect(of('thpt', '1.2').failure!.message).toBe('1.2 (cấp THPT): Mức 1, cần nâng lên Mức 2 để trường đạt Mức 2 — yêu cầu M2a, M2b');
    expect(of('thpt', '2.3').failure!['#text']).toMatch(/tieu-chuan-2\.yaml:\d+:\d+\n2\.3 \(cấp THPT\) Nhân sự hỗ trợ giáo dục — Mức 2, yêu cầu a: chưa đạt — tự đánh giá đạt nhưng mã minh chứng MC\.2\.3\.99 không có trong danh mục minh chứng/);
    expect(of('thpt', '1.1').skipped!.message).toBe('1.1 (cấp THPT): Mức 1 (mức đích Mức 2): không nằm trên đường ngắn nhất lên Mức 2');
    expect(of('thcs', '1.1').failure ?? of('thcs', '1.1').skipped).toBeUndefined();
    // An item not rated yet within the target blocks the level: a failure of its own type.
    const unrated = suite('thcs-thpt-nguyen-trai-57').testcase.find((c) => c.name.startsWith('TT57.PT.1.2.M2.a ') && c.classname.includes('.thpt.'))!;
    expect(unrated.failure!.type).toBe('not_rated');
  });

  it('the Điều 27 statements that apply are properties of the suite', () => {
    const props = suite('thcs-thpt-nguyen-trai-57').properties.property;
    expect(props.find((p) => p.name === 'statement:TT57.PT.D27.k2')!.value).toMatch(/đến ngày 15\/03\/2028.*\(Thông tư 57\/2026\/TT-BGDĐT, Điều 27, khoản 2\)$/);
    expect(props.some((p) => p.name === 'statement:TT57.PT.D27.k4')).toBe(true);
  });
});

describe('SARIF', () => {
  const require = createRequire(import.meta.url);
  const { $schema: _draft04, id, ...rest } = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as { $schema: string; id: string };
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  const validate = ajv.compile({ $id: id, ...rest });
  interface Result { ruleId: string; kind?: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]; partialFingerprints: Record<string, string>; properties: { part?: string; school: string } }
  interface Log { runs: { tool: { driver: { rules: { id: string; properties: { item?: { criterion: string }; mandatory?: boolean; kind?: string } }[] } }; results: Result[] }[] }
  let log: Log;
  beforeAll(() => {
    log = JSON.parse(sarifFormatter(results, ctx())) as Log;
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('one result per unmet or unrated item within the target, at its YAML line, with a fingerprint per part', () => {
    const run = log.runs[0]!;
    const multi = run.results.filter((r) => r.properties.school.endsWith('thcs-thpt-nguyen-trai-57') && r.kind !== 'informational');
    const multiResult = school('thcs-thpt-nguyen-trai-57');
    const blocking = multiResult.findings.filter((f) => f.severity === 'error' && (f.status === 'unmet' || f.status === 'not_rated'));
    expect(multi.filter((r) => r.properties.part).length).toBe(blocking.length);
    for (const r of multi) {
      expect(r.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(1);
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toMatch(/^examples\/thcs-thpt-nguyen-trai-57\/tieu-chuan-\d\.yaml$/);
    }
    expect(multi.find((r) => r.ruleId === 'TT57.PT.1.2.M2.a')!.level).toBe('warning');
    expect(multi.find((r) => r.ruleId === 'TT57.PT.2.3.M2.a')!.message.text).toContain('MC.2.3.99');
    const prints = run.results.map((r) => r.partialFingerprints['chuan/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('rule metadata of the items (criterion, mandatory) and of the statements; statements are informational results', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    expect(rules.find((r) => r.id === 'TT57.PT.4.2.M1.a')!.properties).toMatchObject({ item: { criterion: '4.2' }, mandatory: true });
    expect(rules.find((r) => r.id === 'TT57.MN.D27.k4')!.properties.kind).toBe('period');
    const statements = log.runs[0]!.results.filter((r) => r.kind === 'informational');
    expect(statements.every((r) => r.level === 'none')).toBe(true);
    expect(statements.map((r) => r.ruleId).filter((x) => x.endsWith('k2'))).toEqual(['TT57.PT.D27.k2']);
  });
});

describe('GitHub', () => {
  it('the group holds the criterion table, the requirements in numbers, the path, and the statements as notices', () => {
    const out = githubFormatter([school('thcs-thpt-nguyen-trai-57')], ctx());
    const lines = out.trimEnd().split('\n');
    const start = lines.findIndex((l) => l.startsWith('::group::'));
    const end = lines.indexOf('::endgroup::');
    const group = lines.slice(start + 1, end);
    expect(group).toContain('  ✖ Mức 2 (cấp THPT): cần ≥ 5/7 tiêu chí không bắt buộc đạt Mức 2 trở lên, hiện có 3/7');
    expect(group).toContain('  Để đạt Mức 2: cần nâng ít nhất 4 yêu cầu (1 chưa đạt, 3 chưa tự đánh giá hoặc chưa đủ minh chứng)');
    expect(group).toContain('    - tiêu chí 2.3 (cấp THPT): từ Mức 1 lên Mức 2 — yêu cầu M2a, M2b');
    expect(group.filter((l) => /^ {2}\d\.\d \(cấp TH(CS|PT)\) /.test(l))).toHaveLength(30);
    expect(group.some((l) => l.startsWith('::notice file=examples/thcs-thpt-nguyen-trai-57/truong.yaml,line=1,col=1,title=TT57.PT.D27.k2::'))).toBe(true);
    expect(group.some((l) => l.startsWith('::warning ') && l.includes('title=TT57.PT.1.2.M2.a 1.2 (cấp THPT)'))).toBe(true);
    expect(lines.at(-1)).toMatch(/, 3 yêu cầu chưa tự đánh giá\.$/);
  });
});
