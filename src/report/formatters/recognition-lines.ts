import type { RulePack } from '../../engine/rule-types.js';
import type { Lang, SchoolResult } from '../../types.js';
import { dayMonthYear, levelName } from '../text.js';

/** The recognition timeline as plain sentences (date recognised, expiry, re-recognition, mid-cycle check), for the human reports. */
export function recognitionLines(result: SchoolResult, pack: RulePack | undefined, lang: Lang): string[] {
  const r = result.recognition;
  const vi = lang === 'vi';
  if (!r || r.state === 'none') return [vi ? 'Chưa có quyết định công nhận nào được khai báo (lịch sử công nhận trong hồ sơ trường).' : 'No recognition decision declared (recognition history of the school profile).'];
  const lines = [
    vi
      ? `Công nhận gần nhất: ${levelName(pack, r.lastLevel, lang)}${r.decision ? `, quyết định số ${r.decision}` : ''}, ngày ${dayMonthYear(r.signedOn)}.`
      : `Last recognition: ${levelName(pack, r.lastLevel, lang)}${r.decision ? `, decision ${r.decision}` : ''}, signed ${dayMonthYear(r.signedOn)}.`,
  ];
  const expiry = dayMonthYear(r.expiresOn);
  if (r.state === 'expired') lines.push(vi ? `Đã hết hạn từ ngày ${expiry}: cần làm hồ sơ đề nghị công nhận lại ngay.` : `Expired since ${expiry}: a re-recognition dossier is needed now.`);
  else if (r.state === 'due_soon') lines.push(vi ? `Hết hạn ngày ${expiry} (còn ${r.monthsLeft} tháng): chuẩn bị hồ sơ đề nghị công nhận lại.` : `Expires on ${expiry} (${r.monthsLeft} months left): prepare the re-recognition dossier.`);
  else lines.push(vi ? `Còn hiệu lực đến ngày ${expiry}.` : `Valid until ${expiry}.`);
  if (r.reapplyBy) {
    const by = dayMonthYear(r.reapplyBy);
    const ref = pack?.recognition.reapply_reference ? ` (${pack.recognition.reapply_reference})` : '';
    lines.push(vi
      ? `Để được công nhận lại: tự đánh giá xong và đăng ký đánh giá ngoài chậm nhất ngày ${by}, ${pack?.recognition.reapply_months_before} tháng trước khi hết hạn${ref}.`
      : `For re-recognition: finish the self-assessment and register for external evaluation by ${by}, ${pack?.recognition.reapply_months_before} months before expiry${ref}.`);
  }
  const mid = r.midCycle;
  if (mid) {
    const due = dayMonthYear(mid.dueOn);
    const text = {
      done: vi ? `Kiểm tra giữa chu kỳ (hạn ${due}): đã thực hiện ngày ${dayMonthYear(mid.checkedOn)}.` : `Mid-cycle check (due ${due}): done on ${dayMonthYear(mid.checkedOn)}.`,
      overdue: vi ? `Kiểm tra giữa chu kỳ: đã quá hạn từ ngày ${due}; đề nghị cơ quan quản lý kiểm tra.` : `Mid-cycle check overdue since ${due}.`,
      due_soon: vi ? `Kiểm tra giữa chu kỳ: đến hạn ngày ${due}; chuẩn bị tờ trình, báo cáo tự rà soát và biên bản tự kiểm tra.` : `Mid-cycle check due on ${due}.`,
      upcoming: vi ? `Kiểm tra giữa chu kỳ tiếp theo: ${due}.` : `Next mid-cycle check: ${due}.`,
    }[mid.state];
    lines.push(text);
  }
  return lines;
}

/** The recognition state in a few words, for a facts table: "còn hiệu lực đến 28/09/2026", "đã hết hạn từ 12/03/2026". */
export function recognitionState(result: SchoolResult, lang: Lang): string {
  const r = result.recognition;
  const vi = lang === 'vi';
  if (!r || r.state === 'none') return vi ? 'chưa được công nhận' : 'not recognised';
  const expiry = dayMonthYear(r.expiresOn);
  switch (r.state) {
    case 'expired':
      return vi ? `đã hết hạn từ ${expiry}, cần công nhận lại` : `expired since ${expiry}, re-recognition needed`;
    case 'due_soon':
      return vi ? `hết hạn ${expiry} (còn ${r.monthsLeft} tháng), cần công nhận lại` : `expires ${expiry} (${r.monthsLeft} months left), re-recognition due`;
    case 'valid':
      return vi ? `còn hiệu lực đến ${expiry}` : `valid until ${expiry}`;
  }
}
