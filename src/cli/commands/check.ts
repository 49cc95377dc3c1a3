import fs from 'node:fs';
import path from 'node:path';
import { checkSchools, defaultJobs, duplicateCodeDiagnostic, duplicateCodes, findSchools, markDuplicateCodes, type BatchOptions } from '../../batch/index.js';
import { writeJsonReport } from '../../batch/json-report.js';
import { verdictOf, type SchoolVerdict } from '../../batch/task.js';
import { KnownError } from '../../errors.js';
import { openRuleSet } from '../../engine/load-rules.js';
import { readReport, withBaseline } from '../../diff/baseline.js';
import { applyOverlay } from '../../config/apply-overlay.js';
import { findConfigFile, loadConfig } from '../../config/load-config.js';
import type { FormatContext } from '../../report/context.js';
import { binaryFormatters, formatters } from '../../report/formatters/index.js';
import { FieldLabels } from '../../report/labels.js';
import { SchemaRegistry } from '../../validate/schemas.js';
import { assertOutsideInputs, planOutput, writeFileAtomic, type OutputPlan } from '../../report/write-atomic.js';
import { tr } from '../../report/context.js';
import { displayPath, plural } from '../../report/text.js';
import { fitStepSummary, SUMMARY_DOCX, SUMMARY_FILE, writeReportDir } from '../../report/output-dir.js';
import { batchSummaryMarkdown } from '../../report/formatters/markdown-summary.js';
import type { Lang, LevelId, LocalText, SchoolResult } from '../../types.js';
import { impossibleDate } from '../../validate/calendar.js';
import { isCalendarDate } from '../../validate/formats.js';
import { readEditorSchema } from '../../init/editor-schemas.js';
import { toolVersion } from '../../version.js';
import { parseFormatSpecs } from '../format-specs.js';
import { terminalWidth, useColor, type CliIo } from '../io.js';
import { parseLang } from '../lang.js';
import { createProgress, progressEnabled, silentProgress } from '../spinner.js';

export interface CheckCommandOptions {
  format: string[];
  output?: string;
  lang: string;
  level?: string;
  failOn: string;
  asOf?: string;
  circular?: string;
  color?: boolean;
  config?: string;
  /** Parallel workers for a batch (default: os.availableParallelism()). */
  jobs?: string;
  /** One Markdown and one Word report per school, plus TONG-HOP.md and TONG-HOP.docx. */
  outputDir?: string;
  /** An earlier JSON result: the Markdown report then shows the progress since it. */
  baseline?: string;
  /** No progress and no "written to" lines on stderr; errors still go there. */
  quiet?: boolean;
}

const FAIL_ON = ['error', 'warning', 'never'];

export { parseLang };

