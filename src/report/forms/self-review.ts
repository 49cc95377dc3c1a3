// The yearly self-review report (báo cáo tự rà soát) of the district practice, for the packs whose
// pack.yaml names the form `tu-ra-soat`: met items in brief, every unmet indicator in full with measured
// vs required, the measure, who and by when; advisories apart; then the rest.
import { findPack, tr, type FormatContext } from '../context.js';
import { bold, code, italic, type Block, type Inline, type OfficeDocument } from '../document/model.js';
import { standardSummaries, viewOf } from '../summary.js';
import { measuredText } from '../text.js';
import { progressBlocks } from './progress.js';
import { criterionBlocks } from './criteria.js';
import { recognitionLines } from '../formatters/recognition-lines.js';
import { versionOf } from '../../engine/wordings.js';
import { byCriterion, diagnosticLine, factsTable, formBody, indicatorBlocks, NATION, otherBlocks, packLine, planFor, schoolClosing, schoolLetterhead, standardTitle } from './parts.js';
import type { SchoolResult } from '../../types.js';

export function selfReviewDocument(result: SchoolResult, ctx: FormatContext): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const { pack, year, body, section, circular } = formBody(result, ctx);
  const invalid = result.outcome === 'invalid';
  const view = invalid ? null : viewOf(result, pack);
  body.push({
    kind: 'paragraph',
    text: [vi
      ? `Thực hiện việc tự kiểm tra hằng năm theo ${circular}, ${result.profile.name} báo cáo kết quả tự kiểm tra${year ? ` năm học ${year}` : ''} như sau:`
      : `Following the yearly self-check under ${circular}, ${result.profile.name} reports the results${year ? ` for school year ${year}` : ''}:`],
  });
  section('THÔNG TIN CHUNG', 'FACTS');
  body.push(factsTable(result, pack, ctx), { kind: 'list', items: recognitionLines(result, pack, lang).map((l) => [l]) });
  if (view) body.push({ kind: 'paragraph', text: packLine(pack, view, ctx), note: true });

  if (invalid || !view) {
    section('LỖI DỮ LIỆU ĐẦU VÀO', 'INPUT ERRORS');
    body.push({ kind: 'list', items: result.diagnostics.map((d) => diagnosticLine(d, result, ctx)) });
    return documentOf(result, ctx, body, false);
  }
  const standards = standardSummaries(view, pack?.standardNumbers);
  section('KẾT QUẢ THEO TIÊU CHUẨN', 'RESULTS BY STANDARD');
  body.push({
    kind: 'table',
    head: vi ? ['Tiêu chuẩn', 'Tiêu chí đạt / tổng', 'Chưa đạt', 'Chưa đủ dữ liệu'] : ['Standard', 'Criteria met / total', 'Unmet', 'Not assessable'],
    rows: standards.map((s) => [[standardTitle(pack, s.standard, lang)], [`${s.met}/${s.criteria.length}`], [String(s.unmet)], [String(s.notAssessable)]]),
    widths: [55, 17, 12, 16],
  });
  body.push(...progressBlocks(result, ctx), ...criterionBlocks(result, pack, view.notRated, ctx));

  section('CÁC TIÊU CHÍ ĐÃ ĐẠT', 'CRITERIA MET');
  body.push({
    kind: 'list',
    items: standards.map((s) => {
      const met = s.criteria.filter((c) => c.status === 'met').map((c) => c.criterion);
      return [bold(standardTitle(pack, s.standard, lang)), `: ${met.length > 0 ? met.join(', ') : '—'}`];
    }),
  });

  section('CÁC TIÊU CHÍ CHƯA ĐẠT VÀ GIẢI PHÁP', 'UNMET CRITERIA AND MEASURES');
  if (view.gaps.length === 0) body.push({ kind: 'paragraph', text: [vi ? 'Không có chỉ số nào chưa đạt ở mức đích.' : 'No unmet indicator at the target level.'] });
  for (const s of byCriterion(view.gaps)) {
    body.push({ kind: 'heading', level: 2, text: [standardTitle(pack, s.standard, lang)] });
    for (const c of s.criteria) {
      body.push({ kind: 'heading', level: 3, text: [`${vi ? 'Tiêu chí' : 'Criterion'} ${c.criterion}`] });
      for (const f of c.findings) body.push(...indicatorBlocks(f, result, ctx, 4, true));
    }
  }
  const records = view.gaps.filter((f) => f.measure?.kind === 'records');
  if (records.length > 0) {
    body.push({ kind: 'heading', level: 2, text: [vi ? 'Hồ sơ còn thiếu' : 'Missing records'] });
    body.push({ kind: 'list', items: records.map((f) => [bold(f.criterion), ` ${measuredText(f.measure!, lang, f.unit, ctx.ruleSet.vocabulary, true)} `, code(f.ruleId)]) });
  }

  if (view.gaps.length > 0) {
    section('KẾ HOẠCH KHẮC PHỤC', 'IMPROVEMENT PLAN');
    body.push({
      kind: 'table',
      head: vi ? ['Tiêu chí', 'Nội dung chưa đạt', 'Người thực hiện', 'Thời hạn'] : ['Criterion', 'Unmet indicator', 'Responsible', 'Deadline'],
      rows: byCriterion(view.gaps).flatMap((s) => s.criteria.map((c): Inline[][] => {
        const plan = planFor(result, c.criterion, lang);
        return [[c.criterion], [c.findings.map((f) => titleOf(f, ctx)).join('; ')], plan.owner, plan.due];
      })),
      widths: [11, 49, 22, 18],
    });
  }

  if (view.advisories.length > 0) {
    section('KHUYẾN NGHỊ THEO THỰC TIỄN KIỂM TRA', 'ADVISORIES (DISTRICT PRACTICE)');
    body.push({ kind: 'paragraph', text: [italic(vi ? 'Các nội dung sau không phải tiêu chí của thông tư và không tính vào mức đạt; đây là những điểm cơ quan quản lý thường kiểm tra, nên hoàn thiện.' : 'These are not criteria of the circular and do not count towards the level; they are what offices usually check, and worth completing.')] });
    for (const f of view.advisories) body.push(...indicatorBlocks(f, result, ctx, 2, false).map((b) => (b.kind === 'heading' ? { ...b, text: [`${f.criterion} `, ...b.text] } : b)));
  }

  const other = otherBlocks(result, view, ctx, true);
  if (other.length > 0) {
    section('THÔNG TIN KHÁC', 'OTHER INFORMATION');
    body.push(...other);
  }
  return documentOf(result, ctx, body, view.findings.some((f) => f.status !== 'not_applicable'));
}

