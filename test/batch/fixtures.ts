import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyOverlay } from '../../src/config/apply-overlay.js';
import { emptyConfig, type ChuanConfig } from '../../src/config/load-config.js';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';
import type { FormatContext } from '../../src/report/context.js';
import { FieldLabels } from '../../src/report/labels.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';
import type { SchoolResult } from '../../src/types.js';

export const AS_OF = '2026-06-15';
export const examplesDir = path.join(packageRoot, 'examples');

/** The bundled example school folders (those with a truong.yaml), sorted. */
export function exampleSchools(): string[] {
  return fs
    .readdirSync(examplesDir)
    .filter((name) => fs.existsSync(path.join(examplesDir, name, 'truong.yaml')))
    .sort()
    .map((name) => path.join(examplesDir, name));
}

export function tempDir(prefix = 'chuan-batch-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A district tree: `copies` copies of every example, in folders xa-01/…, xa-02/… */
export function districtTree(copies: number, root = tempDir()): string {
  for (let i = 1; i <= copies; i++) {
    for (const school of exampleSchools()) {
      fs.cpSync(school, path.join(root, `xa-${String(i).padStart(2, '0')}`, path.basename(school)), { recursive: true });
    }
  }
  return root;
}

/** A minimal school: the profile and five standard files that only say which standard they are. */
export function minimalSchool(dir: string, profile: Record<string, string | number> = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  const fields = { ten_truong: 'Trường THCS Thử', ma_truong: 'THU01', cap_hoc: 'thcs', tinh: 'Hưng Yên', khu_vuc: 'nong_thon', nam_hoc: '2025-2026', muc_tieu: 'dat_chuan', ...profile };
  fs.writeFileSync(path.join(dir, 'truong.yaml'), Object.entries(fields).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n') + '\n');
  for (let n = 1; n <= 5; n++) fs.writeFileSync(path.join(dir, `tieu-chuan-${n}.yaml`), `tieu_chuan: ${n}\n`);
  return dir;
}

export function formatContext(overrides: Partial<FormatContext> = {}, config: ChuanConfig = emptyConfig()): FormatContext {
  const { ruleSet, changes } = applyOverlay(loadRuleSet(), config);
  return { lang: 'vi', color: false, cwd: packageRoot, asOf: AS_OF, toolVersion: '0.0.0-test', ruleSet, config: config.report, overlayChanges: changes, fields: new FieldLabels(() => SchemaRegistry.shared().documents()), ...overrides };
}

export type { SchoolResult };
