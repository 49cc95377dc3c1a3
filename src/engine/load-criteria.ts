import path from 'node:path';
import type { YamlFile } from '../load/yaml-file.js';
import { locate } from '../load/yaml-file.js';
import type { Diagnostic, LocalText, Verification } from '../types.js';
import { SCHEMA_BASE, type Validators } from '../validate/schemas.js';
import type { Check, Criterion, CriterionItem, CriterionLevel, CriterionLevelModel, DateWindow, DatedCheck, NotApplicableWindow, Rule, RulePack, RuleReference, RuleVersion, Wording } from './rule-types.js';
import { loadValidated } from './load-rules.js';
import { criterionNameAt, itemRuleId, latestText, wordingAt } from './wordings.js';

export { criterionNameAt, inWindow, latestText, wordingAt } from './wordings.js';

type RawLevel = { text: LocalText | Wording[]; items: CriterionItem[]; reference?: CriterionLevel['reference']; in_force?: DateWindow };

type RawCriterion = Omit<Criterion, 'standard' | 'name' | 'names' | 'inForce' | 'levels' | 'indicators' | 'mandatory' | 'evidenceHint' | 'origin'> & {
  name: LocalText | Wording[];
  in_force?: DateWindow;
  mandatory?: boolean;
  levels: Record<string, RawLevel>;
  indicators?: Criterion['indicators'];
  evidence_hint?: LocalText;
};

/**
 * Criterion regimes keep their criteria in `rules/<pack>/tieu-chuan-N.yaml`: each item becomes one rule
 * (self-rated, or computed when it has a check), so every report, `chuan rules` and `explain` cover it.
 * The school data the computed items read (`school_data`) is kept per standard for the school schemas.
 */
export function loadCriteria(packDir: string, pack: RulePack, registry: Validators, diagnostics: Diagnostic[]): void {
  const model = pack.levelModel as CriterionLevelModel;
  const levelIds = model.criterionLevels.map((l) => l.id);
  for (const standard of pack.standardNumbers) {
    const file = path.join(packDir, `tieu-chuan-${standard}.yaml`);
    const yaml = loadValidated(file, `${SCHEMA_BASE}criteria.schema.json`, registry, diagnostics);
    if (!yaml) continue;
    const value = yaml.value as { criteria: RawCriterion[]; school_data?: Record<string, Record<string, unknown>> };
    if (value.school_data) (pack.schoolData ??= {})[String(standard)] = value.school_data;
    value.criteria.forEach((raw, index) => {
      const origin = locate(yaml, ['criteria', index]);
      const problem = misplaced(raw, standard, levelIds, pack);
      if (problem) {
        diagnostics.push({ code: 'rules/misplaced', severity: 'error', message: problem, location: origin });
        return;
      }
      const criterion = toCriterion(raw, standard, levelIds, origin);
      pack.criteria.push(criterion);
      pack.rules.push(...itemRules(criterion, pack, model, yaml, index));
    });
  }
}

function misplaced(raw: RawCriterion, standard: number, levelIds: string[], pack: RulePack): LocalText | null {
  if (Number(raw.id.split('.')[0]) !== standard) {
    return { vi: `tiêu chí ${raw.id} nằm trong tieu-chuan-${standard}.yaml`, en: `criterion ${raw.id} sits in tieu-chuan-${standard}.yaml` };
  }
  const unknown = Object.keys(raw.levels).filter((l) => !levelIds.includes(l) || !pack.levels.some((p) => p.id === l));
  if (unknown.length > 0) {
    return {
      vi: `tiêu chí ${raw.id} có mức ${unknown.join(', ')} không khai báo trong level_model.criterion_levels và levels của pack.yaml`,
      en: `criterion ${raw.id} has level(s) ${unknown.join(', ')} not declared in pack.yaml level_model.criterion_levels and levels`,
    };
  }
  const documents = new Set([pack.circular, ...pack.amendments.map((a) => a.document)]);
  const wordings = [raw.name, ...Object.values(raw.levels).flatMap((l) => [l.text, ...l.items.map((i) => i.text)])].filter((w): w is Wording[] => Array.isArray(w));
  const stray = wordings.flat().map((w) => w.document).find((d) => !documents.has(d));
  if (stray !== undefined) {
    return {
      vi: `tiêu chí ${raw.id}: lời văn ghi document "${stray}", không phải ${pack.circular} hay một văn bản trong amendments của pack.yaml`,
      en: `criterion ${raw.id}: a wording names document "${stray}", neither ${pack.circular} nor one of pack.yaml's amendments`,
    };
  }
  return null;
}

