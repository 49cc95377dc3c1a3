import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSchool } from '../../src/check/check-folder.js';
import { choosePack } from '../../src/engine/choose-pack.js';
import { evaluatePack } from '../../src/engine/evaluate.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import type { Rule } from '../../src/engine/rule-types.js';
import { inWindow } from '../../src/engine/wordings.js';
import { schoolFiles } from '../../src/init/init-school.js';
import { packageRoot } from '../../src/paths.js';
import { nationalStandardLines } from '../../src/report/criteria-lines.js';
import type { Finding } from '../../src/types.js';
import { contextOf } from '../helpers.js';

const set = loadRuleSet();
const pack = set.packs.find((p) => p.id === 'tt17-2018')!;
const EXAMPLE = path.join(packageRoot, 'examples', 'th-hong-ha-17');
const items = pack.rules.filter((r) => r.item && !r.item.conflictOf);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-tt17-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The example school's documents as plain data (a fresh copy each time). */
const parsed: Record<string, Record<string, unknown>> = { truong: parse(fs.readFileSync(path.join(EXAMPLE, 'truong.yaml'), 'utf8')) };
for (const n of [1, 2, 3, 4, 5]) parsed[`tc${n}`] = parse(fs.readFileSync(path.join(EXAMPLE, `tieu-chuan-${n}.yaml`), 'utf8'));
const roots = (): Record<string, Record<string, unknown>> => structuredClone(parsed);

/** One item rule over the (changed) example data, on a date (default: in the example's school year, 2023-2024). */
function item(id: string, change: (r: Record<string, any>) => void, date = '2024-06-20'): Finding {
  const data = roots();
  change(data);
  const namHoc = String(data['truong']!['nam_hoc']);
  const ctx = contextOf(data, [], namHoc);
  ctx.date = date;
  ctx.evidenceCodes = new Set(Object.values(data).flatMap((d) => ((d['minh_chung'] ?? []) as { ma: string }[]).map((e) => e.ma)));
  const rules = pack.rules.filter((r) => r.id === id || r.item?.conflictOf === id);
  return evaluatePack({ ...pack, rules }, ctx, () => null).findings.find((f) => f.ruleId === id)!;
}

const teachers = (values: Record<string, number>) => (r: Record<string, any>) => {
  for (const y of r['tc2'].giao_vien.theo_nam) Object.assign(y, { tot: 0, kha: 0, dat: 0, chua_dat: 0 }, values);
};
const counts = (key: string, values: Record<string, number>) => (r: Record<string, any>) => Object.assign(r['tc5'][key], values);
const vkk = (r: Record<string, any>) => (r['truong'].vung_kho_khan = true);
const dbkk = (r: Record<string, any>) => (r['truong'].khu_vuc = 'dac_biet_kho_khan');
const both = (...fs: ((r: Record<string, any>) => void)[]) => (r: Record<string, any>) => fs.forEach((f) => f(r));
const years = (list: string, values: string[]) => (r: Record<string, any>) => r['tc1'][list].forEach((y: Record<string, unknown>, i: number) => (y['xep_loai'] = values[i]));
const managers = (values: string[]) => (r: Record<string, any>) => r['tc2'].can_bo_quan_ly.forEach((m: Record<string, any>) => m.danh_gia_chuan.forEach((y: Record<string, unknown>, i: number) => (y['xep_loai'] = values[i])));
const g = (n: number) => ({ tong_so: 100, kha: n, dat: 100 - n });
const BEFORE_TT29 = '2021-06-01';
const AMENDED = '2025-06-15';
const asYear = (namHoc: string) => (r: Record<string, any>) => {
  const first = Number(namHoc.slice(0, 4));
  r['truong'].nam_hoc = namHoc;
  for (const list of [r['tc1'].to_chuc_dang, r['tc2'].giao_vien.theo_nam, r['tc2'].nhan_vien.theo_nam, r['tc5'].ket_qua_vuot_troi, ...r['tc2'].can_bo_quan_ly.map((m: any) => m.danh_gia_chuan)]) {
    list.forEach((y: Record<string, unknown>, i: number) => (y['nam_hoc'] = `${first - 4 + i}-${first - 3 + i}`));
  }
};

