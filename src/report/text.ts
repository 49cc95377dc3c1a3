import type { Rule, RulePack, Vocabulary } from '../engine/rule-types.js';
import { versionOf } from '../engine/wordings.js';
import type { Diagnostic, Finding, FindingStatus, Lang, LevelId, LocalText, Measure, SourceLocation } from '../types.js';
import { tr, type FormatContext } from './context.js';
import { isAbsolutePath, relativePath } from './file-path.js';

/** Every sentence the reports print, in one place per language. */
export const words = {
  status: {
    met: { vi: 'đạt', en: 'met' },
    unmet: { vi: 'chưa đạt', en: 'unmet' },
    not_assessable: { vi: 'chưa đủ dữ liệu', en: 'not assessable' },
    not_applicable: { vi: 'không áp dụng', en: 'not applicable' },
    waived: { vi: 'được miễn', en: 'waived' },
    not_rated: { vi: 'chưa tự đánh giá', en: 'not rated yet' },
  } satisfies Record<FindingStatus, LocalText>,
  /** An unmet warning rule (district practice): advice, which does not decide the level. */
  advisory: { vi: 'khuyến nghị', en: 'advisory' },
  /** A rule's verification status (regulations/README.md), as `chuan rules` and `explain` print it. */
  verification: {
    confirmed: { vi: 'đã đối chiếu văn bản gốc', en: 'confirmed' },
    secondary: { vi: 'theo nguồn thứ cấp', en: 'secondary source' },
    unverified: { vi: 'chưa đối chiếu văn bản gốc', en: 'unverified' },
  },
  /** A rule's severity: an error decides the level, a warning is an advisory. */
  severity: {
    error: { vi: 'quyết định mức đạt', en: 'decides the level' },
    warning: { vi: 'khuyến nghị, không tính vào mức đạt', en: 'advisory, not counted towards the level' },
  },
  unverified: { vi: 'ngưỡng chưa đối chiếu văn bản gốc', en: 'threshold not yet checked against the official text' },
  noLevel: { vi: 'chưa đạt mức nào', en: 'no level reached' },
  yes: { vi: 'có', en: 'yes' },
  no: { vi: 'không', en: 'no' },
  missing: { vi: 'thiếu', en: 'missing' },
  invalid: { vi: 'không kiểm tra được (dữ liệu lỗi)', en: 'could not be checked (invalid input)' },
  schoolType: {
    mam_non: { vi: 'Mầm non', en: 'Preschool' },
    tieu_hoc: { vi: 'Tiểu học', en: 'Primary' },
    thcs: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
    thpt: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
    nhieu_cap: { vi: 'Phổ thông nhiều cấp học', en: 'Multi-level school' },
  } as Record<string, LocalText>,
} as const;

/** "1 school", "3 schools" in English; Vietnamese nouns do not change ("1 trường", "3 trường"). */
export function plural(n: number, one: string, many: string, lang: Lang): string {
  return `${n} ${lang === 'en' && n !== 1 ? many : one}`;
}

export function schoolTypeName(type: string | null, lang: Lang): string {
  return type ? (words.schoolType[type]?.[lang] ?? type) : '';
}

/** One decimal, rounded towards the failing side so a displayed value never contradicts the verdict. */
export function num(value: number, lang: Lang, round: 'down' | 'up' | 'nearest' = 'nearest'): string {
  const scaled = value * 10;
  const r = round === 'down' ? Math.floor(scaled + 1e-9) : round === 'up' ? Math.ceil(scaled - 1e-9) : Math.round(scaled);
  // A batch formats the same few numbers again and again: remember them (bounded). Zero is left out: -0 formats as "-0".
  if (r === 0) return numberFormats[lang].format(r / 10);
  const cache = formatted[lang];
  let text = cache.get(r);
  if (text === undefined) {
    if (cache.size >= 4096) cache.clear();
    text = numberFormats[lang].format(r / 10);
    cache.set(r, text);
  }
  return text;
}

const formatted: Record<Lang, Map<number, string>> = { vi: new Map(), en: new Map() };

/** Built once: constructing an Intl.NumberFormat costs more than formatting a whole finding. */
const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

