import type { CouncilMember, CriterionResult, CriterionStatement, Diagnostic, EvidenceEntry, FiledRecord, ImprovementAction, LevelId, OverlayChange, PlanEntry, SchoolFiling, SchoolProfileSummary, SchoolResult, SchoolType } from '../types.js';
import { applyWaivers } from '../config/apply-overlay.js';
import type { ChuanConfig } from '../config/load-config.js';
import type { FileSource } from '../load/file-source.js';
import { loadProfile, loadStandards, PROFILE_FILE, standardFileName, STANDARD_NUMBERS, type SchoolDocuments } from '../load/school-folder.js';
import { explainMissingFiles } from '../load/near-miss.js';
import { locate, type YamlFile, type YamlParser } from '../load/yaml-file.js';
import { profileSchemaId, standardSchemaId, type Validators } from '../validate/validators.js';
import { validateDocument } from '../validate/validate-document.js';
import { writtenValueDiagnostics } from '../validate/written-values.js';
import { choosePack, type PackChoice } from '../engine/choose-pack.js';
import { computeCriterionLevels, type CriterionLevels } from '../engine/criterion-levels.js';
import { criterionReportData, type CriterionReportData } from '../engine/criterion-data.js';
import type { RulePack, RuleSet } from '../engine/rule-types.js';
import { schoolYearRange, wordingDate, type EvalContext, type RecordEntry } from '../engine/context.js';
import { evaluatePack, type Locator } from '../engine/evaluate.js';
import { consistencyRemarks } from '../engine/consistency.js';
import { computeLevels, levelIndex } from '../engine/levels.js';
import { recognitionStatus } from '../engine/recognition.js';
import { schoolStatements } from '../engine/statements.js';
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
  /** The circular to check under instead of truong.yaml's `thong_tu` (e.g. "57/2026"). */
  circular?: string;
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
  const diagnostics: Diagnostic[] = [];
  const profileYaml = loadProfile(files, diagnostics, options.yamlParser);
  const profileValue = validProfile(profileYaml, registry, diagnostics);
  const profile = summarise(profileValue, files.name);
  const choice = choosePack(ruleSet, plainObject(profileYaml?.value), asOf, options.circular);
  const pack = profileValue ? packOrProblem(choice, profileYaml!, profileValue, diagnostics) : undefined;
  const numbers = choice.pack?.standardNumbers ?? STANDARD_NUMBERS;
  const docs: SchoolDocuments = { dir: files.pathOf(''), files, profile: profileYaml, standards: loadStandards(files, numbers, diagnostics, options.yamlParser), diagnostics };
  // A file missing under its name but there under a near one (tieu-chuan-3.yml): named, with the rename.
  explainMissingFiles(files, [PROFILE_FILE, ...numbers.map(standardFileName)], diagnostics);
  if (pack) {
    docs.standards.forEach((yaml, i) => {
      if (yaml) diagnostics.push(...checkedDocument(validateDocument(registry, standardSchemaId(pack.id, numbers[i]!), yaml), yaml));
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
    ...(choice.notices.length > 0 && profileValue ? { notices: choice.notices } : {}),
    ...(profileValue ? { filing: filingOf(profileValue) } : {}),
    ...(profile.code !== null && docs.profile ? { codeAt: locate(docs.profile, ['ma_truong']) } : {}),
  };
  if (!pack || !profileValue || diagnostics.some((d) => d.severity === 'error')) {
    return { ...base, diagnostics: sortDiagnostics(diagnostics) };
  }

  const roots: Record<string, YamlFile | undefined> = { truong: docs.profile! };
  docs.standards.forEach((yaml, i) => (roots[`tc${numbers[i]}`] = yaml ?? undefined));
  const locateRef: Locator = (ref) => {
    const yaml = ref ? roots[ref.root] : undefined;
    return yaml && ref ? locate(yaml, ref.path) : null;
  };
  const ctx: EvalContext = { roots, schoolYear: schoolYearRange(profileValue['nam_hoc'], pack.schoolYearStart), records: collectRecords(docs, numbers), asOf };
  const criterionRegime = pack.levelModel.kind !== 'rule_cumulative';
  if (criterionRegime) ctx.date = wordingDate(asOf, ctx.schoolYear);
  const parts = criterionRegime ? schoolParts(pack, profileValue) : [undefined];
  if (criterionRegime) {
    ctx.evidenceCodes = new Set(collectEvidence(docs).map((e) => e.code));
    const named = parts.filter((p): p is string => p !== undefined);
    if (named.length > 0) ctx.parts = named;
  }
  const evaluated = evaluatePack(pack, ctx, locateRef);
  const evidenceDiagnostics = checkEvidence({ files, standards: docs.standards, pack, schoolYear: ctx.schoolYear, namHoc: profile.schoolYear, asOf });
  const waived = options.config
    ? applyWaivers(evaluated.findings, options.config, { code: profile.code, folder: files.name }, asOf)
    : { findings: evaluated.findings, changes: [] };
  const { findings } = waived;
  const remarks = [...evaluated.remarks, ...consistencyRemarks(pack, ctx, locateRef, ruleSet.vocabulary)];
  const levelled: CriterionLevels | undefined = criterionRegime ? computeCriterionLevels(pack, findings, parts, ctx.date) : undefined;
  const criteriaData = levelled ? criterionReportData(pack, roots, levelled.criteria, profile.schoolYear) : undefined;
  const { levels, reached } = levelled ?? computeLevels(pack, findings);
  const reachedTarget = target !== null && levelIndex(pack, reached) >= levelIndex(pack, target);
  const statements = schoolStatements(pack, base.recognition, ruleSet.vocabulary, asOf);
  return {
    ...base,
    outcome: reachedTarget ? 'reached' : 'not_reached',
    diagnostics: sortDiagnostics([...diagnostics, ...remarks, ...evidenceDiagnostics, ...(criteriaData?.remarks ?? [])]),
    findings,
    levels,
    reached,
    ...(levelled ? criterionFields(pack, levelled, criteriaData!, reached) : {}),
    ...(pack.amendments.length > 0 && ctx.date ? { wordingDate: ctx.date } : {}),
    evidence: collectEvidence(docs),
    adjustments: [...base.adjustments, ...waived.changes],
    ...(statements.length > 0 ? { statements } : {}),
    ...(levelled && base.filing ? { filing: { ...base.filing, statements: criterionStatements(roots, levelled.criteria), records: filedRecords(docs) } } : {}),
  };
}

function validProfile(profile: YamlFile | null, registry: Validators, diagnostics: Diagnostic[]): Record<string, unknown> | null {
  if (!profile) return null;
  const problems = validateDocument(registry, profileSchemaId, profile);
  diagnostics.push(...checkedDocument(problems, profile));
  return problems.length === 0 ? (profile.value as Record<string, unknown>) : null;
}

/** A file's schema errors, then the warnings about values it accepts but that may not mean what was meant. */
function checkedDocument(errors: Diagnostic[], yaml: YamlFile): Diagnostic[] {
  return [...errors, ...writtenValueDiagnostics(yaml, errors)];
}

function plainObject(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** Multi-level school under a pack that rates each part (cấp học) apart: its parts; otherwise the whole school. */
function schoolParts(pack: RulePack, profile: Record<string, unknown>): (string | undefined)[] {
  const multi = pack.levelModel.kind !== 'rule_cumulative' ? pack.levelModel.multiLevel : undefined;
  const listed = multi && profile['cap_hoc'] === 'nhieu_cap' ? profile[multi.parts_field] : undefined;
  return Array.isArray(listed) && listed.length > 0 ? listed.map(String) : [undefined];
}

function criterionFields(pack: RulePack, levelled: CriterionLevels, data: CriterionReportData, reached: LevelId | null): Partial<SchoolResult> {
  const out: Partial<SchoolResult> = { criteria: levelled.criteria, nationalStandard: reached ? (pack.nationalStandard?.fromLevels[reached] ?? null) : null, indicators: data.indicators };
  if (levelled.nextLevel) out.nextLevel = levelled.nextLevel;
  return out;
}

function packOrProblem(choice: PackChoice, yaml: YamlFile, profile: Record<string, unknown>, diagnostics: Diagnostic[]): RulePack | undefined {
  if (choice.problem) {
    diagnostics.push({ code: 'profile/no-pack', severity: 'error', location: locate(yaml, [choice.problem.field]), message: choice.problem.message });
  } else if (!choice.pack) {
    diagnostics.push({
      code: 'profile/no-pack',
      severity: 'error',
      location: locate(yaml, ['cap_hoc']),
      message: { vi: `chưa có bộ quy tắc cho cấp học "${String(profile['cap_hoc'])}"`, en: `no rule pack for school type "${String(profile['cap_hoc'])}"` },
    });
  }
  return choice.pack;
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

/** The letterhead, signatory and plan of the filed report, from a valid profile. */
function filingOf(profile: Record<string, unknown>): SchoolFiling {
  const report = (profile['bao_cao'] ?? {}) as Record<string, unknown>;
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  const signer = report['nguoi_ky'] as { chuc_vu: 'hieu_truong' | 'pho_hieu_truong'; ho_ten: string } | undefined;
  const plan = ((report['ke_hoach'] ?? []) as Record<string, unknown>[]).map((p): PlanEntry => ({
    criterion: String(p['tieu_chi']),
    owner: text(p['nguoi_thuc_hien']),
    due: text(p['thoi_han']),
    measure: text(p['bien_phap']),
  }));
  return {
    parent: text(report['co_quan_chu_quan']),
    abbreviation: text(report['ky_hieu']),
    place: text(report['dia_danh']) ?? placeOf(text(profile['xa'])),
    signer: signer ? { position: signer.chuc_vu, name: signer.ho_ten } : null,
    author: text(profile['nguoi_lap']),
    recipients: ((report['noi_nhan'] ?? []) as string[]).slice(),
    plan,
    council: ((profile['hoi_dong_tu_danh_gia'] ?? []) as Record<string, unknown>[]).map((m): CouncilMember => ({
      name: String(m['ho_ten']),
      position: text(m['chuc_vu']),
      role: String(m['nhiem_vu']),
    })),
  };
}

/** What the council wrote for each criterion (and part) it levelled: hien_trang, diem_manh, diem_yeu, cai_tien. */
function criterionStatements(roots: Record<string, YamlFile | undefined>, criteria: CriterionResult[]): CriterionStatement[] {
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return criteria.map((c) => {
    const file = roots[`tc${c.standard}`]?.value as Record<string, unknown> | undefined;
    const scope = (c.part ? (file?.['cap_hoc'] as Record<string, Record<string, unknown>> | undefined)?.[c.part] : file) as Record<string, unknown> | undefined;
    const entry = ((scope?.['tieu_chi'] ?? {}) as Record<string, Record<string, unknown> | undefined>)[c.criterion] ?? {};
    const actions = ((entry['cai_tien'] ?? []) as Record<string, unknown>[]).map((a): ImprovementAction => ({
      problem: text(a['van_de']),
      action: String(a['hoat_dong']),
      owner: text(a['nguoi_phu_trach']),
      timing: text(a['thoi_gian']),
      resources: text(a['nguon_luc']),
      expected: text(a['ket_qua_du_kien']),
    }));
    const statement: CriterionStatement = { criterion: c.criterion, currentState: text(entry['hien_trang']), strengths: text(entry['diem_manh']), weaknesses: text(entry['diem_yeu']), actions };
    if (c.part) statement.part = c.part;
    return statement;
  });
}

/** Every typed record (ho_so) of the standard files, as a filed report names it. */
function filedRecords(docs: SchoolDocuments): FiledRecord[] {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return docs.standards.flatMap((yaml) => ((yaml?.value as { ho_so?: Record<string, unknown>[] } | null)?.ho_so ?? []).map((entry): FiledRecord => ({
    type: String(entry['loai']),
    number: text(entry['so_hieu']),
    title: text(entry['ten']),
    date: text(entry['ngay']),
    evidence: text(entry['minh_chung']),
  })));
}

/** "Xã Mai Sao" -> "Mai Sao": the date line names the place without its administrative rank. */
function placeOf(commune: string | null): string | null {
  if (!commune) return null;
  const bare = commune.replace(/^(xã|phường|thị trấn|đặc khu|thị xã|thành phố)\s+/iu, '').trim();
  return bare === '' ? commune : bare;
}

function collectRecords(docs: SchoolDocuments, numbers: readonly number[]): RecordEntry[] {
  const records: RecordEntry[] = [];
  docs.standards.forEach((yaml, i) => {
    const list = (yaml?.value as { ho_so?: Record<string, unknown>[] } | null)?.ho_so ?? [];
    list.forEach((entry, index) => {
      records.push({
        type: entry['loai'] as string,
        date: typeof entry['ngay'] === 'string' ? entry['ngay'] : null,
        validUntil: typeof entry['hieu_luc_den'] === 'string' ? entry['hieu_luc_den'] : null,
        conclusion: entry['co_ket_luan'] === true,
        ref: { root: `tc${numbers[i]}`, path: ['ho_so', index] },
      });
    });
  });
  return records;
}

function collectEvidence(docs: SchoolDocuments): EvidenceEntry[] {
  return docs.standards.flatMap((yaml) => {
    const list = (yaml?.value as { minh_chung?: Record<string, unknown>[] } | null)?.minh_chung ?? [];
    return list.map((entry) => {
      const out: EvidenceEntry = { code: String(entry['ma']), title: String(entry['ten']), criteria: Array.isArray(entry['tieu_chi']) ? entry['tieu_chi'].map(String) : [] };
      if (typeof entry['so_ngay'] === 'string') out.issued = entry['so_ngay'];
      if (typeof entry['noi_ban_hanh'] === 'string') out.issuer = entry['noi_ban_hanh'];
      if (typeof entry['tep'] === 'string') out.file = entry['tep'];
      return out;
    });
  });
}

/** By file, line and column, as every report lists them. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) =>
    compareStrings(a.location?.file ?? '', b.location?.file ?? '') || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
}

/** The result of a school whose check failed unexpectedly: invalid, with one internal error (the batch goes on). */
export function failedResult(dir: string, name: string, reason: string): SchoolResult {
  return {
    dir,
    profile: { name, code: null, schoolType: null, province: null, commune: null, schoolYear: null, target: null },
    packId: null,
    outcome: 'invalid',
    diagnostics: [
      {
        code: 'internal/error',
        severity: 'error',
        location: null,
        message: {
          vi: `lỗi nội bộ khi kiểm tra trường này (${reason}); các trường khác vẫn được kiểm tra — hãy báo lỗi kèm thư mục này`,
          en: `internal error while checking this school (${reason}); the other schools were still checked — please report it with this folder`,
        },
      },
    ],
    findings: [],
    levels: [],
    reached: null,
    recognition: null,
    evidence: [],
    adjustments: [],
  };
}

export { STANDARD_NUMBERS };
