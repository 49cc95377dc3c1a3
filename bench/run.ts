// npm run bench -- --schools N [--seed S] [--runs R] [--jobs J] [--json]
// npm run bench -- --startup [--runs R] [--bin path/to/cli/bin.js ...] [--examples DIR] [--json]   (start-up, see startup.ts)
// Generates (or reuses) a corpus of N schools under bench/out/, then times, as whole processes on
// warm files: `chuan check DIR --format json --output FILE` and the floor (read + js-yaml CJS + ajv on
// J worker threads, no rules, no positions, no report). Prints schools/s, ms/school, peak RSS and the
// ratio chuan/floor from the same run; up to 20,000 schools also the peer ajv-cli (peer-ajv-cli.ts), once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type CorpusStats } from './generate.js';
import { ajvCliCalls } from './peer-ajv-cli.js';
import { printStartup, startupBench } from './startup.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');
const outDir = path.join(root, 'bench', 'out');
const TIME = '/usr/bin/time';
const AS_OF = '2026-06-15';
/** ajv-cli takes its files on the command line: beyond this the calls get too long for some systems. */
const MAX_PEER_SCHOOLS = 20_000;

interface Options {
  schools: number;
  seed: number;
  runs: number;
  jobs: number;
  json: boolean;
}

interface Sample {
  ms: number;
  rssKb: number;
  code: number | null;
}

export interface Figures {
  wallMs: number;
  msPerSchool: number;
  schoolsPerSecond: number;
  peakRssMb: number;
  runs: number;
  /** Schools measured, when not all of the corpus. */
  schools?: number;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const schools = Number(value('schools') ?? 1000);
  if (!Number.isInteger(schools) || schools < 1) throw new Error('--schools must be a positive integer');
  const runs = Number(value('runs') ?? (schools <= 2_000 ? 5 : schools <= 20_000 ? 3 : 1));
  return { schools, seed: Number(value('seed') ?? 1), runs, jobs: Number(value('jobs') ?? os.availableParallelism()), json: argv.includes('--json') };
}

