import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSchool } from '../../src/check/check-folder.js';
import { initSchool } from '../../src/init/init-school.js';
import { findingHints, findingStatus } from '../../src/report/machine.js';
import { profileSchemaId, SchemaRegistry, standardSchemaId } from '../../src/validate/schemas.js';
import { readEditorSchema } from '../../src/init/editor-schemas.js';
import { formatContext } from '../batch/fixtures.js';
import { run } from '../cli/run-main.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-hints-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.each([['mam-non', undefined], ['tieu-hoc', undefined], ['thcs', undefined], ['tieu-hoc', '57']] as const)('the hints of a folder fresh from chuan init --cap %s --circular %s', (cap, circular) => {
  const dir = path.join(root, `${cap}-${circular ?? 'cu'}`);
  initSchool(dir, { cap, namHoc: '2025-2026', ten: 'Trường Thử', tinh: 'Hưng Yên', ...(circular ? { circular } : {}) });
  const result = checkSchool(dir, { asOf: '2026-06-15' });
  const missing = result.findings.filter((f) => f.status === 'not_assessable');
  const ctx = formatContext({ cwd: root, schemas: readEditorSchema });

  it('every not-assessable finding names a file and what to add there, never a bare "ho_so"', () => {
    expect(missing.length).toBeGreaterThan(5);
    for (const f of missing) {
      const hints = findingHints(f, ctx);
      expect(hints.length, f.ruleId).toBeGreaterThan(0);
      for (const h of hints) {
        expect(h.file).toMatch(/^(truong|tieu-chuan-[1-5])\.yaml$/);
        expect(h.what).toMatch(/^(khai \S|thêm vào ho_so (các )?văn bản: .*\(loai: [a-z_]+\))/);
      }
      expect(findingStatus(f, 'missing', ctx)).not.toMatch(/cần khai báo: ho_so$/);
    }
  });

  it('every snippet is YAML that the file\'s schema accepts, pasted at the top of the file', () => {
    const registry = SchemaRegistry.shared();
    for (const f of missing) {
      for (const h of findingHints(f, ctx)) {
        const value = parse(h.snippet.join('\n')) as Record<string, unknown>;
        expect(value, `${f.ruleId}\n${h.snippet.join('\n')}`).toBeTypeOf('object');
        const n = /^tieu-chuan-(\d)\.yaml$/.exec(h.file)?.[1];
        const schema = n ? standardSchemaId(result.packId!, Number(n)) : profileSchemaId;
        const doc = n ? { tieu_chuan: Number(n), ...value } : { ten_truong: 'A', cap_hoc: cap.replace('-', '_'), tinh: 'B', khu_vuc: 'nong_thon', nam_hoc: '2025-2026', muc_tieu: result.profile.target, ...value };
        const validate = registry.validator(schema);
        expect(validate(doc), `${f.ruleId} ${h.file}\n${h.snippet.join('\n')}\n${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
      }
    }
  });
});

describe('in the reports', () => {
  it('the terminal shows the hint and its snippet; English names the keys too', async () => {
    const dir = path.join(root, 'tieu-hoc-cu');
    const vi = await run(['check', dir, '--as-of', '2026-06-15'], { cwd: root });
    expect(vi.stdout).toContain('→ tieu-chuan-2.yaml: khai giao_vien.dat_chuan_trinh_do (Số đạt chuẩn trình độ đào tạo), giao_vien.tong_so (Tổng số giáo viên)');
    expect(vi.stdout).toMatch(/\n {10}giao_vien:\n {12}dat_chuan_trinh_do: 0 +# số nguyên ≥ 0\n {12}tong_so: 0 /);
    expect(vi.stdout).toMatch(/→ tieu-chuan-1\.yaml: thêm vào ho_so các văn bản: [^\n]*\(loai: qd_thanh_lap_hoi_dong_thi_dua\)/);
    expect(vi.stdout).not.toContain('cần khai báo');
    const en = await run(['check', dir, '--as-of', '2026-06-15', '--lang', 'en'], { cwd: root });
    expect(en.stdout).toContain('→ tieu-chuan-2.yaml: fill in giao_vien.dat_chuan_trinh_do, giao_vien.tong_so');
    const md = await run(['check', dir, '--as-of', '2026-06-15', '-f', 'markdown'], { cwd: root });
    // The office document names the records a rule looks for, not a bare ho_so.
    expect(md.stdout).toContain('— cần khai báo: Hồ sơ, văn bản `ho_so` (quyết định thành lập hội đồng thi đua khen thưởng `qd_thanh_lap_hoi_dong_thi_dua`; biên bản họp hội đồng thi đua khen thưởng `bien_ban_hop_hoi_dong_thi_dua`)');
    expect(md.stdout).not.toMatch(/`ho_so`\n/);
  });
});
