import path from 'node:path';
import { checkTree } from '../../check/check-tree.js';
import { KnownError } from '../../errors.js';
import { loadRuleSet } from '../../engine/load-rules.js';
import { applyOverlay } from '../../config/apply-overlay.js';
import { findConfigFile, loadConfig } from '../../config/load-config.js';
import type { FormatContext } from '../../report/context.js';
import { formatters } from '../../report/formatters/index.js';
import { assertOutsideInputs, writeFileAtomic } from '../../report/write-atomic.js';
import type { Lang, LevelId, SchoolResult } from '../../types.js';
import { toolVersion } from '../../version.js';
import { parseFormatSpecs } from '../format-specs.js';
import { useColor, type CliIo } from '../io.js';

export interface CheckCommandOptions {
  format: string[];
  output?: string;
  lang: string;
  level?: string;
  failOn: string;
  asOf?: string;
  color?: boolean;
  config?: string;
}

const FAIL_ON = ['error', 'warning', 'never'];

export function runCheck(paths: string[], options: CheckCommandOptions, io: CliIo): number {
  const lang = parseLang(options.lang);
  if (!FAIL_ON.includes(options.failOn)) {
    throw new KnownError({ vi: `--fail-on phải là error, warning hoặc never (đang ghi "${options.failOn}")`, en: `--fail-on must be error, warning or never` });
  }
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) {
    throw new KnownError({ vi: `--as-of phải là ngày dạng YYYY-MM-DD (đang ghi "${asOf}")`, en: `--as-of must be a YYYY-MM-DD date` });
  }
  const targets = parseFormatSpecs(options.format, options.output);
  const inputs = paths.length > 0 ? paths : ['.'];
  const config = loadConfig(findConfigFile(options.config, inputs[0]!, io.cwd));
  const { ruleSet, changes } = applyOverlay(loadRuleSet(), config);
  const { schools, results } = checkTree(inputs, io.cwd, { asOf, ruleSet, config, overlayChanges: changes, ...(options.level ? { level: options.level as LevelId } : {}) });
  for (const target of targets) {
    if (target.file) assertOutsideInputs(path.resolve(io.cwd, target.file), schools);
  }
  for (const target of targets) {
    const stream = target.file ? undefined : io.stdout;
    const ctx: FormatContext = {
      lang,
      color: stream !== undefined && target.format === 'stylish' && useColor(options.color, io.env, stream),
      cwd: io.cwd,
      asOf,
      toolVersion,
      ruleSet,
      config: config.report,
      overlayChanges: changes,
    };
    const text = formatters[target.format]!(results, ctx);
    if (target.file) writeFileAtomic(path.resolve(io.cwd, target.file), text);
    else io.stdout.write(text);
  }
  return exitCode(results, options.failOn);
}

/** 2: some input could not be checked; 1: a target level is missed (or warnings, with --fail-on warning); else 0. */
export function exitCode(results: SchoolResult[], failOn: string): number {
  if (results.some((r) => r.outcome === 'invalid')) return 2;
  if (failOn === 'never') return 0;
  if (results.some((r) => r.outcome === 'not_reached')) return 1;
  if (failOn === 'warning' && results.some((r) => r.findings.some((f) => f.severity === 'warning' && f.status === 'unmet'))) return 1;
  return 0;
}

export function parseLang(value: string): Lang {
  if (value !== 'vi' && value !== 'en') throw new KnownError({ vi: `--lang phải là vi hoặc en (đang ghi "${value}")`, en: `--lang must be vi or en` });
  return value;
}
