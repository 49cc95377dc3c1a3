// What every report form is made of: letterhead, signature, facts, the rule-pack line, one indicator in
// full, who and by when. A form (self-review.ts, and one module per further regime's form) puts these in
// its order; all of it is plain data (document/model.ts).
import type { RulePack } from '../../engine/rule-types.js';
import type { LocalText } from '../../types.js';
import type { Finding, Lang, PlanEntry, SchoolResult } from '../../types.js';
import { findPack, findRule, tr, type FormatContext } from '../context.js';
import { bold, code, inputText, italic, type Block, type Closing, type Inline, type Letterhead } from '../document/model.js';
import type { SchoolView } from '../summary.js';
import { dayMonthYear, documentDate, gapText, levelName, locationText, measuredText, recordName, referenceText, remedyText, requiredText, schoolTypeName, words } from '../text.js';
import { findingHints } from '../data-hints.js';
import { recognitionState } from '../formatters/recognition-lines.js';
import { versionOf } from '../../engine/wordings.js';

export const NATION: Record<Lang, [string, string]> = {
  vi: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
  en: ['SOCIALIST REPUBLIC OF VIET NAM', 'Independence - Freedom - Happiness'],
};

const upper = (text: string): string => text.toLocaleUpperCase('vi');

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * What every form starts with: the school's pack and year, the body, a numbered part heading ("I. …", or
 * with `prefix` "Phần I. …") and the circular's name for the opening sentence.
 */
export function formBody(result: SchoolResult, ctx: FormatContext, prefix?: LocalText): { pack: RulePack | undefined; year: string | null; body: Block[]; section: (vi: string, en: string) => void; circular: string } {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const pack = findPack(ctx.ruleSet, result.packId);
  const body: Block[] = [];
  let part = 0;
  const section = (textVi: string, textEn: string): void => {
    body.push({ kind: 'heading', level: 1, text: [`${prefix ? `${tr(prefix, lang)} ` : ''}${ROMAN[part++]}. ${vi ? textVi : textEn}`] });
  };
  const circular = pack ? `${vi ? 'Thông tư' : 'Circular'} ${pack.circular}` : vi ? 'thông tư áp dụng' : 'the applicable circular';
  return { pack, year: result.profile.schoolYear, body, section, circular };
}

/** Parent body, the school, "Số: …/BC-ABBR" and the place-date line (the as-of date). */
export function schoolLetterhead(result: SchoolResult, ctx: FormatContext, kind = 'BC'): Letterhead {
  const f = result.filing;
  const parent = f?.parent ?? ctx.config.header ?? null;
  const place = f?.place ?? result.profile.province ?? '…';
  return {
    parent: parent ? upper(parent) : null,
    issuer: upper(result.profile.name),
    number: `${ctx.lang === 'vi' ? 'Số' : 'No.'}:      /${kind}${f?.abbreviation ? `-${f.abbreviation}` : ''}`,
    placeDate: `${place}, ${documentDate(ctx.asOf, ctx.lang)}`,
  };
}

/** Nơi nhận and the signature block, from truong.yaml (bao_cao.nguoi_ky, else nguoi_lap "Họ tên, Chức vụ"). */
export function schoolClosing(result: SchoolResult, ctx: FormatContext): Closing {
  const vi = ctx.lang === 'vi';
  const f = result.filing;
  const principal = vi ? 'HIỆU TRƯỞNG' : 'PRINCIPAL';
  let position = [principal];
  let name: string | null = null;
  if (f?.signer) {
    name = f.signer.name;
    if (f.signer.position === 'pho_hieu_truong') position = [vi ? `KT. ${principal}` : `FOR THE ${principal}`, vi ? 'PHÓ HIỆU TRƯỞNG' : 'VICE-PRINCIPAL'];
  } else if (f?.author) {
    const comma = f.author.lastIndexOf(',');
    name = comma > 0 ? f.author.slice(0, comma).trim() : f.author.trim();
    if (comma > 0 && f.author.slice(comma + 1).trim() !== '') position = [upper(f.author.slice(comma + 1).trim())];
  }
  const recipients = f && f.recipients.length > 0 ? f.recipients : [...(ctx.config.office ? [vi ? 'Như trên' : 'As above'] : []), vi ? 'Lưu: VT' : 'File'];
  return {
    recipientsLabel: vi ? 'Nơi nhận:' : 'Recipients:',
    recipients: recipients.map((r, i) => `${r}${/[.;:]$/.test(r) ? '' : i === recipients.length - 1 ? '.' : ';'}`),
    position,
    signHint: vi ? '(Ký, ghi rõ họ tên, đóng dấu)' : '(Signature, full name, seal)',
    name,
  };
}

