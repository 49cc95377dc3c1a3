import path from 'node:path';
import { pairSnapshots } from '../../diff/baseline.js';
import { progressText, regressed } from '../../diff/render.js';
import { readReport } from '../../diff/snapshot.js';
import { openRuleSet } from '../../engine/load-rules.js';
import type { Lang } from '../../types.js';
import type { CliIo } from '../io.js';

/**
 * `chuan diff OLD.json NEW.json`: per school, the level change, gaps resolved, new gaps, and how each unmet
 * indicator moved. Schools are matched by ma_truong, else by folder name. Exit 1 when a school went backwards
 * (a level lost, or a new unmet indicator that counts for its target), 2 when a file cannot be read, else 0.
 */
export function runDiff(oldFile: string, newFile: string, options: { lang: Lang }, io: CliIo): number {
  const before = readReport(path.resolve(io.cwd, oldFile), oldFile);
  const after = readReport(path.resolve(io.cwd, newFile), newFile);
  const ctx = { lang: options.lang, ruleSet: openRuleSet(), titles: { ...before.titles, ...after.titles } };
  const { pairs, onlyAfter, onlyBefore } = pairSnapshots(before, after, oldFile);
  const vi = options.lang === 'vi';
  const blocks = pairs.map((p) => progressText(p.progress, ctx));
  for (const s of onlyAfter) blocks.push(vi ? `${s.name} (${s.folder}): không có trong ${oldFile}\n` : `${s.name} (${s.folder}): not in ${oldFile}\n`);
  for (const s of onlyBefore) blocks.push(vi ? `${s.name} (${s.folder}): không có trong ${newFile}\n` : `${s.name} (${s.folder}): not in ${newFile}\n`);
  if (blocks.length === 0) blocks.push(vi ? 'Hai tệp không có trường nào.\n' : 'Neither file holds a school.\n');
  io.stdout.write(blocks.join('\n'));
  return pairs.some((p) => regressed(p.progress, ctx)) ? 1 : 0;
}