function toCriterion(raw: RawCriterion, standard: number, levelIds: string[], origin: Criterion['origin']): Criterion {
  const levels = levelIds
    .filter((id) => raw.levels[id])
    .map((id): CriterionLevel => {
      const l = raw.levels[id]!;
      return { level: id, text: l.text, items: l.items, ...(l.reference ? { reference: l.reference } : {}), ...(l.in_force ? { inForce: l.in_force } : {}) };
    });
  return {
    id: raw.id,
    standard,
    name: latestText(raw.name),
    ...(Array.isArray(raw.name) ? { names: raw.name } : {}),
    ...(raw.in_force ? { inForce: raw.in_force } : {}),
    ...(raw.aliases ? { aliases: raw.aliases } : {}),
    mandatory: raw.mandatory ?? false,
    reference: raw.reference,
    verification: raw.verification,
    source: raw.source,
    levels,
    indicators: raw.indicators ?? [],
    ...(raw.evidence_hint ? { evidenceHint: raw.evidence_hint } : {}),
    origin,
  };
}

export { itemRuleId } from './wordings.js';

function itemRules(criterion: Criterion, pack: RulePack, model: CriterionLevelModel, yaml: YamlFile, index: number): Rule[] {
  const rules: Rule[] = [];
  for (const level of criterion.levels) {
    const spec = model.criterionLevels.find((l) => l.id === level.level)!;
    level.items.forEach((item, itemIndex) => {
      const id = itemRuleId(pack, criterion.id, spec.code, item.id);
      const origin = locate(yaml, ['criteria', index, 'levels', level.level, 'items', itemIndex]);
      const at = (date: string | undefined) => itemAt(criterion, item, spec.name, date);
      const latest = at(undefined);
      const self = { criterion: criterion.id, level: level.level, item: item.id };
      const rule: Rule = {
        id,
        level: level.level,
        standard: criterion.standard,
        criterion: criterion.id,
        title: latest.title,
        requirement: latest.requirement,
        reference: item.reference ?? levelReference(criterion, level, item, spec.name.vi),
        verification: item.verification ?? criterion.verification,
        source: item.source ?? criterion.source,
        severity: 'error',
        check: latest.check ? filled(latest.check, self) : { type: 'self_rated', ...self },
        remedy: item.remedy,
        ...(item.when ? { when: item.when } : {}),
        ...(item.tags ? { tags: item.tags } : {}),
        item: { ...self, computed: latest.check !== undefined && withoutSelfRated(latest.check) !== null, ...dataCheckOf(latest.check, self) },
        ...windows(criterion, level, item),
        origin,
      };
      const versions = changeDates(criterion, item).map((from): RuleVersion => {
        const v = at(from);
        const check = v.check ? filled(v.check, self) : { type: 'self_rated' as const, ...self };
        const wording = Array.isArray(item.text) ? wordingOn(item.text, from) : undefined;
        const verification = wording?.verification ?? rule.verification;
        return { from, ...(v.document ? { document: v.document } : {}), title: v.title, requirement: v.requirement, check, ...dataCheckOf(v.check, self), verification, ...(wording?.remedy ? { remedy: wording.remedy } : {}) };
      });
      if (versions.length > 1) {
        rule.versions = versions;
        rule.verification = weakest(versions.map((v) => v.verification));
      }
      rules.push(rule);
      if (latest.check) {
        rules.push({
          ...rule,
          id: `${id}.tu-danh-gia`,
          severity: 'warning',
          title: conflictTitle(criterionNameAt(criterion, undefined), spec.name, item.id),
          check: { type: 'self_rated', ...self },
          item: { ...rule.item!, conflictOf: id },
          ...(rule.versions ? { versions: rule.versions.map((v) => ({ ...v, title: conflictTitle(criterionNameAt(criterion, v.from), spec.name, item.id), check: { type: 'self_rated' as const, ...self } })) } : {}),
        });
      }
    });
  }
  return rules;
}

const STRENGTH: Verification[] = ['unverified', 'secondary', 'confirmed'];

function weakest(all: Verification[]): Verification {
  return STRENGTH.find((v) => all.includes(v)) ?? 'unverified';
}

function wordingOn(text: Wording[], date: string): Wording {
  let chosen = text[0]!;
  for (const w of text) if (w.from <= date) chosen = w;
  return chosen;
}

