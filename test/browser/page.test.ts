// dist/chuan.html in Debian's Chromium, opened from file:// with the network off: every example school
// picked through the folder input gives the command line's level, gaps and reports; a broken school shows
// located errors with its lines; the examples folder gives the roll-up; no request leaves the page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../bench/chromium.js';
import { packageRoot } from '../../src/paths.js';
import { run } from '../cli/run-main.js';
import { readDocx } from '../report/docx-reader.js';
import { AS_OF, EXAMPLES as LISTED } from '../examples.js';

const PAGE = path.join(packageRoot, 'dist', 'chuan.html');
const examples = path.join(packageRoot, 'examples');
/** Every example folder, each at the as-of date its expected report is written for. */
const EXAMPLES = fs
  .readdirSync(examples)
  .filter((f) => fs.existsSync(path.join(examples, f, 'truong.yaml')))
  .sort()
  .map((name): [string, string] => [name, LISTED.find(([listed]) => listed === name)?.[2] ?? AS_OF]);
/** UPDATE_SCREENSHOTS=1 (npm run docs:screenshots) writes the main states into docs/. */
const SCREENSHOTS = process.env['UPDATE_SCREENSHOTS'] === '1' ? path.join(packageRoot, 'docs', 'img') : null;

let browser: Browser;
let page: Page;
let downloads: string;
/** Every request the page made besides loading itself and its worker's blob. */
const requests: string[] = [];

beforeAll(async () => {
  downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-downloads-'));
  browser = await launchChromium({ offline: true, downloads });
  browser.context.on('request', (request) => {
    const url = request.url();
    if (url !== pathToFileURL(PAGE).href && !url.startsWith('blob:')) requests.push(url);
  });
  await openPage();
  if (SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'trang-bat-dau.png') });
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

/**
 * A new tab with the page, the examples' as-of date set. Each test has its own: Chromium counts a tab's
 * downloads and starts asking before allowing more after about ten.
 */
async function openPage(asOf = AS_OF): Promise<void> {
  await page?.close();
  page = await browser.context.newPage();
  await page.goto(pathToFileURL(PAGE).href);
  await page.fill('#as-of', asOf);
  // The worker has started when it has listed the circulars.
  await page.waitForFunction(() => document.querySelectorAll('#circular option').length > 1);
}

/** Picks `dir` through the folder input and waits for the run to finish. */
async function pick(dir: string): Promise<void> {
  const runs = Number(await page.getAttribute('body', 'data-runs'));
  await page.setInputFiles('#folder', dir);
  await page.waitForFunction((n) => Number(document.body.dataset['runs']) > n, runs, { timeout: 30_000 });
}

async function downloadBytes(button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return fs.readFileSync((await file.path())!);
}

const download = async (button: string): Promise<string> => (await downloadBytes(button)).toString('utf8');

const cli = async (args: string[], cwd = examples, asOf = AS_OF) => (await run(['check', ...args, '--as-of', asOf], { cwd })).stdout;

