import path from 'node:path';
import type { YamlFile } from '../load/yaml-file.js';
import { locate } from '../load/yaml-file.js';
import type { Diagnostic, LocalText } from '../types.js';
import { SCHEMA_BASE, type Validators } from '../validate/schemas.js';
import type { Criterion, CriterionItem, CriterionLevelModel, Rule, RulePack, Wording } from './rule-types.js';
import { loadValidated } from './load-rules.js';
import { itemRuleId, latestText } from './wording.js';

type RawCriterion = Omit<Criterion, 'standard' | 'levels' | 'indicators' | 'mandatory' | 'evidenceHint' | 'origin'> & {
  mandatory?: boolean;
  levels: Record<string, { text: LocalText | Wording[]; items: CriterionItem[] }>;
  indicators?: Criterion['indicators'];
  evidence_hint?: LocalText;
};

/**
 * Criterion regimes keep their criteria in `rules/<pack>/tieu-chuan-N.yaml`: each item becomes one rule
 * (self-rated, or computed when it has a check), so every report, `chuan rules` and `explain` cover it.
 */
export function loadCriteria(packDir: string, pack: RulePack, registry: Validators, diagnostics: Diagnostic[]): void {
  const model = pack.levelModel as CriterionLevelModel;
  const levelIds = model.criterionLevels.map((l) => l.id);
  for (const standard of pack.standardNumbers) {
    const file = path.join(packDir, `tieu-chuan-${standard}.yaml`);
    const yaml = loadValidated(file, `${SCHEMA_BASE}criteria.schema.json`, registry, diagnostics);
    if (!yaml) continue;
    (yaml.value as { criteria: RawCriterion[] }).criteria.forEach((raw, index) => {
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
  return null;
}

function toCriterion(raw: RawCriterion, standard: number, levelIds: string[], origin: Criterion['origin']): Criterion {
  const levels = levelIds.filter((id) => raw.levels[id]).map((id) => ({ level: id, text: raw.levels[id]!.text, items: raw.levels[id]!.items }));
  return {
    id: raw.id,
    standard,
    name: raw.name,
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

export { itemRuleId, latestText, wordingAt } from './wording.js';

function itemRules(criterion: Criterion, pack: RulePack, model: CriterionLevelModel, yaml: YamlFile, index: number): Rule[] {
  const rules: Rule[] = [];
  for (const level of criterion.levels) {
    const spec = model.criterionLevels.find((l) => l.id === level.level)!;
    level.items.forEach((item, itemIndex) => {
      const id = itemRuleId(pack, criterion.id, spec.code, item.id);
      const origin = locate(yaml, ['criteria', index, 'levels', level.level, 'items', itemIndex]);
      const rule: Rule = {
        id,
        level: level.level,
        standard: criterion.standard,
        criterion: criterion.id,
        title: {
          vi: `${criterion.name.vi} — ${spec.name.vi}, yêu cầu ${item.id}`,
          en: `${criterion.name.en} — ${spec.name.en}, requirement ${item.id}`,
        },
        requirement: latestText(item.text),
        reference: { document: criterion.reference.document, article: `Tiêu chí ${criterion.id}`, clause: spec.name.vi, point: item.id },
        verification: item.verification ?? criterion.verification,
        source: item.source ?? criterion.source,
        severity: 'error',
        check: item.check ?? { type: 'self_rated', criterion: criterion.id, level: level.level, item: item.id },
        remedy: item.remedy,
        ...(item.when ? { when: item.when } : {}),
        ...(item.tags ? { tags: item.tags } : {}),
        item: { criterion: criterion.id, level: level.level, item: item.id, computed: item.check !== undefined },
        origin,
      };
      rules.push(rule);
      if (item.check) {
        rules.push({
          ...rule,
          id: `${id}.tu-danh-gia`,
          severity: 'warning',
          title: {
            vi: `Tự đánh giá khác kết quả tính từ số liệu — ${criterion.name.vi}, ${spec.name.vi}, yêu cầu ${item.id}`,
            en: `Self-rating differs from the computed result — ${criterion.name.en}, ${spec.name.en}, requirement ${item.id}`,
          },
          check: { type: 'self_rated', criterion: criterion.id, level: level.level, item: item.id },
          item: { ...rule.item!, conflictOf: id },
        });
      }
    });
  }
  return rules;
}