// [rule, date, change, status]: each numeric item at its threshold, just below and just above (or the two sides of a maximum).
const THRESHOLDS: [string, string, (r: Record<string, any>) => void, string][] = [
  ['TT17.1.3.M2.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh', 'hoan_thanh', 'hoan_thanh_tot', 'hoan_thanh', 'hoan_thanh']), 'met'],
  ['TT17.1.3.M2.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh', 'hoan_thanh', 'hoan_thanh', 'hoan_thanh', 'hoan_thanh']), 'unmet'],
  ['TT17.1.3.M2.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh', 'chua_hoan_thanh', 'hoan_thanh_tot', 'hoan_thanh_tot', 'hoan_thanh']), 'unmet'],
  ['TT17.1.3.M3.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh', 'hoan_thanh', 'hoan_thanh_tot', 'hoan_thanh', 'hoan_thanh_xuat_sac']), 'met'],
  ['TT17.1.3.M3.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh', 'hoan_thanh', 'hoan_thanh_tot', 'hoan_thanh', 'hoan_thanh']), 'unmet'],
  ['TT17.1.3.M3.a', '2024-06-20', years('to_chuc_dang', ['hoan_thanh_tot', 'hoan_thanh', 'hoan_thanh_tot', 'hoan_thanh', 'hoan_thanh_tot']), 'met'],
  ['TT17.1.4.M2.a', '2024-06-20', (r) => (r['tc1'].to_chuyen_mon[0].chuyen_de = []), 'unmet'],
  ['TT17.1.4.M2.a', '2024-06-20', (r) => r['tc1'].to_chuyen_mon[0].chuyen_de.push({ ten: 'Thêm' }), 'met'],
  ['TT17.1.5.M2.a', '2024-06-20', (r) => (r['truong'].so_lop = 30), 'met'],
  ['TT17.1.5.M2.a', '2024-06-20', (r) => (r['truong'].so_lop = 31), 'unmet'],
  ['TT17.1.5.M2.a', '2024-06-20', (r) => (r['truong'].so_lop = 29), 'met'],
  ['TT17.2.1.M2.a', '2024-06-20', managers(['dat', 'kha', 'dat', 'tot', 'dat']), 'met'],
  ['TT17.2.1.M2.a', '2024-06-20', managers(['dat', 'kha', 'dat', 'dat', 'dat']), 'unmet'],
  ['TT17.2.1.M2.a', '2024-06-20', managers(['kha', 'kha', 'dat', 'tot', 'dat']), 'met'],
  ['TT17.2.1.M3.a', '2024-06-20', managers(['kha', 'kha', 'kha', 'tot', 'kha']), 'met'],
  ['TT17.2.1.M3.a', '2024-06-20', managers(['kha', 'kha', 'kha', 'kha', 'kha']), 'unmet'],
  ['TT17.2.1.M3.a', '2024-06-20', managers(['kha', 'dat', 'tot', 'tot', 'kha']), 'unmet'],
  ['TT17.2.2.M1.b', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 30, dat_chuan_trinh_do: 30 }), 'met'],
  ['TT17.2.2.M1.b', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 30, dat_chuan_trinh_do: 29 }), 'unmet'],
  ['TT17.2.2.M1.c', '2024-06-20', teachers({ tong_so: 100, dat: 95, chua_dat: 5 }), 'met'],
  ['TT17.2.2.M1.c', '2024-06-20', teachers({ tong_so: 100, dat: 94, chua_dat: 6 }), 'unmet'],
  ['TT17.2.2.M1.c', '2024-06-20', teachers({ tong_so: 100, dat: 96, chua_dat: 4 }), 'met'],
  ['TT17.2.2.M2.a', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 54 }), 'unmet'],
  ['TT17.2.2.M2.a', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 55 }), 'met'],
  ['TT17.2.2.M2.a', BEFORE_TT29, both(vkk, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 39 })), 'unmet'],
  ['TT17.2.2.M2.a', BEFORE_TT29, both(vkk, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 40 })), 'met'],
  ['TT17.2.2.M2.b', '2024-06-20', teachers(g(60)), 'met'],
  ['TT17.2.2.M2.b', '2024-06-20', teachers(g(59)), 'unmet'],
  ['TT17.2.2.M2.b', '2024-06-20', teachers(g(61)), 'met'],
  ['TT17.2.2.M2.b', '2024-06-20', both(vkk, teachers(g(50))), 'met'],
  ['TT17.2.2.M2.b', '2024-06-20', both(vkk, teachers(g(49))), 'unmet'],
  ['TT17.2.2.M2.b', '2024-06-20', teachers({ tong_so: 100, kha: 70, dat: 29, chua_dat: 1 }), 'unmet'],
  ['TT17.2.2.M2.c', '2024-06-20', (r) => (r['tc2'].giao_vien.theo_nam[2].ky_luat_canh_cao_tro_len = 1), 'unmet'],
  ['TT17.2.2.M2.c', '2024-06-20', (r) => (r['tc2'].giao_vien.theo_nam[2].ky_luat_canh_cao_tro_len = 0), 'met'],
  ['TT17.2.2.M3.a', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 65 }), 'met'],
  ['TT17.2.2.M3.a', BEFORE_TT29, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 64 }), 'unmet'],
  ['TT17.2.2.M3.a', BEFORE_TT29, both(vkk, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 50 })), 'met'],
  ['TT17.2.2.M3.a', BEFORE_TT29, both(vkk, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 49 })), 'unmet'],
  ['TT17.2.2.M3.b', '2024-06-20', teachers({ tong_so: 100, tot: 30, kha: 50, dat: 20 }), 'met'],
  ['TT17.2.2.M3.b', '2024-06-20', teachers({ tong_so: 100, tot: 30, kha: 49, dat: 21 }), 'unmet'],
  ['TT17.2.2.M3.b', '2024-06-20', teachers({ tong_so: 100, tot: 29, kha: 51, dat: 20 }), 'unmet'],
  ['TT17.2.2.M3.b', '2024-06-20', teachers({ tong_so: 100, tot: 31, kha: 50, dat: 19 }), 'met'],
  ['TT17.2.2.M3.b', '2024-06-20', both(vkk, teachers({ tong_so: 100, tot: 20, kha: 50, dat: 30 })), 'met'],
  ['TT17.2.2.M3.b', '2024-06-20', both(vkk, teachers({ tong_so: 100, tot: 19, kha: 51, dat: 30 })), 'unmet'],
  ['TT17.2.3.M2.b', '2024-06-20', (r) => (r['tc2'].nhan_vien.theo_nam[4].ky_luat_canh_cao_tro_len = 1), 'unmet'],
  ['TT17.5.4.M1.b', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 90 }), 'met'],
  ['TT17.5.4.M1.b', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 89 }), 'unmet'],
  ['TT17.5.4.M1.b', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 91 }), 'met'],
  ['TT17.5.4.M2.a', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 95 }), 'met'],
  ['TT17.5.4.M2.a', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 94 }), 'unmet'],
  ['TT17.5.4.M3.a', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 98 }), 'met'],
  ['TT17.5.4.M3.a', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 97 }), 'unmet'],
  ['TT17.5.4.M3.a', '2024-06-20', counts('pho_cap', { tre_6_tuoi: 100, tre_6_tuoi_vao_lop_1: 99 }), 'met'],
  ['TT17.5.5.M1.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 70 }), 'met'],
  ['TT17.5.5.M1.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 69 }), 'unmet'],
  ['TT17.5.5.M1.a', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 90 }), 'met'],
  ['TT17.5.5.M1.a', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 89 }), 'unmet'],
  ['TT17.5.5.M1.a', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 91 }), 'met'],
  ['TT17.5.5.M1.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 65 }), 'met'],
  ['TT17.5.5.M1.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 64 }), 'unmet'],
  ['TT17.5.5.M1.b', AMENDED, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 85 }), 'met'],
  ['TT17.5.5.M1.b', AMENDED, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 84 }), 'unmet'],
  ['TT17.5.5.M1.b', AMENDED, both(dbkk, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 75 })), 'met'],
  ['TT17.5.5.M1.b', AMENDED, both(dbkk, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 74 })), 'unmet'],
  ['TT17.5.5.M1.c', '2024-06-20', counts('ket_qua_giao_duc', { tre_14_tuoi: 100, tre_14_tuoi_hoan_thanh: 80 }), 'met'],
  ['TT17.5.5.M1.c', '2024-06-20', counts('ket_qua_giao_duc', { tre_14_tuoi: 100, tre_14_tuoi_hoan_thanh: 79 }), 'unmet'],
  ['TT17.5.5.M1.c', '2024-06-20', both(dbkk, counts('ket_qua_giao_duc', { tre_14_tuoi: 100, tre_14_tuoi_hoan_thanh: 70 })), 'met'],
  ['TT17.5.5.M1.c', '2024-06-20', both(dbkk, counts('ket_qua_giao_duc', { tre_14_tuoi: 100, tre_14_tuoi_hoan_thanh: 69 })), 'unmet'],
  ['TT17.5.5.M2.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 85 }), 'met'],
  ['TT17.5.5.M2.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 84 }), 'unmet'],
  ['TT17.5.5.M2.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 80, tre_11_tuoi_dang_hoc_tieu_hoc: 20 }), 'met'],
  ['TT17.5.5.M2.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 79, tre_11_tuoi_dang_hoc_tieu_hoc: 21 }), 'unmet'],
  ['TT17.5.5.M2.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 85, tre_11_tuoi_dang_hoc_tieu_hoc: 14 }), 'unmet'],
  ['TT17.5.5.M2.b', '2024-06-20', both(dbkk, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 70, tre_11_tuoi_dang_hoc_tieu_hoc: 30 })), 'met'],
  ['TT17.5.5.M3.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 95 }), 'met'],
  ['TT17.5.5.M3.a', '2024-06-20', counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 94 }), 'unmet'],
  ['TT17.5.5.M3.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 90, tre_11_tuoi_dang_hoc_tieu_hoc: 10 }), 'met'],
  ['TT17.5.5.M3.b', '2024-06-20', counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 89, tre_11_tuoi_dang_hoc_tieu_hoc: 11 }), 'unmet'],
  ['TT17.5.5.M3.b', '2024-06-20', both(dbkk, counts('ket_qua_giao_duc', { tre_11_tuoi: 100, tre_11_tuoi_hoan_thanh: 79, tre_11_tuoi_dang_hoc_tieu_hoc: 21 })), 'unmet'],
  ['TT17.5.3.M4.a', '2024-06-20', counts('hoc_sinh_can_ho_tro', { tong_so: 20, hoan_thanh_muc_tieu: 19 }), 'unmet'],
  ['TT17.5.3.M4.a', '2024-06-20', counts('hoc_sinh_can_ho_tro', { tong_so: 0, hoan_thanh_muc_tieu: 0 }), 'met'],
  ['TT17.5.3.M4.a', '2024-06-20', both(counts('hoc_sinh_can_ho_tro', { tong_so: 20, hoan_thanh_muc_tieu: 20 }), (r) => (r['tc5'].tieu_chi['5.3'].muc_4.a = { danh_gia: 'chua_danh_gia' })), 'not_rated'],
  ['TT17.5.5.M4.a', '2024-06-20', (r) => r['tc5'].ket_qua_vuot_troi.forEach((y: Record<string, unknown>, i: number) => (y['duoc_ghi_nhan'] = i === 4)), 'unmet'],
  ['TT17.2.2.M4.a', AMENDED, both(asYear('2024-2025'), teachers({ tong_so: 100, tot: 70, kha: 30 }), (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 20 })), 'met'],
  ['TT17.2.2.M4.a', AMENDED, both(asYear('2024-2025'), teachers({ tong_so: 100, tot: 70, kha: 30 }), (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 19 })), 'unmet'],
  ['TT17.2.2.M4.a', AMENDED, both(asYear('2024-2025'), teachers({ tong_so: 100, tot: 69, kha: 31 }), (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 20 })), 'unmet'],
  ['TT17.2.2.M4.a', AMENDED, both(asYear('2024-2025'), teachers({ tong_so: 100, tot: 70, kha: 29, dat: 1 }), (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 100, tren_chuan_trinh_do: 20 })), 'unmet'],
  ['TT17.5.5.M4.b', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 97, tre_14_tuoi: 50, tre_14_tuoi_hoan_thanh: 50 }), 'met'],
  ['TT17.5.5.M4.b', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 96, tre_14_tuoi: 50, tre_14_tuoi_hoan_thanh: 50 }), 'unmet'],
  ['TT17.5.5.M4.b', AMENDED, counts('ket_qua_giao_duc', { hoc_sinh: 100, hoan_thanh_chuong_trinh_lop_hoc: 98, tre_14_tuoi: 50, tre_14_tuoi_hoan_thanh: 49 }), 'unmet'],
];

