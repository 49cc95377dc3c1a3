import path from 'node:path';
import type { Ora } from 'ora';
import type { Lang } from '../types.js';
import type { CliIo } from './io.js';

/** Batch progress on stderr: "n/N schools" and the current school. The only module that uses ora. */
export interface Progress {
  update(done: number, total: number, dir: string): void;
  stop(): void;
}

export const silentProgress: Progress = { update: () => undefined, stop: () => undefined };

/** True when the environment says this is a CI job, where stderr carries errors only. */
export function inCi(env: CliIo['env']): boolean {
  const ci = env['CI'];
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return true;
  return ['GITHUB_ACTIONS', 'GITLAB_CI', 'BUILD_NUMBER', 'RUN_ID', 'TF_BUILD', 'JENKINS_URL'].some((name) => env[name] !== undefined && env[name] !== '');
}

/** A spinner only when stderr is a terminal, not in CI, and TERM is not dumb. */
export function progressEnabled(io: CliIo): boolean {
  return io.stderr.isTTY === true && !inCi(io.env) && io.env['TERM'] !== 'dumb';
}

export function progressText(done: number, total: number, dir: string, lang: Lang): string {
  return lang === 'vi' ? `Đang kiểm tra ${done}/${total} trường — ${path.basename(dir)}` : `Checking ${done}/${total} schools — ${path.basename(dir)}`;
}

/**
 * The progress display for a run, drawn through io.stderr (so tests see exactly what a terminal would).
 * ora is loaded only for a terminal: it takes about 40 ms to load, a sixth of a one-school check.
 */
export async function createProgress(io: CliIo, lang: Lang): Promise<Progress> {
  if (!progressEnabled(io)) return silentProgress;
  const { default: ora } = await import('ora');
  const stream = terminalStream(io);
  let spinner: Ora | null = null;
  return {
    update(done, total, dir) {
      const text = progressText(done, total, dir, lang);
      if (!spinner) spinner = ora({ text, stream, discardStdin: false, hideCursor: true, isEnabled: true }).start();
      else spinner.text = text;
      spinner.render();
    },
    stop() {
      spinner?.stop();
      spinner = null;
    },
  };
}

/** The few parts of a TTY stream that ora uses, as ANSI sequences written through io.stderr. */
function terminalStream(io: CliIo): NodeJS.WriteStream {
  const write = (text: string): boolean => {
    io.stderr.write(text);
    return true;
  };
  const stream = {
    isTTY: true,
    // A pseudo-terminal without a size reports 0 columns: ora would then count infinitely many lines to clear.
    get columns(): number {
      return process.stderr.columns || 80;
    },
    get rows(): number {
      return process.stderr.rows || 24;
    },
    write: (chunk: unknown): boolean => write(String(chunk)),
    cursorTo: (x: number): boolean => write(`\u001b[${x + 1}G`),
    moveCursor: (dx: number, dy: number): boolean =>
      write(`${dx > 0 ? `\u001b[${dx}C` : dx < 0 ? `\u001b[${-dx}D` : ''}${dy > 0 ? `\u001b[${dy}B` : dy < 0 ? `\u001b[${-dy}A` : ''}`),
    clearLine: (dir: number): boolean => write(dir < 0 ? '\u001b[1K' : dir > 0 ? '\u001b[0K' : '\u001b[2K'),
    on: () => stream,
    once: () => stream,
    removeListener: () => stream,
  };
  return stream as unknown as NodeJS.WriteStream;
}
