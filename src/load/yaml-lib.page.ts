// The page's yaml library (see yaml-lib.ts): bundled, imported statically.
import * as Yaml from 'yaml';

export function yamlLib(): typeof Yaml {
  return Yaml;
}
