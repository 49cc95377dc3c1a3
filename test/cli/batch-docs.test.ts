import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '../../src/config/load-config.js';
import { packageRoot } from '../../src/paths.js';
import { AS_OF, exampleSchools, tempDir } from '../batch/fixtures.js';
import { run } from './run-main.js';

const doc = fs.readFileSync(path.join(packageRoot, 'docs', 'ci.md'), 'utf8');
const blocks = [...doc.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const roots: string[] = [];
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * The commands of a shell script that the test replays: `mkdir -p DIR` and `npx chuan check …`
 * (continuation lines joined). Anything else in a documented script is rejected, so the page cannot
 * grow a step that this test does not run.
 */
function chuanCommands(script: string): string[][] {
  return script
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && line !== 'npm ci')
    .map((line) => {
      if (!/^(npx chuan check|mkdir -p) /.test(line)) throw new Error(`undocumented step in docs/ci.md: ${line}`);
      return line.split(/\s+/);
    });
}

/** Replays one documented script in cwd; returns the chuan command's argv (without "npx chuan"). */
function replayMkdirs(steps: string[][], cwd: string): string[] {
  for (const step of steps) if (step[0] === 'mkdir') fs.mkdirSync(path.join(cwd, step[2]!), { recursive: true });
  const chuan = steps.filter((step) => step[0] === 'npx');
  expect(chuan).toHaveLength(1);
  return chuan[0]!.slice(2);
}

interface Workflow {
  jobs?: Record<string, { steps: { run?: string }[] }>;
  report?: unknown;
  [job: string]: unknown;
}

function documentedCommands(): { where: string; steps: string[][] }[] {
  const out: { where: string; steps: string[][] }[] = [];
  for (const block of blocks) {
    if (block.lang === 'sh') out.push({ where: 'sh', steps: chuanCommands(block.text) });
    if (block.lang !== 'yaml') continue;
    const value = parseYaml(block.text) as Workflow;
    if (value.jobs) {
      for (const job of Object.values(value.jobs)) {
        const steps = job.steps.flatMap((step) => (step.run ? chuanCommands(step.run) : []));
        out.push({ where: 'github', steps });
      }
    } else if (!value.report) {
      for (const job of Object.values(value)) {
        const script = (job as { script?: string[] }).script ?? [];
        out.push({ where: 'gitlab', steps: script.flatMap((line) => chuanCommands(line)) });
      }
    }
  }
  return out;
}

describe('docs/ci.md', () => {
  const commands = documentedCommands();

  it('documents the batch command, a GitHub Actions workflow and a GitLab CI job, all valid YAML', () => {
    expect(commands.map((c) => c.where)).toEqual(['sh', 'github', 'gitlab']);
    const yamlBlocks = blocks.filter((b) => b.lang === 'yaml');
    expect(yamlBlocks.length).toBe(3);
    const gitlab = parseYaml(yamlBlocks[2]!.text) as Record<string, { artifacts: { when: string; reports: { junit: string } } }>;
    expect(gitlab['kiem-tra-truong']!.artifacts).toMatchObject({ when: 'always', reports: { junit: 'bao-cao/junit.xml' } });
    const github = parseYaml(yamlBlocks[1]!.text) as { jobs: Record<string, { steps: { uses?: string; if?: string; with?: Record<string, string> }[] }> };
    const steps = Object.values(github.jobs)[0]!.steps;
    expect(steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toMatchObject({ if: 'always()', with: { sarif_file: 'bao-cao/chuan.sarif' } });
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))).toMatchObject({ if: 'always()' });
  });

  it('the documented chuan.config.yaml is a valid configuration', () => {
    const dir = tempDir('chuan-docs-');
    roots.push(dir);
    const block = blocks.find((b) => b.lang === 'yaml' && (parseYaml(b.text) as Workflow).report)!;
    const file = path.join(dir, 'chuan.config.yaml');
    fs.writeFileSync(file, block.text);
    expect(loadConfig(file).report.office).toMatch(/Phòng Giáo dục/);
  });

  it.each(documentedCommands().map((c) => [c.where, c.steps] as const))('the %s steps run on the examples and their outputs parse', async (where, steps) => {
    const cwd = tempDir('chuan-docs-');
    roots.push(cwd);
    const argv = replayMkdirs(steps, cwd);
    fs.symlinkSync(path.join(packageRoot, 'examples'), path.join(cwd, 'truong'), 'dir');
    const summary = path.join(cwd, 'step-summary.md');
    const env: Record<string, string> = where === 'github' ? { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } : { CI: 'true' };
    const result = await run([...argv, '--as-of', AS_OF], { cwd, env });
    expect(result.code).toBe(2); // examples/thcs-loi-du-lieu is invalid on purpose
    const files = argv.filter((a) => a.includes('=')).map((a) => a.split('=')[1]!);
    // stderr: one line per file written, nothing else (no mkdir was needed for any of them)
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines.every((l) => l.startsWith('chuan: đã ghi '))).toBe(true);
    for (const rel of files) expect(lines.some((l) => l.endsWith(` vào ${rel}`)), rel).toBe(true);

    for (const rel of files) {
      const text = fs.readFileSync(path.join(cwd, rel), 'utf8');
      if (rel.endsWith('.xml')) expect(XMLValidator.validate(text)).toBe(true);
      if (rel.endsWith('.sarif')) expect(JSON.parse(text)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'chuan' } } }] });
      if (rel.endsWith('.json')) {
        const schema = JSON.parse(fs.readFileSync(path.join(packageRoot, 'schemas', 'report.schema.json'), 'utf8')) as object;
        const validate = new Ajv2020({ allowUnionTypes: true }).compile(schema);
        expect(validate(JSON.parse(text))).toBe(true);
      }
    }
    const outDir = argv[argv.indexOf('--output-dir') + 1]!;
    const reports = fs.readdirSync(path.join(cwd, outDir)).sort();
    expect(reports).toEqual([...exampleSchools().flatMap((d) => [`${path.basename(d)}.md`, `${path.basename(d)}.docx`]), 'TONG-HOP.md', 'TONG-HOP.docx'].sort());
    if (where === 'github') {
      expect(result.stdout).toMatch(/^::group::/);
      expect(fs.readFileSync(summary, 'utf8')).toContain('# Tổng hợp kết quả tự kiểm tra');
    } else {
      expect(result.stdout).toMatch(/Tổng: \d+ trường/);
    }
  });
});
