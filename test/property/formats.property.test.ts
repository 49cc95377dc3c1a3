// Property: for any result, whatever text the school's data and folder name hold, every output format is
// well formed: JSON parses and matches schemas/report.schema.json and keeps the text exactly, JUnit and
// SARIF are valid, Markdown tables keep their column count, GitHub commands stay one per line.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSchools } from '../../src/batch/index.js';
import { formatters } from '../../src/report/formatters/index.js';
import type { SchoolResult, SourceLocation } from '../../src/types.js';
import { AS_OF, examplesDir } from '../hostile/fixtures.js';
import { fcOptions, hostileString, PROPERTY_TIMEOUT_MS, RUNS } from './arbitraries.js';
import { expectAllFormatsWellFormed, workspace, type Workspace } from './shared.js';

let ws: Workspace;
let examples: SchoolResult[];
beforeAll(async () => {
  ws = workspace();
  examples = await checkSchools(ws.schools, { asOf: AS_OF, configFile: null, jobs: 1, prepared: ws.options });
});
afterAll(() => ws.dispose());

/** A folder name can hold anything but "/" and NUL (and "\\", a separator on Windows). */
const folderSafe = (s: string): string => s.replace(/[/\\\u0000]/g, '_');

/** The result as if the school's folder, name, codes, people, evidence and messages all held `s`. */
function inject(r: SchoolResult, s: string, root: string): SchoolResult {
  const folder = path.join(root, `t${folderSafe(s)}`);
  const move = <T extends SourceLocation | null>(l: T): T => (l && l.file.startsWith(r.dir) ? { ...l, file: folder + l.file.slice(r.dir.length) } : l);
  return {
    ...r,
    dir: folder,
    profile: { ...r.profile, name: `${r.profile.name}${s}`, code: s, province: s, commune: s },
    findings: r.findings.map((f) => ({
      ...f,
      location: move(f.location),
      ...(f.status === 'unmet' || f.subject !== undefined ? { subject: `${f.subject ?? ''}${s}` } : {}),
      ...(f.waiver ? { waiver: { ...f.waiver, reason: s } } : {}),
    })),
    diagnostics: r.diagnostics.map((d) => ({ ...d, message: { vi: `${d.message.vi}${s}`, en: `${d.message.en}${s}` }, location: move(d.location) })),
    evidence: r.evidence.map((e) => ({ ...e, code: s, title: s })),
  };
}

describe(`hostile text in any field keeps every output format well formed (${RUNS} runs)`, () => {
  it('all formats, both languages, any example result (met, unmet, invalid)', () => {
    expect(examples.map((r) => r.outcome)).toContain('invalid');
    fc.assert(
      fc.property(hostileString, fc.nat({ max: 6 }), fc.nat(), (s, picked, lang) => {
        const results = [inject(examples[picked % examples.length]!, s, examplesDir)];
        const ctx = ws.contexts[lang % ws.contexts.length]!;
        expectAllFormatsWellFormed(results, ctx);
        // Nothing lost on the way: the JSON report gives the name back exactly.
        const json = JSON.parse(formatters['json']!(results, ctx)) as { results: { profile: { name: string } }[] };
        expect(json.results.map((x) => x.profile.name)).toEqual(results.map((x) => x.profile.name));
      }),
      fcOptions,
    );
  }, PROPERTY_TIMEOUT_MS);
});
