// ISO 8601 calendar dates at day, month or year precision (format spec, section 4).

export type Precision = 'day' | 'month' | 'year';

export interface IsoDate {
  /** The value as written, e.g. `2024-12`. */
  text: string;
  year: number;
  month?: number;
  day?: number;
  precision: Precision;
}

export type IsoCheck = { ok: true; date: IsoDate } | { ok: false; reason: string; /** An unambiguous ISO spelling of the same date, if there is one. */ normalized?: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function checkParts(year: number, month: number | undefined, day: number | undefined): string | undefined {
  if (month !== undefined && (month < 1 || month > 12)) return `there is no month ${month}`;
  if (month !== undefined && day !== undefined) {
    const max = daysInMonth(year, month);
    if (day < 1 || day > max) return `${MONTHS[month - 1]} ${year} has no day ${day}`;
  }
  return undefined;
}

/** Checks a date value. Never throws. */
export function checkIsoDate(text: string): IsoCheck {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = m[2] === undefined ? undefined : Number(m[2]);
    const day = m[3] === undefined ? undefined : Number(m[3]);
    const bad = checkParts(year, month, day);
    if (bad) return { ok: false, reason: `${text} is not a real date: ${bad}` };
    return {
      ok: true,
      date: { text, year, month, day, precision: day !== undefined ? 'day' : month !== undefined ? 'month' : 'year' },
    };
  }
  // Unambiguous near misses: missing zero padding (2024-12-1), other separators
  // (2024/12/01, 2024.12.01), or day/month/year where only one reading is possible.
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const ymd = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (ymd) {
    year = Number(ymd[1]);
    month = Number(ymd[2]);
    day = ymd[3] === undefined ? undefined : Number(ymd[3]);
  } else if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    year = Number(dmy[3]);
    if (a === b || b > 12) {
      month = a;
      day = b;
    } else if (a > 12) {
      day = a;
      month = b;
    } else {
      return {
        ok: false,
        reason: `${text} is not in ISO form, and it could mean ${year}-${pad(b, 2)}-${pad(a, 2)} or ${year}-${pad(a, 2)}-${pad(b, 2)}`,
      };
    }
  }
  if (year !== undefined && month !== undefined) {
    const bad = checkParts(year, month, day);
    if (bad) return { ok: false, reason: `${text} is not a real date: ${bad}` };
    const normalized = `${pad(year, 4)}-${pad(month, 2)}${day === undefined ? '' : `-${pad(day, 2)}`}`;
    return { ok: false, reason: `${text} is not in ISO form (year-month-day, two digits for month and day)`, normalized };
  }
  return { ok: false, reason: `${quote(text)} is not an ISO date` };
}

function quote(text: string): string {
  return text.length > 30 ? `"${text.slice(0, 27)}…"` : `"${text}"`;
}

/** `Thursday 12 December 2024` / `December 2024` / `2024`. */
export function describeIsoDate(date: IsoDate): string {
  if (date.precision === 'year') return String(date.year);
  const month = MONTHS[(date.month ?? 1) - 1];
  if (date.precision === 'month') return `${month} ${date.year}`;
  const weekday = new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)).toLocaleDateString('en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  });
  return `${weekday} ${date.day} ${month} ${date.year}`;
}
