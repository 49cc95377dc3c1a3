import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import { MAX_NESTING_DEPTH } from '../../src/load/nesting.js';
import { MAX_ALIAS_COUNT } from '../../src/load/yaml-file.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/load/yaml-limits.js';
import { packageRoot } from '../../src/paths.js';
import { FULL_VALIDATION_MAX_VALUES } from '../../src/validate/validate-document.js';
import { CORPUS } from './corpus.js';

const doc = fs.readFileSync(path.join(packageRoot, 'docs', 'security.md'), 'utf8');

describe('docs/security.md', () => {
  it('lists every case of the hostile corpus, and no case that is gone', () => {
    for (const c of CORPUS) expect(doc, c.name).toContain(`| \`${c.name}\` |`);
    const corpusSection = doc.slice(doc.indexOf('## 3.'));
    const listed = [...corpusSection.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(CORPUS.map((c) => c.name).sort());
  });

  it('states the limits with their current values', () => {
    expect(doc).toContain(`**${MAX_FILE_BYTES / 1024} KB** (\`MAX_FILE_BYTES\``);
    expect(doc).toContain(`**${MAX_NESTING_DEPTH} cấp** (\`MAX_NESTING_DEPTH\`)`);
    expect(doc).toContain(`**${MAX_ALIAS_COUNT}** (\`MAX_ALIAS_COUNT\`)`);
    expect(doc).toContain(`**${MAX_DIAGNOSTICS_PER_FILE}** (\`MAX_DIAGNOSTICS_PER_FILE\`)`);
    expect(doc).toContain(`**${FULL_VALIDATION_MAX_VALUES.toLocaleString('fr-FR').replace(/\s/g, ' ')} giá trị** (\`FULL_VALIDATION_MAX_VALUES\`)`);
  });
});
