// Rule files two packs share (pack.yaml `shared_rules`): read as if they sat in each pack, their ids with
// that pack's prefix; the 57/2026 packs give exactly the rules they had when each kept its own copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { isRulePackError } from '../../src/errors.js';
import { rulesDir } from '../../src/paths.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-shared-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function rulesCopy(name: string, edit: (dir: string) => void): string {
  const dir = path.join(tmp, name);
  fs.cpSync(rulesDir, dir, { recursive: true });
  edit(dir);
  return dir;
}

function loadError(dir: string) {
  try {
    loadRuleSet(dir);
  } catch (error) {
    if (isRulePackError(error)) return error;
    throw error;
  }
  throw new Error('expected a rule-pack error');
}

const ids = (packId: string) => loadRuleSet().packs.find((p) => p.id === packId)!.rules.filter((r) => !r.item).map((r) => r.id);

describe('shared rule folders', () => {
  it('each 57/2026 pack reads the procedure and recognition rules of tt57-2026-chung under its own prefix, in the order its own copies had', () => {
    const tail = ['CN.khoa-hoan-thanh', 'CN.ba-nam-lien-tiep', 'TDG.hoi-dong', 'TDG.quyet-dinh-hoi-dong', 'TDG.bao-cao', 'TDG.han-phe-duyet', 'TDG.ke-hoach-cai-tien', 'TDG.ra-soat', 'CN.hai-nam-sau-muc-do-1'];
    expect(ids('tt57-2026-pho-thong')).toEqual(tail.map((t) => `TT57.PT.${t}`));
    expect(ids('tt57-2026-mam-non')).toEqual(tail.map((t) => `TT57.MN.${t}`));
    const pt = loadRuleSet().packs.find((p) => p.id === 'tt57-2026-pho-thong')!;
    // Where each is defined: the shared file, or (the cohort, worded per school type) the pack's own.
    expect(path.relative(rulesDir, pt.rules.find((r) => r.id === 'TT57.PT.TDG.hoi-dong')!.origin.file)).toBe(path.join('tt57-2026-chung', 'muc-1', 'tieu-chuan-1.yaml'));
    expect(path.relative(rulesDir, pt.rules.find((r) => r.id === 'TT57.PT.CN.khoa-hoan-thanh')!.origin.file)).toBe(path.join('tt57-2026-pho-thong', 'muc-1', 'cong-nhan.yaml'));
    expect(pt.statements.map((s) => s.id)).toEqual(['TT57.PT.D27.k2', 'TT57.PT.D27.k4']);
    // The shared folder is no pack of its own.
    expect(loadRuleSet().packs.map((p) => p.id)).not.toContain('tt57-2026-chung');
  });

  it('a shared folder that does not exist, or is a pack, or a pack without a prefix, is a located error in pack.yaml', () => {
    const missing = loadError(rulesCopy('missing', (d) => fs.rmSync(path.join(d, 'tt57-2026-chung'), { recursive: true })));
    expect(missing.details.map((d) => [d.code, path.basename(d.location!.file), d.message.vi])).toContainEqual(['rules/shared', 'pack.yaml', 'không có thư mục dùng chung rules/tt57-2026-chung']);
    const pack = loadError(rulesCopy('pack', (d) => fs.copyFileSync(path.join(d, 'tt47-2012', 'pack.yaml'), path.join(d, 'tt57-2026-chung', 'pack.yaml'))));
    expect(pack.details.some((d) => d.code === 'rules/shared' && d.message.vi.includes('là một bộ quy tắc'))).toBe(true);
    const noPrefix = loadError(rulesCopy('prefix', (d) => {
      const file = path.join(d, 'tt57-2026-mam-non', 'pack.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^item_id_prefix: .*\n/m, ''));
    }));
    const problem = noPrefix.details.find((d) => d.code === 'rules/shared')!;
    expect(problem.location!.line).toBeGreaterThan(1);
    expect(problem.message.vi).toMatch(/shared_rules cần item_id_prefix/);
  });

  it('a shared rule misfiled, or clashing with a pack rule once prefixed, is located in its own file', () => {
    const misfiled = loadError(rulesCopy('misfiled', (d) => {
      const file = path.join(d, 'tt57-2026-chung', 'muc-1', 'tieu-chuan-1.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('level: muc_1', 'level: muc_2'));
    }));
    expect(misfiled.details.find((d) => d.code === 'rules/misplaced')!.location!.file).toBe(path.join(tmp, 'misfiled', 'tt57-2026-chung', 'muc-1', 'tieu-chuan-1.yaml'));
    const clash = loadError(rulesCopy('clash', (d) => {
      const file = path.join(d, 'tt57-2026-pho-thong', 'muc-1', 'cong-nhan.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('TT57.PT.CN.khoa-hoan-thanh', 'TT57.PT.CN.ba-nam-lien-tiep'));
    }));
    expect(clash.details.some((d) => d.code === 'rules/duplicate-id' && d.message.vi.includes('TT57.PT.CN.ba-nam-lien-tiep'))).toBe(true);
  });

  it('a statement file that breaks its schema is a located error', () => {
    const broken = loadError(rulesCopy('statement', (d) => {
      const file = path.join(d, 'tt57-2026-chung', 'chuyen-tiep.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('to: "2028-12-31"', 'to: "31/12/2028"'));
    }));
    expect(broken.details[0]!.location!.file).toBe(path.join(tmp, 'statement', 'tt57-2026-chung', 'chuyen-tiep.yaml'));
  });
});
