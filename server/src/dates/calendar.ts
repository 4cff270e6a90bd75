/** Calendar arithmetic on proleptic Gregorian dates, independent of time zones. */

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** A day and month that exist in at least one year (29 February counts). */
export function isPossibleDayMonth(day: number, month: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 ? 29 : DAYS_IN_MONTH[month - 1]);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && isPossibleDayMonth(day, month) && day <= daysInMonth(year, month);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Days since 1970-01-01 of a date (UTC). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / 86_400_000);
}

export interface IsoParts {
  year: number;
  month?: number;
  day?: number;
  precision: 'year' | 'month' | 'day';
}

const ISO_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parse YYYY, YYYY-MM or YYYY-MM-DD; undefined when it is not a real date. */
export function parseIso(iso: string | undefined): IsoParts | undefined {
  if (typeof iso !== 'string') return undefined;
  const m = ISO_RE.exec(iso.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1) return undefined;
  if (m[2] === undefined) return { year, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(m[3]);
  if (!isValidDate(year, month, day)) return undefined;
  return { year, month, day, precision: 'day' };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function formatIso(year: number, month?: number, day?: number): string {
  let s = pad(year, 4);
  if (month !== undefined) s += '-' + pad(month, 2);
  if (month !== undefined && day !== undefined) s += '-' + pad(day, 2);
  return s;
}

/** The first and last day (as day numbers) covered by an ISO date of any precision. */
export function isoRange(p: IsoParts): [number, number] {
  if (p.precision === 'day') {
    const d = dayNumber(p.year, p.month ?? 1, p.day ?? 1);
    return [d, d];
  }
  if (p.precision === 'month') {
    const m = p.month ?? 1;
    return [dayNumber(p.year, m, 1), dayNumber(p.year, m, daysInMonth(p.year, m))];
  }
  return [dayNumber(p.year, 1, 1), dayNumber(p.year, 12, 31)];
}

/** The date `n` days after a date. */
export function addDays(year: number, month: number, day: number, n: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day) + n * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