describe('chuan.html in Chromium, offline, from file://', () => {
  it('is one file: no script, style, font or image is loaded from anywhere else', () => {
    const html = fs.readFileSync(PAGE, 'utf8');
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]*\s(src|href)=/i);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-[^']+'; worker-src blob:;/);
    expect(html).not.toMatch(/\/work\/|\/root\/|\/tmp\//);
  });

  it.each(EXAMPLES)('%s at %s: level, unmet items and downloads equal `chuan check` beside the folder', async (name, asOf) => {
    await openPage(asOf);
    await pick(path.join(examples, name));
    const json = JSON.parse(await cli([name, '--format', 'json'], examples, asOf)) as { results: { outcome: string; findings: { ruleId: string; role: string }[] }[] };
    const markdown = await cli([name, '--format', 'markdown'], examples, asOf);
    const expected = json.results[0]!;
    const reachedRow = /^\| Mức đạt được \| (.*) \|$/m.exec(markdown)![1];
    expect(await page.textContent('#school [data-fact=reached]')).toBe(reachedRow);
    expect(await page.getAttribute('#school', 'data-outcome')).toBe(expected.outcome);
    const gaps = await page.$$eval('#school .gaps li', (items) => items.map((li) => li.getAttribute('data-rule')));
    expect(gaps).toEqual(expected.findings.filter((f) => f.role === 'gap').map((f) => f.ruleId));
    expect(await download('#download-md')).toBe(markdown);
    expect(await download('#download-json')).toBe(await cli([name, '--format', 'json'], examples, asOf));
    if (name === 'th-mai-sao' && SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'trang-mot-truong.png'), fullPage: true });
  });

  it('the Word download is the file `chuan check --format docx` writes', async () => {
    await openPage();
    for (const dir of [path.join(examples, 'th-mai-sao'), examples]) {
      await pick(dir);
      const out = path.join(downloads, `cli-${path.basename(dir)}.docx`);
      const folder = path.basename(dir);
      await run(['check', folder, '--format', 'docx', '--output', out, '--as-of', AS_OF, '--quiet'], { cwd: path.dirname(dir) });
      const bytes = await downloadBytes('#download-docx');
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.equals(fs.readFileSync(out))).toBe(true);
    }
  });

  it('the Word download of a 57/2026 school holds its Biểu 1 and Biểu 2, read back', async () => {
    await openPage();
    const asOf = '2027-06-20';
    await page.fill('#as-of', asOf);
    await pick(path.join(examples, 'th-hoa-mai-57'));
    const bytes = await downloadBytes('#download-docx');
    const out = path.join(downloads, 'cli-th-hoa-mai-57.docx');
    await run(['check', 'th-hoa-mai-57', '--format', 'docx', '--output', out, '--as-of', asOf, '--quiet'], { cwd: examples });
    expect(bytes.equals(fs.readFileSync(out))).toBe(true);
    const word = readDocx(bytes);
    expect(word.sections.map((s) => s.orient === 'landscape')).toEqual([false, true]);
    const headings = word.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(headings.slice(0, 4)).toEqual(['Phần I. TỔNG QUAN', 'Phần II. TỰ ĐÁNH GIÁ', 'Phần III. KẾT LUẬN', 'Phần IV. PHỤ LỤC']);
    expect(headings).toContain('V. KẾ HOẠCH CẢI TIẾN CHẤT LƯỢNG');
    expect(word.paragraphs.filter((p) => p.style === 'Heading3' && p.text.startsWith('Tiêu chí '))).toHaveLength(15);
    expect(await download('#download-md')).toBe((await run(['check', 'th-hoa-mai-57', '--format', 'markdown', '--as-of', asOf], { cwd: examples })).stdout);
  });

  it('a circular chosen in the page checks as `chuan check --circular`', async () => {
    await openPage();
    const circulars = await page.$$eval('#circular option', (options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    expect(circulars.length).toBeGreaterThan(1);
    await pick(path.join(examples, 'th-mai-sao'));
    for (const circular of circulars) {
      const runs = Number(await page.getAttribute('body', 'data-runs'));
      await page.selectOption('#circular', circular);
      await page.waitForFunction((n) => Number(document.body.dataset['runs']) > n, runs);
      expect(await download('#download-md')).toBe(await cli(['th-mai-sao', '--format', 'markdown', '--circular', circular]));
    }
  });

  it('a broken school shows each located error with its line', async () => {
    const name = 'thcs-loi-du-lieu';
    await openPage();
    await pick(path.join(examples, name));
    const json = JSON.parse(await cli([name, '--format', 'json'])) as { results: { diagnostics: { severity: string; location: { file: string; line: number; column: number } }[] }[] };
    const errors = json.results[0]!.diagnostics.filter((d) => d.severity === 'error');
    const shown = await page.$$eval('#school .errors > li', (items) => items.map((li) => ({ at: li.querySelector('code')!.textContent, line: li.querySelector('pre')?.firstChild?.textContent ?? null })));
    expect(shown.map((s) => s.at)).toEqual(errors.map((d) => `${name}/${d.location.file}:${d.location.line}:${d.location.column}`));
    for (const [i, d] of errors.entries()) {
      expect(shown[i]!.line).toBe(fs.readFileSync(path.join(examples, name, d.location.file), 'utf8').split('\n')[d.location.line - 1]);
    }
    expect(await page.textContent('#school [data-fact=outcome]')).toBe('dữ liệu lỗi');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'trang-loi-du-lieu.png'), fullPage: true });
  });

  it('shows data from a school as text, never as markup', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-page-'));
    try {
      const school = path.join(dir, 'truong-x');
      fs.cpSync(path.join(examples, 'th-mai-sao'), school, { recursive: true });
      const name = '<img src=x onerror="document.title=1"> | **đậm** `mã` \\ &amp; [a](javascript:alert(1))';
      const profile = path.join(school, 'truong.yaml');
      fs.writeFileSync(profile, fs.readFileSync(profile, 'utf8').replace(/^ten_truong: .*$/m, `ten_truong: '${name}'`));
      await openPage();
      await pick(school);
      expect(await page.textContent('#school h2')).toBe(name);
      expect(await page.textContent('#report h2')).toBe(`Báo cáo tự kiểm tra trường đạt chuẩn quốc gia: ${name} — năm học 2025-2026`);
      const facts = await page.$$eval('#report tr', (rows) => rows.map((tr) => [...tr.children].map((td) => td.textContent)));
      expect(facts).toContainEqual(['Trường', name]);
      expect(await page.$$('#results img, #results a, #results script')).toHaveLength(0);
      expect(await page.title()).toMatch(/^chuan — /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the examples folder gives the office roll-up and every school, in English too', async () => {
    await openPage();
    await pick(examples);
    // One table of schools per regime (rule pack), together every school once.
    const rows = await page.$$eval('#summary table', (tables) => tables.filter((t) => t.querySelector('th:nth-child(2)')?.textContent === 'Thư mục').flatMap((t) => [...t.querySelectorAll('tbody tr')].map((tr) => tr.children[1]!.textContent)));
    expect([...rows].sort()).toEqual(EXAMPLES.map(([name]) => `examples/${name}`).sort());
    expect(await page.$$eval('#schools li', (items) => items.map((li) => li.getAttribute('data-folder')))).toEqual(EXAMPLES.map(([name]) => `examples/${name}`));
    expect(await download('#download-md')).toBe(await cli(['examples', '--format', 'markdown'], packageRoot));
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'trang-tong-hop.png') });
    const runs = Number(await page.getAttribute('body', 'data-runs'));
    await page.click('#lang-en');
    await page.waitForFunction((n) => Number(document.body.dataset['runs']) > n, runs);
    expect(await page.textContent('#summary h2')).toBe('Self-review summary');
    expect(await download('#download-md')).toBe(await cli(['examples', '--format', 'markdown', '--lang', 'en'], packageRoot));
    await page.click('#lang-vi');
  });

  it('made no network request, and its policy refuses any', async () => {
    expect(requests).toEqual([]);
    const refused = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true }));
      const fetched = await fetch('http://127.0.0.1:9/').then(() => 'fetched', () => 'refused');
      return `${fetched} ${await violation}`;
    });
    expect(refused).toBe('refused connect-src');
  });
});