function conflictTitle(name: LocalText, level: LocalText, item: string): LocalText {
  return {
    vi: `Tự đánh giá khác kết quả tính từ số liệu — ${name.vi}, ${level.vi}, yêu cầu ${item}`,
    en: `Self-rating differs from the computed result — ${name.en}, ${level.en}, requirement ${item}`,
  };
}

/** An item as worded on `date` (the latest wording without a date). */
function itemAt(criterion: Criterion, item: CriterionItem, levelName: LocalText, date: string | undefined): { title: LocalText; requirement: LocalText; check?: Check; document?: string } {
  const name = criterionNameAt(criterion, date);
  const text = date ? wordingAt(item.text, date) : { text: latestText(item.text), document: Array.isArray(item.text) ? item.text.at(-1)!.document : undefined };
  const check = checkAt(item.check, date);
  const out: { title: LocalText; requirement: LocalText; check?: Check; document?: string } = {
    title: { vi: `${name.vi} — ${levelName.vi}, yêu cầu ${item.id}`, en: `${name.en} — ${levelName.en}, requirement ${item.id}` },
    requirement: text.text,
  };
  if (check) out.check = check;
  if (text.document) out.document = text.document;
  return out;
}

function checkAt(check: CriterionItem['check'], date: string | undefined): Check | undefined {
  if (!Array.isArray(check)) return check;
  let chosen: DatedCheck = check[0]!;
  for (const c of check) if (date === undefined || c.from <= date) chosen = c;
  return chosen.check;
}

/** The dates from which the item reads differently: its wordings, its dated checks and its criterion's names. */
function changeDates(criterion: Criterion, item: CriterionItem): string[] {
  const dates = new Set<string>();
  for (const text of [item.text, criterion.names ?? []]) if (Array.isArray(text)) for (const w of text) dates.add(w.from);
  if (Array.isArray(item.check)) for (const c of item.check) dates.add(c.from);
  return [...dates].sort();
}

/** Article and clause of the level's paragraph, the item's letter as the point when the paragraph has several. */
function levelReference(criterion: Criterion, level: CriterionLevel, item: CriterionItem, levelName: string): RuleReference {
  if (!level.reference) return { document: criterion.reference.document, article: `Tiêu chí ${criterion.id}`, clause: levelName, point: item.id };
  const ref: RuleReference = { document: level.reference.document ?? criterion.reference.document, article: level.reference.article };
  if (level.reference.clause) ref.clause = level.reference.clause;
  if (level.items.length > 1) ref.point = `điểm ${item.id}`;
  return ref;
}

function windows(criterion: Criterion, level: CriterionLevel, item: CriterionItem): Pick<Rule, 'inForce' | 'notApplicable'> {
  const inForce = [criterion.inForce, level.inForce, item.in_force].filter((w): w is DateWindow => w !== undefined);
  const na = item.not_applicable === undefined ? [] : Array.isArray(item.not_applicable) ? item.not_applicable : [item.not_applicable];
  return { ...(inForce.length > 0 ? { inForce } : {}), ...(na.length > 0 ? { notApplicable: na as NotApplicableWindow[] } : {}) };
}

/** `{ type: self_rated }` inside an item's check is the item's own rating. */
function filled(check: Check, self: { criterion: string; level: string; item: string }): Check {
  switch (check.type) {
    case 'self_rated':
      return { type: 'self_rated', ...self };
    case 'all':
    case 'any':
      return { ...check, checks: check.checks.map((c) => filled(c, self)) };
    case 'for_each':
    case 'each_year':
    case 'only_if':
      return { ...check, check: filled(check.check, self) };
    default:
      return check;
  }
}

/** A mixed item (numbers and a self-rated description): its check without the rating, for the contradiction with the rating. */
function dataCheckOf(check: Check | undefined, self: { criterion: string; level: string; item: string }): { dataCheck?: Check } {
  if (!check) return {};
  const stripped = withoutSelfRated(check);
  return stripped && stripped !== check ? { dataCheck: filled(stripped, self) } : {};
}

function withoutSelfRated(check: Check): Check | null {
  switch (check.type) {
    case 'self_rated':
      return null;
    case 'all':
    case 'any': {
      const checks = check.checks.map(withoutSelfRated).filter((c): c is Check => c !== null);
      if (checks.length === check.checks.length && checks.every((c, i) => c === check.checks[i])) return check;
      return checks.length === 0 ? null : checks.length === 1 ? checks[0]! : { ...check, checks };
    }
    default:
      return check;
  }
}
