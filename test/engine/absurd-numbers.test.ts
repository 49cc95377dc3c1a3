import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { jsonFormatter } from '../../src/report/formatters/json.js';
import { AS_OF, examplesDir, formatContext, tempDir } from '../batch/fixtures.js';
import { expectJsonReport } from '../hostile/wellformed.js';

const root = tempDir('chuan-absurd-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function withPupils(name: string, pupils: string): string {
  const school = path.join(root, name);
  fs.cpSync(path.join(examplesDir, 'th-binh-minh'), school, { recursive: true });
  const profile = path.join(school, 'truong.yaml');
  fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace('so_hoc_sinh: 523', `so_hoc_sinh: ${pupils}`));
  return school;
}

describe('a count too large to be real', () => {
  it('past 2^53 - 1 is refused where it is written, quoted as typed', () => {
    const result = checkSchool(withPupils('th-qua-lon', '1.797693134862316e+307'), { asOf: AS_OF });
    expect(result.outcome).toBe('invalid');
    expect(result.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['yaml/impossible-number', 15, 14]]);
    expect(result.diagnostics[0]!.message.vi).toContain('"1.797693134862316e+307"');
    expectJsonReport(jsonFormatter([result], formatContext({ cwd: root })));
  });

  it('at 2^53 - 1 gives an unmet finding with a finite shortfall, and every number of the JSON report is one', () => {
    const result = checkSchool(withPupils('th-rat-lon', '9007199254740991'), { asOf: AS_OF });
    const area = result.findings.find((f) => f.measure?.kind === 'ratio' && f.status === 'unmet' && f.measure.denominator === Number.MAX_SAFE_INTEGER);
    expect(area).toBeDefined();
    expect(Number.isFinite(area!.gap)).toBe(true);
    const json = jsonFormatter([result], formatContext({ cwd: root }));
    expectJsonReport(json);
    expect(json).not.toMatch(/"(?:value|gap|numerator|denominator|threshold)":\s*null|Infinity|NaN/);
  });
});