const opText = (op: '>=' | '<='): string => (op === '>=' ? '≥' : '≤');
const roundFor = (op: '>=' | '<='): 'down' | 'up' => (op === '>=' ? 'down' : 'up');

/**
 * What was measured. Machine formats (`human` false) round towards the failing side, as they always have;
 * human reports round half-up to one decimal and give one more decimal whenever rounding would make the
 * value look equal to or across its threshold (numberAgainst), and name enumerated values in words.
 */
export function measuredText(measure: Measure, lang: Lang, unit: LocalText | undefined, vocabulary: Vocabulary, human = false): string {
  switch (measure.kind) {
    case 'rate': {
      const shown = human ? numberAgainst(measure.percent, measure.threshold, lang, { n: measure.numerator * 100, d: measure.denominator }) : num(measure.percent, lang, roundFor(measure.op));
      return `${shown} % (${measure.numerator}/${measure.denominator})`;
    }
    case 'ratio': {
      const shown = human ? numberAgainst(measure.value, measure.threshold, lang, { n: measure.numerator, d: measure.denominator }) : num(measure.value, lang, roundFor(measure.op));
      return `${shown} ${unitPer(unit, measure.per, lang, shown, vocabulary)} (${num(measure.numerator, lang)}/${num(measure.denominator, lang)})`;
    }
    case 'value':
    case 'count': {
      const shown = human ? numberAgainst(measure.value, measure.threshold, lang) : num(measure.value, lang);
      return `${shown}${unit ? ` ${unitText(unit, shown, lang, vocabulary)}` : ''}`;
    }
    case 'flag':
      return valueText(measure.value, lang, human ? vocabulary : undefined);
    case 'records':
      return measure.missing.length === 0
        ? tr(words.status.met, lang)
        : `${tr(words.missing, lang)}: ${measure.missing.map((r) => recordName(r, vocabulary, lang)).join('; ')}`;
  }
}

export function requiredText(measure: Measure, lang: Lang, unit: LocalText | undefined, vocabulary: Vocabulary, human = false): string {
  switch (measure.kind) {
    case 'rate':
      return `${opText(measure.op)} ${num(measure.threshold, lang)} %`;
    case 'ratio':
      return `${opText(measure.op)} ${num(measure.threshold, lang)} ${unitPer(unit, measure.per, lang, num(measure.threshold, lang), vocabulary)}`;
    case 'value':
    case 'count':
      return `${opText(measure.op)} ${num(measure.threshold, lang)}${unit ? ` ${unitText(unit, num(measure.threshold, lang), lang, vocabulary)}` : ''}`;
    case 'flag':
      return measure.expected.map((v) => valueText(v, lang, human ? vocabulary : undefined)).join(lang === 'vi' ? ' hoặc ' : ' or ');
    case 'records':
      return measure.required.map((r) => recordName(r, vocabulary, lang)).join('; ');
  }
}

/** A value = n / d, when both are known: rounding is then exact, whatever binary floating point makes of n / d. */
export interface Fraction {
  n: number;
  d: number;
}

/**
 * A measured number as a human report prints it: rounded half-up to one decimal, with one more decimal
 * (up to six) as long as the rounded value would look equal to its threshold or on its other side:
 * 21/22 = 95,4545… % prints 95,5 % against 95 % but 95,45 % against 95,5 %; 84,96 prints 84,96 against 85.
 */
export function numberAgainst(value: number, threshold: number, lang: Lang, exact?: Fraction): string {
  const useExact = exact !== undefined && isExact(exact);
  const side = useExact ? Math.sign(exact.n - threshold * exact.d) : Math.sign(value - threshold);
  let digits = 1;
  let scaled = halfUp(value, digits, useExact ? exact : undefined);
  while (digits < 6 && Math.sign(scaled / 10 ** digits - threshold) !== side) {
    digits += 1;
    scaled = halfUp(value, digits, useExact ? exact : undefined);
  }
  return formatScaled(scaled, digits, lang);
}

/** A figure with no threshold to compare with (a criterion's indicators): half-up to one decimal. */
export function figureText(value: number, lang: Lang): string {
  return formatScaled(halfUp(value, 1), 1, lang);
}

