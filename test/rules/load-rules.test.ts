import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { isKnownError } from '../../src/errors.js';
import { rulesDir } from '../../src/paths.js';

/** A copy of the real tt47 pack in a temporary rules folder, with one file replaced. */
function brokenPack(file: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-rules-'));
  fs.copyFileSync(path.join(rulesDir, 'vocabulary.yaml'), path.join(dir, 'vocabulary.yaml'));
  fs.cpSync(path.join(rulesDir, 'tt47-2012'), path.join(dir, 'tt47-2012'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'tt47-2012', file), text);
  return dir;
}

function loadError(dir: string) {
  try {
    loadRuleSet(dir);
  } catch (error) {
    if (isKnownError(error)) return error;
    throw error;
  }
  throw new Error('expected a rule error');
}

const RULE = `rules:
  - id: TT47.TEST.C1
    level: dat_chuan
    standard: 1
    criterion: "1.1"
    title: { vi: "Thử", en: "Test" }
    requirement: { vi: "Thử", en: "Test" }
    reference: { article: "Điều 4" }
    verification: confirmed
    severity: error
    check: { type: max_value, path: truong.so_lop, max: 45, unit: { vi: lớp, en: classes } }
    remedy: { vi: "Giảm {{gap}} lớp", en: "Reduce by {{gap}}" }
`;

describe('a broken rule pack is a located error', () => {
  it('loads a correct extra rule', () => {
    const set = loadRuleSet(brokenPack('dat-chuan/tieu-chuan-1.yaml', RULE));
    expect(set.packs[0]!.rules.some((r) => r.id === 'TT47.TEST.C1')).toBe(true);
  });
  it.each([
    ['a misspelled threshold', RULE.replace('max: 45', 'maks: 45'), /tieu-chuan-1\.yaml$/, 11],
    ['a threshold that is not a number', RULE.replace('max: 45', 'max: "45%"'), /tieu-chuan-1\.yaml$/, 11],
    ['an unknown check type', RULE.replace('type: max_value', 'type: max_valeu'), /tieu-chuan-1\.yaml$/, 11],
    ['a missing reference', RULE.replace('    reference: { article: "Điều 4" }\n', ''), /tieu-chuan-1\.yaml$/, 2],
    ['a rule filed under the wrong standard', RULE.replace('standard: 1', 'standard: 2'), /tieu-chuan-1\.yaml$/, 2],
    ['YAML that does not parse', RULE.replace('    level: dat_chuan', '   level dat_chuan'), /tieu-chuan-1\.yaml$/, 3],
  ])('%s', (_name, text, file, line) => {
    const error = loadError(brokenPack('dat-chuan/tieu-chuan-1.yaml', text));
    const first = error.details[0]!;
    expect(first.location!.file).toMatch(file);
    expect(first.location!.line).toBe(line);
    expect(first.message.vi.length).toBeGreaterThan(5);
  });
  it('a duplicated rule id', () => {
    const dup = RULE.replace('TT47.TEST.C1', 'TT47.TH.S1.C10').replace('standard: 1', 'standard: 2').replace('"1.1"', '"2.1"');
    const error = loadError(brokenPack('dat-chuan/tieu-chuan-2.yaml', dup));
    expect(error.details.some((d) => d.code === 'rules/duplicate-id')).toBe(true);
  });
});
