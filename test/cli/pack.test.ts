// The command line without the registry: `npm pack`'s tarball installed globally into a fresh prefix
// works from any directory, as a school's IT person installs it (README), and carries the page.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

let tmp: string;
let tarball: string;
let bin: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-pack-'));
  // dist/ was built by `npm test`; the tarball takes it as it is.
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: packageRoot, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(tmp, packed[0]!.filename);
  const prefix = path.join(tmp, 'prefix');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: tmp, encoding: 'utf8', stdio: 'pipe' });
  bin = path.join(prefix, 'bin', 'chuan');
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the package installed from its tarball', () => {
  it('holds the command, the rules, the schemas and the page', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const file of ['package/dist/cli/bin.js', 'package/dist/chuan.html', 'package/dist/validate/precompiled-validators.cjs', 'package/rules/vocabulary.yaml', 'package/schemas/truong.schema.json']) expect(files).toContain(file);
  });

  it('checks a school from another directory with the same report as the repository', () => {
    const work = path.join(tmp, 'truong');
    fs.cpSync(path.join(packageRoot, 'examples', 'th-mai-sao'), path.join(work, 'th-mai-sao'), { recursive: true });
    const installed = spawnSync(bin, ['check', 'th-mai-sao', '--format', 'markdown', '--as-of', '2026-06-15'], { cwd: work, encoding: 'utf8' });
    const here = spawnSync(process.execPath, [path.join(packageRoot, 'dist', 'cli', 'bin.js'), 'check', 'th-mai-sao', '--format', 'markdown', '--as-of', '2026-06-15'], { cwd: work, encoding: 'utf8' });
    expect(installed.status).toBe(1);
    expect(installed.stdout).toContain('# Báo cáo tự kiểm tra trường đạt chuẩn quốc gia: Trường Tiểu học Mai Sao');
    expect(installed.stdout).toBe(here.stdout);
    expect(spawnSync(bin, ['--version'], { cwd: os.tmpdir(), encoding: 'utf8' }).stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version);
  });
});
