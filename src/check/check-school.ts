import type { Diagnostic, EvidenceEntry, LevelId, OverlayChange, SchoolProfileSummary, SchoolResult, SchoolType } from '../types.js';
import { applyWaivers } from '../config/apply-overlay.js';
import type { ChuanConfig } from '../config/load-config.js';
import type { FileSource } from '../load/file-source.js';
import { loadSchoolFolder, STANDARD_NUMBERS, type SchoolDocuments } from '../load/school-folder.js';
import { locate, type YamlFile, type YamlParser } from '../load/yaml-file.js';
import { profileSchemaId, standardSchemaId, type Validators } from '../validate/validators.js';
import { validateDocument } from '../validate/validate-document.js';
import { packForSchoolType } from '../engine/packs.js';
import type { RulePack, RuleSet } from '../engine/rule-types.js';
import { schoolYearRange, type EvalContext, type RecordEntry } from '../engine/context.js';
import { evaluatePack, type Locator } from '../engine/evaluate.js';
import { computeLevels, levelIndex } from '../engine/levels.js';
import { recognitionStatus } from '../engine/recognition.js';
import { checkEvidence } from '../evidence/check-evidence.js';
import { compareStrings } from '../discover/school-folders.js';

export interface CheckOptions {
  /** Reference date (YYYY-MM-DD) for the recognition cycle and "not in the future" checks; default today. */
  asOf?: string;
  /** Target level instead of the profile's muc_tieu. */
  level?: LevelId;
  ruleSet?: RuleSet;
  registry?: Validators;
  /** Waivers and the changes made to the rule set by the configuration (see config/apply-overlay). */
  config?: ChuanConfig;
  overlayChanges?: OverlayChange[];
  /**
   * `fast` (default) or `reference` (yaml's parseDocument for every file). Both give the same result;
   * the choice exists for the equivalence tests and for diagnosing a suspected parser difference.
   */
  yamlParser?: YamlParser;
}

/** Check options with the rule set and the validators in hand (checkSchool finds them on disk). */
export type PreparedCheck = CheckOptions & Required<Pick<CheckOptions, 'ruleSet' | 'registry'>>;

/**
 * Checks one school folder through its file source: load, validate, evaluate, compute levels. Bad input
 * becomes diagnostics, never an exception. The same on disk (checkSchool) and in the page.
 */
export function checkSchoolFiles(files: FileSource, options: PreparedCheck): SchoolResult {
  const { registry, ruleSet } = options;
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const docs = loadSchoolFolder(files, options.yamlParser);
  const diagnostics = [...docs.diagnostics];

  const profileValue = validProfile(docs, registry, diagnostics);
  const profile = summarise(profileValue, files.name);
  const pack = profileValue ? choosePack(ruleSet, docs.profile!, profileValue, diagnostics) : undefined;
  if (pack) {
    docs.standards.forEach((yaml, i) => {
      if (yaml) diagnostics.push(...validateDocument(registry, standardSchemaId(pack.id, i + 1), yaml));
    });
  }
  const target = options.level ?? profile.target;
  if (pack && target && levelIndex(pack, target) < 0) {
    diagnostics.push({
      code: 'profile/level',
      severity: 'error',
      location: docs.profile ? locate(docs.profile, ['muc_tieu']) : null,
      message: {
        vi: `mức đích "${target}" không có trong ${pack.circular}; chọn một trong: ${pack.levels.map((l) => l.id).join(', ')}`,
        en: `target level "${target}" does not exist in ${pack.circular}; use one of: ${pack.levels.map((l) => l.id).join(', ')}`,
      },
    });
  }
  const base: SchoolResult = {
    dir: docs.dir,
    profile: { ...profile, target: target ?? null },
    packId: pack?.id ?? null,
    outcome: 'invalid',
    diagnostics,
    findings: [],
    levels: [],
    reached: null,
    recognition: pack && profileValue ? recognitionStatus(profileValue, pack, asOf) : null,
    evidence: [],
    adjustments: (options.overlayChanges ?? []).filter((c) => c.pack !== undefined && c.pack === pack?.id),
  };
  if (!pack || !profileValue || diagnostics.some((d) => d.severity === 'error')) {
    return { ...base, diagnostics: sortDiagnostics(diagnostics) };
  }

  const roots: Record<string, YamlFile | undefined> = { truong: docs.profile! };
  docs.standards.forEach((yaml, i) => (roots[`tc${i + 1}`] = yaml ?? undefined));
  const locateRef: Locator = (ref) => {
    const yaml = ref ? roots[ref.root] : undefined;
    return yaml && ref ? locate(yaml, ref.path) : null;
  };
  const ctx: EvalContext = { roots, schoolYear: schoolYearRange(profileValue['nam_hoc'], pack.schoolYearStart), records: collectRecords(docs) };
  const evaluated = evaluatePack(pack, ctx, locateRef);
  const evidenceDiagnostics = checkEvidence({ files, standards: docs.standards, pack, schoolYear: ctx.schoolYear, namHoc: profile.schoolYear, asOf });
  const waived = options.config
    ? applyWaivers(evaluated.findings, options.config, { code: profile.code, folder: files.name }, asOf)
    : { findings: evaluated.findings, changes: [] };
  const { findings } = waived;
  const remarks = evaluated.remarks;
  const { levels, reached } = computeLevels(pack, findings);
  const reachedTarget = target !== null && levelIndex(pack, reached) >= levelIndex(pack, target);
  return {
    ...base,
    outcome: reachedTarget ? 'reached' : 'not_reached',
    diagnostics: sortDiagnostics([...diagnostics, ...remarks, ...evidenceDiagnostics]),
    findings,
    levels,
    reached,
    evidence: collectEvidence(docs),
    adjustments: [...base.adjustments, ...waived.changes],
  };
}