/** The facts table: school, code, type, circular, target, reached, recognition state, date. */
export function factsTable(result: SchoolResult, pack: RulePack | undefined, ctx: FormatContext): Block {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const p = result.profile;
  const rows: [string, string][] = [
    [vi ? 'Trường' : 'School', p.name],
    [vi ? 'Mã trường' : 'School code', p.code ?? '—'],
    [vi ? 'Cấp học' : 'School type', schoolTypeName(p.schoolType, lang) || '—'],
    [vi ? 'Căn cứ' : 'Regulation', pack ? `${vi ? 'Thông tư' : 'Circular'} ${pack.circular}` : '—'],
    [vi ? 'Mức đích' : 'Target level', levelName(pack, p.target, lang)],
    [vi ? 'Mức đạt được' : 'Level reached', result.outcome === 'invalid' ? tr(words.invalid, lang) : levelName(pack, result.reached, lang)],
    [vi ? 'Công nhận' : 'Recognition', recognitionState(result, lang)],
    [vi ? 'Ngày kiểm tra' : 'Checked on', dayMonthYear(ctx.asOf)],
  ];
  return { kind: 'table', head: [vi ? 'Thông tin chung' : 'Facts', ''], rows: rows.map(([k, v]) => [[k], [v]]), widths: [30, 70] };
}

/** "Bộ quy tắc tt59-2012, phiên bản 2026.1 …; ngưỡng đã dùng: 3 đã đối chiếu, 2 theo nguồn thứ cấp, 40 chưa đối chiếu (†)." */
export function packLine(pack: RulePack | undefined, view: SchoolView | null, ctx: FormatContext): Inline[] {
  const vi = ctx.lang === 'vi';
  if (!pack) return [vi ? 'Không xác định được bộ quy tắc áp dụng.' : 'No rule pack could be chosen.'];
  const used = new Map<string, string>();
  for (const f of view?.findings ?? []) {
    const rule = f.status === 'not_applicable' ? undefined : findRule(ctx.ruleSet, f.ruleId)?.rule;
    if (rule) used.set(rule.id, (versionOf(rule, f.wording) ?? rule).verification);
  }
  const count = (v: string) => [...used.values()].filter((x) => x === v).length;
  const states = vi
    ? `${count('confirmed')} đã đối chiếu văn bản gốc, ${count('secondary')} theo nguồn thứ cấp, ${count('unverified')} chưa đối chiếu (†)`
    : `${count('confirmed')} checked against the official text, ${count('secondary')} from secondary sources, ${count('unverified')} not yet checked (†)`;
  return vi
    ? [`Bộ quy tắc `, code(pack.id), `, phiên bản ${pack.version} (Thông tư ${pack.circular}); ngày tham chiếu ${dayMonthYear(ctx.asOf)}; ngưỡng của ${used.size} quy tắc đã dùng: ${states}.`]
    : [`Rule pack `, code(pack.id), `, version ${pack.version} (Circular ${pack.circular}); as of ${dayMonthYear(ctx.asOf)}; thresholds of the ${used.size} rules used: ${states}.`];
}

/** Who carries out a criterion's measures and by when: the school's plan, else an unassigned owner and a proposed deadline. */
export function planFor(result: SchoolResult, criterion: string, lang: Lang): { owner: Inline[]; due: Inline[]; measure: string | null } {
  const vi = lang === 'vi';
  const entry: PlanEntry | undefined = result.filing?.plan.find((p) => p.criterion === criterion);
  const owner = entry?.owner ? [entry.owner] : [vi ? 'chưa phân công' : 'not assigned', ' ', code('bao_cao.ke_hoach')];
  return { owner, due: entry?.due ? [dayMonthYear(entry.due)] : [proposedDue(result, lang)], measure: entry?.measure ?? null };
}

function proposedDue(result: SchoolResult, lang: Lang): string {
  const vi = lang === 'vi';
  const r = result.recognition;
  if (r && (r.state === 'due_soon' || r.state === 'expired') && r.expiresOn) {
    return vi ? `trước ${dayMonthYear(r.expiresOn)} (hạn công nhận lại; đề xuất)` : `before ${dayMonthYear(r.expiresOn)} (re-recognition; proposed)`;
  }
  const year = /^(\d{4})-(\d{4})$/.exec(result.profile.schoolYear ?? '');
  if (!year) return vi ? 'năm học tới (đề xuất)' : 'next school year (proposed)';
  const next = `${Number(year[1]) + 1}-${Number(year[2]) + 1}`;
  return vi ? `trong năm học ${next} (đề xuất)` : `during school year ${next} (proposed)`;
}

