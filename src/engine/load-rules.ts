import fs from 'node:fs';
import path from 'node:path';
import { isRulePackError, RulePackError } from '../errors.js';
import { loadYamlPath } from '../load/disk-source.js';
import { locate, type YamlFile } from '../load/yaml-file.js';
import { rulesDir } from '../paths.js';
import type { Diagnostic, LocalText } from '../types.js';
import { SCHEMA_BASE, SchemaRegistry, type Validators } from '../validate/schemas.js';
import { validateDocument } from '../validate/validate-document.js';
import { deferPackBody, type PackBody } from './lazy-pack.js';
import { headerFile, preparedBody, readPrepared, type Prepared } from './prepared-packs.js';
import { loadCriteria } from './load-criteria.js';
import type { Amendment, Check, CriterionLevelModel, DeclaredCodeFormat, LevelModel, NationalStandard, PackStatement, ReportFormSpec, Rule, RulePack, RuleSet, SelfAssessmentParts, Vocabulary } from './rule-types.js';

export { packForSchoolType } from './packs.js';

const cache = new Map<string, RuleSet>();

/**
 * Every pack under rules/ with its rules, validated against the meta-schemas; any problem is a located
 * error (exit 2). For `chuan rules`, the catalogue, the page and the meta-tests; a check opens the packs
 * lazily (openRuleSet).
 */
export function loadRuleSet(dir: string = rulesDir, registry: Validators = SchemaRegistry.shared()): RuleSet {
  const set = openRuleSet(dir, registry);
  const diagnostics: Diagnostic[] = [];
  for (const pack of set.packs) {
    try {
      void pack.rules;
    } catch (error) {
      if (!isRulePackError(error)) throw error;
      diagnostics.push(...error.details);
    }
  }
  if (diagnostics.length > 0) throw packError(diagnostics);
  return set;
}

/**
 * Every pack's pack.yaml (validated), and the vocabulary; a pack's rule and criteria files are read and
 * validated the first time its rules are asked for (a school checked under it, a report naming one of its
 * rules), so a run compiles only the packs it needs. A problem in them is a RulePackError then.
 */
export function openRuleSet(dir: string = rulesDir, registry: Validators = SchemaRegistry.shared()): RuleSet {
  const cached = cache.get(dir);
  if (cached) return cached;
  const diagnostics: Diagnostic[] = [];
  // The package's own rules: their headers as validated at build time, while the files are unchanged.
  const prepared = path.resolve(dir) === path.resolve(rulesDir) ? readPrepared(dir) : null;
  const vocabulary = loadVocabulary(path.join(dir, 'vocabulary.yaml'), registry, diagnostics, prepared);
  const packs: RulePack[] = [];
  const seen = new Map<string, Rule>();
  for (const name of fs.readdirSync(dir).sort()) {
    const packDir = path.join(dir, name);
    if (!fs.statSync(packDir).isDirectory() || !fs.existsSync(path.join(packDir, 'pack.yaml'))) continue;
    const loaded = loadPackHeader(packDir, registry, diagnostics, prepared);
    if (!loaded) continue;
    const { pack, packYaml } = loaded;
    const header = { ...pack };
    deferPackBody(pack, () => {
      const body = preparedBody(prepared, pack.id);
      return body ? checkedBody(body, header, seen, packYaml) : loadPackBody(packDir, header, registry, seen, packYaml);
    });
    packs.push(pack);
  }
  if (diagnostics.length > 0) throw packError(diagnostics);
  const set = { packs, vocabulary };
  cache.set(dir, set);
  return set;
}

function packError(diagnostics: Diagnostic[]): RulePackError {
  return new RulePackError({ vi: `bộ quy tắc có ${diagnostics.length} lỗi`, en: `the rule pack has ${diagnostics.length} error(s)` }, diagnostics[0]!.location, diagnostics);
}

export const VOCABULARY_SCHEMA = `${SCHEMA_BASE}vocabulary.schema.json`;
export const PACK_SCHEMA = `${SCHEMA_BASE}pack.schema.json`;

