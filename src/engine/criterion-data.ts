import { locate, type YamlFile } from '../load/yaml-file.js';
import type { CriterionResult, Diagnostic, IndicatorSeries, YamlPath } from '../types.js';
import type { CriterionLevelModel, RulePack } from './rule-types.js';

export interface CriterionReportData {
  indicators: IndicatorSeries[];
  remarks: Diagnostic[];
}

/** The three school years ending with `namHoc` ("2026-2027" → 2024-2025, 2025-2026, 2026-2027). */
export function lastThreeYears(namHoc: string | null): string[] {
  const first = namHoc ? Number(namHoc.slice(0, 4)) : NaN;
  if (!Number.isInteger(first)) return [];
  return [first - 2, first - 1, first].map((y) => `${y}-${y + 1}`);
}

/**
 * What the report shows beside the levels, read from each criterion entry of the standard files: the
 * quantitative indicators for the three years (reported, never judged), and warnings where an indicator
 * year is missing or the council's own conclusion (muc_tu_danh_gia) differs from the items' result.
 */
export function criterionReportData(pack: RulePack, roots: Record<string, YamlFile | undefined>, criteria: CriterionResult[], namHoc: string | null): CriterionReportData {
  const model = pack.levelModel as CriterionLevelModel;
  const years = lastThreeYears(namHoc);
  const indicators: IndicatorSeries[] = [];
  const remarks: Diagnostic[] = [];
  for (const result of criteria) {
    const criterion = pack.criteria.find((c) => c.id === result.criterion)!;
    const yaml = roots[`tc${criterion.standard}`];
    if (!yaml) continue;
    const base: YamlPath = result.part ? ['cap_hoc', result.part, 'tieu_chi', criterion.id] : ['tieu_chi', criterion.id];
    const entry = valueAt(yaml.value, base) as Record<string, unknown> | undefined;
    const partText = result.part ? ` (${result.part})` : '';
    const data = (entry?.['so_lieu'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const missing: string[] = [];
    for (const indicator of criterion.indicators) {
      const values = years.map((year) => {
        const value = data[indicator.id]?.[year];
        if (typeof value !== 'number') missing.push(`${indicator.id} ${year}`);
        return { year, value: typeof value === 'number' ? value : null };
      });
      const series: IndicatorSeries = { criterion: criterion.id, id: indicator.id, kind: indicator.kind, values, trend: trend(values.map((v) => v.value)) };
      if (result.part) series.part = result.part;
      indicators.push(series);
    }
    if (missing.length > 0) {
      remarks.push({
        code: 'criteria/indicator-missing',
        severity: 'warning',
        location: locate(yaml, entry?.['so_lieu'] ? [...base, 'so_lieu'] : entry ? base : []),
        message: {
          vi: `tiêu chí ${criterion.id}${partText}: chưa ghi số liệu ${missing.join(', ')} (dữ liệu định lượng chính của 03 năm học; chỉ để theo dõi, không dùng làm ngưỡng)`,
          en: `criterion ${criterion.id}${partText}: no figure for ${missing.join(', ')} (main quantitative data for 3 school years; monitored, never a threshold)`,
        },
      });
    }
    const stated = entry?.['muc_tu_danh_gia'];
    if (typeof stated === 'string') {
      result.stated = stated === 'chua_dat' ? null : stated;
      if (result.stated !== result.level) {
        const name = (level: string | null): { vi: string; en: string } =>
          level === null ? { vi: 'chưa đạt mức nào', en: 'no level' } : (model.criterionLevels.find((l) => l.id === level)?.name ?? { vi: level, en: level });
        remarks.push({
          code: 'criteria/stated-level',
          severity: 'warning',
          location: locate(yaml, [...base, 'muc_tu_danh_gia']),
          message: {
            vi: `tiêu chí ${criterion.id}${partText}: hội đồng kết luận ${name(result.stated).vi} nhưng các yêu cầu đã đánh giá cho ${name(result.level).vi}; rà soát lại từng yêu cầu hoặc sửa kết luận`,
            en: `criterion ${criterion.id}${partText}: the council concluded ${name(result.stated).en} but the rated requirements give ${name(result.level).en}; review each requirement or correct the conclusion`,
          },
        });
      }
    }
  }
  return { indicators, remarks };
}

function valueAt(root: unknown, path: YamlPath): unknown {
  let value = root;
  for (const segment of path) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment as string] : undefined;
  return value;
}

function trend(values: (number | null)[]): IndicatorSeries['trend'] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const delta = known[known.length - 1]! - known[0]!;
  return delta > 0 ? 'up' : delta < 0 ? 'down' : 'flat';
}
