import type { LevelId, LocalText, SchoolType, Severity, SourceLocation, Verification } from '../types.js';

export type Scalar = string | number | boolean;

export type Condition =
  | { path: string; equals?: Scalar; in?: Scalar[]; contains?: string | number; min?: number; max?: number; exists?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Check =
  | { type: 'min_rate'; numerator: string; denominator: string; min: number; stated?: string; unit: LocalText }
  | { type: 'max_rate'; numerator: string; denominator: string; max: number; stated?: string; unit: LocalText }
  | { type: 'min_value'; path: string; min: number; unit: LocalText }
  | { type: 'max_value'; path: string; max: number; unit: LocalText }
  | { type: 'ratio'; numerator: string; denominator: string; min?: number; max?: number; unit: LocalText; per?: LocalText }
  | { type: 'required_flag'; path: string; equals?: Scalar }
  | { type: 'value_in'; path: string; values: Scalar[] }
  | { type: 'required_records'; records: string[]; within?: 'school_year' | 'valid' | 'ever'; min_each?: number; with_conclusion?: boolean; by?: string }
  | { type: 'min_count'; path: string; min: number; odd?: boolean; where?: Condition; within_school_year?: string; unit: LocalText }
  | { type: 'consecutive_years'; path: string; min: number; unit: LocalText }
  | { type: 'years_since'; path: string; date_field: string; where?: Condition; min: number; unit: LocalText }
  | { type: 'all' | 'any'; checks: Check[] }
  | { type: 'for_each'; path: string; label?: string; where?: Condition; check: Check }
  | { type: 'self_rated'; criterion: string; level: LevelId; item: string };

export interface RuleReference {
  document?: string;
  article: string;
  clause?: string;
  point?: string;
}

export interface Rule {
  id: string;
  level: LevelId;
  standard: number;
  criterion: string;
  title: LocalText;
  requirement: LocalText;
  reference: RuleReference;
  verification: Verification;
  source?: string;
  digest?: string;
  severity: Severity;
  when?: Condition;
  check: Check;
  remedy: LocalText;
  tags?: string[];
  /** `recognition`: a condition for national-standard recognition; reported apart, never gates the level. */
  scope?: 'recognition';
  /** Criterion regimes: the criterion item this rule stands for (one rule per item, made from the criteria files). */
  item?: ItemRuleRef;
  /** Where the rule is defined, for located rule errors and `chuan explain`. */
  origin: SourceLocation;
}

export interface ItemRuleRef {
  criterion: string;
  level: LevelId;
  item: string;
  /** The item has a check over the school's data (else the school rates it). */
  computed: boolean;
  /** Set on the companion rule that reports a self-rating contradicting the computed item. */
  conflictOf?: string;
}

export interface PackLevel {
  id: LevelId;
  name: LocalText;
}

/** Which criteria a level requirement speaks of. */
export type CriterionGroup = 'all' | 'mandatory' | 'others' | string[];

export interface LevelRequirementSpec {
  criteria: CriterionGroup;
  at_least: LevelId;
  /** At least this many of the group; the whole group when absent. */
  count?: number;
}

/**
 * How a school's level is aggregated (pack.yaml `level_model`), from a closed set:
 * rule_cumulative — level i when every error rule of levels 0..i passes (the 2012–2014 packs);
 * criterion_cumulative and mandatory_plus_k — a criterion's level is the highest n whose items at 1..n are
 * all met, and each school level lists requirements over groups of criteria (plus the rules of its level).
 */
export type LevelModel =
  | { kind: 'rule_cumulative' }
  | {
      kind: 'criterion_cumulative' | 'mandatory_plus_k';
      criterionLevels: { id: LevelId; code: string; name: LocalText }[];
      schoolLevels: Record<LevelId, LevelRequirementSpec[]>;
      reference: string;
      verification: Verification;
      source?: string;
      /** Multi-level schools: the school takes the lowest level of its parts. */
      multiLevel?: { parts_field: string; combine: 'lowest'; reference: string; verification: Verification };
    };

export type CriterionLevelModel = Exclude<LevelModel, { kind: 'rule_cumulative' }>;

export interface Wording {
  from: string;
  document: string;
  text: LocalText;
}

export interface CriterionItem {
  id: string;
  text: LocalText | Wording[];
  tags?: string[];
  verification?: Verification;
  source?: string;
  when?: Condition;
  check?: Check;
  not_applicable?: { from: string; to?: string; reason: LocalText; reference: string };
  remedy: LocalText;
}

export interface Criterion {
  id: string;
  standard: number;
  name: LocalText;
  aliases?: string[];
  mandatory: boolean;
  reference: { document: string; article: string; clause?: string };
  verification: Verification;
  source: string;
  levels: { level: LevelId; text: LocalText | Wording[]; items: CriterionItem[] }[];
  indicators: { id: string; name: LocalText; kind: 'ty_le' | 'so_luong' | 'so' }[];
  evidenceHint?: LocalText;
  origin: SourceLocation;
}

/**
 * A statement the reports make where it applies (rules/<pack>/chuyen-tiep.yaml): a closed set of kinds.
 * certificate_before — the school's latest recognition was signed before `before` (its certificate keeps its
 * term: `text` while it runs, `after` once it has expired); period — the reference date falls in `from` …
 * `to` (`text`), or after `to` (`after`). Never changes the verdict.
 */
export type PackStatement = {
  id: string;
  reference: RuleReference;
  verification: Verification;
  source?: string;
  text: LocalText;
  after?: LocalText;
  origin: SourceLocation;
} & ({ kind: 'certificate_before'; before: string } | { kind: 'period'; from: string; to: string });

export interface RulePack {
  id: string;
  circular: string;
  title: LocalText;
  version: string;
  inForce?: { from?: string; to?: string };
  schoolTypes: SchoolType[];
  levels: PackLevel[];
  standards: Record<string, LocalText>;
  /** The standard numbers, in order: one file tieu-chuan-N.yaml each. */
  standardNumbers: number[];
  levelModel: LevelModel;
  /** Criterion regimes: every criterion with its items (empty for rule_cumulative packs). */
  criteria: Criterion[];
  /** How truong.yaml's `thong_tu` names this pack (e.g. "57/2026"); `default` packs serve folders that name none. */
  selection: { names: string[]; default: boolean };
  /** Circulars that replaced this one, with the date each took over (for notices). */
  successors: { circular: string; from: string; pack?: string }[];
  /** Criterion regimes: the national-standard level each reached level implies. */
  nationalStandard?: Record<LevelId, LevelId>;
  /** Prefix of the ids of the item rules made from the criteria files (e.g. TT57.PT). */
  itemIdPrefix?: string;
  schoolYearStart: string;
  recognition: {
    validity_years: number;
    due_within_months: number;
    mid_cycle_years?: number;
    mid_cycle_due_within_months?: number;
    mid_cycle_school_types?: SchoolType[];
    reference?: string;
    verification?: Verification;
  };
  evidenceCodeFormats: string[];
  /** The report forms of this pack, in print order (report/forms). */
  reportForms: string[];
  notEncoded: { digest: string; title?: string; reason: LocalText }[];
  /** Folders under rules/ (without a pack.yaml) whose rule files and statements this pack reads too, their ids prefixed with itemIdPrefix. */
  sharedRules: string[];
  rules: Rule[];
  /** What the reports state where it applies (transition clauses). */
  statements: PackStatement[];
}

export interface Vocabulary {
  records: Record<string, LocalText>;
  rooms: Record<string, LocalText>;
  /** Display names of the other enumerated values of the school schemas (ratings, qualifications, positions). */
  values: Record<string, LocalText>;
}

export interface RuleSet {
  packs: RulePack[];
  vocabulary: Vocabulary;
}
