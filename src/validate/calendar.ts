// Why a date someone typed is no day of the calendar, in words: the messages of the `date` format (schemas)
// and of --as-of. Which dates are real is decided by formats.ts alone; this module only explains.
import type { LocalText } from '../types.js';
import { isCalendarDate } from './formats.js';

/** The parts of a date written YYYY-MM-DD, or D/M/YYYY or D.M.YYYY as it is written in Vietnam. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** True for D/M/YYYY and D.M.YYYY. */
  dayFirst: boolean;
}

const ISO = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const DAY_FIRST = /^([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})$/;

/** The year, month and day of a date-shaped text, whether or not that day exists; null for any other text. */
export function dateParts(text: string): DateParts | null {
  const iso = ISO.exec(text);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), dayFirst: false };
  const vn = DAY_FIRST.exec(text);
  if (vn) return { year: Number(vn[3]), month: Number(vn[2]), day: Number(vn[1]), dayFirst: true };
  return null;
}

/** YYYY-MM-DD of the parts. */
export function isoOf(parts: DateParts): string {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * "ngày 31/02/2025 không có thật: tháng 2 năm 2025 chỉ có 28 ngày" for a date-shaped text naming no real day
 * (quoted as typed); null when the day exists or the text is not shaped like a date.
 */
export function impossibleDate(text: string): LocalText | null {
  const parts = dateParts(text);
  if (!parts || isCalendarDate(isoOf(parts))) return null;
  const { year, month, day } = parts;
  let why: LocalText;
  if (month < 1 || month > 12) why = { vi: `không có tháng ${month} (một năm có 12 tháng)`, en: `there is no month ${month}` };
  else if (day < 1) why = { vi: 'không có ngày 0', en: 'there is no day 0' };
  else if (year < 1) why = { vi: 'không có năm 0', en: 'there is no year 0' };
  else {
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]! + (month === 2 && isCalendarDate(`${String(year).padStart(4, '0')}-02-29`) ? 1 : 0);
    why = month === 2
      ? { vi: `tháng 2 năm ${year} chỉ có ${days} ngày`, en: `February ${year} has ${days} days` }
      : { vi: `tháng ${month} chỉ có ${days} ngày`, en: `${MONTHS_EN[month - 1]} has ${days} days` };
  }
  return { vi: `ngày ${text} không có thật: ${why.vi}`, en: `the date ${text} does not exist: ${why.en}` };
}
