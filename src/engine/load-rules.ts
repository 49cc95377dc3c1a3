import fs from 'node:fs';
import path from 'node:path';
import { KnownError } from '../errors.js';
import { loadYamlPath } from '../load/disk-source.js';
import { locate, type YamlFile } from '../load/yaml-file.js';
import { rulesDir } from '../paths.js';
import type { Diagnostic, LocalText } from '../types.js';
import { SCHEMA_BASE, SchemaRegistry, type Validators } from '../validate/schemas.js';
import { validateDocument } from '../validate/validate-document.js';
import { loadCriteria } from './load-criteria.js';
import type { Amendment, Check, CriterionLevelModel, DeclaredCodeFormat, LevelModel, NationalStandard, ReportFormSpec, Rule, RulePack, RuleSet, Vocabulary } from './rule-types.js';

export { packForSchoolType } from './packs.js';

const cache = new Map<string, RuleSet>();

/** Loads every pack under rules/, validated against its meta-schemas; any problem is a located error (exit 2). */
export function loadRuleSet(dir: string = rulesDir, registry: Validators = SchemaRegistry.shared()): RuleSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  const diagnostics: Diagnostic[] = [];
  const vocabulary = loadVocabulary(path.join(dir, 'vocabulary.yaml'), registry, diagnostics);
  const packs: RulePack[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    const packDir = path.join(dir, name);
    if (!fs.statSync(packDir).isDirectory() || !fs.existsSync(path.join(packDir, 'pack.yaml'))) continue;
    const pack = loadPack(packDir, registry, diagnostics);
    if (pack) packs.push(pack);
  }
  checkUniqueIds(packs, diagnostics);
  if (diagnostics.length > 0) {
    throw new KnownError({ vi: `bộ quy tắc có ${diagnostics.length} lỗi`, en: `the rule pack has ${diagnostics.length} error(s)` }, diagnostics[0]!.location, diagnostics);
  }
  const set = { packs, vocabulary };
  cache.set(dir, set);
  return set;
}

function loadVocabulary(file: string, registry: Validators, diagnostics: Diagnostic[]): Vocabulary {
  const yaml = loadValidated(file, `${SCHEMA_BASE}vocabulary.schema.json`, registry, diagnostics);
  const value = (yaml?.value ?? {}) as Partial<Omit<Vocabulary, 'englishUnits'>> & { english_units?: [string, string][] };
  const englishUnits: Record<string, [string, string]> = {};
  for (const pair of value.english_units ?? []) for (const form of pair) englishUnits[form] = pair;
  return { records: value.records ?? {}, rooms: value.rooms ?? {}, values: value.values ?? {}, englishUnits };
}