/** Findings grouped by standard, then criterion, in report order. */
export function byCriterion(findings: Finding[]): { standard: number; criteria: { criterion: string; findings: Finding[] }[] }[] {
  const out: { standard: number; criteria: { criterion: string; findings: Finding[] }[] }[] = [];
  for (const f of findings) {
    let s = out.at(-1);
    if (!s || s.standard !== f.standard) out.push((s = { standard: f.standard, criteria: [] }));
    let c = s.criteria.at(-1);
    if (!c || c.criterion !== f.criterion) s.criteria.push((c = { criterion: f.criterion, findings: [] }));
    c.findings.push(f);
  }
  return out;
}

export const standardTitle = (pack: RulePack | undefined, standard: number, lang: Lang): string => {
  const name = pack?.standards[String(standard)];
  return `${lang === 'vi' ? 'Tiêu chuẩn' : 'Standard'} ${standard}${name ? `. ${tr(name, lang)}` : ''}`;
};

/** Related evidence listed per finding; the rest is counted. */
const MAX_EVIDENCE = 5;

/** One indicator in full: its heading, then reference, requirement, measured vs required, shortfall, measure, who, by when, evidence, data. */
export function indicatorBlocks(f: Finding, result: SchoolResult, ctx: FormatContext, level: 2 | 3 | 4, withPlan: boolean): Block[] {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const found = findRule(ctx.ruleSet, f.ruleId);
  if (!found) return [];
  const { rule, pack } = found;
  const vocab = ctx.ruleSet.vocabulary;
  // An amended item is reported in the wording it was checked against.
  const worded = versionOf(rule, f.wording) ?? rule;
  const title = `${tr(worded.title, lang)}${f.subject ? ` — ${f.subject}` : ''}${worded.verification === 'unverified' ? ' †' : ''}`;
  const rows: { label: string; value: Inline[] }[] = [];
  const unverified: Inline[] = worded.verification === 'unverified' ? [' — ', italic(tr(words.unverified, lang))] : [];
  rows.push({ label: vi ? 'Căn cứ' : 'Reference', value: [`${referenceText(rule, pack, lang)} (${levelName(pack, rule.level, lang)}) `, code(f.ruleId), ...unverified] });
  rows.push({ label: vi ? 'Yêu cầu' : 'Requirement', value: ruleText(tr(worded.requirement, lang), f, result, ctx) });
  if (f.measure) {
    rows.push({ label: vi ? 'Hiện trạng' : 'Current value', value: [`${measuredText(f.measure, lang, f.unit, vocab, true)} (${vi ? 'yêu cầu' : 'required'} ${requiredText(f.measure, lang, f.unit, vocab, true)})`] });
  }
  const gap = gapText(f, lang, vocab);
  if (gap) rows.push({ label: vi ? 'Còn thiếu' : 'Shortfall', value: [gap] });
  rows.push({ label: vi ? 'Giải pháp' : 'Measure', value: ruleText(remedyText(rule, f, ctx, true), f, result, ctx) });
  if (withPlan) {
    const plan = planFor(result, f.criterion, lang);
    if (plan.measure) rows.push({ label: vi ? 'Biện pháp của trường' : 'School’s measure', value: [plan.measure] });
    rows.push({ label: vi ? 'Người thực hiện' : 'Responsible', value: plan.owner }, { label: vi ? 'Thời hạn' : 'Deadline', value: plan.due });
  }
  const evidence = result.evidence.filter((e) => e.criteria.includes(f.criterion));
  if (evidence.length > 0) {
    const more = evidence.length > MAX_EVIDENCE ? (vi ? `; và ${evidence.length - MAX_EVIDENCE} minh chứng khác của tiêu chí ${f.criterion}` : `; and ${evidence.length - MAX_EVIDENCE} more for criterion ${f.criterion}`) : '';
    rows.push({ label: vi ? 'Minh chứng liên quan' : 'Related evidence', value: [`${evidence.slice(0, MAX_EVIDENCE).map((e) => `${e.code} ${e.title}`).join('; ')}${more}`] });
  }
  if (f.location) rows.push({ label: vi ? 'Dữ liệu' : 'Data', value: [code(locationText(f.location, ctx.cwd))] });
  return [{ kind: 'heading', level, text: [title] }, { kind: 'fields', rows }];
}

/** A finding in one line: "4.4 Có phòng y tế: 0 phòng (≥ 1 phòng)" and its rule id in small print. */
export function briefLine(f: Finding, ctx: FormatContext): Inline[] {
  const found = findRule(ctx.ruleSet, f.ruleId);
  const title = found ? tr(found.rule.title, ctx.lang) : f.ruleId;
  const vocab = ctx.ruleSet.vocabulary;
  const measure = f.measure ? `: ${measuredText(f.measure, ctx.lang, f.unit, vocab, true)} (${requiredText(f.measure, ctx.lang, f.unit, vocab, true)})` : '';
  return [bold(f.criterion), ` ${title}${f.subject ? ` — ${f.subject}` : ''}${measure} `, code(f.ruleId)];
}

