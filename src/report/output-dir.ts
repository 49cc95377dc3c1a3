import path from 'node:path';
import type { Lang, SchoolResult } from '../types.js';
import type { FormatContext } from './context.js';
import { batchSummaryMarkdown } from './formatters/markdown-summary.js';
import { schoolMarkdown } from './formatters/markdown.js';
import { rollUpDocx, schoolDocx } from './formatters/docx.js';
import { assertOutsideInputs, ensureFolder, writeFileAtomic } from './write-atomic.js';

export const SUMMARY_FILE = 'TONG-HOP.md';
export const SUMMARY_DOCX = 'TONG-HOP.docx';

const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_NAME = 80;

/**
 * One file name per school, from its folder name: ASCII letters, digits, '.', '_' and '-' only (safe on
 * Windows, macOS and Linux, and in a Markdown link), never a reserved device name, never the summary's
 * name, and unique even on a case-insensitive file system ("-2", "-3" for repeats).
 */
export function reportFileNames(results: SchoolResult[]): string[] {
  const taken = new Set([SUMMARY_FILE.toLowerCase()]);
  return results.map((r) => {
    const base = safeStem(path.basename(r.dir));
    let name = `${base}.md`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.md`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function safeStem(folder: string): string {
  let stem = folder
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/[-.]+$/g, '');
  if (stem === '') stem = 'truong';
  if (RESERVED.test(stem.split('.')[0]!)) stem = `truong-${stem}`;
  return stem;
}

/**
 * --output-dir: one Markdown and one Word report per school (same stem), TONG-HOP.md (the batch
 * summary, linking to the Markdown reports) and TONG-HOP.docx. The folder and its missing parents are
 * created; every file is written atomically and never inside a school folder being checked.
 */
export async function writeReportDir(dir: string, results: SchoolResult[], ctx: FormatContext, schools: string[]): Promise<string[]> {
  const names = reportFileNames(results);
  const words = names.map((n) => n.replace(/\.md$/, '.docx'));
  const files = [...names, SUMMARY_FILE, ...words, SUMMARY_DOCX].map((name) => path.join(dir, name));
  for (const file of files) assertOutsideInputs(file, schools);
  ensureFolder(dir);
  results.forEach((r, i) => writeFileAtomic(path.join(dir, names[i]!), schoolMarkdown(r, ctx, 1)));
  writeFileAtomic(path.join(dir, SUMMARY_FILE), batchSummaryMarkdown(results, ctx, names));
  for (const [i, r] of results.entries()) writeFileAtomic(path.join(dir, words[i]!), await schoolDocx(r, ctx));
  writeFileAtomic(path.join(dir, SUMMARY_DOCX), await rollUpDocx(results, ctx, words));
  return files;
}

/** GitHub rejects a step summary over 1 MiB; whole lines are kept, and a note says where the rest is. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export function fitStepSummary(markdown: string, lang: Lang, alreadyUsed = 0, limit = STEP_SUMMARY_LIMIT): string {
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  const budget = limit - alreadyUsed;
  if (Buffer.byteLength(text, 'utf8') <= budget) return text;
  const note =
    lang === 'vi'
      ? '\n*Tóm tắt đã được rút gọn cho vừa giới hạn 1 MiB của GitHub; xem đầy đủ trong báo cáo JUnit, SARIF hoặc Markdown đính kèm.*\n'
      : '\n*Summary trimmed to fit GitHub’s 1 MiB limit; see the attached JUnit, SARIF or Markdown reports for everything.*\n';
  const room = budget - Buffer.byteLength(note, 'utf8');
  if (room <= 0) return '';
  const kept: string[] = [];
  let size = 0;
  for (const line of text.split('\n')) {
    const bytes = Buffer.byteLength(line, 'utf8') + 1;
    if (size + bytes > room) break;
    kept.push(line);
    size += bytes;
  }
  return `${kept.join('\n')}\n${note}`;
}
