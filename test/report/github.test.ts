import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubFormatter } from '../../src/report/formatters/github.js';
import type { SchoolResult } from '../../src/types.js';
import { formatContext } from '../batch/fixtures.js';
import { exampleResults, hostile } from './shared.js';

/** Parses one workflow command line back: ::cmd k=v,k=v::data */
function parseCommand(line: string): { command: string; props: Record<string, string>; data: string } | null {
  const m = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!m) return null;
  const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const props: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    props[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: m[1]!, props, data: unescape(m[3]!) };
}

describe('github formatter', () => {
  let results: SchoolResult[];
  let lines: string[];
  beforeAll(async () => {
    results = await exampleResults();
    lines = githubFormatter(results, formatContext()).trimEnd().split('\n');
  });

  it('a group title says "chưa đạt mức nào" when no level is reached, never "đạt chưa đạt mức nào"', () => {
    const none = results.find((r) => r.outcome !== 'invalid')!;
    const title = (r: SchoolResult, lang: 'vi' | 'en') => githubFormatter([r], formatContext({ lang })).split('\n')[0]!;
    expect(title({ ...none, reached: null }, 'vi')).toMatch(/: mức đích [^,]+, chưa đạt mức nào$/);
    expect(title({ ...none, reached: null }, 'en')).toMatch(/: target [^,]+, no level reached$/);
    expect(title(none, 'vi')).toMatch(/: mức đích [^,]+, đạt (?!chưa)/);
    expect(lines.filter((l) => l.includes('đạt chưa đạt'))).toEqual([]);
  });

  it('an advisory is a warning worded "khuyến nghị", not "chưa đạt"', () => {
    const warnings = lines.map(parseCommand).filter((c) => c?.command === 'warning' && c.props['title']?.startsWith('TT'));
    const advisories = warnings.filter((c) => c!.data.startsWith('khuyến nghị'));
    expect(advisories.length).toBeGreaterThan(0);
    expect(warnings.filter((c) => c!.data.startsWith('chưa đạt'))).toEqual([]);
  });

  it('groups per school and annotates every unmet indicator at its YAML line', () => {
    expect(lines.filter((l) => l.startsWith('::group::'))).toHaveLength(results.length);
    expect(lines.filter((l) => l === '::endgroup::')).toHaveLength(results.length);
    const annotations = lines.map(parseCommand).filter((c) => c && ['error', 'warning', 'notice'].includes(c.command));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect(a!.props['file']).toMatch(/^examples\/[^\\]+\.yaml$/);
      expect(Number(a!.props['line'])).toBeGreaterThanOrEqual(1);
      expect(a!.props['title']).toBeTruthy();
    }
    const unmetErrors = results.flatMap((r) => r.findings.filter((f) => f.status === 'unmet' && f.severity === 'error'));
    expect(annotations.filter((a) => a!.command === 'error').length).toBeGreaterThanOrEqual(1);
    expect(annotations.some((a) => a!.command === 'warning')).toBe(true);
    expect(unmetErrors.length).toBeGreaterThan(0);
  });

  it('warning rules are ::warning, error rules in scope ::error', () => {
    const r = results.find((x) => x.findings.some((f) => f.status === 'unmet' && f.severity === 'warning'))!;
    const f = r.findings.find((x) => x.status === 'unmet' && x.severity === 'warning')!;
    const out = githubFormatter([r], formatContext()).split('\n').map(parseCommand);
    const a = out.find((c) => c?.props['title']?.startsWith(`${f.ruleId} `));
    expect(a!.command).toBe('warning');
  });

  it('sends col/endColumn only for a single-line location', () => {
    for (const line of lines.filter((l) => /^::(error|warning|notice) /.test(l))) {
      const { props } = parseCommand(line)!;
      const single = props['endLine'] === undefined || props['endLine'] === props['line'];
      expect('col' in props).toBe(single);
      if (!single) expect('endColumn' in props).toBe(false);
    }
  });

  it('escapes data (% CR LF) and properties (also : and ,) so no school text can forge a command', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const evil = '\n::error file=gia.yaml::gia mao %0A, x:y';
    const out = githubFormatter(results.map((r) => hostile(r, evil)), formatContext());
    const outLines = out.trimEnd().split('\n');
    // Commands, the totals, and (criterion regimes) indented log lines, none of which can read as a command.
    expect(outLines.every((l) => l.startsWith('::') || l.startsWith('chuan: ') || /^ {2,}\S/.test(l))).toBe(true);
    expect(outLines.some((l) => l.startsWith('::error file=gia.yaml'))).toBe(false);
    const withEvil = outLines.map(parseCommand).filter((c) => c && c.data.includes('gia mao'));
    expect(withEvil.length).toBeGreaterThan(0);
    expect(withEvil.every((c) => c!.data.includes('::error file=gia.yaml::gia mao %0A, x:y'))).toBe(true);
  });

  it('ends with the totals line', () => {
    expect(lines.at(-1)).toMatch(/^chuan: \d+ trường — \d+ đạt mức đích, \d+ chưa đạt, \d+ dữ liệu lỗi/);
  });
});
