import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openRuleSet, packForSchoolType } from '../engine/load-rules.js';
import { packsNamed } from '../engine/packs.js';
import { criteriaTemplate } from './criteria-template.js';
import type { Check, Condition, RulePack, RuleSet } from '../engine/rule-types.js';
import { KnownError } from '../errors.js';
import { packCodeFormats } from '../evidence/codes.js';
import { requiredRecordTypes } from '../evidence/required-records.js';
import { PROFILE_FILE, standardFileName } from '../load/school-folder.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import type { LevelId, SchoolType } from '../types.js';
import { isSchoolYear } from '../validate/formats.js';
import { PLACEHOLDER } from '../validate/written-values.js';
import { profileSchemaId, standardSchemaId } from '../validate/schemas.js';
import { editorSchemaFile, editorSchemaName } from './editor-schemas.js';
import { dereference, loadSchemaDocuments, type SchemaNode } from './schema-deref.js';
import { renderTemplate, type ActiveValue } from './template.js';

export const SCHOOL_TYPES: SchoolType[] = ['mam_non', 'tieu_hoc', 'thcs', 'thpt', 'nhieu_cap'];
const AREAS = ['thanh_thi', 'nong_thon', 'mien_nui', 'dac_biet_kho_khan'];
/** Non-urban areas carry the larger area norms: a default that can only make an area indicator harder, never easier. */
const DEFAULT_AREA = 'nong_thon';

export interface InitOptions {
  /** mam-non | tieu-hoc | thcs | thpt | nhieu-cap (or with underscores). */
  cap: string;
  level?: string;
  /** School year under review, e.g. 2025-2026; default: the current one. */
  namHoc?: string;
  ten?: string;
  tinh?: string;
  khuVuc?: string;
  /** The circular to report under (e.g. 57/2026); default: the pack of the school type for folders naming none. */
  circular?: string;
  /**
   * A multi-level school under a pack that rates each level apart: the levels it teaches ("thcs,thpt",
   * "tieu-hoc,thcs"); default thcs and thpt.
   */
  cacCap?: string;
  /** Today's date (YYYY-MM-DD), for the default school year. */
  today?: string;
  ruleSet?: RuleSet;
}

export interface InitFile {
  file: string;
  content: string;
}

export interface InitResult {
  dir: string;
  pack: RulePack;
  files: string[];
}

/**
 * `chuan init`: a new school folder with truong.yaml and the five standard files, generated from the schemas.
 * Never overwrites: every target is checked before anything is written, and a folder inside an existing school
 * folder is refused. Each file is written atomically.
 */
export function initSchool(dirArg: string, options: InitOptions, cwd: string = process.cwd()): InitResult {
  const dir = path.resolve(cwd, dirArg);
  const { pack, files } = schoolFiles(dir, options);
  assertWritable(dir, files.map((f) => f.file));
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new KnownError({ vi: `không tạo được thư mục ${dir} (${code})`, en: `cannot create folder ${dir} (${code})` });
  }
  for (const f of files) writeFileAtomic(f.file, f.content);
  return { dir, pack, files: files.map((f) => f.file) };
}