describe('tt17-2018: the pack', () => {
  it('holds the five standards, 27 criteria in the 2018 wording and 24 from 25/01/2025', () => {
    expect(pack.standardNumbers).toEqual([1, 2, 3, 4, 5]);
    expect(pack.criteria.map((c) => c.id).filter((c) => c.startsWith('3.'))).toEqual(['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    expect(pack.criteria.filter((c) => inWindow(c.inForce, '2024-06-20'))).toHaveLength(27);
    expect(pack.criteria.filter((c) => inWindow(c.inForce, '2025-06-20'))).toHaveLength(24);
  });

  it('every item cites its article and clause and carries a verification status', () => {
    for (const rule of items) {
      expect(rule.reference.article, rule.id).toMatch(/^Điều (7|8|9|10|11|12|13|14|15|16|17|18|19|20|21|22)$/);
      expect(rule.reference.clause, rule.id).toMatch(/^khoản \d+$/);
      expect(['secondary', 'unverified'], rule.id).toContain(rule.verification);
    }
    // Mức 1 of standard n is Điều 6+n, Mức 2 Điều 11+n, Mức 3 Điều 16+n; khoản k is criterion k.
    expect(pack.rules.find((r) => r.id === 'TT17.2.2.M1.b')!.reference).toMatchObject({ article: 'Điều 8', clause: 'khoản 2', point: 'điểm b' });
    expect(pack.rules.find((r) => r.id === 'TT17.5.4.M3.a')!.reference).toMatchObject({ article: 'Điều 21', clause: 'khoản 4' });
    expect(pack.rules.find((r) => r.id === 'TT17.5.5.M4.b')!.reference).toMatchObject({ article: 'Điều 22', clause: 'khoản 7' });
  });

  it('computes the items whose text has a number, the rest rated by the school', () => {
    const computed = items.filter((r) => r.item!.computed).map((r) => r.id);
    expect(computed).toHaveLength(28);
    for (const id of THRESHOLDS.map(([id]) => id)) expect(computed).toContain(id);
    expect(items.filter((r) => !r.item!.computed)).toHaveLength(items.length - 28);
  });
});

describe('tt17-2018: each numeric item at, just below and just above its threshold', () => {
  it.each(THRESHOLDS.map(([id, date, change, status], i) => [`${id} #${i}`, id, date, change, status] as const))('%s', (_name, id, date, change, status) => {
    expect(item(id, change, date).status).toBe(status);
  });
});

describe('tt17-2018: Thông tư 29/2021', () => {
  it.each(['TT17.2.2.M1.b', 'TT17.2.2.M2.a', 'TT17.2.2.M3.a'])('%s: not applicable from 20/10/2021 with reason and reference, checked before', (id) => {
    const after = item(id, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 30, dat_chuan_trinh_do: 0, tren_chuan_trinh_do: 0 }), '2021-10-20');
    expect(after.status).toBe('not_applicable');
    expect(after.reason!.reference).toBe('Thông tư 29/2021/TT-BGDĐT, Điều 1 (ngưng hiệu lực từ 20/10/2021)');
    expect(after.reason!.text.vi).toContain('ngưng hiệu lực quy định đạt chuẩn, đạt trên chuẩn trình độ đào tạo');
    const before = item(id, (r) => Object.assign(r['tc2'].giao_vien, { tong_so: 30, dat_chuan_trinh_do: 0, tren_chuan_trinh_do: 0 }), '2021-10-19');
    expect(before.status).toBe('unmet');
  });
});