/** Runs a command as a child process; wall time measured here, peak RSS from /usr/bin/time or the child itself. */
function measure(command: string, args: string[]): Promise<Sample & { stdout: string }> {
  const useTime = fs.existsSync(TIME);
  const file = useTime ? TIME : command;
  const argv = useTime ? ['-f', 'BENCH_RSS_KB=%M', command, ...args] : ['--import', path.join(here, 'report-rss.js'), ...args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      const rss = /BENCH_RSS_KB=(\d+)/.exec(stderr);
      if (code !== null && code > 2) reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`));
      else resolve({ ms, rssKb: rss ? Number(rss[1]) : 0, code, stdout });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figures(samples: Sample[], schools: number): Figures {
  const wallMs = median(samples.map((s) => s.ms));
  return {
    wallMs,
    msPerSchool: wallMs / schools,
    schoolsPerSecond: (schools * 1000) / wallMs,
    peakRssMb: Math.max(...samples.map((s) => s.rssKb)) / 1024,
    runs: samples.length,
  };
}

/** Reads every file once so that both contenders start from a warm page cache. */
function warm(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) fs.readFileSync(path.join(entry.parentPath, entry.name));
  }
}

async function startup(argv: string[]): Promise<void> {
  const value = (name: string): string | undefined => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
  const options = {
    runs: Number(value('runs') ?? 21),
    bins: (argv.flatMap((a, i) => (a === '--bin' && argv[i + 1] ? [argv[i + 1]!] : [])).length > 0 ? argv.flatMap((a, i) => (a === '--bin' && argv[i + 1] ? [argv[i + 1]!] : [])) : [path.join(root, 'dist', 'cli', 'bin.js')]).map((b) => path.resolve(b)),
    examples: path.resolve(value('examples') ?? path.join(root, 'examples')),
    json: argv.includes('--json'),
  };
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error('--runs must be a positive integer');
  const figures = await startupBench(options);
  process.stdout.write(options.json ? `${JSON.stringify(figures, null, 2)}\n` : printStartup(figures, options));
}

async function main(): Promise<void> {
  if (process.argv.includes('--startup')) return startup(process.argv.slice(2));
  const options = parseArgs(process.argv.slice(2));
  const corpusDir = path.join(outDir, `corpus-${options.schools}-s${options.seed}`);
  const started = performance.now();
  const corpus = generateCorpus(corpusDir, options.schools, options.seed, path.join(root, 'examples'));
  const generatedMs = performance.now() - started;
  warm(corpusDir);
  const report = path.join(outDir, `report-${options.schools}.json`);
  const chuanArgs = [path.join(root, 'dist', 'cli', 'bin.js'), 'check', corpusDir, '--format', 'json', '--output', report, '--as-of', AS_OF, '--jobs', String(options.jobs)];
  const floorArgs = [path.join(here, 'floor.js'), corpusDir, String(options.jobs), path.join(root, 'schemas')];
  const chuan: Sample[] = [];
  const floor: Sample[] = [];
  let exitCode: number | null = null;
  // Interleaved, so that a slow moment of the machine hits both.
  for (let run = 0; run < options.runs; run++) {
    // Every run writes a new report, as in CI. Replacing an existing one costs more than writing it: ext4
    // flushes the new file's data before a rename over an existing file (auto_da_alloc), 0.1-0.2 s for
    // 300 MB, and the report of the run before would still be written back while this one runs.
    fs.rmSync(report, { force: true });
    const c = await measure(process.execPath, chuanArgs);
    exitCode = c.code;
    chuan.push(c);
    floor.push(await measure(process.execPath, floorArgs));
  }
  const peer = options.schools <= MAX_PEER_SCHOOLS ? await ajvCli(report) : undefined;
  const result = {
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    corpus: { ...corpus, dir: path.relative(root, corpusDir), generatedMs: Math.round(generatedMs) },
    jobs: options.jobs,
    chuan: { ...figures(chuan, options.schools), exitCode, reportBytes: fs.statSync(report).size, summary: reportSummary(report) },
    floor: figures(floor, options.schools),
    ...(peer ? { ajvCli: peer } : {}),
  };
  const ratio = result.chuan.msPerSchool / result.floor.msPerSchool;
  if (options.json) process.stdout.write(`${JSON.stringify({ ...result, ratio }, null, 2)}\n`);
  else print(result, ratio, corpus);
}

/** ajv-cli's calls one after the other, on the schools chuan found readable: one run, the sum of their wall times. */
async function ajvCli(report: string): Promise<Figures> {
  const { calls, schools } = ajvCliCalls(report, root, path.join(root, 'schemas'));
  const samples: Sample[] = [];
  for (const call of calls) {
    const sample = await measure(process.execPath, call.args);
    // 0: all valid, 1: some invalid; 2 means it stopped at a file it could not read, so the figure would be short.
    if (sample.code !== 0 && sample.code !== 1) throw new Error(`ajv-cli stopped before the end (exit ${String(sample.code)}): ${call.args.slice(2, 9).join(' ')} …`);
    samples.push(sample);
  }
  const wallMs = samples.reduce((sum, s) => sum + s.ms, 0);
  return { wallMs, msPerSchool: wallMs / schools, schoolsPerSecond: (schools * 1000) / wallMs, peakRssMb: Math.max(...samples.map((s) => s.rssKb)) / 1024, runs: 1, schools };
}

/** The summary object, after the results and before the rules metadata (the report itself can be gigabytes). */
function reportSummary(file: string): unknown {
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const tail = Buffer.alloc(Math.min(size, 4 << 20));
  const n = fs.readSync(fd, tail, 0, tail.length, size - tail.length);
  fs.closeSync(fd);
  const match = /\],"summary":(\{[^}]*\})/.exec(tail.subarray(0, n).toString('utf8'));
  return match ? (JSON.parse(match[1]!) as unknown) : null;
}

function print(result: { machine: Record<string, unknown>; jobs: number; chuan: Figures & { reportBytes: number; summary: unknown; exitCode: number | null }; floor: Figures; ajvCli?: Figures }, ratio: number, corpus: CorpusStats): void {
  const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const m = result.machine;
  const row = (name: string, f: Figures): string =>
    `${name.padEnd(8)} ${n(f.msPerSchool, 3).padStart(9)} ${n(f.schoolsPerSecond).padStart(10)} ${n(f.wallMs / 1000, 2).padStart(9)} ${n(f.peakRssMb).padStart(12)} ${String(f.runs).padStart(5)}`;
  const lines = [
    `chuan bench: ${n(corpus.schools)} schools (seed ${corpus.seed}), ${String(m['cpu'])}, ${String(m['cores'])} cores, ${String(m['memoryGb'])} GB, Node ${String(m['node'])}, --jobs ${result.jobs}`,
    `corpus: ${n(corpus.bytes / 2 ** 20, 1)} MB of YAML; ${Object.entries(corpus.byType).map(([k, v]) => `${k} ${n(v)}`).join(', ')}; broken ${n(corpus.broken)}, CRLF ${n(corpus.crlf)}, BOM ${n(corpus.bom)}`,
    '',
    `${''.padEnd(8)} ${'ms/school'.padStart(9)} ${'schools/s'.padStart(10)} ${'wall s'.padStart(9)} ${'peak RSS MB'.padStart(12)} ${'runs'.padStart(5)}`,
    row('chuan', result.chuan),
    row('floor', result.floor),
    ...(result.ajvCli ? [row('ajv-cli', result.ajvCli)] : []),
    '',
    `ratio chuan/floor: ${n(ratio, 2)} (median wall time, same corpus, same run)`,
    ...(result.ajvCli ? [`ajv-cli: validation only, ${n(result.ajvCli.schools ?? 0)} readable schools, one call per schema (${n(result.ajvCli.msPerSchool / result.chuan.msPerSchool, 2)}× chuan's time per school)`] : []),
    `chuan report: ${n(result.chuan.reportBytes / 2 ** 20, 1)} MB JSON, exit code ${String(result.chuan.exitCode)}, summary ${JSON.stringify(result.chuan.summary)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
