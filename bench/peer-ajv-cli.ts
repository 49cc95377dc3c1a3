// The peer users would reach for first: ajv-cli, schema validation only (no positions, no rules, no
// report), one call per schema, as a script over a folder of schools would run it. ajv-cli stops at the
// first file it cannot read (a missing file, a tab, a repeated key), so it is given the schools that chuan
// found readable: the ones not reported invalid. Its YAML reader (js-yaml 3) turns unquoted dates into
// Date objects, so it rejects most files; --errors=no keeps it from printing why.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const STANDARDS = [1, 2, 3, 4, 5];

export interface PeerCall {
  args: string[];
}

/** The ajv-cli calls for the readable schools of a chuan JSON report (one school per line). */
export function ajvCliCalls(report: string, cwd: string, schemasDir: string): { calls: PeerCall[]; schools: number } {
  const cli = createRequire(import.meta.url).resolve('ajv-cli/dist/index.js');
  const byPack = new Map<string, string[]>();
  let schools = 0;
  for (const line of fs.readFileSync(report, 'utf8').split('\n')) {
    if (!line.startsWith('{"dir":')) continue;
    const school = JSON.parse(line.replace(/,$/, '')) as { dir: string; outcome: string; packId: string | null };
    if (school.outcome === 'invalid' || !school.packId) continue;
    const list = byPack.get(school.packId) ?? [];
    list.push(path.resolve(cwd, school.dir));
    byPack.set(school.packId, list);
    schools++;
  }
  const common = ['--spec=draft2020', '--strict=false', '--errors=no', '-r', path.join(schemasDir, 'common.schema.json')];
  const call = (schema: string, files: string[]): PeerCall => ({ args: [cli, 'validate', ...common, '-s', schema, ...files.flatMap((f) => ['-d', f])] });
  const calls: PeerCall[] = [];
  for (const [pack, dirs] of byPack) {
    calls.push(call(path.join(schemasDir, 'truong.schema.json'), dirs.map((d) => path.join(d, 'truong.yaml'))));
    for (const n of STANDARDS) calls.push(call(path.join(schemasDir, pack, `tieu-chuan-${n}.schema.json`), dirs.map((d) => path.join(d, `tieu-chuan-${n}.yaml`))));
  }
  return { calls, schools };
}
