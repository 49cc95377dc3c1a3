// What the page does with a picked folder, in plain data: find the schools, check each through the same
// library code as the command line, and write the same reports. Nothing here touches the DOM or Node's
// file system, so it runs in the page's worker and in Node's tests alike.
import { markDuplicateCodes } from '../batch/duplicate-codes.js';
import { checkSchoolFiles, failedResult, type PreparedCheck } from '../check/check-school.js';
import { applyOverlay } from '../config/apply-overlay.js';
import type { ChuanConfig } from '../config/load-config.js';
import { CONFIG_FILE, emptyConfig, readConfig } from '../config/read-config.js';
import { compareStrings, findSchoolFolders } from '../discover/school-folders.js';
import type { RuleSet } from '../engine/rule-types.js';
import type { ListedSource } from '../load/listed-source.js';
import type { FormatContext } from '../report/context.js';
import type { SchemaLookup } from '../report/data-hints.js';
import type { FieldLabels } from '../report/labels.js';
import { jsonFormatter } from '../report/formatters/json.js';
import { markdownFormatter, schoolMarkdown } from '../report/formatters/markdown.js';
import { batchSummaryMarkdown } from '../report/formatters/markdown-summary.js';
import type { Lang, LevelId, OverlayChange, SchoolResult } from '../types.js';
import type { Validators } from '../validate/validators.js';

/** Locations name the picked files `/<picked folder>/...`; reports show them relative to '/', as the CLI run beside the folder. */
export const PAGE_CWD = '/';

export interface PickedSettings {
  /** Reference date, YYYY-MM-DD. */
  asOf: string;
  level?: LevelId;
  /** The circular to check under, as `chuan check --circular` (default: truong.yaml's `thong_tu`). */
  circular?: string;
}

export interface PickedRun {
  results: SchoolResult[];
  ruleSet: RuleSet;
  config: ChuanConfig;
  overlayChanges: OverlayChange[];
  asOf: string;
}

export interface PageSetup {
  ruleSet: RuleSet;
  registry: Validators;
  toolVersion: string;
  /** Names of the school files' fields, from the schemas (the reports name fields in words). */
  fields: FieldLabels;
  /** The school files' editor schemas, for the hints of data to add (the command line reads schemas/editor/). */
  schemas: SchemaLookup;
}

/** The school folders of the picked folders (each top-level folder searched as a path given to `chuan check`), sorted. */
export function pickedSchools(root: ListedSource): string[] {
  const tops = root.list('').filter((e) => e.kind === 'directory');
  const schools = tops.flatMap((top) => findSchoolFolders(root, top.path));
  if (root.entry('truong.yaml')) schools.push('');
  return [...new Set(schools)].sort(compareStrings);
}

/** Checks the schools of `root` one by one; `progress` is told after each. One broken school never stops the others. */
export function checkPicked(root: ListedSource, setup: PageSetup, settings: PickedSettings, progress?: (done: number, total: number, name: string) => void): PickedRun {
  const config = pickedConfig(root, setup.registry);
  const overlaid = applyOverlay(setup.ruleSet, config);
  const options: PreparedCheck = {
    asOf: settings.asOf,
    ruleSet: overlaid.ruleSet,
    registry: setup.registry,
    config,
    overlayChanges: overlaid.changes,
    ...(settings.level ? { level: settings.level } : {}),
    ...(settings.circular ? { circular: settings.circular } : {}),
  };
  const schools = pickedSchools(root);
  const results = schools.map((rel, i) => {
    const files = root.at(rel);
    let result: SchoolResult;
    try {
      result = checkSchoolFiles(files, options);
    } catch (error) {
      result = failedResult(files.pathOf(''), files.name, error instanceof Error ? error.message : String(error));
    }
    progress?.(i + 1, schools.length, result.profile.name);
    return result;
  });
  // As chuan check does for a batch: a code two picked folders share for one school year is a warning on each.
  const marked = markDuplicateCodes(results, (dir) => (dir.startsWith(PAGE_CWD) ? dir.slice(PAGE_CWD.length) : dir));
  return { results: marked, ruleSet: overlaid.ruleSet, config, overlayChanges: overlaid.changes, asOf: settings.asOf };
}

/**
 * chuan.config.yaml of the (first) picked folder, as `chuan check <folder>` finds it there; none is fine,
 * an invalid one throws its located errors (KnownError), as the command line exits 2.
 */
export function pickedConfig(root: ListedSource, registry: Validators): ChuanConfig {
  const first = root.list('').find((e) => e.kind === 'directory');
  const rel = first ? `${first.path}/${CONFIG_FILE}` : CONFIG_FILE;
  return root.entry(rel) ? readConfig(root, rel, registry) : emptyConfig();
}

/** The reports' context, as `chuan check` builds it for the picked folder's parent as working directory. */
export function pageContext(run: PickedRun, lang: Lang, setup: Pick<PageSetup, 'toolVersion' | 'fields' | 'schemas'>): FormatContext {
  const { toolVersion, fields, schemas } = setup;
  return { lang, color: false, cwd: PAGE_CWD, asOf: run.asOf, toolVersion, ruleSet: run.ruleSet, config: run.config.report, overlayChanges: run.overlayChanges, fields, schemas };
}

export interface PageReports {
  /** `chuan check <picked> --format markdown`, byte for byte. */
  markdown: string;
  /** `chuan check <picked> --format json`, byte for byte. */
  json: string;
  /** The office roll-up (TONG-HOP.md's table), when more than one school was checked. */
  summary: string | null;
  /** Each school's own report (as `--output-dir` writes it). */
  schools: string[];
}

export function pageReports(run: PickedRun, ctx: FormatContext): PageReports {
  const many = run.results.length > 1;
  return {
    markdown: markdownFormatter(run.results, ctx),
    json: jsonFormatter(run.results, ctx),
    summary: many ? batchSummaryMarkdown(run.results, ctx) : null,
    schools: run.results.map((r) => schoolMarkdown(r, ctx, 1)),
  };
}
