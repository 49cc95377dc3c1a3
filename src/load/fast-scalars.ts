// Plain scalars resolved exactly as the reference parser (`yaml`, YAML 1.2 core schema) resolves them:
// same patterns, same conversions, same order. Dates, `yes`/`no`, `95,5`, `95%`, `1_000`, `0b1` stay
// strings; `~`/`null`, `true`/`False`, `0o17`, `0x1F`, `1e3`, `.inf`, `.nan` resolve as in yaml.

/** Returned when a plain scalar stays a string. */
export const NOT_RESOLVED: unique symbol = Symbol('not resolved');

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
  // Most scalars are words: only these first characters can start a null, a boolean or a number.
  switch (source.charCodeAt(0)) {
    case 126: // ~
    case 110: // n
    case 78: // N
      return NULL.test(source) ? null : NOT_RESOLVED;
    case 116: // t
    case 84: // T
    case 102: // f
    case 70: // F
      return BOOL.test(source) ? source[0] === 't' || source[0] === 'T' : NOT_RESOLVED;
    case 43: // +
    case 45: // -
    case 46: // .
    case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
      break;
    default:
      return source === '' ? null : NOT_RESOLVED;
  }
  if (NULL.test(source)) return null;
  if (BOOL.test(source)) return source[0] === 't' || source[0] === 'T';
  if (INT_OCT.test(source)) return parseInt(source.substring(2), 8);
  if (INT.test(source)) return parseInt(source, 10);
  if (INT_HEX.test(source)) return parseInt(source.substring(2), 16);
  if (FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return NOT_RESOLVED;
}
