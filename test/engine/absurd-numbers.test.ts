import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { jsonFormatter } from '../../src/report/formatters/json.js';
import { AS_OF, examplesDir, formatContext, tempDir } from '../batch/fixtures.js';
import { expectJsonReport } from '../hostile/wellformed.js';

const root = tempDir('chuan-absurd-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a count too large to be real', () => {
  it('gives an unmet finding without a shortfall, and the JSON report stays valid', () => {
    const school = path.join(root, 'th-binh-minh');
    fs.cpSync(path.join(examplesDir, 'th-binh-minh'), school, { recursive: true });
    const profile = path.join(school, 'truong.yaml');
    fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace('so_hoc_sinh: 523', 'so_hoc_sinh: 1.797693134862316e+307'));
    const result = checkSchool(school, { asOf: AS_OF });
    const area = result.findings.find((f) => f.measure?.kind === 'ratio' && f.status === 'unmet' && f.measure.denominator > 1e300);
    expect(area).toBeDefined();
    expect(area!.gap).toBeUndefined();
    expectJsonReport(jsonFormatter([result], formatContext({ cwd: root })));
  });
});
