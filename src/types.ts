// Plain data passed between the modules: load -> validate -> evaluate -> report.
import type { SchoolProgress } from './diff/compare.js';

export type Lang = 'vi' | 'en';
export interface LocalText {
  vi: string;
  en: string;
}

export type SchoolType = 'mam_non' | 'tieu_hoc' | 'thcs' | 'thpt' | 'nhieu_cap';
export type LevelId = 'toi_thieu' | 'muc_do_1' | 'muc_do_2' | 'dat_chuan';
export type Severity = 'error' | 'warning';
export type Verification = 'confirmed' | 'secondary' | 'unverified';
export type YamlPath = (string | number)[];

/** 1-based line and column, as every output format expects. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  path?: YamlPath;
}

/** A problem with the input itself (unreadable file, YAML error, schema error), or a data-quality warning. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: LocalText;
  location: SourceLocation | null;
}

export type FindingStatus = 'met' | 'unmet' | 'not_assessable' | 'not_applicable' | 'waived';

export type Comparator = '>=' | '<=';

/** What a check measured, kept as numbers so each format and language renders it its own way. */
export type Measure =
  | { kind: 'rate'; numerator: number; denominator: number; percent: number; op: Comparator; threshold: number }
  | { kind: 'ratio'; numerator: number; denominator: number; value: number; op: Comparator; threshold: number; per?: LocalText }
  | { kind: 'value'; value: number; op: Comparator; threshold: number }
  | { kind: 'count'; value: number; op: Comparator; threshold: number }
  | { kind: 'flag'; value: unknown; expected: unknown[] }
  | { kind: 'records'; required: string[]; missing: string[] };

export interface Waiver {
  rule: string;
  school?: string;
  reason: string;
  expires: string;
  approvedBy?: string;
}

export interface Finding {
  ruleId: string;
  status: FindingStatus;
  severity: Severity;
  level: LevelId;
  standard: number;
  criterion: string;
  measure?: Measure;
  /** Shortfall in the rule's unit (teachers, m², records, percentage points for flags not used). */
  gap?: number;
  unit?: LocalText;
  /** The element of a for_each check this finding is about (e.g. a manager's name). */
  subject?: string;
  /** Data paths that were absent (not assessable). */
  missingData?: string[];
  location: SourceLocation | null;
  waiver?: Waiver;
}

export interface LevelResult {
  level: LevelId;
  reached: boolean;
  unmet: number;
  notAssessable: number;
}

export interface RecognitionStatus {
  lastLevel: LevelId | null;
  decision: string | null;
  signedOn: string | null;
  expiresOn: string | null;
  state: 'none' | 'valid' | 'due_soon' | 'expired';
  monthsLeft: number | null;
  midCycle: { dueOn: string; state: 'done' | 'due_soon' | 'overdue' | 'upcoming'; checkedOn: string | null } | null;
}

export interface SchoolProfileSummary {
  name: string;
  code: string | null;
  schoolType: SchoolType | null;
  province: string | null;
  commune: string | null;
  schoolYear: string | null;
  target: LevelId | null;
}

export type SchoolOutcome = 'reached' | 'not_reached' | 'invalid';

export interface SchoolResult {
  /** Folder as given or discovered (absolute). */
  dir: string;
  profile: SchoolProfileSummary;
  packId: string | null;
  outcome: SchoolOutcome;
  diagnostics: Diagnostic[];
  findings: Finding[];
  levels: LevelResult[];
  reached: LevelId | null;
  recognition: RecognitionStatus | null;
  /** Evidence register entries, for the report's "related evidence" column. */
  evidence: EvidenceEntry[];
  /** Configuration changes that affect this school: corrected thresholds, rules off, waivers. */
  adjustments: OverlayChange[];
  /** Year-over-year progress against an earlier result (`chuan check --baseline`); absent otherwise. */
  progress?: SchoolProgress;
  /** The earlier result file (as named) when it holds no result for this school: the report says so. */
  baselineMissing?: string;
}

/** A line of the school's evidence register, as the reports name it (code, title, the criteria it supports). */
export interface EvidenceEntry {
  code: string;
  title: string;
  criteria: string[];
}

export interface OverlayChange {
  kind: 'threshold' | 'disabled' | 'recognition' | 'waiver' | 'waiver_expired';
  /** Rule id (or pack id for a cycle change). */
  rule: string;
  /** The pack the change belongs to; absent for waivers, which are per school. */
  pack?: string;
  detail: LocalText;
}
