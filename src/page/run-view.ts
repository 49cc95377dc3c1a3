// What the page shows of a run, in plain data the worker posts to the page: per school its level, its
// gaps, its located errors with the offending line, and its report; the reports to download.
import type { RulePack } from '../engine/rule-types.js';
import { decodeText, MAX_FILE_BYTES } from '../load/decode.js';
import type { ListedSource } from '../load/listed-source.js';
import { findPack, findRule, tr, type FormatContext } from '../report/context.js';
import { viewOf } from '../report/summary.js';
import { diagnosticText, displayPath, levelName, words } from '../report/text.js';
import type { Diagnostic, Lang, SchoolResult } from '../types.js';
import { PAGE_CWD, pageReports, type PickedRun } from './picked-check.js';

export interface LocatedError {
  /** file:line:column as the reports print it. */
  at: string;
  message: string;
  /** The text of the line the error is on, when the file could be read as text. */
  line: string | null;
  column: number;
}

export interface SchoolCard {
  name: string;
  folder: string;
  outcome: SchoolResult['outcome'];
  /** The level reached (or "could not be checked") and the target, as the report names them. */
  reached: string;
  target: string;
  /** The unmet indicators up to the target level, in report order. */
  gaps: { ruleId: string; title: string }[];
  errors: LocatedError[];
  /** The school's own Markdown report. */
  markdown: string;
}

export interface RunView {
  lang: Lang;
  asOf: string;
  schools: SchoolCard[];
  /** The downloads: exactly what `chuan check --format markdown|json` prints for the picked folder. */
  markdown: string;
  json: string;
  /** The office roll-up table (Markdown), for more than one school. */
  summary: string | null;
}

export function runView(run: PickedRun, root: ListedSource, ctx: FormatContext): RunView {
  const reports = pageReports(run, ctx);
  const lines = new LineReader(root);
  const schools = run.results.map((result, i): SchoolCard => {
    const pack = findPack(run.ruleSet, result.packId);
    return {
      name: result.profile.name,
      folder: displayPath(result.dir, PAGE_CWD),
      outcome: result.outcome,
      reached: result.outcome === 'invalid' ? tr(words.invalid, ctx.lang) : levelName(pack, result.reached, ctx.lang),
      target: levelName(pack, result.profile.target, ctx.lang),
      gaps: result.outcome === 'invalid' ? [] : gapsOf(result, pack, ctx),
      errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => located(d, ctx.lang, lines)),
      markdown: reports.schools[i]!,
    };
  });
  return { lang: ctx.lang, asOf: run.asOf, schools, markdown: reports.markdown, json: reports.json, summary: reports.summary };
}

function gapsOf(result: SchoolResult, pack: RulePack | undefined, ctx: FormatContext): SchoolCard['gaps'] {
  return viewOf(result, pack).gaps.map((f) => {
    const rule = findRule(ctx.ruleSet, f.ruleId)?.rule;
    return { ruleId: f.ruleId, title: `${rule ? tr(rule.title, ctx.lang) : f.ruleId}${f.subject ? ` — ${f.subject}` : ''}` };
  });
}

function located(d: Diagnostic, lang: Lang, lines: LineReader): LocatedError {
  const at = d.location;
  return {
    at: at ? `${displayPath(at.file, PAGE_CWD)}:${at.line}:${at.column}` : '',
    message: diagnosticText(d, lang),
    line: at ? lines.line(at.file, at.line) : null,
    column: at?.column ?? 0,
  };
}

/** Lines of the picked files, read again (and decoded as the loader decodes them) only for files with errors. */
class LineReader {
  private readonly files = new Map<string, string[] | null>();

  constructor(private readonly root: ListedSource) {}

  line(file: string, n: number): string | null {
    let lines = this.files.get(file);
    if (lines === undefined) {
      lines = this.read(file);
      this.files.set(file, lines);
    }
    return lines?.[n - 1] ?? null;
  }

  private read(file: string): string[] | null {
    const rel = file.replace(/^\/+/, '');
    const entry = this.root.entry(rel);
    if (!entry || entry.kind !== 'file' || entry.size > MAX_FILE_BYTES) return null;
    const decoded = decodeText(this.root.read(rel, entry.size));
    return decoded.ok ? decoded.text.split('\n').map((l) => l.replace(/\r$/, '')) : null;
  }
}