function loadPack(packDir: string, registry: Validators, diagnostics: Diagnostic[]): RulePack | null {
  const packYaml = loadValidated(path.join(packDir, 'pack.yaml'), `${SCHEMA_BASE}pack.schema.json`, registry, diagnostics);
  if (!packYaml) return null;
  const raw = packYaml.value as Record<string, unknown>;
  const pack: RulePack = {
    id: raw['id'] as string,
    circular: raw['circular'] as string,
    title: raw['title'] as LocalText,
    version: raw['version'] as string,
    ...(raw['in_force'] ? { inForce: raw['in_force'] as RulePack['inForce'] } : {}),
    schoolTypes: raw['school_types'] as RulePack['schoolTypes'],
    levels: raw['levels'] as RulePack['levels'],
    standards: raw['standards'] as RulePack['standards'],
    standardNumbers: Object.keys(raw['standards'] as object).map(Number).sort((a, b) => a - b),
    levelModel: levelModel(raw['level_model'] as RawLevelModel | undefined),
    criteria: [],
    selection: selection(raw),
    successors: (raw['successors'] ?? []) as RulePack['successors'],
    ...(raw['national_standard'] ? { nationalStandard: nationalStandard(raw['national_standard'] as RawNationalStandard) } : {}),
    amendments: (raw['amendments'] ?? []) as Amendment[],
    ...(raw['item_id_prefix'] ? { itemIdPrefix: raw['item_id_prefix'] as string } : {}),
    schoolYearStart: raw['school_year_start'] as string,
    recognition: raw['recognition'] as RulePack['recognition'],
    evidenceCodeFormats: (raw['evidence_code_formats'] as (string | DeclaredCodeFormat)[]).map((f) => (typeof f === 'string' ? f : f.id)),
    declaredCodeFormats: (raw['evidence_code_formats'] as (string | DeclaredCodeFormat)[]).filter((f): f is DeclaredCodeFormat => typeof f !== 'string'),
    reportForms: ((raw['report_forms'] ?? ['tu-ra-soat']) as (string | RawReportForm)[]).map(reportForm),
    notEncoded: (raw['not_encoded'] ?? []) as RulePack['notEncoded'],
    consistency: (raw['consistency'] ?? []) as RulePack['consistency'],
    rules: [],
  };
  if (pack.levelModel.kind !== 'rule_cumulative') loadCriteria(packDir, pack, registry, diagnostics);
  for (const level of pack.levels) {
    const levelDir = path.join(packDir, level.id.replaceAll('_', '-'));
    if (!fs.existsSync(levelDir)) continue;
    for (const file of fs.readdirSync(levelDir).filter((f) => /^(tieu-chuan-[1-9]|cong-nhan)\.yaml$/.test(f)).sort()) {
      const yaml = loadValidated(path.join(levelDir, file), `${SCHEMA_BASE}rule.schema.json`, registry, diagnostics);
      if (!yaml) continue;
      // cong-nhan.yaml: conditions for national-standard recognition, standard 0, reported apart from the level.
      const standard = file === 'cong-nhan.yaml' ? 0 : Number(file.slice('tieu-chuan-'.length, -'.yaml'.length));
      (yaml.value as { rules: Omit<Rule, 'origin'>[] }).rules.forEach((rule, index) => {
        const origin = locate(yaml, ['rules', index]);
        const problem = rule.level !== level.id
          ? { vi: `quy tắc ${rule.id} có level ${rule.level} nhưng nằm trong thư mục ${level.id.replaceAll('_', '-')}`, en: `rule ${rule.id} has level ${rule.level} but sits in folder ${level.id.replaceAll('_', '-')}` }
          : rule.standard !== standard
            ? { vi: `quy tắc ${rule.id} thuộc tiêu chuẩn ${rule.standard} nhưng nằm trong ${file}`, en: `rule ${rule.id} is for standard ${rule.standard} but sits in ${file}` }
            : (rule.standard === 0) !== (rule.scope === 'recognition')
              ? { vi: `quy tắc ${rule.id}: điều kiện công nhận (scope: recognition) nằm trong cong-nhan.yaml với standard 0, và chỉ ở đó`, en: `rule ${rule.id}: recognition conditions (scope: recognition) sit in cong-nhan.yaml with standard 0, and only there` }
              : null;
        const selfRated = !problem && containsCheck(rule.check, 'self_rated')
          ? { vi: `quy tắc ${rule.id}: check self_rated chỉ dùng trong tệp tiêu chí (tieu-chuan-N.yaml ở gốc bộ quy tắc)`, en: `rule ${rule.id}: a self_rated check belongs in a criteria file (tieu-chuan-N.yaml at the pack root) only` }
          : null;
        if (problem ?? selfRated) diagnostics.push({ code: 'rules/misplaced', severity: 'error', message: (problem ?? selfRated)!, location: origin });
        pack.rules.push({ ...rule, origin });
      });
    }
  }
  checkPackReferences(pack, packYaml, diagnostics);
  return pack;
}

type RawReportForm = Omit<ReportFormSpec, 'reviewMoments'> & { review_moments?: ReportFormSpec['reviewMoments'] };

function reportForm(raw: string | RawReportForm): ReportFormSpec {
  if (typeof raw === 'string') return { form: raw };
  const { review_moments, ...rest } = raw;
  return { ...rest, ...(review_moments ? { reviewMoments: review_moments } : {}) };
}

