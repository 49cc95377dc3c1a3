import type { LevelId, RecognitionStatus, SchoolType } from '../types.js';
import { isoDate } from './context.js';
import type { RulePack } from './rule-types.js';

interface HistoryEntry {
  muc?: LevelId;
  so_quyet_dinh?: string;
  ngay_ky?: string;
}

/**
 * Recognition cycle from the profile: validity (5 years from signing), whether re-recognition is due
 * within the pack's window, and the mid-cycle check (lower secondary: every 2.5 years).
 */
export function recognitionStatus(profile: Record<string, unknown>, pack: RulePack, asOf: string): RecognitionStatus {
  const history = (Array.isArray(profile['lich_su_cong_nhan']) ? profile['lich_su_cong_nhan'] : []) as HistoryEntry[];
  // The latest decision; ISO dates sort by code point (localeCompare would ask the collator for each pair).
  let last: HistoryEntry | undefined;
  for (const h of history) if (typeof h.ngay_ky === 'string' && (!last || h.ngay_ky >= last.ngay_ky!)) last = h;
  if (!last) return { lastLevel: null, decision: null, signedOn: null, expiresOn: null, state: 'none', monthsLeft: null, midCycle: null };
  const rules = pack.recognition;
  const expiresOn = addMonths(last.ngay_ky!, Math.round(rules.validity_years * 12));
  const monthsLeft = monthsBetween(asOf, expiresOn);
  const state = asOf > expiresOn ? 'expired' : monthsLeft < rules.due_within_months ? 'due_soon' : 'valid';
  const status: RecognitionStatus = {
    lastLevel: last.muc ?? null,
    decision: last.so_quyet_dinh ?? null,
    signedOn: last.ngay_ky!,
    expiresOn,
    state,
    monthsLeft,
    midCycle: midCycle(profile, pack, last.ngay_ky!, asOf),
  };
  if (rules.reapply_months_before) status.reapplyBy = addMonths(expiresOn, -rules.reapply_months_before);
  return status;
}

function midCycle(profile: Record<string, unknown>, pack: RulePack, signedOn: string, asOf: string): RecognitionStatus['midCycle'] {
  const years = pack.recognition.mid_cycle_years;
  const types = pack.recognition.mid_cycle_school_types ?? pack.schoolTypes;
  if (!years || !types.includes(profile['cap_hoc'] as SchoolType)) return null;
  const dueOn = addMonths(signedOn, Math.round(years * 12));
  const checks = (Array.isArray(profile['kiem_tra_giua_chu_ky']) ? profile['kiem_tra_giua_chu_ky'] : []) as { ngay?: string }[];
  const done = checks.map((c) => c.ngay).filter((d): d is string => typeof d === 'string' && d > signedOn).sort().at(-1) ?? null;
  if (done) return { dueOn, state: 'done', checkedOn: done };
  const state = asOf > dueOn ? 'overdue' : monthsBetween(asOf, dueOn) < (pack.recognition.mid_cycle_due_within_months ?? 6) ? 'due_soon' : 'upcoming';
  return { dueOn, state, checkedOn: null };
}

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDate(target);
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return months;
}
