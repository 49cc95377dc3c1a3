import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';
import { exampleSchools } from '../batch/fixtures.js';

const installed = ['soffice', 'libreoffice'].some((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) && spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0;

describe('scripts/render-pages.mjs (LibreOffice)', () => {
  it.skipIf(!installed)('converts the Word report of every example school and TONG-HOP.docx to PDF', () => {
    const result = spawnSync(process.execPath, [path.join(packageRoot, 'scripts', 'render-pages.mjs')], { cwd: packageRoot, encoding: 'utf8', timeout: 300_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(exampleSchools().length + 1);
    for (const line of lines) expect(line).toMatch(/^[\w.-]+\.docx: \d+ page\(s\)$/);
  }, 300_000);
});