function validProfile(docs: SchoolDocuments, registry: Validators, diagnostics: Diagnostic[]): Record<string, unknown> | null {
  if (!docs.profile) return null;
  const problems = validateDocument(registry, profileSchemaId, docs.profile);
  diagnostics.push(...problems);
  return problems.length === 0 ? (docs.profile.value as Record<string, unknown>) : null;
}

function choosePack(set: RuleSet, yaml: YamlFile, profile: Record<string, unknown>, diagnostics: Diagnostic[]): RulePack | undefined {
  const pack = packForSchoolType(set, profile['cap_hoc'] as string);
  if (!pack) {
    diagnostics.push({
      code: 'profile/no-pack',
      severity: 'error',
      location: locate(yaml, ['cap_hoc']),
      message: { vi: `chưa có bộ quy tắc cho cấp học "${String(profile['cap_hoc'])}"`, en: `no rule pack for school type "${String(profile['cap_hoc'])}"` },
    });
  }
  return pack;
}

function summarise(profile: Record<string, unknown> | null, folderName: string): SchoolProfileSummary {
  const text = (key: string): string | null => (typeof profile?.[key] === 'string' ? (profile[key] as string) : null);
  return {
    name: text('ten_truong') ?? folderName,
    code: text('ma_truong'),
    schoolType: text('cap_hoc') as SchoolType | null,
    province: text('tinh'),
    commune: text('xa'),
    schoolYear: text('nam_hoc'),
    target: text('muc_tieu') as LevelId | null,
  };
}

function collectRecords(docs: SchoolDocuments): RecordEntry[] {
  const records: RecordEntry[] = [];
  docs.standards.forEach((yaml, i) => {
    const list = (yaml?.value as { ho_so?: Record<string, unknown>[] } | null)?.ho_so ?? [];
    list.forEach((entry, index) => {
      records.push({
        type: entry['loai'] as string,
        date: typeof entry['ngay'] === 'string' ? entry['ngay'] : null,
        validUntil: typeof entry['hieu_luc_den'] === 'string' ? entry['hieu_luc_den'] : null,
        conclusion: entry['co_ket_luan'] === true,
        ref: { root: `tc${i + 1}`, path: ['ho_so', index] },
      });
    });
  });
  return records;
}

function collectEvidence(docs: SchoolDocuments): EvidenceEntry[] {
  return docs.standards.flatMap((yaml) => {
    const list = (yaml?.value as { minh_chung?: Record<string, unknown>[] } | null)?.minh_chung ?? [];
    return list.map((entry) => ({
      code: String(entry['ma']),
      title: String(entry['ten']),
      criteria: Array.isArray(entry['tieu_chi']) ? entry['tieu_chi'].map(String) : [],
    }));
  });
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    compareStrings(a.location?.file ?? '', b.location?.file ?? '') || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
}

export { STANDARD_NUMBERS };