/** A data path the rules read, named by its field title, the path in small print. */
export function dataPathText(path: string, f: Finding, result: SchoolResult, ctx: FormatContext): Inline[] {
  const label = ctx.fields?.dataLabel(result.packId, f.standard, path, ctx.lang);
  return label ? [label, ' ', code(path)] : [code(path)];
}

/** A diagnostic: where, the field's name, then the message with the keys it quotes as code. */
export function diagnosticLine(d: SchoolResult['diagnostics'][number], result: SchoolResult, ctx: FormatContext): Inline[] {
  const message = tr(d.message, ctx.lang);
  const at = d.location ? [code(locationText(d.location, ctx.cwd)), ' '] : [];
  const field = /^([a-z][a-z0-9_]*(?:\[\d+\]|\.[a-z][a-z0-9_]*)*): /.exec(message);
  const label = field && d.location ? ctx.fields?.pathLabel(result.packId, d.location.file, pathOf(field[1]!), ctx.lang) : null;
  return label ? [...at, bold(label), ' (', code(field![1]!), '): ', ...inputText(message.slice(field![0].length))] : [...at, ...inputText(message)];
}

/** "to_chuyen_mon[2].ten" -> ['to_chuyen_mon', 1, 'ten'] (positions in messages count from 1). */
function pathOf(text: string): (string | number)[] {
  return [...text.matchAll(/([a-z][a-z0-9_]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2]) - 1));
}

/** A rule's text for a human report: the keys and codes it quotes named in words, the key itself in small print. */
export function ruleText(text: string, f: Finding, result: SchoolResult, ctx: FormatContext): Inline[] {
  return inputText(text, (key) => keyName(key, f, result, ctx));
}

/** The words for a key or an enumerated value a rule's text quotes: its field's title, else the vocabulary's name. */
export function keyName(key: string, f: Finding, result: SchoolResult, ctx: FormatContext): string | null {
  const field = ctx.fields?.dataLabel(result.packId, f.standard, key, ctx.lang) ?? ctx.fields?.dataLabel(result.packId, f.standard, `item.${key}`, ctx.lang);
  const v = ctx.ruleSet.vocabulary;
  const word = v.values[key] ?? v.rooms[key] ?? v.records[key];
  const name = field ?? (word ? tr(word, ctx.lang) : null);
  return name && /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

/**
 * The rest of a school's report, each part only when it has something: what the next level would need
 * (`beyond`), what cannot be assessed for missing data, waived indicators, configuration changes, data remarks.
 */
export function otherBlocks(result: SchoolResult, view: SchoolView, ctx: FormatContext, beyond: boolean): Block[] {
  const vi = ctx.lang === 'vi';
  const lang = ctx.lang;
  const other: Block[] = [];
  const sub = (title: string, items: Inline[][]) => items.length > 0 && other.push({ kind: 'heading', level: 2, text: [title] }, { kind: 'list', items });
  if (beyond) sub(vi ? 'Để đạt mức cao hơn' : 'Towards the next level', view.beyondTarget.map((f) => briefLine(f, ctx)));
  sub(vi ? 'Chưa đủ dữ liệu để đánh giá' : 'Not assessable (data missing)', view.notAssessable.map((f) => [...briefLine(f, ctx), ` — ${vi ? 'cần khai báo' : 'provide'}: `, ...(f.missingData ?? []).flatMap((p, i) => [...(i > 0 ? ['; '] : []), ...dataPathText(p, f, result, ctx), ...(p === 'ho_so' ? recordsWanted(f, ctx) : [])])]));
  sub(vi ? 'Chỉ số được miễn áp dụng' : 'Waived indicators', view.waived.map((f) => [...briefLine(f, ctx), ...(f.waiver ? [` — ${f.waiver.reason}, ${vi ? 'đến hết ngày' : 'until'} ${dayMonthYear(f.waiver.expires)}`] : [])]));
  sub(vi ? 'Điều chỉnh theo cấu hình' : 'Configuration adjustments', result.adjustments.map((c) => [code(c.rule), ': ', ...inputText(tr(c.detail, lang))]));
  sub(vi ? 'Lưu ý về số liệu' : 'Data remarks', result.diagnostics.filter((d) => d.severity === 'warning').map((d) => diagnosticLine(d, result, ctx)));
  return other;
}

/** " (Kế hoạch năm học `ke_hoach_nam_hoc`, …)": the records a rule looks for, when the school has none at all. */
function recordsWanted(f: SchoolResult['findings'][number], ctx: FormatContext): Inline[] {
  const types = findingHints(f, ctx).flatMap((h) => h.records ?? []);
  if (types.length === 0) return [];
  return [' (', ...types.flatMap((t, i) => [...(i > 0 ? ['; '] : []), `${recordName(t, ctx.ruleSet.vocabulary, ctx.lang)} `, code(t)]), ')'];
}

