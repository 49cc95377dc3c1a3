import type { LevelId, LocalText, SchoolType, Severity, SourceLocation, Verification } from '../types.js';

export type Scalar = string | number | boolean;

export type Condition =
  | { path: string; equals?: Scalar; in?: Scalar[]; contains?: string | number; min?: number; max?: number; exists?: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export type Check =
  | { type: 'min_rate'; numerator: Numerator; denominator: string; min: number; stated?: string; unit: LocalText }
  | { type: 'max_rate'; numerator: Numerator; denominator: string; max: number; stated?: string; unit: LocalText }
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
  /** The `years` school years ending with truong.nam_hoc, one list element each (by `year_field`): all pass, or `at_least` of them. */
  | { type: 'each_year'; path: string; years: number; year_field?: string; at_least?: number; check: Check; unit: LocalText }
  /** The check only where the condition holds (else not applicable): thresholds that depend on the school's situation. */
  | { type: 'only_if'; condition: Condition; check: Check }
  | { type: 'self_rated'; criterion: string; level: LevelId; item: string };

/** One count, or several counts added up (teachers rated "khá" and "tốt"). */
export type Numerator = string | string[];

/** Dates (YYYY-MM-DD) between which something is in force; either end open, both inclusive. */
export interface DateWindow {
  from?: string;
  to?: string;
}

/** A window in which an item is not applicable, with the reason and the document that says so (shown in every report). */
export interface NotApplicableWindow {
  from: string;
  to?: string;
  reason: LocalText;
  reference: string;
}

/** A rule as worded from a date on (an amended item): title, requirement and check of that period. */
export interface RuleVersion {
  from: string;
  /** The document that set this wording (for the report's line on the version applied). */
  document?: string;
  title: LocalText;
  requirement: LocalText;
  check: Check;
  /** The data part of a computed item (check without the school's own rating), when it has one. */
  dataCheck?: Check;
  /** How sure this wording is (the rule itself carries the weakest of its versions). */
  verification: Verification;
  /** The measure for this wording, when it differs from the rule's. */
  remedy?: LocalText;
}

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
  /** Criterion regimes: the rule exists only within every one of these windows (absent, with no finding, outside). */
  inForce?: DateWindow[];
  /** Criterion regimes: windows in which the item is not applicable, each with its reason and reference. */
  notApplicable?: NotApplicableWindow[];
  /** Criterion regimes: the item's wordings in time (amended items), oldest first; the rule's own fields are the last. */
  versions?: RuleVersion[];
  /** Where the rule is defined, for located rule errors and `chuan explain`. */
  origin: SourceLocation;
}

export interface ItemRuleRef {
  criterion: string;
  level: LevelId;
  item: string;
  /** The item has a check over the school's data (else the school rates it). */
  computed: boolean;
  /** A computed item's check without the school's own rating (a mixed item: numbers and a description), for the contradiction. */
  dataCheck?: Check;
  /** Set on the companion rule that reports a self-rating contradicting the computed item. */
  conflictOf?: string;
}

export interface PackLevel {
  id: LevelId;
  name: LocalText;
}

/** Which criteria a level requirement speaks of. */
/** `having`: the criteria with items at the requirement's level (on the date checked). */
export type CriterionGroup = 'all' | 'mandatory' | 'others' | 'having' | string[];

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
  /** When this wording is sourced differently from the item (e.g. an amended text from one source only). */
  verification?: Verification;
  /** The item's measure while this wording applies, when it differs (an item rewritten by an amendment). */
  remedy?: LocalText;
}

/** A check from a date on (an amended threshold). */
export interface DatedCheck {
  from: string;
  check: Check;
}

export interface CriterionItem {
  id: string;
  text: LocalText | Wording[];
  tags?: string[];
  verification?: Verification;
  source?: string;
  when?: Condition;
  check?: Check | DatedCheck[];
  in_force?: DateWindow;
  not_applicable?: NotApplicableWindow | NotApplicableWindow[];
  reference?: RuleReference;
  remedy: LocalText;
}

export interface CriterionLevel {
  level: LevelId;
  text: LocalText | Wording[];
  items: CriterionItem[];
  /** The article and clause of this level's paragraph (items add their letter as the point). */
  reference?: { document?: string; article: string; clause?: string };
  inForce?: DateWindow;
}

