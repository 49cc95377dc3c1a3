import fs from 'node:fs';
import { it } from 'vitest';
import { parseFast } from '../../src/load/fast-yaml.js';
import { jsyaml } from '../../src/load/fast-schema.js';
it('d', () => {
  const t = fs.readFileSync('/work/main/examples/th-mai-sao/truong.yaml', 'utf8');
  try { jsyaml.parseEvents(t, {maxDepth: 64}); console.log('events ok'); } catch (e) { console.log('events err', (e as Error).message); }
  console.log(parseFast(t) ? 'fast' : 'null');
});
