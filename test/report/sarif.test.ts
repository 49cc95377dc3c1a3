import fs from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifFormatter, SARIF_FINGERPRINT_KEY } from '../../src/report/formatters/sarif.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { exampleResults, hostile } from './shared.js';

/**
 * The SARIF 2.1.0 schema as shipped in the npm package @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json,
 * from microsoft/sarif-js-sdk; "rtm.5" is the schema of the final 2.1.0 standard, also on SchemaStore).
 * The file declares draft-04. Its keywords mean the same in draft-07 except the draft-04 "id", so it is
 * loaded into Ajv's draft-07 validator with "id" renamed "$id" and the draft-04 "$schema" dropped. One of its
 * patterns (toolComponent.language) has a stray "]" that only non-Unicode regular expressions accept, as in
 * draft-04's ECMA 262 regexes: hence unicodeRegExp: false.
 */
const require = createRequire(import.meta.url);
const schemaFile = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const { $schema: _draft04, id, ...rest } = JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as { $schema: string; id: string };
const sarifSchema = { $id: id, ...rest };
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
(addFormats as unknown as (a: Ajv) => void)(ajv);
const validate = ajv.compile(sarifSchema);

interface Region { startLine: number; startColumn?: number; endLine?: number; endColumn?: number }
interface Result {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string }[];
  properties: { school: string; status?: string; role?: string };
}
interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; properties: { verification?: string; level?: string; tags: string[] } }[] } };
    invocations: { executionSuccessful: boolean; exitCode?: number }[];
    results: Result[];
  }[];
}

describe('sarif formatter', () => {
  let results: SchoolResult[];
  let log: Log;
  beforeAll(async () => {
    results = await exampleResults();
    log = JSON.parse(sarifFormatter(results, formatContext({ exitCode: 2 }))) as Log;
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifSchema.$id).toMatch(/sarif-2\.1\.0/);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator is not vacuous.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
  });

  it('validates with hostile data and in English', () => {
    const nasty = results.map((r) => hostile(r, 'a b/c%20\\d "q" <x> ]]>'));
    const parsed = JSON.parse(sarifFormatter(nasty, formatContext({ lang: 'en' }))) as unknown;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('describes every rule: descriptions, help with reference and remedy, verification, level, tags', () => {
    const rules = log.runs[0]!.tool.driver.rules;
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rule = rules.find((r) => r.properties.verification)!;
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    expect(rule.fullDescription.text.length).toBeGreaterThan(0);
    expect(rule.help.text).toMatch(/^Căn cứ: .+\nGiải pháp: /);
    expect(rule.help.markdown).toMatch(/\*\*Căn cứ:\*\*.+\*\*Giải pháp:\*\*/s);
    expect(rule.properties.tags.length).toBeGreaterThan(0);
    expect(['confirmed', 'secondary', 'unverified']).toContain(rule.properties.verification);
  });

  it('one result per unmet indicator, error rules as error and warning rules as warning, and every result is located', () => {
    const run = log.runs[0]!;
    const byRule = new Map(run.tool.driver.rules.map((r, i) => [r.id, i]));
    for (const res of run.results) {
      expect(res.ruleIndex).toBe(byRule.get(res.ruleId));
      const loc = res.locations[0]!.physicalLocation;
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(loc.artifactLocation.uri).toMatch(/^examples\/[^\\]+\.yaml$/);
    }
    const unmet = results.flatMap((r) => r.findings.filter((f) => f.status === 'unmet'));
    const fromFindings = run.results.filter((x) => x.properties.status === 'unmet');
    expect(fromFindings.length).toBe(unmet.length);
    for (const x of fromFindings) {
      const rule = run.tool.driver.rules[x.ruleIndex!]!;
      const severity = (rule as unknown as { defaultConfiguration: { level: string } }).defaultConfiguration.level;
      if (x.properties.role === 'gap') expect(x.level).toBe('error');
      if (x.properties.role === 'advisory') expect([x.level, severity]).toEqual(['warning', 'warning']);
    }
    expect(fromFindings.some((x) => x.level === 'warning')).toBe(true);
    expect(fromFindings.some((x) => x.level === 'error')).toBe(true);
  });

  it('an invalid input is a result at its YAML line', () => {
    const invalid = results.find((r) => r.outcome === 'invalid')!;
    const d = invalid.diagnostics.find((x) => x.severity === 'error' && x.location)!;
    const res = log.runs[0]!.results.find((x) => x.ruleId === d.code && x.level === 'error')!;
    expect(res.locations[0]!.physicalLocation.region.startLine).toBe(d.location!.line);
  });

  it('fingerprints ignore line numbers: moving the data keeps them, and they are unique', () => {
    const fps = log.runs[0]!.results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(new Set(fps).size).toBe(fps.length);
    const moved = results.map((r) => ({ ...r, findings: r.findings.map((f) => (f.location ? { ...f, location: { ...f.location, line: f.location.line + 7 } } : f)) }));
    const again = JSON.parse(sarifFormatter(moved, formatContext({ exitCode: 2 }))) as Log;
    expect(again.runs[0]!.results.map((r) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(fps);
  });

  it('a waived finding is a result with an accepted external suppression and its justification', () => {
    const r = results.find((x) => x.findings.some((f) => f.status === 'unmet' && f.severity === 'error'))!;
    const f = r.findings.find((x) => x.status === 'unmet' && x.severity === 'error')!;
    const waived: SchoolResult = { ...r, findings: r.findings.map((x) => (x === f ? { ...x, status: 'waived' as const, waiver: { rule: f.ruleId, reason: 'Đang xây phòng học', expires: '2026-12-31', approvedBy: 'Trưởng phòng' } } : x)) };
    const out = JSON.parse(sarifFormatter([waived], formatContext({ exitCode: 0 }))) as Log;
    expect(validate(out)).toBe(true);
    const res = out.runs[0]!.results.find((x) => x.suppressions)!;
    expect(res.ruleId).toBe(f.ruleId);
    expect(res.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Đang xây phòng học (đến hết ngày 31/12/2026, phê duyệt: Trưởng phòng)' }]);
  });

  it('records the exit code in invocations', () => {
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: false, exitCode: 2 }]);
    const ok = JSON.parse(sarifFormatter(results, formatContext({ exitCode: 1 }))) as Log;
    expect(ok.runs[0]!.invocations).toEqual([{ executionSuccessful: true, exitCode: 1 }]);
  });

  it('percent-encodes URIs (spaces, Vietnamese letters) so they stay valid relative references', () => {
    const r = results.find((x) => x.findings.some((f) => f.status === 'unmet'))!;
    const renamed = { ...r, findings: r.findings.map((f) => (f.location ? { ...f, location: { ...f.location, file: f.location.file.replace(/examples[\\/]/, 'examples/Trường Số 1/') } } : f)) };
    const out = JSON.parse(sarifFormatter([renamed], formatContext())) as Log;
    expect(validate(out)).toBe(true);
    const uris = out.runs[0]!.results.map((x) => x.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    expect(uris.some((u) => u.includes('Tr%C6%B0%E1%BB%9Dng%20S%E1%BB%91%201'))).toBe(true);
  });
});
