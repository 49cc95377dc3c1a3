// Runs every case of the hostile corpus (corpus.ts) through the CLI, in-process, and checks the
// guarantees of docs/security.md: the documented exit code, a located Vietnamese message, no stack
// trace, the rest of the batch checked, nothing outside the batch read, not one byte of the input
// changed, and a bounded running time.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';
import { BASE_EXAMPLE, CORPUS, GOOD, GOOD_EXAMPLE, HOSTILE, type HostileCase } from './corpus.js';
import { AS_OF, copyExample, neverToOpen, readsOutside, recordReads, STACK_LINE, tempRoot, treeFingerprint } from './fixtures.js';

/** src/evidence (evidence register checks) is being written alongside; its cases assert the located message once it exists. */
const EVIDENCE_CHECKS = fs.existsSync(path.join(packageRoot, 'src', 'evidence', 'files.ts'));

/** Generous: every case takes well under a second on a quiet machine; this only catches a hang. */
const CASE_BOUND_MS = 10_000;

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: { vi: string; en: string };
  location: { file: string; line: number; column: number } | null;
}
interface JsonResult {
  dir: string;
  outcome: string;
  diagnostics: JsonDiagnostic[];
  profile: { name: string };
}

const timings: { name: string; ms: number; exit: number }[] = [];

afterAll(() => {
  const rows = timings.map((t) => `${t.name.padEnd(36)} exit ${t.exit}  ${t.ms.toFixed(0).padStart(6)} ms`);
  console.log(`hostile corpus: ${timings.length} cases, slowest ${Math.max(...timings.map((t) => t.ms)).toFixed(0)} ms\n${rows.join('\n')}`);
});

describe.skipIf(process.platform === 'win32')('hostile corpus (symbolic links and named pipes need POSIX)', () => {
  it('has unique case names and covers every kind of hostile input of issue 6', () => {
    const names = CORPUS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const kind of ['malformed', 'tab', 'duplicate', 'alias-bomb', 'nesting', 'size', 'empty', 'utf16le', 'utf16be', 'tcvn3', 'vni', 'invalid-utf8', 'nfd', 'number-decimal-comma', 'number-percent', 'number-thousands', 'date', 'unknown-school-type', 'evidence-absolute', 'evidence-dotdot', 'evidence-symlink', 'batch-symlink-loop', 'output-missing-folder', 'output-inside-input']) {
      expect(names.some((n) => n.includes(kind)), kind).toBe(true);
    }
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c: HostileCase) => {
    const root = tempRoot();
    const out = tempRoot('chuan-hostile-out-');
    try {
      const school = copyExample(BASE_EXAMPLE, path.join(root, HOSTILE));
      copyExample(GOOD_EXAMPLE, path.join(root, GOOD));
      const ctx = { root, school, out };
      const expected = c.build(ctx);
      const forbidden = neverToOpen(root, MAX_FILE_BYTES);
      const before = treeFingerprint(root);
      const argv = ['check', ...(c.argv?.(ctx) ?? ['.', '--format', 'json']), '--as-of', AS_OF, '--jobs', '1'];

      const started = performance.now();
      const { value: result, reads } = await recordReads(() => run(argv, { cwd: root }));
      const ms = performance.now() - started;
      timings.push({ name: c.name, ms, exit: result.code });

      // Not one byte of the input changed, nothing outside the batch read, no link, pipe or oversized file opened.
      expect(treeFingerprint(root), 'the input tree changed').toBe(before);
      expect(readsOutside(reads, [root, out])).toEqual([]);
      expect(reads.filter((r) => forbidden.includes(r))).toEqual([]);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(ms).toBeLessThan(CASE_BOUND_MS);
      expect(result.code, result.stderr).toBe(expected.exit);

      if (expected.stderr) {
        // A usage error: one clean line, no report, nothing left behind in the output folder.
        expect(result.stderr).toContain(expected.stderr);
        expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
        expect(result.stdout).toBe('');
        expect(fs.readdirSync(out).filter((f) => f.startsWith('.chuan-tmp'))).toEqual([]);
        return;
      }
      const json = expected.reportFile ? fs.readFileSync(expected.reportFile, 'utf8') : result.stdout;
      if (json === '') return; // a Markdown report went to a file (output-symlink-to-input-file)
      if (expected.reportFile) expect(result.stdout).toBe('');

      const report = JSON.parse(json) as { results: JsonResult[] };
      const byDir = new Map(report.results.map((r) => [r.dir, r]));
      // The rest of the batch is still checked, and nothing else is.
      expect([...byDir.keys()]).toEqual([HOSTILE, GOOD]);
      expect(byDir.get(GOOD)!.outcome).toBe('reached');
      const hostile = byDir.get(HOSTILE)!;
      expect(hostile.diagnostics.filter((d) => d.code.startsWith('internal/'))).toEqual([]);
      expect(hostile.outcome).toBe(expected.outcome ?? (expected.exit === 2 ? 'invalid' : 'reached'));

      if (expected.code && (EVIDENCE_CHECKS || !expected.code.startsWith('evidence/'))) {
        const match = hostile.diagnostics.find((d) => d.code === expected.code && d.message.vi.includes(expected.fragment ?? ''));
        expect(match, `no ${expected.code} with "${expected.fragment}" in ${JSON.stringify(hostile.diagnostics.slice(0, 5), null, 1)}`).toBeDefined();
        if (expected.at) {
          expect(match!.location).toMatchObject({ file: expected.at.file, line: expected.at.line, ...(expected.at.column ? { column: expected.at.column } : {}) });
        }
        expect(match!.message.vi.length).toBeLessThan(600);
        // The same message in the default (stylish) output, on one line with file:line:column.
        const stylish = await run(['check', HOSTILE, '--as-of', AS_OF, '--jobs', '1'], { cwd: root });
        const place = `${HOSTILE}/${expected.at!.file}:${match!.location!.line}:${match!.location!.column}`;
        const fragment = expected.fragment ?? '';
        expect(stylish.stdout.split('\n').some((l) => l.includes(place) && l.includes(fragment)), `${place} ${fragment}\n${stylish.stdout.slice(0, 3000)}`).toBe(true);
        expect(stylish.stderr).not.toMatch(STACK_LINE);
        expect(treeFingerprint(root), 'the input tree changed').toBe(before);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('prototype keys pollute nothing', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