export async function runCheck(paths: string[], options: CheckCommandOptions, io: CliIo): Promise<number> {
  const lang = parseLang(options.lang);
  if (!FAIL_ON.includes(options.failOn)) {
    throw new KnownError({ vi: `--fail-on phải là error, warning hoặc never (đang ghi "${options.failOn}")`, en: `--fail-on must be error, warning or never` });
  }
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(asOf)) {
    const impossible = impossibleDate(asOf);
    throw new KnownError(impossible
      ? { vi: `--as-of: ${impossible.vi}`, en: `--as-of: ${impossible.en}` }
      : { vi: `--as-of phải là ngày dạng YYYY-MM-DD (đang ghi "${asOf}")`, en: `--as-of must be a YYYY-MM-DD date (found "${asOf}")` });
  }
  const jobs = parseJobs(options.jobs);
  const baseline = options.baseline !== undefined ? readReport(path.resolve(io.cwd, options.baseline), options.baseline) : undefined;
  const targets = parseFormatSpecs(options.format, options.output);
  const inputs = paths.length > 0 ? paths : ['.'];
  const configFile = findConfigFile(options.config, inputs[0]!, io.cwd);
  const config = loadConfig(configFile);
  const { ruleSet, changes } = applyOverlay(openRuleSet(), config);
  const schools = findSchools(inputs, io.cwd);
  for (const target of targets) {
    if (target.file) assertOutsideInputs(path.resolve(io.cwd, target.file), schools);
  }
  const outputDir = options.outputDir !== undefined ? path.resolve(io.cwd, options.outputDir) : undefined;
  if (outputDir) assertOutsideInputs(outputDir, schools);
  const summaryPath = io.env['GITHUB_STEP_SUMMARY'];
  const stepSummary = summaryPath && targets.some((t) => t.format === 'github') ? path.resolve(io.cwd, summaryPath) : undefined;
  if (stepSummary) assertOutsideInputs(stepSummary, schools);
  const level = options.level ? (options.level as LevelId) : undefined;
  const progress = options.quiet ? silentProgress : await createProgress(io, lang);
  const written = (what: LocalText, plan: OutputPlan | string): void => {
    if (!options.quiet) io.stderr.write(`chuan: ${tr(what, lang)} ${writtenWhere(plan, io.cwd, lang)}\n`);
  };
  const batch: BatchOptions = {
    asOf,
    configFile,
    jobs,
    ...(level ? { level } : {}),
    ...(options.circular ? { circular: options.circular } : {}),
    prepared: { asOf, ruleSet, config, overlayChanges: changes, ...(level ? { level } : {}), ...(options.circular ? { circular: options.circular } : {}) },
    onProgress: (p) => progress.update(p.done, p.total, p.dir),
  };
  // A JSON report to a file is written while the schools are checked: memory stays flat for any batch size.
  const only = targets.length === 1 ? targets[0]! : undefined;
  if (only?.format === 'json' && only.file && !outputDir && !baseline) {
    const file = path.resolve(io.cwd, only.file);
    try {
      const verdicts = await writeJsonReport(schools, batch, { file, format: { lang, cwd: io.cwd, toolVersion, report: config.report }, asOf, ruleSet, overlayChanges: changes });
      written(reportWritten('json'), planOutput(file));
      // The schools were written as they were checked: a code two of them share is said here.
      const coded = verdicts.map((v, i) => ({ dir: schools[i]!, code: v.code, schoolYear: v.schoolYear }));
      for (const [i, others] of duplicateCodes(coded)) {
        io.stderr.write(`chuan: ${displayPath(schools[i]!, io.cwd)}: ${tr(duplicateCodeDiagnostic(coded[i]!, others, (d) => displayPath(d, io.cwd)).message, lang)}\n`);
      }
      return verdictsExitCode(verdicts, options.failOn);
    } finally {
      progress.stop();
    }
  }
  let results: SchoolResult[];
  try {
    results = markDuplicateCodes(await checkSchools(schools, batch), (dir) => displayPath(dir, io.cwd));
  } finally {
    progress.stop();
  }
  if (baseline && options.baseline !== undefined) {
    const compared = withBaseline(results, baseline, options.baseline, asOf);
    results = compared.results;
    for (const r of compared.unmatched) io.stderr.write(lang === 'vi' ? `chuan: ${r.profile.name}: không có trong ${options.baseline} (khớp theo ma_truong hoặc tên thư mục)\n` : `chuan: ${r.profile.name}: not in ${options.baseline} (matched by ma_truong or folder name)\n`);
  }
  // Regime notices are for the person at the terminal; a pipeline's stderr stays as it was.
  if (!options.quiet && progressEnabled(io)) for (const line of noticeLines(results, lang)) io.stderr.write(`chuan: ${line}\n`);
  const code = exitCode(results, options.failOn);
  const fields = new FieldLabels(() => SchemaRegistry.shared().documents());
  const context = (color: boolean): FormatContext => ({ lang, color, cwd: io.cwd, asOf, toolVersion, ruleSet, config: config.report, overlayChanges: changes, exitCode: code, fields, schemas: readEditorSchema });
  for (const target of targets) {
    const binary = binaryFormatters[target.format];
    if (binary && target.file) {
      written(reportWritten(target.format), writeFileAtomic(path.resolve(io.cwd, target.file), await binary(results, context(false))));
      continue;
    }
    const stream = target.file ? undefined : io.stdout;
    const ctx = context(stream !== undefined && target.format === 'stylish' && useColor(options.color, io.env, stream));
    const width = stream && target.format === 'stylish' ? terminalWidth(stream) : undefined;
    if (width !== undefined) ctx.width = width;
    const text = formatters[target.format]!(results, ctx);
    if (target.file) written(reportWritten(target.format), writeFileAtomic(path.resolve(io.cwd, target.file), text));
    else io.stdout.write(text);
  }
  if (outputDir) {
    await writeReportDir(outputDir, results, context(false), schools);
    written(folderWritten(results.length), outputDir);
  }
  if (stepSummary) appendStepSummary(stepSummary, batchSummaryMarkdown(results, context(false)), lang);
  return code;
}

