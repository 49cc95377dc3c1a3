#!/usr/bin/env node
// Renders the Word reports of the bundled examples to page images for review: chuan writes one .docx per
// school and TONG-HOP.docx (--output-dir), LibreOffice converts each to PDF headless (a file LibreOffice
// would have to repair fails the conversion), pdftoppm turns the chosen pages into PNG.
//   node scripts/render-pages.mjs [--out docs/bao-cao] [--dpi 50]
// Without --out it only converts and checks. Needs `npm run build`, LibreOffice (soffice) and pdftoppm;
// exits 0 with a note when they are not installed, 1 when a conversion fails.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = arg('--out', null);
const dpi = arg('--dpi', '50');
/** The pages shown in docs/bao-cao.md: every page of one school's report, the first of the others. */
const SHOWN = { 'th-mai-sao': 'all', 'thcs-loi-du-lieu': 1, 'TONG-HOP': 1 };

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice || !has('pdftoppm')) {
  console.log('render-pages: LibreOffice (soffice) or pdftoppm is not installed; nothing rendered.');
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-pages-'));
try {
  const reports = path.join(work, 'bao-cao');
  const check = spawnSync(process.execPath, [path.join(root, 'dist/cli/bin.js'), 'check', 'examples', '--as-of', '2026-06-15', '--output-dir', reports, '--format', `json=${path.join(work, 'r.json')}`], { cwd: root, encoding: 'utf8' });
  if (check.status !== 2) throw new Error(`chuan check examples exited ${check.status} (2 expected: one example is invalid on purpose)\n${check.stderr}`);
  const docs = fs.readdirSync(reports).filter((f) => f.endsWith('.docx')).sort();
  const pdfDir = path.join(work, 'pdf');
  // A profile of its own, so that a running LibreOffice of the user is neither used nor disturbed.
  const profile = `file://${path.join(work, 'lo-profile')}`;
  execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', pdfDir, ...docs.map((d) => path.join(reports, d))], { stdio: 'pipe', timeout: 300_000 });
  let failed = 0;
  for (const doc of docs) {
    const pdf = path.join(pdfDir, doc.replace(/\.docx$/, '.pdf'));
    const pages = fs.existsSync(pdf) ? Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1] ?? 0) : 0;
    console.log(`${doc}: ${pages > 0 ? `${pages} page(s)` : 'NOT CONVERTED'}`);
    if (pages === 0) failed += 1;
    const stem = doc.replace(/\.docx$/, '');
    if (out && pages > 0 && SHOWN[stem] !== undefined) {
      fs.mkdirSync(path.resolve(root, out), { recursive: true });
      const last = SHOWN[stem] === 'all' ? pages : SHOWN[stem];
      execFileSync('pdftoppm', ['-r', dpi, '-png', '-f', '1', '-l', String(last), pdf, path.resolve(root, out, stem)]);
    }
  }
  if (failed > 0) {
    console.error(`render-pages: ${failed} file(s) could not be converted`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