function loadVocabulary(file: string, registry: Validators, diagnostics: Diagnostic[], prepared: Prepared | null): Vocabulary {
  const yaml = headerFile(prepared, file, VOCABULARY_SCHEMA, (d) => loadValidated(file, VOCABULARY_SCHEMA, registry, d), diagnostics);
  const value = (yaml?.value ?? {}) as Partial<Omit<Vocabulary, 'englishUnits'>> & { english_units?: [string, string][] };
  const englishUnits: Record<string, [string, string]> = {};
  for (const pair of value.english_units ?? []) for (const form of pair) englishUnits[form] = pair;
  return { records: value.records ?? {}, rooms: value.rooms ?? {}, values: value.values ?? {}, englishUnits };
}

function loadPackHeader(packDir: string, registry: Validators, diagnostics: Diagnostic[], prepared: Prepared | null): { pack: RulePack; packYaml: () => YamlFile } | null {
  const file = path.join(packDir, 'pack.yaml');
  const header = headerFile(prepared, file, PACK_SCHEMA, (d) => loadValidated(file, PACK_SCHEMA, registry, d), diagnostics);
  if (!header) return null;
  const packYaml = header.yaml;
  const raw = header.value as Record<string, unknown>;
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
    sharedRules: (raw['shared_rules'] ?? []) as string[],
    consistency: (raw['consistency'] ?? []) as RulePack['consistency'],
    rules: [],
    statements: [],
  };
  pack.sharedRules.forEach((name, index) => {
    const problem = !pack.itemIdPrefix
      ? { vi: `shared_rules cần item_id_prefix: mã quy tắc trong thư mục dùng chung được thêm tiền tố của bộ quy tắc`, en: `shared_rules needs item_id_prefix: the ids in a shared folder get the pack's prefix` }
      : !fs.existsSync(path.join(packDir, '..', name)) || !fs.statSync(path.join(packDir, '..', name)).isDirectory()
        ? { vi: `không có thư mục dùng chung rules/${name}`, en: `no shared folder rules/${name}` }
        : fs.existsSync(path.join(packDir, '..', name, 'pack.yaml'))
          ? { vi: `rules/${name} là một bộ quy tắc (có pack.yaml), không phải thư mục dùng chung`, en: `rules/${name} is a pack (it has a pack.yaml), not a shared folder` }
          : null;
    if (problem) diagnostics.push({ code: 'rules/shared', severity: 'error', message: problem, location: locate(packYaml(), ['shared_rules', index]) });
  });
  checkPackReferences(pack, raw, packYaml, diagnostics);
  return { pack, packYaml };
}

/** Where a pack's rule files sit: its own folder, then each shared folder, whose ids get the pack's prefix. */
interface RuleSource {
  dir: string;
  prefix: string;
}

const LEVEL_FILE = /^(tieu-chuan-[1-9]|cong-nhan)\.yaml$/;
export const STATEMENTS_FILE = 'chuyen-tiep.yaml';

/**
 * The pack's criteria files (criterion regimes), the rule files of each level folder and its statements,
 * from its own folder and its shared folders: a level's files in name order, the pack's before a shared
 * folder's of the same name. Ids unique across the packs loaded.
 */
