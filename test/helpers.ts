import { stringify } from 'yaml';
import { parseYaml, type YamlFile } from '../src/load/yaml-file.js';
import type { EvalContext, RecordEntry } from '../src/engine/context.js';
import { schoolYearRange } from '../src/engine/context.js';

export function yamlOf(value: unknown, file = 'test.yaml'): YamlFile {
  const parsed = parseYaml(file, stringify(value));
  if (!parsed.ok) throw new Error('fixture YAML did not parse');
  return parsed.yaml;
}

/** An evaluation context over plain objects: { truong: {...}, tc2: {...} }. */
export function contextOf(roots: Record<string, unknown>, records: Omit<RecordEntry, 'ref'>[] = [], namHoc = '2025-2026'): EvalContext {
  const docs: EvalContext['roots'] = {};
  for (const [name, value] of Object.entries(roots)) docs[name] = yamlOf(value, `${name}.yaml`);
  return {
    roots: docs,
    schoolYear: schoolYearRange(namHoc, '08-01'),
    records: records.map((r, i) => ({ ...r, ref: { root: 'tc1', path: ['ho_so', i] } })),
  };
}
