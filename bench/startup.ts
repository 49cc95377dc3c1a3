// npm run bench -- --startup [--runs R] [--bin path/to/cli/bin.js ...] [--examples DIR] [--json]
// Start-up of the command line as whole processes, against `node -e 0` in the same run, interleaved so
// that a slow moment of the machine hits every command alike: `chuan --version`, and `chuan check` of one
// 57/2026 school and of one school of the older packs (JSON to a pipe). Prints the median and fastest wall
// time of each and the median's ratio to `node -e 0`. --bin (repeatable) times other builds of the CLI (e.g. an older
// checkout's dist/cli/bin.js), so figures before and after a change come from the same run; --examples the
// example folders to check (an older checkout's, when its schemas would refuse today's files).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

export interface StartupOptions {
  runs: number;
  /** One CLI or several (each timed on every command, interleaved). */
  bins: string[];
  examples: string;
  json: boolean;
}

interface Command {
  name: string;
  args: string[];
}

export interface StartupFigure {
  name: string;
  medianMs: number;
  fastestMs: number;
  /** The median over `node -e 0`'s median. */
  ratio: number;
}

function wall(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Read and drop the output, as a pipe to another program would.
    child.stdout.resume();
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== null && code > 2) reject(new Error(`node ${args.join(' ')} exited with ${code}`));
      else resolve(performance.now() - started);
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function startupBench(options: StartupOptions): Promise<StartupFigure[]> {
  const label = (bin: string, i: number): string => (options.bins.length > 1 ? ` [${i + 1}]` : '');
  const commands: Command[] = [
    { name: 'node -e 0', args: ['-e', '0'] },
    ...options.bins.flatMap((bin, i) => [
      { name: `chuan --version${label(bin, i)}`, args: [bin, '--version'] },
      { name: `chuan check th-hoa-mai-57 (57/2026)${label(bin, i)}`, args: [bin, 'check', path.join(options.examples, 'th-hoa-mai-57'), '--as-of', '2027-06-20', '--format', 'json'] },
      { name: `chuan check th-mai-sao (59/2012)${label(bin, i)}`, args: [bin, 'check', path.join(options.examples, 'th-mai-sao'), '--as-of', '2026-06-15', '--format', 'json'] },
    ]),
  ];
  const samples = commands.map(() => [] as number[]);
  // One unmeasured round warms the page cache and the compile cache of every command.
  for (const c of commands) await wall(c.args);
  for (let run = 0; run < options.runs; run++) {
    for (const [i, c] of commands.entries()) samples[i]!.push(await wall(c.args));
  }
  const floor = median(samples[0]!);
  return commands.map((c, i) => ({ name: c.name, medianMs: median(samples[i]!), fastestMs: Math.min(...samples[i]!), ratio: median(samples[i]!) / floor }));
}

export function printStartup(figures: StartupFigure[], options: StartupOptions): string {
  const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const lines = [
    `chuan start-up: ${options.runs} interleaved runs, ${os.cpus()[0]?.model ?? 'unknown'}, ${os.availableParallelism()} cores, Node ${process.version}, load average ${load}`,
    ...options.bins.map((bin, i) => `CLI${options.bins.length > 1 ? ` [${i + 1}]` : ''}: ${bin}`),
    `examples: ${options.examples}`,
    '',
    `${'command'.padEnd(42)} ${'median ms'.padStart(10)} ${'fastest ms'.padStart(11)} ${'× node -e 0'.padStart(12)}`,
    ...figures.map((f) => `${f.name.padEnd(42)} ${n(f.medianMs).padStart(10)} ${n(f.fastestMs).padStart(11)} ${n(f.ratio, 2).padStart(12)}`),
  ];
  return `${lines.join('\n')}\n`;
}
