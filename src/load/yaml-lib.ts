// The yaml library (the reference YAML reader), loaded the first time a file takes the reference path:
// most files take the fast reader's (fast-scan.ts), and a run that never needs yaml does not pay for
// loading it (about 20 ms). The page's bundle uses yaml-lib.page.ts instead (a static import).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | null = null;

export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
