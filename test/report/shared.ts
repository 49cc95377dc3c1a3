import { checkSchools } from '../../src/batch/index.js';
import type { SchoolResult } from '../../src/types.js';
import { AS_OF, exampleSchools } from '../batch/fixtures.js';

let cached: Promise<SchoolResult[]> | null = null;

/** Every bundled example, checked once per test file (in-process). */
export function exampleResults(): Promise<SchoolResult[]> {
  cached ??= checkSchools(exampleSchools(), { asOf: AS_OF, configFile: null, jobs: 1 });
  return cached;
}

/** A finding-rich copy of a result with hostile text in every user-controlled string. */
export function hostile(result: SchoolResult, text: string): SchoolResult {
  return {
    ...result,
    profile: { ...result.profile, name: `${result.profile.name} ${text}` },
    findings: result.findings.map((f) => ({ ...f, subject: f.status === 'unmet' ? `${f.subject ?? 'x'} ${text}` : f.subject })) as SchoolResult['findings'],
    diagnostics: result.diagnostics.map((d) => ({ ...d, message: { vi: `${d.message.vi} ${text}`, en: `${d.message.en} ${text}` } })),
  };
}
