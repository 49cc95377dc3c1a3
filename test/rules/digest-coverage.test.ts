import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/engine/load-rules.js';
import { packageRoot } from '../../src/paths.js';

// The regulation digests live beside the repository (../shared/regulations), as in CI.
const digestDir = path.resolve(packageRoot, '..', 'shared', 'regulations');
const DIGESTS: [string, string, RegExp][] = [
  ['tt02-2014', 'circular-02-2014.md', /\bMN\.L[12]\.S\d\.(?:C\d+|\*)|\bMN\.PROC\.\d+/g],
  ['tt59-2012', 'circular-59-2012.md', /\bTH\.(?:MQ|L1|L2)\.S\d\.C\d+|\bTH\.GEN\.C\d+|\bTH\.PROC\.(?:MQ|NS)\.\d+|\bTH\.PROC\.V\d+/g],
  ['tt47-2012', 'circular-47-2012.md', /\b(?:TH|THCS|THPT)\.(?:S\d\.C\d+|PROC\.\d+)\b/g],
];

describe.skipIf(!fs.existsSync(digestDir))('the catalogue accounts for every digest item', () => {
  const set = loadRuleSet();
  it.each(DIGESTS)('%s: every item of %s is encoded or listed as not encoded', (packId, file, pattern) => {
    const pack = set.packs.find((p) => p.id === packId)!;
    const items = new Set(fs.readFileSync(path.join(digestDir, file), 'utf8').match(pattern) ?? []);
    const accounted = new Set([...pack.rules.map((r) => r.digest).filter(Boolean), ...pack.notEncoded.map((n) => n.digest)]);
    expect(items.size).toBeGreaterThan(10);
    expect([...items].filter((id) => !accounted.has(id))).toEqual([]);
  });

  it('every district-practice check is encoded for every circular', () => {
    // Each pack carries rules tagged from district-practice.md (ids TT<nn>.DP.* or tagged district-practice).
    // The district practice concerns the 2012–2014 circulars (the packs for folders naming none).
    for (const pack of set.packs.filter((p) => p.selection.default)) {
      const dp = pack.rules.filter((r) => r.id.includes('.DP.') || r.tags?.includes('district-practice'));
      expect(dp.length, pack.id).toBeGreaterThanOrEqual(8);
    }
  });
});