/** Half-up rounding to `digits` decimals, as an integer count of 10^-digits. */
export function halfUp(value: number, digits: number, exact?: Fraction): number {
  const p = 10 ** digits;
  // floor((2·n·p + d) / (2·d)) for n ≥ 0: exact while the integers stay below 2^53.
  if (exact && isExact(exact) && exact.n * p * 2 + exact.d < 2 ** 52) return Math.floor((2 * exact.n * p + exact.d) / (2 * exact.d));
  const sign = value < 0 ? -1 : 1;
  return sign * Math.floor(Number((Math.abs(value) * p).toPrecision(15)) + 0.5);
}

const isExact = (f: Fraction): boolean => Number.isInteger(f.n) && Number.isInteger(f.d) && f.n >= 0 && f.d > 0;

const scaledFormats = new Map<string, Intl.NumberFormat>();

function formatScaled(scaled: number, digits: number, lang: Lang): string {
  const key = `${lang}${digits}`;
  let format = scaledFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: digits });
    scaledFormats.set(key, format);
  }
  return format.format(scaled === 0 ? 0 : scaled / 10 ** digits);
}

/**
 * "cần thêm 3 giáo viên" / "vượt 2 học sinh" / "thiếu 420 m²", or null when there is no number to give. With
 * the vocabulary, English units agree with the number ("1 more teacher").
 */
export function gapText(finding: Finding, lang: Lang, vocabulary?: Vocabulary): string | null {
  if (finding.status !== 'unmet' || finding.gap === undefined || finding.gap <= 0 || !finding.measure) return null;
  const amount = num(finding.gap, lang, 'up');
  const unit = finding.unit ? ` ${unitText(finding.unit, amount, lang, vocabulary)}` : '';
  const over = 'op' in finding.measure && finding.measure.op === '<=';
  if (finding.measure.kind === 'rate') {
    const points = Math.abs(finding.measure.percent - finding.measure.threshold);
    const pts = num(points, lang, 'up');
    return over
      ? lang === 'vi' ? `vượt ${amount}${unit} (${pts} điểm %)` : `${amount}${unit} too many (${pts} points)`
      : lang === 'vi' ? `cần thêm ${amount}${unit} (thiếu ${pts} điểm %)` : `${amount} more${unit} needed (${pts} points short)`;
  }
  if (over) return lang === 'vi' ? `vượt ${amount}${unit}` : `${amount}${unit} over`;
  return lang === 'vi' ? `thiếu ${amount}${unit}` : `${amount}${unit} short`;
}

function unitPer(unit: LocalText | undefined, per: LocalText | undefined, lang: Lang, shown: string, vocabulary?: Vocabulary): string {
  return `${unit ? unitText(unit, shown, lang, vocabulary) : ''}${per ? `/${tr(per, lang)}` : ''}`.trim();
}

/**
 * A unit after a number as printed (`shown`): English takes the singular for "1" and the plural otherwise,
 * from vocabulary.yaml's english_units ("1 more teacher", "0 music rooms"); Vietnamese has one form.
 */
export function unitText(unit: LocalText, shown: string, lang: Lang, vocabulary?: Vocabulary): string {
  const text = tr(unit, lang);
  if (lang !== 'en' || !vocabulary || !Object.hasOwn(vocabulary.englishUnits, text)) return text;
  const [one, many] = vocabulary.englishUnits[text]!;
  return shown === '1' ? one : many;
}

/** yes/no for flags; an enumerated value by its display name when a vocabulary is given (human reports). */
function valueText(value: unknown, lang: Lang, vocabulary?: Vocabulary): string {
  if (value === true) return tr(words.yes, lang);
  if (value === false) return tr(words.no, lang);
  if (vocabulary && typeof value === 'string') {
    const name = vocabulary.values[value] ?? vocabulary.records[value] ?? vocabulary.rooms[value];
    if (name) return tr(name, lang);
  }
  return String(value);
}

export function recordName(type: string, vocabulary: Vocabulary, lang: Lang): string {
  return vocabulary.records[type]?.[lang] ?? type;
}

