import type { RulePack } from '../../engine/rule-types.js';
import type { Lang, SchoolResult } from '../../types.js';
import { dateText, levelName } from '../text.js';

/** The recognition timeline as plain sentences (date recognised, expiry, re-recognition, mid-cycle check). */
export function recognitionLines(result: SchoolResult, pack: RulePack | undefined, lang: Lang): string[] {
  const r = result.recognition;
  const vi = lang === 'vi';
  if (!r || r.state === 'none') return [vi ? 'Chưa có quyết định công nhận nào được khai báo (truong.yaml: lich_su_cong_nhan).' : 'No recognition decision declared (truong.yaml: lich_su_cong_nhan).'];
  const lines = [
    vi
      ? `Công nhận gần nhất: ${levelName(pack, r.lastLevel, lang)}${r.decision ? `, quyết định số ${r.decision}` : ''}, ngày ${dateText(r.signedOn, lang)}.`
      : `Last recognition: ${levelName(pack, r.lastLevel, lang)}${r.decision ? `, decision ${r.decision}` : ''}, signed ${dateText(r.signedOn, lang)}.`,
  ];
  const expiry = dateText(r.expiresOn, lang);
  if (r.state === 'expired') lines.push(vi ? `Hết hạn ngày ${expiry}: cần làm hồ sơ đề nghị công nhận lại ngay.` : `Expired on ${expiry}: a re-recognition dossier is needed now.`);
  else if (r.state === 'due_soon') lines.push(vi ? `Hết hạn ngày ${expiry} (còn ${r.monthsLeft} tháng): chuẩn bị hồ sơ đề nghị công nhận lại.` : `Expires on ${expiry} (${r.monthsLeft} months left): prepare the re-recognition dossier.`);
  else lines.push(vi ? `Còn hiệu lực đến ngày ${expiry}.` : `Valid until ${expiry}.`);
  const mid = r.midCycle;
  if (mid) {
    const due = dateText(mid.dueOn, lang);
    const text = {
      done: vi ? `Kiểm tra giữa chu kỳ (hạn ${due}): đã thực hiện ngày ${dateText(mid.checkedOn, lang)}.` : `Mid-cycle check (due ${due}): done on ${dateText(mid.checkedOn, lang)}.`,
      overdue: vi ? `Kiểm tra giữa chu kỳ: quá hạn từ ${due}; đề nghị cơ quan quản lý kiểm tra.` : `Mid-cycle check overdue since ${due}.`,
      due_soon: vi ? `Kiểm tra giữa chu kỳ: đến hạn ngày ${due}; chuẩn bị tờ trình, báo cáo tự rà soát và biên bản tự kiểm tra.` : `Mid-cycle check due on ${due}.`,
      upcoming: vi ? `Kiểm tra giữa chu kỳ tiếp theo: ${due}.` : `Next mid-cycle check: ${due}.`,
    }[mid.state];
    lines.push(text);
  }
  return lines;
}
