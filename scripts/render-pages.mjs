#!/usr/bin/env node
// Renders the Word reports of the bundled examples to page images for review: chuan writes one .docx per
// school and TONG-HOP.docx (--output-dir; a school of a later school year again on its own date),
// LibreOffice converts each to PDF headless (a file LibreOffice would have to repair fails the
// conversion), pdftoppm turns the chosen pages into PNG.
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
/**
 * The pages shown in docs/bao-cao.md: every page of one school's report, the first of some others, and
 * for a 57/2026 school the pages where the parts of its Biểu 1 and Biểu 2 begin (found by their heading,
 * each after the one before; the image is named after the part).
 */
const SHOWN = {
  'th-mai-sao': 'all',
  'thcs-loi-du-lieu': 1,
  'TONG-HOP': 'all',
  'th-hoa-mai-57': [
    ['bieu-1-tong-quan', 'Phần I. TỔNG QUAN'],
    ['bieu-1-tu-danh-gia', 'Phần II. TỰ ĐÁNH GIÁ'],
    ['bieu-1-ket-luan', 'Phần III. KẾT LUẬN'],
    ['bieu-2-thong-tin-chung', 'I. THÔNG TIN CHUNG'],
    ['bieu-2-ke-hoach', 'V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG'],
  ],
  'th-hong-ha-17': [
    ['tu-danh-gia-tong-quan', 'Phần I. TỔNG QUAN'],
    ['tu-danh-gia-ket-luan', 'Phần III. KẾT LUẬN'],
  ],
};
const AS_OF = '2026-06-15';

/** A school whose school year ends after AS_OF is checked on 20 June of its last year, when its report is approved. */
function asOfFor(dir) {
  const year = /^nam_hoc:\s*"?(\d{4})-(\d{4})/m.exec(fs.readFileSync(path.join(dir, 'truong.yaml'), 'utf8'));
  return year && `${year[2]}-06-15` > AS_OF ? `${year[2]}-06-20` : null;
}

/** The page numbers where each heading first appears, each after the previous one. */
function pagesOf(pdf, pages, markers) {
  const found = [];
  let from = 1;
  for (const [name, heading] of markers) {
    for (let page = from; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
      if (text.split('\n').some((line) => line.trim() === heading)) {
        found.push([name, page]);
        from = page;
        break;
      }
    }
  }
  return found;
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice || !has('pdftoppm')) {
  console.log('render-pages: LibreOffice (soffice) or pdftoppm is not installed; nothing rendered.');
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-pages-'));
try {
  const reports = path.join(work, 'bao-cao');
  const bin = path.join(root, 'dist/cli/bin.js');
  const check = spawnSync(process.execPath, [bin, 'check', 'examples', '--as-of', AS_OF, '--output-dir', reports, '--format', `json=${path.join(work, 'r.json')}`], { cwd: root, encoding: 'utf8' });
  if (check.status !== 2) throw new Error(`chuan check examples exited ${check.status} (2 expected: one example is invalid on purpose)\n${check.stderr}`);
  // Schools of a later school year again, on their own date (their Word file replaces the batch's).
  for (const name of fs.readdirSync(path.join(root, 'examples')).sort()) {
    const dir = path.join(root, 'examples', name);
    const asOf = fs.existsSync(path.join(dir, 'truong.yaml')) ? asOfFor(dir) : null;
    if (!asOf) continue;
    const one = spawnSync(process.execPath, [bin, 'check', `examples/${name}`, '--as-of', asOf, '--format', 'docx', '--output', path.join(reports, `${name}.docx`), '--quiet'], { cwd: root, encoding: 'utf8' });
    if (one.status === 2) throw new Error(`chuan check examples/${name} exited 2\n${one.stderr}`);
  }
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
      if (Array.isArray(SHOWN[stem])) {
        const found = pagesOf(pdf, pages, SHOWN[stem]);
        if (found.length !== SHOWN[stem].length) throw new Error(`${doc}: found ${found.map(([n]) => n).join(', ') || 'none'} of the parts ${SHOWN[stem].map(([n]) => n).join(', ')}`);
        for (const [name, page] of found) execFileSync('pdftoppm', ['-r', dpi, '-png', '-singlefile', '-f', String(page), '-l', String(page), pdf, path.resolve(root, out, `${stem}-${name}`)]);
      } else {
        const last = SHOWN[stem] === 'all' ? pages : SHOWN[stem];
        execFileSync('pdftoppm', ['-r', dpi, '-png', '-f', '1', '-l', String(last), pdf, path.resolve(root, out, stem)]);
      }
    }
  }
  if (failed > 0) {
    console.error(`render-pages: ${failed} file(s) could not be converted`);
    process.exitCode = 1;
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
