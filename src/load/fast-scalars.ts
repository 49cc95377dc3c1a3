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
  const first = source.charCodeAt(0);
  switch (first) {
    case 126: // ~
    case 110: // n
    case 78: // N
      return source.length <= 4 && NULL.test(source) ? null : NOT_RESOLVED;
    case 116: // t
    case 84: // T
    case 102: // f
    case 70: // F
      return source.length <= 5 && BOOL.test(source) ? first === 116 || first === 84 : NOT_RESOLVED;
    case 43: // +
    case 45: // -
    case 46: // .
    case 48: case 49: case 50: case 51: case 52: case 53: case 54: case 55: case 56: case 57:
      break;
    default:
      return source === '' ? null : NOT_RESOLVED;
  }
  // A number: no null or boolean starts like this, and each pattern below matches a different shape,
  // so testing only the ones the second character allows gives yaml's answer.
  const second = source.charCodeAt(1);
  if (first === 48 && second === 111) return INT_OCT.test(source) ? parseInt(source.substring(2), 8) : NOT_RESOLVED; // 0o
  if (first === 48 && second === 120) return INT_HEX.test(source) ? parseInt(source.substring(2), 16) : NOT_RESOLVED; // 0x
  if (INT.test(source)) return parseInt(source, 10);
  if ((first === 46 || second === 46) && FLOAT_NAN.test(source)) return source.slice(-3).toLowerCase() === 'nan' ? NaN : first === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(source) || FLOAT.test(source)) return parseFloat(source);
  return NOT_RESOLVED;
}

/**
 * Whether a number read from YAML can be a value of a school file: finite, and no larger in magnitude than
 * Number.MAX_SAFE_INTEGER (2^53 - 1), past which a written integer is silently rounded (2^53 + 1 reads as 2^53).
 * Both readers refuse any other number where it is written (yaml-file.ts).
 */
export function isPossibleNumber(value: number): boolean {
  return Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}
