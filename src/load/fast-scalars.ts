// js-yaml, loaded as its CommonJS build, and the resolution of plain scalars exactly as the reference
// parser (`yaml`, YAML 1.2 core schema) does it: same patterns, same conversions. Dates, `yes`/`no`,
// `95,5`, `1_000`, `0b1` stay strings; `0o17`, `0x1F`, `.inf`, `.nan`, `~` resolve as in yaml.
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

const require = createRequire(import.meta.url);

/**
 * The CommonJS build on purpose: on Node 20 it parses about 2.5× faster than the ESM build
 * (docs/performance.md). Types come from the package's own declarations.
 */
export const jsyaml = require('js-yaml') as typeof JsYaml;

const NOT_RESOLVED: typeof JsYaml.NOT_RESOLVED = jsyaml.NOT_RESOLVED;

// The patterns and conversions of yaml/dist/schema/core (null, bool, int, float), in yaml's order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The value yaml's core schema gives a plain scalar, or NOT_RESOLVED when it stays a string. */
export function resolveCorePlain(source: string): null | boolean | number | typeof NOT_RESOLVED {
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return NOT_RESOLVED;
}
