import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { jsonFormatter, REPORT_SCHEMA_ID } from '../../src/report/formatters/json.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { exampleResults, hostile } from './shared.js';

const schema = JSON.parse(fs.readFileSync(path.join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as { $id: string };
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  summary: Record<string, number>;
  results: { dir: string; outcome: string; findings: { ruleId: string; status: string; role: string; location: { file: string; line: number; column: number } | null; message: string; remedy?: string }[]; diagnostics: { location: { file: string; line: number } | null }[] }[];
  rulesMeta: Record<string, { title: { vi: string }; reference: { text: { vi: string } }; verification: string; severity: string; level: string; standard: number; criterion: string }>;
  rulePacks: { id: string; version: string; circular: string }[];
  report: { office?: string; header?: string };
}

describe('json formatter', () => {
  let results: SchoolResult[];
  let text: string;
  let report: Report;
  beforeAll(async () => {
    results = await exampleResults();
    text = jsonFormatter(results, formatContext());
    report = JSON.parse(text) as Report;
  });

  it('the schema is draft 2020-12 with the stable $id, and compiles in strict mode', () => {
    expect(schema.$id).toBe('https://chuan.schemas.local/report.schema.json');
    expect(REPORT_SCHEMA_ID).toBe(schema.$id);
  });

  it('validates against schemas/report.schema.json', () => {
    const ok = validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates in English and with hostile data too', () => {
    const nasty = results.map((r) => hostile(r, '|`<b>]]>"\n\r%:,'));
    for (const lang of ['vi', 'en'] as const) {
      const parsed = JSON.parse(jsonFormatter(nasty, formatContext({ lang }))) as unknown;
      expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('is a versioned envelope with tool, packs, results, summary and rulesMeta', () => {
    expect(report.schemaVersion).toBe('2');
    expect(Object.keys(report)).toEqual(['$schema', 'schemaVersion', 'tool', 'lang', 'asOf', 'report', 'rulePacks', 'results', 'summary', 'rulesMeta']);
    expect(report.tool).toEqual({ name: 'chuan', version: '0.0.0-test' });
    const ids = report.rulePacks.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['tt02-2014', 'tt17-2018', 'tt47-2012', 'tt57-2026-mam-non', 'tt57-2026-pho-thong', 'tt59-2012']));
    expect(ids).toEqual([...ids].sort());
    expect(report.summary['schools']).toBe(results.length);
    expect(report.summary['reached']! + report.summary['notReached']! + report.summary['invalid']!).toBe(results.length);
    expect(report.summary['invalid']).toBe(results.filter((r) => r.outcome === 'invalid').length);
  });

  it('uses relative paths with forward slashes and 1-based locations: dir from cwd, files from dir', () => {
    let located = 0;
    for (const r of report.results) {
      expect(r.dir).toMatch(/^examples\/[^/\\]+$/);
      for (const f of r.findings) {
        if (!f.location) continue;
        located += 1;
        expect(f.location.file).toMatch(/^(truong|tieu-chuan-[1-5])\.yaml$/);
        expect(fs.existsSync(path.join(packageRoot, r.dir, f.location.file))).toBe(true);
        expect(f.location.line).toBeGreaterThanOrEqual(1);
        expect(f.location.column).toBeGreaterThanOrEqual(1);
      }
    }
    expect(located).toBeGreaterThan(100);
    expect(text).not.toContain(packageRoot);
  });

  it('is compact, one school per line, and every finding carries what is per finding only', () => {
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(results.length + 2);
    lines.slice(1, -1).forEach((line, i) => expect((JSON.parse(line.replace(/,$/, '')) as { dir: string }).dir).toBe(report.results[i]!.dir));
    const found = report.results.flatMap((r) => r.findings) as Record<string, unknown>[];
    for (const f of found) {
      for (const key of ['level', 'standard', 'criterion', 'verification']) expect(f).not.toHaveProperty(key);
    }
  });

  it('names, on each finding that needs a remedy, the evidence codes the register gives for its criterion', () => {
    let named = 0;
    results.forEach((r, i) => {
      const reported = report.results[i]!.findings as { ruleId: string; subject?: string; remedy?: string; evidence?: string[] }[];
      for (const f of reported) {
        const criterion = report.rulesMeta[f.ruleId]!.criterion;
        const expected = f.remedy ? r.evidence.filter((e) => e.criteria.includes(criterion)).map((e) => e.code) : [];
        expect(f.evidence ?? []).toEqual(expected);
        named += expected.length;
      }
      expect(report.results[i]).not.toHaveProperty('evidence');
    });
    expect(named).toBeGreaterThan(0);
  });

  it('lists every finding (passes included) and describes every rule it mentions', () => {
    const found = report.results.flatMap((r) => r.findings);
    expect(found.length).toBe(results.reduce((n, r) => n + r.findings.length, 0));
    for (const f of found) expect(report.rulesMeta[f.ruleId], f.ruleId).toBeDefined();
    const unmet = found.filter((f) => f.status === 'unmet');
    expect(unmet.length).toBeGreaterThan(0);
    expect(unmet.every((f) => f.remedy)).toBe(true);
    // An advisory (a warning rule) is not worded like an unmet indicator.
    const role = (f: (typeof found)[number]) => (f.severity === 'warning' ? 'khuyến nghị' : 'chưa đạt');
    expect(unmet.filter((f) => !f.message.includes(`: ${role(f)}`)).map((f) => f.message)).toEqual([]);
    expect(unmet.some((f) => f.severity === 'warning')).toBe(true);
  });

  it('carries the receiving office and header from configuration, none by default', () => {
    expect(report.report).toEqual({});
    const ctx = formatContext({ config: { office: 'Phòng GD&ĐT thử', header: 'UBND HUYỆN THỬ' } });
    expect((JSON.parse(jsonFormatter(results, ctx)) as Report).report).toEqual({ office: 'Phòng GD&ĐT thử', header: 'UBND HUYỆN THỬ' });
  });
});