export interface Criterion {
  id: string;
  standard: number;
  /** The name in force last; `names` holds every name in time when an amendment renamed the criterion. */
  name: LocalText;
  names?: Wording[];
  inForce?: DateWindow;
  aliases?: string[];
  mandatory: boolean;
  reference: { document: string; article: string; clause?: string };
  verification: Verification;
  source: string;
  levels: CriterionLevel[];
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
  /** Criterion regimes: per standard number, the JSON Schemas of the school data its computed items read (criteria files' school_data). */
  schoolData?: Record<string, Record<string, Record<string, unknown>>>;
  /** How truong.yaml's `thong_tu` names this pack (e.g. "57/2026"); `default` packs serve folders that name none. */
  selection: { names: string[]; default: boolean };
  /** Circulars that replaced this one, with the date each took over (for notices). */
  successors: { circular: string; from: string; pack?: string; guide?: string }[];
  /** Criterion regimes: the national-standard levels, their names and the one each reached level implies. */
  nationalStandard?: NationalStandard;
  /** Documents that amended the pack's circular, with the date each took effect (dated wordings name them). */
  amendments: Amendment[];
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
    /** Self-assessment done and external evaluation registered at least this many months before expiry (re-recognition). */
    reapply_months_before?: number;
    reapply_reference?: string;
  };
  /** The names of the evidence-code formats this pack accepts (built-in or declared in pack.yaml). */
  evidenceCodeFormats: string[];
  /** Evidence-code formats declared in pack.yaml itself. */
  declaredCodeFormats: DeclaredCodeFormat[];
  /** The report forms of this pack, in print order (report/forms). */
  reportForms: ReportFormSpec[];
  notEncoded: { digest: string; title?: string; reason: LocalText }[];
  /** Folders under rules/ (without a pack.yaml) whose rule files and statements this pack reads too, their ids prefixed with itemIdPrefix. */
  sharedRules: string[];
  /** Data written twice that must agree: the items of a list and the number the school wrote (consistency.ts). */
  consistency: { count: string; equals: string; items: LocalText }[];
  rules: Rule[];
  /** What the reports state where it applies (transition clauses). */
  statements: PackStatement[];
}

export interface NationalStandard {
  levels: { id: LevelId; name: LocalText }[];
  /** Reached level → national-standard level. */
  fromLevels: Record<LevelId, LevelId>;
  reference?: string;
  verification?: Verification;
  source?: string;
  /** The accreditation result the levels are (kiểm định chất lượng), named with its reference, when the pack reports both. */
  accreditation?: { name: LocalText; reference: string };
  /** The recognition conditions the report lists beside the level: a recognition rule's result, or a stated condition. */
  conditions: ({ rule: string } | { text: LocalText; reference: string })[];
}

export interface Amendment {
  document: string;
  from: string;
  title: LocalText;
  verification?: Verification;
  source?: string;
}

/** An evidence-code format declared in pack.yaml: its regular expression (a named group `criterion` is cross-checked), shape and example. */
export interface DeclaredCodeFormat {
  id: string;
  pattern: string;
  shape: string;
  /** With {standard} and {criterion} (the criterion's number within its standard). */
  example: string;
  parts: LocalText;
  reference?: string;
}

export interface Vocabulary {
  records: Record<string, LocalText>;
  rooms: Record<string, LocalText>;
  /** Display names of the other enumerated values of the school schemas (ratings, qualifications, positions). */
  values: Record<string, LocalText>;
  /** English units by number: either form of a unit gives its [singular, plural] (report/text.ts unitText); plain data, the page bundles it. */
  englishUnits: Record<string, [string, string]>;
}

export interface RuleSet {
  packs: RulePack[];
  vocabulary: Vocabulary;
}

/**
 * A report form of a pack (pack.yaml `report_forms`): which form module prints it (report/forms) and what
 * the regulation says about the form — its name, where it is set out, and text printed as it stands.
 */
export interface ReportFormSpec {
  form: string;
  name?: LocalText;
  reference?: string;
  verification?: Verification;
  source?: string;
  /** Self-assessment report: strengths and weaknesses per standard (after its criteria) or per criterion. */
  strengths?: 'per_standard' | 'per_criterion';
  /** Improvement plan: the moments of its reviews. */
  reviewMoments?: LocalText[];
  /** Record types (ho_so) the form cites: the council's decision, the bases of the plan, the plan's review minutes. */
  records?: { council?: string; bases?: string[]; reviews?: string };
  /** The form's own text (one paragraph a line). */
  texts?: { purpose?: LocalText; priorities?: LocalText; organisation?: LocalText; reporting?: LocalText; introduction?: LocalText };
  /** Self-assessment report: the items of this criterion level are assessed in a section of their own, after the others. */
  separateLevel?: string;
  /** Self-assessment report: the evidence catalogue's columns — five (no., code, title, storage, notes; the default) or by criterion (criterion, no., code, title, number and date, issuer, notes). */
  catalogue?: 'storage' | 'by_criterion';
  /** Self-assessment report laid out in these parts, each named as the regulation names it (else the default four parts). */
  parts?: SelfAssessmentParts;
}

/** The part names of a self-assessment report laid out by parts (pack.yaml `report_forms[].parts`); `{standard}` is the standard's number. */
export interface SelfAssessmentParts {
  council: LocalText;
  summary: LocalText;
  data: LocalText;
  assessment: LocalText;
  introduction: LocalText;
  evaluation: LocalText;
  criteria: LocalText;
  separate?: LocalText;
  conclusion: LocalText;
  annex: LocalText;
  opening: LocalText;
  standardConclusion: LocalText;
}
