// Plain data passed between the modules: load -> validate -> evaluate -> report.
import type { SchoolProgress } from './diff/compare.js';

export type Lang = 'vi' | 'en';
export interface LocalText {
  vi: string;
  en: string;
}

export type SchoolType = 'mam_non' | 'tieu_hoc' | 'thcs' | 'thpt' | 'nhieu_cap';
/** A level id of a pack (pack.yaml `levels`), e.g. muc_do_1 or muc_2. */
export type LevelId = string;
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

/** `not_rated`: a self-rated item the school has not rated yet (chưa tự đánh giá), counted apart from unmet. */
export type FindingStatus = 'met' | 'unmet' | 'not_assessable' | 'not_applicable' | 'waived' | 'not_rated';

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
  /** Criterion regimes: the part of a multi-level school (tieu_hoc, thcs, thpt) the item was rated for. */
  part?: string;
  /** Criterion regimes: what the school stated for the item, and the state of its evidence. */
  rating?: ItemRating;
  /** Criterion regimes, amended items: the wording applied (from its in-force date; the document that set it). */
  wording?: { from: string; document?: string };
  /** Not applicable by a later document (e.g. a suspension): why, and the reference. */
  reason?: { text: LocalText; reference: string };
}

/** The school's own rating of a criterion item (tự đánh giá) and its evidence. */
export interface ItemRating {
  stated: 'dat' | 'chua_dat' | 'chua_danh_gia';
  evidence: string[];
  /** Cited codes that are not in the school's evidence register. */
  unknownEvidence: string[];
  note?: string;
  /** Why a stated "met" does not count: no evidence cited, or a code missing from the register. */
  problem?: 'no_evidence' | 'unknown_evidence';
  /** Computed items: the computed status, when the school's rating says otherwise. */
  conflict?: 'rated_met_computed_unmet' | 'rated_unmet_computed_met';
}

/** Criterion regimes: one criterion's level for the school (or one part of a multi-level school). */
export interface CriterionResult {
  criterion: string;
  standard: number;
  part?: string;
  mandatory: boolean;
  /** The highest criterion level whose items at that level and every lower one are all met; null below the first. */
  level: LevelId | null;
  levels: { level: LevelId; met: number; unmet: number; notRated: number; notAssessable: number; total: number }[];
  /** The council's own conclusion for the criterion (muc_tu_danh_gia), when stated. */
  stated?: LevelId | null;
}

/** One requirement of a school level, as the level model states it, with the school's count. */
export interface LevelRequirement {
  group: 'all' | 'mandatory' | 'others' | 'listed' | 'having';
  criteria: string[];
  atLeast: LevelId;
  /** Criteria of the group that must reach atLeast (the whole group unless the model counts). */
  need: number;
  have: number;
  part?: string;
}

/** The fewest items to raise for the next school level, naming criteria and items. */
export interface LevelPath {
  level: LevelId;
  /** Item count to raise (unmet, not rated, not assessable together). */
  items: number;
  unmet: number;
  steps: { criterion: string; part?: string; from: LevelId | null; to: LevelId; ruleIds: string[] }[];
  /** Rule findings (procedure) at or below the level that also have to pass. */
  rules: string[];
}

export interface LevelResult {
  level: LevelId;
  reached: boolean;
  unmet: number;
  notAssessable: number;
  /** Criterion regimes: each requirement of the level model for this level, with the school's count. */
  requirements?: LevelRequirement[];
  notRated?: number;
}

export interface RecognitionStatus {
  lastLevel: LevelId | null;
  decision: string | null;
  signedOn: string | null;
  expiresOn: string | null;
  state: 'none' | 'valid' | 'due_soon' | 'expired';
  monthsLeft: number | null;
  /** Packs that set one: the last day to finish the self-assessment and register the external evaluation for re-recognition. */
  reapplyBy?: string;
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
  /** Criterion regimes: each criterion's level (per part for a multi-level school). */
  criteria?: CriterionResult[];
  /** Criterion regimes: the shortest way to the next level; absent at the top level. */
  nextLevel?: LevelPath;
  /** Criterion regimes: the national-standard level the reached level implies (e.g. muc_do_1), or null. */
  nationalStandard?: LevelId | null;
  /** Packs with amendments: the date whose wordings were applied (the reference date, at most the end of the school year). */
  wordingDate?: string;
  /** Quantitative data recorded per school year (criterion regimes), for the report's small tables. */
  indicators?: IndicatorSeries[];
  /** Notes about the regime applied (circular chosen by default, no longer in force on --as-of …); never change the verdict. */
  notices?: Notice[];
  /** Statements of the pack that apply to this school (e.g. a certificate issued under the earlier regime keeps its term). */
  statements?: Statement[];
  /** Year-over-year progress against an earlier result (`chuan check --baseline`); absent otherwise. */
  progress?: SchoolProgress;
  /** The earlier result file (as named) when it holds no result for this school: the report says so. */
  baselineMissing?: string;
  /** What the filed report needs from truong.yaml (letterhead, signatory, plan); absent when the profile is invalid. */
  filing?: SchoolFiling;
  /** Where truong.yaml writes ma_truong, for the warning of a code two folders of a batch share (batch/duplicate-codes.ts). */
  codeAt?: SourceLocation;
}

