// npm run bench:page [-- --schools N] [--runs R]: the page in Debian's Chromium (offline, from file://):
// its size, the time from picking a folder to the shown result for one example school and for a
// generated batch (default 100 schools), and the longest task on the page's main thread meanwhile.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from './chromium.js';
import { generateCorpus } from './generate.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PAGE = path.join(root, 'dist', 'chuan.html');
const AS_OF = '2026-06-15';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const schools = option('schools', 100);
  const runs = option('runs', 5);
  const corpus = path.join(os.tmpdir(), `chuan-page-corpus-${schools}`);
  generateCorpus(corpus, schools, 1, path.join(root, 'examples'));
  const html = fs.readFileSync(PAGE);
  const browser = await launchChromium({ offline: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('body[data-ready]');
    const ready = Number(await page.getAttribute('body', 'data-ready'));
    await page.fill('#as-of', AS_OF);
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (w.longest = Math.max(w.longest, e.duration)))).observe({ type: 'longtask', buffered: true });
    });
    const time = async (dir: string): Promise<{ ms: number; longest: number }> => {
      const before = Number(await page.getAttribute('body', 'data-runs'));
      await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
      await page.setInputFiles('#folder', dir);
      await page.waitForFunction((n) => Number(document.body.dataset['runs']) > n, before, { timeout: 300_000 });
      return { ms: Number(await page.getAttribute('body', 'data-elapsed')), longest: await page.evaluate(() => (window as unknown as { longest: number }).longest) };
    };
    const one: number[] = [];
    const many: number[] = [];
    const longest: number[] = [];
    // The first check after the page opened also waits for the worker to start and its code to warm up.
    const first = await time(path.join(root, 'examples', 'th-mai-sao'));
    for (let i = 0; i < runs; i++) {
      one.push((await time(path.join(root, 'examples', 'th-mai-sao'))).ms);
      const batch = await time(corpus);
      many.push(batch.ms);
      longest.push(batch.longest);
    }
    const found = await page.$$eval('#schools li', (items) => items.length);
    console.log(`chuan.html: ${(html.length / 1024).toFixed(0)} KB (${(gzipSync(html).length / 1024).toFixed(0)} KB gzipped)`);
    console.log(`page opened to worker ready: ${ready} ms`);
    console.log(`first check after opening the page (th-mai-sao): ${first.ms.toFixed(0)} ms`);
    console.log(`one example school (th-mai-sao): median ${median(one).toFixed(0)} ms of ${runs} runs (${one.map((v) => v.toFixed(0)).join(', ')})`);
    console.log(`${found} generated schools: median ${median(many).toFixed(0)} ms of ${runs} runs (${many.map((v) => v.toFixed(0)).join(', ')}); longest main-thread task ${median(longest).toFixed(0)} ms (median)`);
  } finally {
    await browser.close();
  }
}

await main();