/** The example folder copied, its files changed by `edit` (text replacements), checked on `asOf`. */
function variant(name: string, asOf: string, edit: Record<string, [string | RegExp, string][]> = {}) {
  const dir = path.join(tmp, name);
  fs.cpSync(EXAMPLE, dir, { recursive: true });
  for (const [file, changes] of Object.entries(edit)) {
    let text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const [from, to] of changes) {
      const next = text.replace(from, to);
      expect(next, `${file}: ${String(from)}`).not.toBe(text);
      text = next;
    }
    fs.writeFileSync(path.join(dir, file), text);
  }
  return checkSchool(dir, { asOf });
}

describe('tt17-2018: cumulative levels and the national standard', () => {
  it('the example reaches Mức 3 (Mức 4 stops at Điều 22 khoản 1), national standard mức độ 2, every condition listed', () => {
    const r = checkSchool(EXAMPLE, { asOf: '2024-06-20' });
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([r.reached, r.nationalStandard, r.outcome]).toEqual(['muc_3', 'muc_do_2', 'reached']);
    expect(r.nextLevel!.steps).toEqual([{ criterion: '5.1', from: 'muc_2', to: 'muc_4', ruleIds: ['TT17.5.1.M4.a'] }]);
    const lines = nationalStandardLines(r, pack, 'vi');
    expect(lines[0]).toMatch(/^Kết quả kiểm định chất lượng giáo dục .*: Mức 3 \(khoản 1 Điều 6/);
    expect(lines[1]).toBe('Chuẩn quốc gia tương ứng: mức độ 2 (Mức 2 → mức độ 1; Mức 3, Mức 4 → mức độ 2; Quy định kèm theo Thông tư 17/2018/TT-BGDĐT, Điều 37)');
    expect(lines.filter((l) => l.includes('Điều kiện công nhận'))).toHaveLength(4);
    expect(r.recognition).toMatchObject({ expiresOn: '2025-03-10', reapplyBy: '2024-10-10', state: 'due_soon' });
  });

  it.each([
    ['Mức 4', 'muc_4', 'muc_do_2', { 'tieu-chuan-5.yaml': [[/a: \{ danh_gia: chua_dat, ghi_chu: "Chưa tham khảo[^}]*\}/, 'a: { danh_gia: dat, minh_chung: ["[H5-5.1-01]"] }']] }],
    ['Mức 2 (one Mức 3 number short)', 'muc_2', 'muc_do_1', { 'tieu-chuan-5.yaml': [['hoan_thanh_chuong_trinh_lop_hoc: 801', 'hoan_thanh_chuong_trinh_lop_hoc: 771']] }],
    ['Mức 1 (one Mức 2 number short)', 'muc_1', null, { 'truong.yaml': [['so_lop: 24', 'so_lop: 31']] }],
    ['no level (one Mức 1 number short)', null, null, { 'tieu-chuan-5.yaml': [['tre_6_tuoi_vao_lop_1: 128', 'tre_6_tuoi_vao_lop_1: 110']] }],
  ] as const)('%s', (name, reached, national, edit) => {
    const r = variant(name.replace(/\W+/g, '-'), '2024-06-20', edit as Record<string, [string | RegExp, string][]>);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect([r.reached, r.nationalStandard]).toEqual([reached, national]);
  });
});

describe('tt17-2018: two wordings in time', () => {
  it('a school year before 25/01/2025 gets the 2018 wording, whenever it is checked', () => {
    const r = checkSchool(EXAMPLE, { asOf: '2026-05-01' });
    expect(r.wordingDate).toBe('2024-07-31');
    const a = r.findings.find((f) => f.ruleId === 'TT17.5.5.M1.a')!;
    expect(a.wording).toEqual({ from: '2018-10-10', document: '17/2018/TT-BGDĐT' });
    expect(a.measure).toMatchObject({ threshold: 70 });
    expect(r.criteria!.map((c) => c.criterion)).toContain('3.6');
    expect(nationalStandardLines(r, pack, 'vi')).toContain('Lời văn áp dụng (ngày 31/07/2024): 17/2018/TT-BGDĐT, chưa gồm sửa đổi của 22/2024/TT-BGDĐT (có hiệu lực từ 25/01/2025)');
  });

  it('2024-2025 checked after 25/01/2025 gets the amended wording: three facility criteria, new thresholds and items', () => {
    const dir = path.join(tmp, 'amended');
    fs.cpSync(EXAMPLE, dir, { recursive: true });
    const shift = (file: string) => {
      const p = path.join(dir, file);
      fs.writeFileSync(p, fs.readFileSync(p, 'utf8').replace(/nam_hoc: (\d{4})-(\d{4})/g, (_m, a: string, b: string) => `nam_hoc: ${Number(a) + 1}-${Number(b) + 1}`));
    };
    ['truong.yaml', 'tieu-chuan-1.yaml', 'tieu-chuan-2.yaml', 'tieu-chuan-5.yaml'].forEach(shift);
    const r = checkSchool(dir, { asOf: '2025-06-15' });
    expect(r.wordingDate).toBe('2025-06-15');
    expect(r.criteria!.filter((c) => c.standard === 3).map((c) => c.criterion)).toEqual(['3.1', '3.2', '3.3']);
    const a = r.findings.find((f) => f.ruleId === 'TT17.5.5.M1.a')!;
    expect(a).toMatchObject({ wording: { from: '2025-01-25', document: '22/2024/TT-BGDĐT' }, measure: { threshold: 90 } });
    expect(r.findings.some((f) => f.ruleId === 'TT17.5.5.M4.b')).toBe(true);
    expect(r.findings.some((f) => f.ruleId === 'TT17.3.6.M1.a')).toBe(false);
    const rule = pack.rules.find((x) => x.id === 'TT17.1.1.M1.c')! as Rule;
    expect(rule.versions!.map((v) => v.requirement.vi.replace(/^.*trang thông tin điện tử của /, ''))).toEqual(['phòng giáo dục và đào tạo.', 'cơ quan quản lý giáo dục cấp trên']);
    // The same school year checked before the amendment took effect keeps the 2018 wording.
    expect(checkSchool(dir, { asOf: '2024-12-01' }).findings.find((f) => f.ruleId === 'TT17.5.5.M1.a')!.measure).toMatchObject({ threshold: 70 });
  });
});

describe('tt17-2018: the way in', () => {
  it('a 59/2012 folder checked after 10/10/2018 is told which 2018 pack applies and where the old fields map', () => {
    const { notices, pack: chosen } = choosePack(set, { cap_hoc: 'tieu_hoc', nam_hoc: '2023-2024' }, '2024-06-15');
    expect(chosen!.id).toBe('tt59-2012');
    const text = notices.map((n) => n.message.vi).join('\n');
    expect(text).toContain('năm học 2023-2024 thuộc 17/2018/TT-BGDĐT — ghi thong_tu: "17/2018" trong truong.yaml để kiểm tra theo văn bản này (bộ quy tắc tt17-2018)');
    expect(text).toContain('docs/format-tt2018.md#chuyen-tiep-tu-tt-59-2012');
    expect(fs.readFileSync(path.join(packageRoot, 'docs', 'format-tt2018.md'), 'utf8')).toContain('<a id="chuyen-tiep-tu-tt-59-2012"></a>');
    expect(choosePack(set, { cap_hoc: 'tieu_hoc', nam_hoc: '2017-2018' }, '2018-06-15').notices).toEqual([
      expect.objectContaining({ code: 'regime/default' }),
    ]);
  });

  it('chuan init --circular 17/2018 lists the items of the school year, unrated, and the flags its thresholds need', () => {
    const before = schoolFiles(path.join(tmp, 'init-a'), { cap: 'tieu-hoc', circular: '17/2018', namHoc: '2023-2024', ruleSet: set });
    const after = schoolFiles(path.join(tmp, 'init-b'), { cap: 'tieu-hoc', circular: '17/2018', namHoc: '2025-2026', ruleSet: set });
    expect(before.pack.id).toBe('tt17-2018');
    const unrated = (files: typeof before.files) => files.slice(1).map((f) => (f.content.match(/danh_gia: chua_danh_gia/g) ?? []).length).reduce((a, b) => a + b, 0);
    const inForce = (date: string) => items.filter((r) => !r.inForce || r.inForce.every((w) => inWindow(w, date))).length;
    expect(unrated(before.files)).toBe(inForce('2024-07-31'));
    expect(unrated(after.files)).toBe(inForce('2026-07-31'));
    expect(before.files[3]!.content).toContain('"3.6":');
    expect(after.files[3]!.content).not.toContain('"3.6":');
    expect(parse(before.files[0]!.content)).toMatchObject({ thong_tu: '17/2018', vung_kho_khan: false });
    expect(before.files[2]!.content).toContain('# giao_vien:   # Giáo viên:');
    expect(before.files[2]!.content).toContain('{ ma: [Hn-a.b-c], ten: …');
  });

  it('evidence codes in the 2018 form: the criterion a code carries is checked against the pack and the entry', () => {
    const r = variant('codes', '2024-06-20', {
      'tieu-chuan-1.yaml': [
        ['{ ma: "[H1-1.1-01]", ten: "Minh chứng tiêu chí 1.1 số 01 năm học 2023-2024", ngay: 2023-10-15, noi_ban_hanh: Nhà trường, tieu_chi: ["1.1"] }', '{ ma: "[H1-1.1-01]", ten: "Minh chứng tiêu chí 1.1 số 01 năm học 2023-2024", ngay: 2023-10-15, noi_ban_hanh: Nhà trường, tieu_chi: ["1.2"] }'],
        ['{ ma: "[H1-1.1-02]", ten:', '{ ma: "[H1-4.9-02]", ten:'],
        ['{ ma: "[H1-1.1-03]", ten:', '{ ma: "H1.01.01.03", ten:'],
      ],
    });
    const codes = r.diagnostics.filter((d) => d.code.startsWith('evidence/code-'));
    expect(codes.map((d) => [d.code, d.message.vi.slice(0, 38)])).toEqual([
      ['evidence/code-criterion', 'mã minh chứng [H1-1.1-01] mang số tiêu'],
      ['evidence/code-criterion', 'mã minh chứng [H1-4.9-02] mang số tiêu'],
      ['evidence/code-format', 'mã minh chứng "H1.01.01.03" không đúng'],
    ]);
    expect(codes[0]!.message.vi).toContain('tieu_chi của minh chứng không ghi 1.1');
    expect(codes[1]!.message.vi).toContain('không có tiêu chí này');
  });
});
