import fs from 'node:fs';
import { KnownError } from '../errors.js';
import type { Finding, LevelId, LocalText, SchoolOutcome, SchoolResult } from '../types.js';
import { isCalendarDate } from '../validate/formats.js';

/** What the comparison needs of one finding; the same from a live result and from a JSON report. */
export type SnapshotFinding = Pick<Finding, 'ruleId' | 'subject' | 'status' | 'severity' | 'level' | 'standard' | 'criterion' | 'measure' | 'gap' | 'unit'>;

export interface SchoolSnapshot {
  /** Last segment of the school folder: how schools are matched when they have no ma_truong. */
  folder: string;
  code: string | null;
  name: string;
  schoolYear: string | null;
  packId: string | null;
  outcome: SchoolOutcome;
  target: LevelId | null;
  reached: LevelId | null;
  levels: { level: LevelId; reached: boolean }[];
  findings: SnapshotFinding[];
}

export interface ReportSnapshot {
  /** The --as-of date of the run that wrote the report. */
  asOf: string | null;
  schools: SchoolSnapshot[];
  /** Rule titles carried by the report (rulesMeta), for rules the current rule set may no longer have. */
  titles: Record<string, LocalText>;
}

/** A JSON report larger than this is not a chuan report of a sane batch. */
const MAX_BYTES = 64 * 1024 * 1024;

export const folderName = (dir: string): string => dir.split(/[\\/]+/).filter((s) => s !== '' && s !== '.').at(-1) ?? dir;

export function snapshotFromResult(r: SchoolResult): SchoolSnapshot {
  return {
    folder: folderName(r.dir),
    code: r.profile.code,
    name: r.profile.name,
    schoolYear: r.profile.schoolYear,
    packId: r.packId,
    outcome: r.outcome,
    target: r.profile.target,
    reached: r.reached,
    levels: r.levels.map((l) => ({ level: l.level, reached: l.reached })),
    findings: r.findings.map(findingOf),
  };
}

/** Reads a report written by `chuan check --format json`; anything else is a clear user error (exit 2). */
export function readReport(file: string, shownAs: string = file): ReportSnapshot {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BYTES) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KnownError({ vi: `không đọc được tệp kết quả ${shownAs} (${code})`, en: `cannot read the result file ${shownAs} (${code})` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KnownError({
      vi: `${shownAs} không phải JSON hợp lệ (${(error as Error).message}); tạo tệp bằng: chuan check <thư mục> --format json --output ${shownAs}`,
      en: `${shownAs} is not valid JSON (${(error as Error).message}); write it with: chuan check <folder> --format json --output ${shownAs}`,
    });
  }
  return reportSnapshot(json, shownAs);
}

export function reportSnapshot(json: unknown, shownAs: string): ReportSnapshot {
  const report = json as { tool?: { name?: unknown }; schemaVersion?: unknown; asOf?: unknown; results?: unknown; rulesMeta?: unknown } | null;
  if (!report || typeof report !== 'object' || report.tool?.name !== 'chuan' || !Array.isArray(report.results)) {
    throw new KnownError({
      vi: `${shownAs} không phải kết quả JSON của chuan; tạo tệp bằng: chuan check <thư mục> --format json --output ${shownAs}`,
      en: `${shownAs} is not a chuan JSON result; write it with: chuan check <folder> --format json --output ${shownAs}`,
    });
  }
  if (report.schemaVersion !== '1' && report.schemaVersion !== '2') {
    throw new KnownError({ vi: `${shownAs} có schemaVersion "${String(report.schemaVersion)}", phiên bản này chỉ đọc được "1" và "2"`, en: `${shownAs} has schemaVersion "${String(report.schemaVersion)}"; this version reads "1" and "2"` });
  }
  if (typeof report.asOf === 'string' && !isCalendarDate(report.asOf)) {
    throw new KnownError({ vi: `${shownAs} có asOf "${report.asOf}" không phải ngày có thật dạng YYYY-MM-DD`, en: `${shownAs} has asOf "${report.asOf}", which is no real YYYY-MM-DD date` });
  }
  const titles: Record<string, LocalText> = {};
  const rules = new Map<string, RuleFacts>();
  if (report.rulesMeta && typeof report.rulesMeta === 'object') {
    for (const [id, meta] of Object.entries(report.rulesMeta as Record<string, (Partial<RuleFacts> & { title?: LocalText }) | null>)) {
      if (meta?.title && typeof meta.title.vi === 'string' && typeof meta.title.en === 'string') titles[id] = meta.title;
      if (meta && typeof meta.level === 'string' && typeof meta.standard === 'number' && typeof meta.criterion === 'string') {
        rules.set(id, { level: meta.level, standard: meta.standard, criterion: meta.criterion });
      }
    }
  }
  return {
    asOf: typeof report.asOf === 'string' ? report.asOf : null,
    schools: report.results.map((r, i) => schoolOf(r, `${shownAs}: results[${i}]`, rules)),
    titles,
  };
}

/** What schema version 2 keeps in rulesMeta only (version 1 repeated it in every finding). */
type RuleFacts = Pick<SnapshotFinding, 'level' | 'standard' | 'criterion'>;

function schoolOf(raw: unknown, where: string, rules: Map<string, RuleFacts>): SchoolSnapshot {
  const r = raw as Record<string, unknown> | null;
  const profile = (r?.['profile'] ?? null) as Record<string, unknown> | null;
  if (!r || typeof r['dir'] !== 'string' || !profile || !Array.isArray(r['findings'])) {
    throw new KnownError({ vi: `${where} thiếu dir, profile hoặc findings`, en: `${where} lacks dir, profile or findings` });
  }
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    folder: folderName(r['dir']),
    code: text(profile['code']),
    name: text(profile['name']) ?? folderName(r['dir']),
    schoolYear: text(profile['schoolYear']),
    packId: text(r['packId']),
    outcome: (text(r['outcome']) ?? 'invalid') as SchoolOutcome,
    target: text(r['target'] ?? profile['target']) as LevelId | null,
    reached: text(r['reached']) as LevelId | null,
    levels: Array.isArray(r['levels']) ? (r['levels'] as { level: LevelId; reached: boolean }[]).map((l) => ({ level: l.level, reached: l.reached === true })) : [],
    findings: (r['findings'] as SnapshotFinding[]).filter((f) => f && typeof f.ruleId === 'string').map((f) => findingOf({ ...rules.get(f.ruleId), ...f })),
  };
}

function findingOf(f: SnapshotFinding): SnapshotFinding {
  return {
    ruleId: f.ruleId,
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
    status: f.status,
    severity: f.severity,
    level: f.level,
    standard: f.standard,
    criterion: f.criterion,
    ...(f.measure ? { measure: f.measure } : {}),
    ...(f.gap !== undefined ? { gap: f.gap } : {}),
    ...(f.unit ? { unit: f.unit } : {}),
  };
}
