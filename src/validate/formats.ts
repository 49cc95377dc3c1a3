// The string formats of the input schemas (`"format": "date"` and friends), defined once for every path
// that validates: ajv compiling the schemas here, the validators generated at build time, and the places
// outside a schema that read the same values (--as-of, chuan init --nam-hoc). A value of the right shape
// that cannot exist (2025-02-31, the school year 2025-2027) is refused like a value of the wrong shape.
//
// Each predicate is self-contained (no reference to anything outside its own body): write-precompiled.ts
// copies its source text into the generated validators, which must run without this module.

/** A real day of the Gregorian calendar written YYYY-MM-DD (leap years included; there is no year 0). */
export function isCalendarDate(text: string): boolean {
  const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/** A school year written YYYY-YYYY: two consecutive years (2025-2026). */
export function isSchoolYear(text: string): boolean {
  const m = /^([0-9]{4})-([0-9]{4})$/.exec(text);
  return m !== null && Number(m[1]) >= 1 && Number(m[2]) === Number(m[1]) + 1;
}

/** A year (2025) or a school year (2024-2025). */
export function isYearOrSchoolYear(text: string): boolean {
  const m = /^([0-9]{4})(?:-([0-9]{4}))?$/.exec(text);
  return m !== null && Number(m[1]) >= 1 && (m[2] === undefined || Number(m[2]) === Number(m[1]) + 1);
}

/** A day of every year written MM-DD (a rule pack's school-year start): 02-29 is not one. */
export function isMonthDay(text: string): boolean {
  const m = /^([0-9]{2})-([0-9]{2})$/.exec(text);
  if (m === null) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 ? 28 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** The formats by the name the schemas use. */
export const SCHEMA_FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  date: isCalendarDate,
  'school-year': isSchoolYear,
  'year-or-school-year': isYearOrSchoolYear,
  'month-day': isMonthDay,
};

/** The name the generated validators give the formats object (see write-precompiled.ts). */
export const FORMATS_IDENTIFIER = 'chuanFormats';

/** `const chuanFormats = {...};`: the formats as source text, for the generated validators. */
export function formatsSource(): string {
  const entries = Object.entries(SCHEMA_FORMATS).map(([name, check]) => `${JSON.stringify(name)}: ${check.toString()}`);
  return `const ${FORMATS_IDENTIFIER} = {\n${entries.join(',\n')}\n};\n`;
}

/** Adds the formats to an ajv instance (as functions, ajv applies them to strings only: other types are left to `type`). */
export function addSchemaFormats(ajv: { addFormat(name: string, format: (text: string) => boolean): unknown }): void {
  for (const [name, check] of Object.entries(SCHEMA_FORMATS)) ajv.addFormat(name, check);
}