/** The six files of a new school folder at `dir` (absolute), without touching the disk. */
export function schoolFiles(dir: string, options: InitOptions): { pack: RulePack; files: InitFile[] } {
  const ruleSet = options.ruleSet ?? openRuleSet();
  const cap = options.cap.replaceAll('-', '_');
  if (!SCHOOL_TYPES.includes(cap as SchoolType)) {
    throw new KnownError({ vi: `--cap phải là một trong: mam-non, tieu-hoc, thcs, thpt, nhieu-cap (đang ghi "${options.cap}")`, en: `--cap must be one of: mam-non, tieu-hoc, thcs, thpt, nhieu-cap (got "${options.cap}")` });
  }
  const pack = options.circular !== undefined ? packsNamed(ruleSet, options.circular).find((p) => p.schoolTypes.includes(cap as SchoolType)) : packForSchoolType(ruleSet, cap);
  if (!pack && options.circular !== undefined) {
    throw new KnownError({ vi: `không có bộ quy tắc của thông tư "${options.circular}" cho cấp học ${cap}; xem: chuan rules`, en: `no rule pack of circular "${options.circular}" for school type ${cap}; see: chuan rules` });
  }
  if (!pack) throw new KnownError({ vi: `chưa có bộ quy tắc cho cấp học ${cap}`, en: `no rule pack for school type ${cap}` });
  const level = chooseLevel(pack, options.level);
  const namHoc = options.namHoc ?? currentSchoolYear(options.today ?? new Date().toISOString().slice(0, 10), pack.schoolYearStart);
  checkSchoolYear(namHoc);
  if (options.khuVuc !== undefined && !AREAS.includes(options.khuVuc.replaceAll('-', '_'))) {
    throw new KnownError({ vi: `--khu-vuc phải là một trong: ${AREAS.join(', ')} (đang ghi "${options.khuVuc}")`, en: `--khu-vuc must be one of: ${AREAS.join(', ')}` });
  }
  const docs = loadSchemaDocuments();
  const profile: Record<string, ActiveValue> = {
    ten_truong: options.ten ? { value: options.ten } : { value: `Trường ${PLACEHOLDER}`, comment: 'SỬA: ghi tên đầy đủ của trường' },
    cap_hoc: { value: cap },
    thong_tu: { value: pack.selection.names.find((n) => /^\d+\/\d{4}$/.test(n)) ?? pack.id },
    tinh: options.tinh ? { value: options.tinh } : { value: PLACEHOLDER, comment: 'SỬA: ghi tỉnh/thành phố' },
    khu_vuc: options.khuVuc
      ? { value: options.khuVuc.replaceAll('-', '_') }
      : { value: DEFAULT_AREA, comment: `KIỂM TRA: ${AREAS.join(' | ')}` },
    nam_hoc: { value: namHoc },
    muc_tieu: { value: level, comment: pack.levels.map((l) => l.id).join(' | ') },
  };
  const parts = schoolParts(pack, cap, options.cacCap);
  if (parts.length > 0) profile['cac_cap_hoc'] = { value: parts, comment: `KIỂM TRA: các cấp học của trường, chọn trong ${PARTS.join(', ')}` };
  // A yes/no fact of the profile that some threshold depends on: written out, so that it is answered rather than missed.
  for (const flag of profileFlags(pack)) profile[flag] = { value: false, comment: 'KIỂM TRA: true hoặc false (một số ngưỡng phụ thuộc mục này)' };
  const files: InitFile[] = [
    {
      file: path.join(dir, PROFILE_FILE),
      content: renderTemplate({
        modeline: modeline(dir, editorSchemaName(null)),
        header: header(dereference(profileSchemaId, docs), pack),
        schema: dereference(profileSchemaId, docs),
        values: profile,
      }),
    },
    ...pack.standardNumbers.map((n) => {
      if (pack.levelModel.kind !== 'rule_cumulative') return { file: path.join(dir, standardFileName(n)), content: criteriaTemplate(pack, n, modeline(dir, editorSchemaName(pack.id, n)), namHoc, parts) };
      const schema = dereference(standardSchemaId(pack.id, n), docs);
      return {
        file: path.join(dir, standardFileName(n)),
        content: renderTemplate({
          modeline: modeline(dir, editorSchemaName(pack.id, n)),
          header: header(schema, pack),
          schema,
          values: { tieu_chuan: { value: n } },
          notes: standardNotes(pack, n, ruleSet),
        }),
      };
    }),
  ];
  return { pack, files };
}

const PARTS = ['tieu_hoc', 'thcs', 'thpt'];
const DEFAULT_PARTS = ['thcs', 'thpt'];

/** The levels of a multi-level school that rate the criteria apart (none for another school or pack). */
function schoolParts(pack: RulePack, cap: string, given: string | undefined): string[] {
  const multi = pack.levelModel.kind !== 'rule_cumulative' && pack.levelModel.multiLevel !== undefined;
  if (!multi || cap !== 'nhieu_cap') {
    if (given !== undefined) throw new KnownError({ vi: '--cac-cap chỉ dùng cho trường nhiều cấp học (--cap nhieu-cap) theo thông tư đánh giá riêng từng cấp', en: '--cac-cap is only for a multi-level school (--cap nhieu-cap) under a circular that rates each level apart' });
    return [];
  }
  if (given === undefined) return DEFAULT_PARTS;
  const parts = [...new Set(given.split(',').map((p) => p.trim().replaceAll('-', '_')).filter((p) => p !== ''))];
  const wrong = parts.filter((p) => !PARTS.includes(p));
  if (wrong.length > 0 || parts.length < 2) {
    throw new KnownError({ vi: `--cac-cap phải liệt kê ít nhất hai cấp trong: tieu-hoc, thcs, thpt, cách nhau bằng dấu phẩy (đang ghi "${given}")`, en: `--cac-cap must list at least two of: tieu-hoc, thcs, thpt, comma-separated (got "${given}")` });
  }
  return PARTS.filter((p) => parts.includes(p));
}

/** Profile flags (truong.<x> compared with true or false) that the pack's situational thresholds (only_if) read. */
function profileFlags(pack: RulePack): string[] {
  const flags = new Set<string>();
  const visit = (c: Condition) => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if (c.path.startsWith('truong.') && typeof c.equals === 'boolean') flags.add(c.path.slice('truong.'.length));
  };
  const walk = (check: Check) => {
    if (check.type === 'only_if') visit(check.condition);
    if (check.type === 'all' || check.type === 'any') check.checks.forEach(walk);
    if (check.type === 'for_each' || check.type === 'each_year' || check.type === 'only_if') walk(check.check);
  };
  for (const rule of pack.rules) for (const c of [rule.check, ...(rule.versions ?? []).map((v) => v.check)]) walk(c);
  return [...flags].sort();
}

