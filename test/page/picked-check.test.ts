import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { ListedSource } from '../../src/load/listed-source.js';
import { checkPicked, pageContext, pageReports, pickedSchools, type PageSetup } from '../../src/page/picked-check.js';
import { packageRoot } from '../../src/paths.js';
import { readEditorSchema } from '../../src/init/editor-schemas.js';
import { FieldLabels } from '../../src/report/labels.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';
import { toolVersion } from '../../src/version.js';
import { run } from '../cli/run-main.js';
import { listed, pickFolder } from './listing.js';

const examples = path.join(packageRoot, 'examples');
/** The examples' reference date (test/examples.test.ts). */
const AS_OF = '2026-06-15';
/** Every example school folder (a folder of examples/ holding truong.yaml). */
const EXAMPLES = fs.readdirSync(examples).filter((f) => fs.existsSync(path.join(examples, f, 'truong.yaml'))).sort();
const setup = (): PageSetup => ({ ruleSet: loadRuleSet(), registry: SchemaRegistry.shared(), toolVersion, fields: new FieldLabels(() => SchemaRegistry.shared().documents()), schemas: readEditorSchema });

function pageRun(files: ReturnType<typeof pickFolder>, lang: 'vi' | 'en' = 'vi') {
  const result = checkPicked(ListedSource.of(files), setup(), { asOf: AS_OF });
  return pageReports(result, pageContext(result, lang, setup()));
}

describe('a picked folder, checked as the page checks it', () => {
  it.each(EXAMPLES)('%s: Markdown and JSON equal `chuan check <folder>` run beside the folder', async (name) => {
    const page = pageRun(pickFolder(path.join(examples, name)));
    const markdown = await run(['check', name, '--format', 'markdown', '--as-of', AS_OF], { cwd: examples });
    const json = await run(['check', name, '--format', 'json', '--as-of', AS_OF], { cwd: examples });
    expect(page.markdown).toBe(markdown.stdout);
    expect(page.json).toBe(json.stdout);
    expect(page.schools).toEqual([markdown.stdout]);
    expect(page.summary).toBeNull();
  });

  it('the whole examples folder: the batch report and its roll-up, in English too', async () => {
    const files = pickFolder(examples);
    for (const lang of ['vi', 'en'] as const) {
      const page = pageRun(files, lang);
      const cli = await run(['check', 'examples', '--format', 'markdown', '--as-of', AS_OF, '--lang', lang]);
      expect(page.markdown).toBe(cli.stdout);
      expect(page.schools).toHaveLength(EXAMPLES.length);
      expect(cli.stdout.startsWith(page.summary!)).toBe(true);
    }
  });

  it('reads only the school files it checks, never an evidence file', () => {
    const reads: string[] = [];
    const files = pickFolder(path.join(packageRoot, 'test', 'fixtures', 'evidence-school'), reads);
    files.push(listed('evidence-school/minh-chung/H1/bien-ban.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]), reads));
    pageRun(files);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((r) => /^evidence-school\/(truong|tieu-chuan-[1-5])\.yaml$/.test(r))).toBe(true);
  });

  it('finds schools as the command line does: sorted, skipped folders left out, the picked folder searched whatever its name', () => {
    const bytes = new TextEncoder().encode('x: 1\n');
    const files = ['dist/b/truong.yaml', 'dist/a/truong.yaml', 'dist/node_modules/c/truong.yaml', 'dist/.an/truong.yaml', 'dist/a/con/truong.yaml', 'dist/minh-chung/d/truong.yaml'].map((p) => listed(p, bytes));
    expect(pickedSchools(ListedSource.of(files))).toEqual(['dist/a', 'dist/b']);
  });

  it('a broken school is reported with located errors and the batch goes on', () => {
    const files = [...pickFolder(path.join(examples, 'thcs-loi-du-lieu')), ...pickFolder(path.join(examples, 'th-mai-sao'))];
    const result = checkPicked(ListedSource.of(files), setup(), { asOf: AS_OF });
    expect(result.results.map((r) => r.outcome)).toEqual(['not_reached', 'invalid']);
    const located = result.results[1]!.diagnostics.map((d) => `${d.location?.file}:${d.location?.line}`);
    expect(located).toContain('/thcs-loi-du-lieu/tieu-chuan-1.yaml:9');
  });

  it('a chuan.config.yaml in the picked folder applies as it does for `chuan check <folder>`', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-page-'));
    try {
      const batch = path.join(dir, 'phong');
      fs.cpSync(path.join(examples, 'th-mai-sao'), path.join(batch, 'th-mai-sao'), { recursive: true });
      fs.writeFileSync(path.join(batch, 'chuan.config.yaml'), 'report:\n  office: UBND xã Tân Phú\n');
      const page = pageRun(pickFolder(batch));
      const cli = await run(['check', 'phong', '--format', 'markdown', '--as-of', AS_OF], { cwd: dir });
      expect(page.markdown).toContain('UBND xã Tân Phú');
      expect(page.markdown).toBe(cli.stdout);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('choosing a circular checks as `chuan check --circular` does', async () => {
    for (const circular of new Set(loadRuleSet().packs.map((p) => p.circular))) {
      const result = checkPicked(ListedSource.of(pickFolder(path.join(examples, 'th-mai-sao'))), setup(), { asOf: AS_OF, circular });
      const cli = await run(['check', 'th-mai-sao', '--format', 'markdown', '--as-of', AS_OF, '--circular', circular], { cwd: examples });
      expect(pageReports(result, pageContext(result, 'vi', setup())).markdown).toBe(cli.stdout);
    }
  });
});
