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
  | { type: 'required_records'; records: string[]; within?: 'school_year' | 'valid' | 'ever'; min_each?: number; with_conclusion?: boolean }
  | { type: 'min_count'; path: string; min: number; where?: Condition; within_school_year?: string; unit: LocalText }
  | { type: 'all' | 'any'; checks: Check[] }
  | { type: 'for_each'; path: string; label?: string; where?: Condition; check: Check };

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
  /** Where the rule is defined, for located rule errors and `chuan explain`. */
  origin: SourceLocation;
}

export interface PackLevel {
  id: LevelId;
  name: LocalText;
}

export interface RulePack {
  id: string;
  circular: string;
  title: LocalText;
  version: string;
  inForce?: { from?: string; to?: string };
  schoolTypes: SchoolType[];
  levels: PackLevel[];
  standards: Record<string, LocalText>;
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
  rules: Rule[];
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