/** Fills {{placeholders}} of a remedy template with the finding's numbers, in the report's language. */
export function remedyText(rule: Rule, finding: Finding, ctx: FormatContext, human = false): string {
  const { lang } = ctx;
  const vocabulary = ctx.ruleSet.vocabulary;
  const m = finding.measure;
  const values: Record<string, string> = {
    measured: m ? measuredText(m, lang, finding.unit, vocabulary, human) : '',
    required: m ? requiredText(m, lang, finding.unit, vocabulary, human) : '',
    gap: finding.gap !== undefined ? num(finding.gap, lang, 'up') : '',
    // {{unit}} follows {{gap}} in the templates: it agrees with it.
    unit: finding.unit ? unitText(finding.unit, finding.gap !== undefined ? num(finding.gap, lang, 'up') : '', lang, vocabulary) : '',
    numerator: m && 'numerator' in m ? num(m.numerator, lang) : '',
    denominator: m && 'denominator' in m ? num(m.denominator, lang) : '',
    subject: finding.subject ?? '',
    missing: m?.kind === 'records' ? m.missing.map((r) => recordName(r, vocabulary, lang)).join('; ') : '',
    count: m && (m.kind === 'count' || m.kind === 'value') ? num(m.value, lang) : '',
  };
  // An amended item's remedy is that of the wording it was checked against.
  return interpolate(tr(versionOf(rule, finding.wording)?.remedy ?? rule.remedy, lang), values);
}

export const PLACEHOLDERS = ['measured', 'required', 'gap', 'unit', 'numerator', 'denominator', 'subject', 'missing', 'count'] as const;

/**
 * `{{gap}}` is the value; `{{gap|teacher|teachers}}` is the value and the noun that agrees with it ("1 teacher",
 * "3 teachers"), for English templates.
 */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string, one?: string, many?: string) => {
    const value = values[key];
    if (value === undefined) return whole;
    return one === undefined ? value : `${value} ${value === '1' ? one : many}`;
  });
}

/** {{key}} or {{key|singular|plural}}. */
export const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*(?:\|([^|{}]+)\|([^|{}]+))?\}\}/g;

export function referenceText(rule: Rule, pack: RulePack, lang: Lang): string {
  const doc = rule.reference.document ?? (lang === 'vi' ? `Thông tư ${pack.circular}` : `Circular ${pack.circular}`);
  const parts = [doc, rule.reference.article];
  if (rule.reference.clause) parts.push(rule.reference.clause);
  if (rule.reference.point) parts.push(rule.reference.point);
  return parts.join(', ');
}

export function levelName(pack: RulePack | undefined, level: LevelId | null, lang: Lang): string {
  if (level === null) return tr(words.noLevel, lang);
  const found = pack?.levels.find((l) => l.id === level);
  if (found) return tr(found.name, lang);
  // A recognition of the national standard under a pack whose own levels are the accreditation levels.
  const national = pack?.nationalStandard?.levels.find((l) => l.id === level);
  return national ? `${lang === 'vi' ? 'chuẩn quốc gia' : 'national standard'} ${tr(national.name, lang)}` : level;
}

/** A path relative to the working directory, with forward slashes; absolute when it lies outside. */
export function displayPath(file: string, cwd: string): string {
  const rel = relativePath(cwd, file);
  const shown = rel === '' ? '.' : rel.startsWith('..') && isAbsolutePath(file, cwd) ? file : rel;
  return /^[A-Za-z]:|^[\\/]{2}/.test(cwd) ? shown.split('\\').join('/') : shown;
}

export function locationText(location: SourceLocation | null, cwd: string): string {
  if (!location) return '';
  return `${displayPath(location.file, cwd)}:${location.line}:${location.column}`;
}

export function diagnosticText(d: Diagnostic, lang: Lang): string {
  return tr(d.message, lang);
}

/** dd/mm/yyyy, in every language: how the human reports print a date. */
export function dayMonthYear(iso: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/**
 * The date of an office document's place-date line (Nghị định 30/2020/NĐ-CP): "ngày 05 tháng 02 năm 2026",
 * a zero before days 1–9 and months 1 and 2 only; "15 June 2026" in English.
 */
export function documentDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (lang === 'en') return `${d} ${new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1))} ${y}`;
  return `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

/** dd/mm/yyyy for Vietnamese readers, ISO for English (machine formats; human reports use dayMonthYear). */
export function dateText(iso: string | null, lang: Lang): string {
  if (!iso) return '—';
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