/** What pack.yaml names must exist: levels of the national-standard mapping, its condition rules, the code formats. */
function checkPackReferences(pack: RulePack, yaml: YamlFile, diagnostics: Diagnostic[]): void {
  const problem = (message: LocalText, at: (string | number)[]) => diagnostics.push({ code: 'rules/pack-reference', severity: 'error', message, location: locate(yaml, at) });
  const ns = pack.nationalStandard;
  if (ns) {
    for (const [from, to] of Object.entries(ns.fromLevels)) {
      if (!pack.levels.some((l) => l.id === from)) problem({ vi: `national_standard.from_levels: mức ${from} không có trong levels`, en: `national_standard.from_levels: level ${from} is not in levels` }, ['national_standard', 'from_levels', from]);
      if (!ns.levels.some((l) => l.id === to)) problem({ vi: `national_standard.from_levels: ${to} không có trong national_standard.levels`, en: `national_standard.from_levels: ${to} is not in national_standard.levels` }, ['national_standard', 'from_levels', from]);
    }
    ns.conditions.forEach((c, i) => {
      if ('rule' in c && !pack.rules.some((r) => r.id === c.rule && r.scope === 'recognition')) {
        problem({ vi: `national_standard.conditions: ${c.rule} không phải quy tắc điều kiện công nhận (cong-nhan.yaml) của bộ quy tắc`, en: `national_standard.conditions: ${c.rule} is not a recognition rule (cong-nhan.yaml) of this pack` }, ['national_standard', 'conditions', i]);
      }
    });
  }
  const raw = (yaml.value as Record<string, unknown>)['evidence_code_formats'] as unknown[];
  raw.forEach((f, i) => {
    if (typeof f === 'string') return;
    const pattern = (f as DeclaredCodeFormat).pattern;
    try {
      new RegExp(pattern, 'u');
    } catch {
      problem({ vi: `evidence_code_formats: biểu thức "${pattern}" không hợp lệ`, en: `evidence_code_formats: "${pattern}" is not a valid regular expression` }, ['evidence_code_formats', i, 'pattern']);
    }
  });
}

type RawNationalStandard = {
  levels: NationalStandard['levels'];
  from_levels: Record<string, string>;
  conditions?: NationalStandard['conditions'];
} & Pick<NationalStandard, 'reference' | 'verification' | 'source' | 'accreditation'>;

function nationalStandard(raw: RawNationalStandard): NationalStandard {
  const { from_levels, conditions, ...rest } = raw;
  return { ...rest, fromLevels: from_levels, conditions: conditions ?? [] };
}

/** Whether a check (or any check inside it) is of the given type. */
export function containsCheck(check: Check, type: Check['type']): boolean {
  if (check.type === type) return true;
  if (check.type === 'all' || check.type === 'any') return check.checks.some((c) => containsCheck(c, type));
  if (check.type === 'for_each' || check.type === 'each_year' || check.type === 'only_if') return containsCheck(check.check, type);
  return false;
}

type RawLevelModel =
  | { kind: 'rule_cumulative' }
  | (Omit<CriterionLevelModel, 'criterionLevels' | 'schoolLevels' | 'multiLevel'> & {
      criterion_levels: CriterionLevelModel['criterionLevels'];
      school_levels: CriterionLevelModel['schoolLevels'];
      multi_level?: CriterionLevelModel['multiLevel'];
    });

function levelModel(raw: RawLevelModel | undefined): LevelModel {
  if (!raw || raw.kind === 'rule_cumulative') return { kind: 'rule_cumulative' };
  const { criterion_levels, school_levels, multi_level, ...rest } = raw;
  return { ...rest, criterionLevels: criterion_levels, schoolLevels: school_levels, ...(multi_level ? { multiLevel: multi_level } : {}) };
}

/** "57/2026/TT-BGDĐT" is named "57/2026" or "57" in truong.yaml and on the command line, besides the pack id. */
function selection(raw: Record<string, unknown>): RulePack['selection'] {
  const given = (raw['selection'] ?? {}) as { names?: string[]; default?: boolean };
  const circular = String(raw['circular']);
  const short = /^(\d+\/\d{4})/.exec(circular)?.[1];
  const names = [String(raw['id']), circular, ...(short ? [short, short.split('/')[0]!] : []), ...(given.names ?? [])];
  return { names: [...new Set(names)], default: given.default ?? false };
}

export function loadValidated(file: string, schemaId: string, registry: Validators, diagnostics: Diagnostic[]): YamlFile | null {
  const yaml = loadYamlPath(file, diagnostics);
  if (!yaml) return null;
  const problems = validateDocument(registry, schemaId, yaml);
  diagnostics.push(...problems);
  return problems.length === 0 ? yaml : null;
}

function checkUniqueIds(packs: RulePack[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Rule>();
  for (const rule of packs.flatMap((p) => p.rules)) {
    const first = seen.get(rule.id);
    if (first) {
      diagnostics.push({
        code: 'rules/duplicate-id',
        severity: 'error',
        location: rule.origin,
        message: { vi: `mã quy tắc ${rule.id} bị trùng (đã có ở ${first.origin.file}:${first.origin.line})`, en: `duplicate rule id ${rule.id} (first at ${first.origin.file}:${first.origin.line})` },
      });
    } else {
      seen.set(rule.id, rule);
    }
  }
}
