import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/** The files of the repository: git's list when there is one, else every file outside the generated and installed folders. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z'], { cwd: packageRoot, encoding: 'utf8' });
  if (git.status === 0 && git.stdout) return git.stdout.split('\0').filter(Boolean);
  const skip = new Set(['node_modules', 'dist', '.git', 'out']);
  const files: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(packageRoot, rel), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk('');
  return files;
}

// Built from parts so that this file does not match itself.
const FOLDERS = ['work', 'shared', 'tmp', 'root', 'home', 'Users', 'mnt', 'var/folders'].join('|');
const MACHINE_PATH = new RegExp(`(?:^|[\\s"'(\`=:,])/(?:${FOLDERS})/|[A-Za-z]:\\\\(?:Users|Documents and Settings)\\\\`, 'm');

describe('committed files', () => {
  it('name no absolute path of a machine (a home, work or temporary folder)', () => {
    const offenders: string[] = [];
    for (const rel of repositoryFiles()) {
      if (rel === 'package-lock.json') continue;
      const bytes = fs.readFileSync(path.join(packageRoot, rel));
      if (bytes.includes(0)) continue; // binary
      const text = bytes.toString('utf8');
      const match = MACHINE_PATH.exec(text);
      if (match) offenders.push(`${rel}:${text.slice(0, match.index).split('\n').length}: ${match[0].trim()}`);
    }
    expect(offenders).toEqual([]);
  });

  it('the pattern finds what it is meant to find', () => {
    const abs = (...parts: string[]): string => ['', ...parts].join('/');
    expect(MACHINE_PATH.test(`# theo ${abs('work', 'shared', 'regulations', 'x.md')}`)).toBe(true);
    expect(MACHINE_PATH.test(`"${abs('tmp', 'chuan-1', 'r.md')}"`)).toBe(true);
    expect(MACHINE_PATH.test(['C:', 'Users', 'hieu', 'truong'].join('\\'))).toBe(true);
    expect(MACHINE_PATH.test('regulations/circular-59-2012.md, docs/work/x, https://a.b/tmp/x')).toBe(false);
  });
});
