// docs/huong-dan.md followed step by step (issue 15, acceptance): every `chuan` command of its shell blocks
// is run, in order, as written, in a fresh folder (the `examples/` ones in the repository, where the page
// says to run them), with the configuration file it shows written where it says. No command may be a usage
// or input error, and every file a command is told to write is there afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { run } from './run-main.js';

const doc = fs.readFileSync(path.join(packageRoot, 'docs', 'huong-dan.md'), 'utf8');
const blocks = [...doc.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({ lang: m[2]!, text: m[3]!.replace(new RegExp(`^${m[1]}`, 'gm'), '') }));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-huong-dan-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** Words of a shell line: double quotes group, a trailing "# …" is a comment. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.replace(/\s+#.*$/, '').matchAll(/"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2]!);
  return out;
}

/** The commands of the page's shell blocks, in order; anything but `chuan …` and the npm install line is rejected. */
function commands(): string[][] {
  return blocks
    .filter((b) => b.lang === 'sh')
    .flatMap((b) => b.text.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('npm install -g chuan'))
    .map((line) => {
      const argv = words(line);
      if (argv[0] !== 'chuan') throw new Error(`a step of docs/huong-dan.md this test does not run: ${line}`);
      return argv.slice(1);
    });
}

describe('docs/huong-dan.md, step by step', () => {
  it('every command works as written, and writes what it says', async () => {
    const steps = commands();
    expect(steps.length).toBeGreaterThanOrEqual(9);
    const config = blocks.find((b) => b.lang === 'yaml' && b.text.startsWith('report:'));
    expect(config).toBeDefined();
    for (const argv of steps) {
      // Section 7: the configuration beside the school folders, before the report it changes.
      if (argv.includes('bao-cao-mai-sao-2025-2026.md')) fs.writeFileSync(path.join(work, 'chuan.config.yaml'), config!.text);
      const cwd = argv.some((a) => a.startsWith('examples/')) ? packageRoot : work;
      const result = await run(argv, { cwd });
      const label = `chuan ${argv.join(' ')}`;
      expect(result.code, `${label}\n${result.stderr}`).toBeLessThan(2);
      expect(result.stderr, label).not.toMatch(/không đọc được|không hợp lệ|lỗi/);
      const output = argv[argv.indexOf('--output') + 1];
      if (argv.includes('--output')) expect(fs.existsSync(path.join(cwd, output!)), `${label} writes ${output}`).toBe(true);
    }
    // What the page promises along the way.
    expect(fs.readFileSync(path.join(work, 'bao-cao.md'), 'utf8')).toContain('So với');
    expect(fs.readFileSync(path.join(work, 'bao-cao-mai-sao-2025-2026.md'), 'utf8')).toContain('**Kính gửi:** UBND xã Mai Sao');
  });

  it('the editor schema line that init writes leads to a file', () => {
    const school = path.join(work, 'truong-th-mai-sao');
    for (const file of fs.readdirSync(school).filter((f) => f.endsWith('.yaml'))) {
      const first = fs.readFileSync(path.join(school, file), 'utf8').split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
      expect(target && fs.existsSync(path.resolve(school, target)), `${file}: ${first}`).toBe(true);
    }
  });
});
