import type { Diagnostic, ItemRating, LocalText, Measure, YamlPath } from '../types.js';

/** A place in the school's data: root document name (truong, tc1..tc5) and the path inside it. */
export interface DataRef {
  root: string;
  path: YamlPath;
}

export interface Outcome {
  status: 'met' | 'unmet' | 'not_assessable' | 'not_applicable' | 'not_rated';
  /** self_rated: what the school stated and its evidence. */
  rating?: ItemRating;
  measure?: Measure;
  gap?: number;
  unit?: LocalText;
  missingData?: string[];
  ref?: DataRef;
  subject?: string;
  /** for_each: one outcome per element. */
  items?: Outcome[];
  /** Data-quality remarks found while checking (e.g. a stated percentage that does not match). */
  remarks?: { code: string; message: LocalText; ref: DataRef }[];
}

export function notAssessable(missing: string[], ref?: DataRef): Outcome {
  const outcome: Outcome = { status: 'not_assessable', missingData: missing };
  if (ref) outcome.ref = ref;
  return outcome;
}

export type { Diagnostic };