function titleOf(f: SchoolResult['findings'][number], ctx: FormatContext): string {
  const rule = ctx.ruleSet.packs.flatMap((p) => p.rules).find((r) => r.id === f.ruleId);
  return `${rule ? tr((versionOf(rule, f.wording) ?? rule).title, ctx.lang) : f.ruleId}${f.subject ? ` — ${f.subject}` : ''}`;
}

function documentOf(result: SchoolResult, ctx: FormatContext, body: Block[], dagger: boolean): OfficeDocument {
  const { lang } = ctx;
  const vi = lang === 'vi';
  const pack = findPack(ctx.ruleSet, result.packId);
  const year = result.profile.schoolYear;
  const generated = `${vi ? 'Báo cáo tạo bởi chuan' : 'Report generated by chuan'} ${ctx.toolVersion}${pack ? `, ${pack.id} ${pack.version}` : ''}.`;
  return {
    heading: `${vi ? 'Báo cáo tự kiểm tra trường đạt chuẩn quốc gia' : 'National-standard school self-review'}: ${result.profile.name}${year ? ` — ${vi ? 'năm học' : 'school year'} ${year}` : ''}`,
    letterhead: schoolLetterhead(result, ctx),
    nation: NATION[lang],
    title: vi ? 'BÁO CÁO' : 'REPORT',
    subject: vi ? `Kết quả tự kiểm tra trường đạt chuẩn quốc gia${year ? ` năm học ${year}` : ''}` : `Self-review against the national standard${year ? `, school year ${year}` : ''}`,
    to: ctx.config.office ? { label: vi ? 'Kính gửi' : 'To', name: ctx.config.office } : null,
    body,
    closing: schoolClosing(result, ctx),
    notes: [[`${dagger ? `${vi ? 'Dấu † đánh dấu chỉ số có ngưỡng chưa đối chiếu văn bản gốc của thông tư.' : '† marks indicators whose threshold has not been checked against the official text.'} ` : ''}${generated}`]],
  };
}