/** Regime notices (circular chosen by default, not in force …), each once with the number of schools it concerns. */
function noticeLines(results: SchoolResult[], lang: Lang): string[] {
  const counts = new Map<string, number>();
  for (const r of results) for (const n of r.notices ?? []) counts.set(tr(n.message, lang), (counts.get(tr(n.message, lang)) ?? 0) + 1);
  return [...counts].map(([text, n]) => (results.length > 1 ? `${text} (${plural(n, lang === 'vi' ? 'trường' : 'school', lang === 'vi' ? 'trường' : 'schools', lang)})` : text));
}

const reportWritten = (format: string): LocalText => ({ vi: `đã ghi báo cáo ${format} vào`, en: `wrote the ${format} report to` });

const folderWritten = (n: number): LocalText => ({
  vi: `đã ghi ${n} báo cáo Markdown và ${n} bản Word (mỗi trường một tệp), ${SUMMARY_FILE} và ${SUMMARY_DOCX} vào`,
  en: `wrote ${plural(n, 'Markdown report', 'Markdown reports', 'en')} and ${plural(n, 'Word file', 'Word files', 'en')} (one per school), ${SUMMARY_FILE} and ${SUMMARY_DOCX} to`,
});

/** "bao-cao.md", or "r.md (→ that/target.md)" when a link was followed. */
function writtenWhere(plan: OutputPlan | string, cwd: string, lang: Lang): string {
  if (typeof plan === 'string') return displayPath(plan, cwd);
  return displayPath(plan.requested, cwd) + (plan.target !== plan.requested ? ` (${lang === 'vi' ? 'qua liên kết tới' : 'through the link to'} ${displayPath(plan.target, cwd)})` : '');
}

/** GitHub renders $GITHUB_STEP_SUMMARY as Markdown; a step's summary over 1 MiB is rejected, so it is trimmed to fit. */
function appendStepSummary(file: string, markdown: string, lang: Lang): void {
  try {
    const used = fs.existsSync(file) ? fs.statSync(file).size : 0;
    fs.appendFileSync(file, fitStepSummary(markdown, lang, used), 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KnownError({ vi: `không ghi được tóm tắt vào GITHUB_STEP_SUMMARY (${file}, ${reason})`, en: `cannot append the summary to GITHUB_STEP_SUMMARY (${file}, ${reason})` });
  }
}

/** --jobs N: a positive integer; default os.availableParallelism(). */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 256) {
    throw new KnownError({ vi: `--jobs phải là số nguyên từ 1 đến 256 (đang ghi "${value}")`, en: `--jobs must be an integer from 1 to 256 (got "${value}")` });
  }
  return Number(value);
}

/** 2: some input could not be checked; 1: a target level is missed (or warnings, with --fail-on warning); else 0. */
export function exitCode(results: SchoolResult[], failOn: string): number {
  return verdictsExitCode(results.map(verdictOf), failOn);
}

export function verdictsExitCode(verdicts: SchoolVerdict[], failOn: string): number {
  if (verdicts.some((r) => r.outcome === 'invalid')) return 2;
  if (failOn === 'never') return 0;
  if (verdicts.some((r) => r.outcome === 'not_reached')) return 1;
  if (failOn === 'warning' && verdicts.some((r) => r.unmetWarning)) return 1;
  return 0;
}