function loadPackBody(packDir: string, header: RulePack, registry: Validators, seen: Map<string, Rule>, packYaml: () => YamlFile): PackBody {
  const diagnostics: Diagnostic[] = [];
  // A copy of the header takes the rules and criteria as they are read.
  const pack: RulePack = { ...header, rules: [], criteria: [], statements: [] };
  delete pack.schoolData;
  if (pack.levelModel.kind !== 'rule_cumulative') loadCriteria(packDir, pack, registry, diagnostics);
  const sources: RuleSource[] = [{ dir: packDir, prefix: '' }, ...pack.sharedRules.map((name) => ({ dir: path.join(packDir, '..', name), prefix: `${pack.itemIdPrefix}.` }))];
  for (const level of pack.levels) {
    const folder = level.id.replaceAll('_', '-');
    const files = sources.flatMap((source, order) => {
      const levelDir = path.join(source.dir, folder);
      return fs.existsSync(levelDir) ? fs.readdirSync(levelDir).filter((f) => LEVEL_FILE.test(f)).map((name) => ({ name, order, file: path.join(levelDir, name), prefix: source.prefix })) : [];
    });
    files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.order - b.order));
    for (const { name: file, file: full, prefix } of files) {
      const yaml = loadValidated(full, `${SCHEMA_BASE}rule.schema.json`, registry, diagnostics);
      if (!yaml) continue;
      // cong-nhan.yaml: conditions for national-standard recognition, standard 0, reported apart from the level.
      const standard = file === 'cong-nhan.yaml' ? 0 : Number(file.slice('tieu-chuan-'.length, -'.yaml'.length));
      (yaml.value as { rules: Omit<Rule, 'origin'>[] }).rules.forEach((raw, index) => {
        const rule = { ...raw, id: `${prefix}${raw.id}` };
        const origin = locate(yaml, ['rules', index]);
        const problem = rule.level !== level.id
          ? { vi: `quy tắc ${rule.id} có level ${rule.level} nhưng nằm trong thư mục ${folder}`, en: `rule ${rule.id} has level ${rule.level} but sits in folder ${folder}` }
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
  for (const source of sources) loadStatements(path.join(source.dir, STATEMENTS_FILE), source.prefix, pack, registry, diagnostics);
  if (trace) trace.folders.push(packDir, ...sources.slice(1).map((s) => s.dir), ...sources.flatMap((s) => pack.levels.map((l) => path.join(s.dir, l.id.replaceAll('_', '-')))));
  if (diagnostics.length > 0) throw packError(diagnostics);
  return checkedBody({ rules: pack.rules, criteria: pack.criteria, statements: pack.statements, schoolData: pack.schoolData }, header, seen, packYaml);
}

/** The checks across files of a body read (or prepared): condition rules named in pack.yaml, ids unique across the packs loaded. */
function checkedBody(body: PackBody, header: RulePack, seen: Map<string, Rule>, packYaml: () => YamlFile): PackBody {
  const diagnostics: Diagnostic[] = [];
  checkConditionRules({ ...header, ...body }, packYaml, diagnostics);
  checkUniqueIds([...body.rules, ...body.statements.map((s) => ({ id: s.id, origin: s.origin }) as Rule)], seen, diagnostics);
  if (diagnostics.length > 0) throw packError(diagnostics);
  for (const rule of body.rules) seen.set(rule.id, rule);
  return body;
}

/** Build time: what reading a pack's body reads (files with their schemas, folders looked into), and the body. */
export interface BodyTrace {
  files: { file: string; schemaId: string }[];
  folders: string[];
}

let trace: BodyTrace | null = null;

/** Build time: a pack's body read afresh from its files, with the trace of what was read. */
export function tracedPackBody(packDir: string, registry: Validators): { pack: RulePack; body: PackBody; trace: BodyTrace } | null {
  const diagnostics: Diagnostic[] = [];
  const loaded = loadPackHeader(packDir, registry, diagnostics, null);
  if (!loaded || diagnostics.length > 0) return null;
  trace = { files: [], folders: [] };
  try {
    const body = loadPackBody(packDir, { ...loaded.pack }, registry, new Map(), loaded.packYaml);
    return { pack: loaded.pack, body, trace };
  } catch (error) {
    if (isRulePackError(error)) return null;
    throw error;
  } finally {
    trace = null;
  }
}

function loadStatements(file: string, prefix: string, pack: RulePack, registry: Validators, diagnostics: Diagnostic[]): void {
  if (!fs.existsSync(file)) return;
  const yaml = loadValidated(file, `${SCHEMA_BASE}statement.schema.json`, registry, diagnostics);
  if (!yaml) return;
  (yaml.value as { statements: Omit<PackStatement, 'origin'>[] }).statements.forEach((raw, index) => {
    pack.statements.push({ ...raw, id: `${prefix}${raw.id}`, origin: locate(yaml, ['statements', index]) } as PackStatement);
  });
}

type RawParts = Omit<SelfAssessmentParts, 'standardConclusion'> & { standard_conclusion: LocalText };
type RawReportForm = Omit<ReportFormSpec, 'reviewMoments' | 'separateLevel' | 'parts'> & { review_moments?: ReportFormSpec['reviewMoments']; separate_level?: string; parts?: RawParts };

function reportForm(raw: string | RawReportForm): ReportFormSpec {
  if (typeof raw === 'string') return { form: raw };
  const { review_moments, separate_level, parts, ...rest } = raw;
  const named = parts ? (({ standard_conclusion, ...p }: RawParts): SelfAssessmentParts => ({ ...p, standardConclusion: standard_conclusion }))(parts) : null;
  return { ...rest, ...(review_moments ? { reviewMoments: review_moments } : {}), ...(separate_level ? { separateLevel: separate_level } : {}), ...(named ? { parts: named } : {}) };
}

/** What pack.yaml names must exist (read with the header): levels of the national-standard mapping, the code formats. */
function checkPackReferences(pack: RulePack, value: Record<string, unknown>, yaml: () => YamlFile, diagnostics: Diagnostic[]): void {
  const problem = (message: LocalText, at: (string | number)[]) => diagnostics.push({ code: 'rules/pack-reference', severity: 'error', message, location: locate(yaml(), at) });
  const ns = pack.nationalStandard;
  if (ns) {
    for (const [from, to] of Object.entries(ns.fromLevels)) {
      if (!pack.levels.some((l) => l.id === from)) problem({ vi: `national_standard.from_levels: mức ${from} không có trong levels`, en: `national_standard.from_levels: level ${from} is not in levels` }, ['national_standard', 'from_levels', from]);
      if (!ns.levels.some((l) => l.id === to)) problem({ vi: `national_standard.from_levels: ${to} không có trong national_standard.levels`, en: `national_standard.from_levels: ${to} is not in national_standard.levels` }, ['national_standard', 'from_levels', from]);
    }
  }
  const raw = value['evidence_code_formats'] as unknown[];
  raw.forEach((f, i) => {
    if (typeof f === 'string') return;
    const pattern = (f as DeclaredCodeFormat).pattern;
    try {
      new RegExp(pattern, 'u');
    } catch {
      problem({ vi: `evidence_code_formats: biểu thức "${pattern}" không hợp lệ`, en: `evidence_code_formats: "${pattern}" is not a valid regular expression` }, ['evidence_code_formats', i, 'pattern']);
    }
  });
  pack.reportForms.forEach((f, i) => {
    const levels = pack.levelModel.kind === 'rule_cumulative' ? [] : pack.levelModel.criterionLevels.map((l) => l.id);
    if (f.separateLevel && !levels.includes(f.separateLevel)) {
      problem({ vi: `report_forms: separate_level ${f.separateLevel} không phải mức của tiêu chí (level_model.criterion_levels)`, en: `report_forms: separate_level ${f.separateLevel} is not a criterion level (level_model.criterion_levels)` }, ['report_forms', i, 'separate_level']);
    }
  });
}

/** The national-standard conditions pack.yaml names are recognition rules of the pack (read with its rules). */
function checkConditionRules(pack: RulePack, yaml: () => YamlFile, diagnostics: Diagnostic[]): void {
  pack.nationalStandard?.conditions.forEach((c, i) => {
    if ('rule' in c && !pack.rules.some((r) => r.id === c.rule && r.scope === 'recognition')) {
      diagnostics.push({
        code: 'rules/pack-reference',
        severity: 'error',
        location: locate(yaml(), ['national_standard', 'conditions', i]),
        message: { vi: `national_standard.conditions: ${c.rule} không phải quy tắc điều kiện công nhận (cong-nhan.yaml) của bộ quy tắc`, en: `national_standard.conditions: ${c.rule} is not a recognition rule (cong-nhan.yaml) of this pack` },
      });
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
  trace?.files.push({ file, schemaId });
  const yaml = loadYamlPath(file, diagnostics);
  if (!yaml) return null;
  const problems = validateDocument(registry, schemaId, yaml);
  diagnostics.push(...problems);
  return problems.length === 0 ? yaml : null;
}

function checkUniqueIds(rules: Rule[], seen: Map<string, Rule>, diagnostics: Diagnostic[]): void {
  const mine = new Map<string, Rule>();
  for (const rule of rules) {
    const first = mine.get(rule.id) ?? seen.get(rule.id);
    if (first) {
      diagnostics.push({
        code: 'rules/duplicate-id',
        severity: 'error',
        location: rule.origin,
        message: { vi: `mã quy tắc ${rule.id} bị trùng (đã có ở ${first.origin.file}:${first.origin.line})`, en: `duplicate rule id ${rule.id} (first at ${first.origin.file}:${first.origin.line})` },
      });
    } else {
      mine.set(rule.id, rule);
    }
  }
}
