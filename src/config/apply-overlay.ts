import { KnownError } from '../errors.js';
import type { Check, Rule, RulePack, RuleSet } from '../engine/rule-types.js';
import type { Finding, OverlayChange } from '../types.js';
import type { ChuanConfig, ThresholdOverride } from './load-config.js';

/** The rule set with the config's corrections applied, and the list of what changed (printed in every report). */
export function applyOverlay(set: RuleSet, config: ChuanConfig): { ruleSet: RuleSet; changes: OverlayChange[] } {
  if (config.thresholds.length === 0 && config.disabled.length === 0 && config.recognition.mid_cycle_years === undefined) return { ruleSet: set, changes: [] };
  const changes: OverlayChange[] = [];
  const byId = new Map(set.packs.flatMap((p) => p.rules.map((r) => [r.id, { rule: r, pack: p }] as const)));
  const replaced = new Map<string, Rule | null>();
  for (const override of config.thresholds) {
    const found = byId.get(override.rule) ?? unknownRule(override.rule, override.origin);
    const rule = structuredClone(replaced.get(override.rule) ?? found.rule);
    const target = targetCheck(rule.check, override);
    for (const [key, value] of Object.entries(override.set)) {
      if (!(key in target)) {
        throw new KnownError({ vi: `quy tắc ${override.rule} không có ngưỡng "${key}" để điều chỉnh`, en: `rule ${override.rule} has no "${key}" threshold` }, override.origin);
      }
      const before = (target as Record<string, unknown>)[key];
      (target as Record<string, unknown>)[key] = value;
      changes.push({ kind: 'threshold', rule: override.rule, pack: found.pack.id, detail: { vi: `ngưỡng ${key}: ${String(before)} → ${value} (${override.reason})`, en: `threshold ${key}: ${String(before)} → ${value} (${override.reason})` } });
    }
    replaced.set(override.rule, rule);
  }
  for (const off of config.disabled) {
    const found = byId.get(off.rule) ?? unknownRule(off.rule, off.origin);
    replaced.set(off.rule, null);
    changes.push({ kind: 'disabled', rule: off.rule, pack: found.pack.id, detail: { vi: `tắt quy tắc (${off.reason})`, en: `rule switched off (${off.reason})` } });
  }
  const midCycle = config.recognition.mid_cycle_years;
  const packs = set.packs.map((pack): RulePack => {
    const rules = pack.rules.flatMap((r) => (replaced.has(r.id) ? (replaced.get(r.id) ? [replaced.get(r.id)!] : []) : [r]));
    if (midCycle === undefined || pack.recognition.mid_cycle_years === undefined) return { ...pack, rules };
    changes.push({ kind: 'recognition', rule: pack.id, pack: pack.id, detail: { vi: `chu kỳ kiểm tra giữa kỳ: ${pack.recognition.mid_cycle_years} → ${midCycle} năm`, en: `mid-cycle interval: ${pack.recognition.mid_cycle_years} → ${midCycle} years` } });
    return { ...pack, rules, recognition: { ...pack.recognition, mid_cycle_years: midCycle } };
  });
  return { ruleSet: { ...set, packs }, changes };
}

function targetCheck(check: Check, override: ThresholdOverride): Check {
  if (check.type === 'for_each') return targetCheck(check.check, override);
  if (check.type === 'all' || check.type === 'any') {
    const sub = override.at !== undefined ? check.checks[override.at] : undefined;
    if (!sub) {
      throw new KnownError({
        vi: `quy tắc ${override.rule} gồm ${check.checks.length} kiểm tra con; ghi "at" (0..${check.checks.length - 1}) để chọn kiểm tra cần sửa`,
        en: `rule ${override.rule} has ${check.checks.length} sub-checks; give "at" (0..${check.checks.length - 1})`,
      }, override.origin);
    }
    return targetCheck(sub, override);
  }
  return check;
}

function unknownRule(id: string, origin: ThresholdOverride['origin']): never {
  throw new KnownError({ vi: `không có quy tắc "${id}"; xem danh sách bằng: chuan rules`, en: `no rule "${id}"; list them with: chuan rules` }, origin);
}

/**
 * Waivers for one school: an unmet finding of a waived rule becomes "waived"; a waiver past its expiry
 * no longer applies and is reported as expired.
 */
export function applyWaivers(findings: Finding[], config: ChuanConfig, school: { code: string | null; folder: string }, asOf: string): { findings: Finding[]; changes: OverlayChange[] } {
  const mine = config.waivers.filter((w) => w.school === school.code || w.school === school.folder);
  if (mine.length === 0) return { findings, changes: [] };
  const changes: OverlayChange[] = [];
  const active = mine.filter((w) => {
    if (asOf <= w.expires) return true;
    changes.push({ kind: 'waiver_expired', rule: w.rule, detail: { vi: `miễn áp dụng đã hết hạn từ ngày ${viDate(w.expires)}, không còn được tính (${w.reason})`, en: `waiver expired on ${w.expires} and no longer applies (${w.reason})` } });
    return false;
  });
  const out = findings.map((f) => {
    const waiver = active.find((w) => w.rule === f.ruleId);
    if (!waiver || f.status !== 'unmet') return f;
    return { ...f, status: 'waived' as const, waiver: { rule: waiver.rule, school: waiver.school, reason: waiver.reason, expires: waiver.expires, ...(waiver.approved_by ? { approvedBy: waiver.approved_by } : {}) } };
  });
  for (const w of active) {
    changes.push({ kind: 'waiver', rule: w.rule, detail: { vi: `miễn áp dụng đến hết ngày ${viDate(w.expires)}${w.approved_by ? `, ${w.approved_by} phê duyệt` : ''} (${w.reason})`, en: `waived until ${w.expires}${w.approved_by ? `, approved by ${w.approved_by}` : ''} (${w.reason})` } });
  }
  return { findings: out, changes };
}

/** dd/mm/yyyy, as Vietnamese readers write a date. */
const viDate = (iso: string): string => iso.split('-').reverse().join('/');