function header(schema: SchemaNode, pack: RulePack): string[] {
  return [
    `${schema.title ?? ''} — tạo bằng chuan init, căn cứ Thông tư ${pack.circular}.`,
    'Mỗi mục có chú thích tiếng Việt. Mục chưa khai còn dấu # ở đầu dòng: bỏ dấu # (VS Code: chọn các dòng, nhấn Ctrl+/) rồi ghi số liệu. Ghi số đếm, không ghi phần trăm. Mục chưa khai được báo là "chưa đủ dữ liệu", không bao giờ là "đạt".',
  ];
}

/** Above ho_so: the records this standard's rules look for; above minh_chung: the evidence-code form of the circular. */
function standardNotes(pack: RulePack, standard: number, ruleSet: RuleSet): Record<string, string[]> {
  const records = [...requiredRecordTypes(pack, standard).keys()];
  const names = records.map((type) => `${type} (${ruleSet.vocabulary.records[type]?.vi ?? type})`);
  const formats = packCodeFormats(pack);
  return {
    ho_so: records.length > 0 ? [`Các loại hồ sơ mà quy tắc của tiêu chuẩn ${standard} tìm (tìm trong ho_so của cả năm tệp, mỗi văn bản khai một lần): ${names.join('; ')}.`] : [],
    minh_chung: formats.map((f) => `Mã minh chứng dạng ${f.shape}, ví dụ ${f.example(standard, 1)}: ${f.parts.vi}. Mỗi văn bản một mã, kể cả khi dùng cho nhiều tiêu chí (ghi các tiêu chí ở tieu_chi).`),
  };
}

/** The modeline path: relative to the school folder, with '/'; a file: URL when no relative path exists (another drive). */
export function modeline(dir: string, name: string): string {
  const target = editorSchemaFile(name);
  const rel = path.relative(dir, target);
  if (path.isAbsolute(rel)) return pathToFileURL(target).href;
  return rel.split(path.sep).join('/');
}

function chooseLevel(pack: RulePack, requested: string | undefined): LevelId {
  const ids = pack.levels.map((l) => l.id);
  if (requested === undefined) return (ids.find((id) => id !== 'toi_thieu') ?? ids[0])!;
  const level = requested.replaceAll('-', '_');
  if (!ids.includes(level as LevelId)) {
    throw new KnownError({ vi: `--level "${requested}" không có trong Thông tư ${pack.circular}; chọn một trong: ${ids.join(', ')}`, en: `--level "${requested}" does not exist in Circular ${pack.circular}; use one of: ${ids.join(', ')}` });
  }
  return level as LevelId;
}

/** "2025-2026" when today is on or after the pack's school-year start (08-01) in 2025, else "2024-2025". */
export function currentSchoolYear(today: string, startMonthDay: string): string {
  const year = Number(today.slice(0, 4));
  const first = today.slice(5) >= startMonthDay ? year : year - 1;
  return `${first}-${first + 1}`;
}

function checkSchoolYear(namHoc: string): void {
  if (!isSchoolYear(namHoc)) {
    throw new KnownError({ vi: `--nam-hoc phải có dạng 2025-2026 (hai năm liền nhau), đang ghi "${namHoc}"`, en: `--nam-hoc must look like 2025-2026 (consecutive years), got "${namHoc}"` });
  }
}

/** Refuses, before anything is written: a file in the way, any existing target, or a folder inside a school folder. */
function assertWritable(dir: string, targets: string[]): void {
  const existing = lstatOrNull(dir);
  if (existing && !existing.isDirectory()) {
    throw new KnownError({ vi: `${dir} đã có và không phải thư mục; chọn tên thư mục khác`, en: `${dir} exists and is not a folder; choose another name` });
  }
  const taken = targets.filter((t) => lstatOrNull(t) !== null);
  if (taken.length > 0) {
    throw new KnownError({
      vi: `không ghi đè: thư mục ${dir} đã có ${taken.map((t) => path.basename(t)).join(', ')}; không tệp nào được ghi. Chọn thư mục mới, hoặc tự xóa các tệp cũ nếu thật sự muốn tạo lại`,
      en: `refusing to overwrite: ${dir} already holds ${taken.map((t) => path.basename(t)).join(', ')}; nothing was written. Choose a new folder, or delete the old files yourself`,
    });
  }
  for (let parent = path.dirname(dir); ; parent = path.dirname(parent)) {
    if (lstatOrNull(path.join(parent, PROFILE_FILE))) {
      throw new KnownError({
        vi: `${dir} nằm trong thư mục trường ${parent} (có ${PROFILE_FILE}); mỗi trường một thư mục riêng, không lồng nhau. Chọn thư mục ở ngoài`,
        en: `${dir} is inside the school folder ${parent} (it holds ${PROFILE_FILE}); school folders do not nest. Choose a folder outside it`,
      });
    }
    if (path.dirname(parent) === parent) break;
  }
}

function lstatOrNull(file: string): fs.Stats | null {
  try {
    return fs.lstatSync(file);
  } catch {
    return null;
  }
}