/**
 * The parts of an office document that come from the school (truong.yaml: bao_cao, nguoi_lap, xa), for
 * the human reports only: the JSON report does not carry them.
 */
export interface SchoolFiling {
  /** Cơ quan chủ quản, the line above the school's name. */
  parent: string | null;
  /** The school's abbreviation in the document number (Số: …/BC-ABBR). */
  abbreviation: string | null;
  /** Place name of the date line; from the commune when not given. */
  place: string | null;
  signer: { position: 'hieu_truong' | 'pho_hieu_truong'; name: string } | null;
  /** nguoi_lap, when no signatory is declared. */
  author: string | null;
  recipients: string[];
  plan: PlanEntry[];
  /** The self-assessment council (truong.yaml: hoi_dong_tu_danh_gia), in its order. */
  council: CouncilMember[];
  /** Criterion regimes: what the school wrote about each criterion (and part) in its standard files. */
  statements?: CriterionStatement[];
  /** Criterion regimes: the typed records of every standard file (ho_so), in file order. */
  records?: FiledRecord[];
}

export interface CouncilMember {
  name: string;
  position: string | null;
  /** chu_tich, pho_chu_tich, thu_ky, uy_vien (named through the vocabulary). */
  role: string;
}

/** The council's own text for one criterion: current state, strengths, weaknesses and the improvement actions. */
export interface CriterionStatement {
  criterion: string;
  part?: string;
  currentState: string | null;
  strengths: string | null;
  weaknesses: string | null;
  actions: ImprovementAction[];
}

/** One line of the improvement plan (Biểu 2) as the school wrote it for a criterion. */
export interface ImprovementAction {
  problem: string | null;
  action: string;
  owner: string | null;
  timing: string | null;
  resources: string | null;
  expected: string | null;
}

/** A record of ho_so as an office document names it: type, number, title, date, evidence code. */
export interface FiledRecord {
  type: string;
  number: string | null;
  title: string | null;
  date: string | null;
  evidence: string | null;
}

/** Who carries out the measures of one criterion, and by when (truong.yaml: bao_cao.ke_hoach). */
export interface PlanEntry {
  criterion: string;
  owner: string | null;
  due: string | null;
  measure: string | null;
}

export interface Notice {
  code: string;
  message: LocalText;
}

/** A statement of the pack that applies to this school (a transition clause), filled in; never changes the verdict. */
export interface Statement {
  id: string;
  message: LocalText;
  /** "Thông tư 57/2026/TT-BGDĐT, Điều 27, khoản 2". */
  reference: LocalText;
  verification: Verification;
}

/** One quantitative indicator of a criterion, by school year (no cut-off: reported, never judged). */
export interface IndicatorSeries {
  criterion: string;
  id: string;
  part?: string;
  kind: 'ty_le' | 'so_luong' | 'so';
  values: { year: string; value: number | null }[];
  trend: 'up' | 'down' | 'flat' | null;
}

/** A line of the school's evidence register, as the reports name it (code, title, the criteria it supports). */
export interface EvidenceEntry {
  code: string;
  title: string;
  criteria: string[];
  /** Number and date, issuer, file inside the folder: for the evidence catalogue of a filed report. */
  issued?: string;
  issuer?: string;
  file?: string;
}

export interface OverlayChange {
  kind: 'threshold' | 'disabled' | 'recognition' | 'waiver' | 'waiver_expired';
  /** Rule id (or pack id for a cycle change). */
  rule: string;
  /** The pack the change belongs to; absent for waivers, which are per school. */
  pack?: string;
  detail: LocalText;
}
