/** Reading numbers out of tokens: days, months and years, and numeric dates ("25/03/2024", "2024-03-25", "25/3"
 *  after a weekday). Shared by the data-driven matcher. */
import type { Token } from './text';

export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;
/** Bare year mentions are only believed in this range. */
export const MENTION_MIN_YEAR = 1900;
export const MENTION_MAX_YEAR = 2100;

export function numberValue(t: Token | undefined, maxDigits: number, minDigits = 1): number | undefined {
  if (t === undefined || !t.isNumber || t.norm.length > maxDigits || t.norm.length < minDigits) return undefined;
  return Number(t.norm);
}

export function dayValue(t: Token | undefined): number | undefined {
  const v = numberValue(t, 2);
  return v !== undefined && v >= 1 && v <= 31 ? v : undefined;
}

export function monthValue(t: Token | undefined): number | undefined {
  const v = numberValue(t, 2);
  return v !== undefined && v >= 1 && v <= 12 ? v : undefined;
}

export function yearValue(t: Token | undefined): number | undefined {
  const v = numberValue(t, 4, 4);
  return v !== undefined && v >= MIN_YEAR && v <= MAX_YEAR ? v : undefined;
}

export function adjacent(tokens: readonly Token[], a: number, b: number): boolean {
  return a >= 0 && b < tokens.length && tokens[a].end === tokens[b].start;
}

export function isPunct(t: Token | undefined, chars: string): boolean {
  return t !== undefined && t.raw.length === 1 && chars.includes(t.raw);
}

/** Digits glued to this number on either side ("2024-12-12", "1/2") make it part of something else. */
export function standsAlone(tokens: readonly Token[], i: number): boolean {
  const before = i >= 2 && adjacent(tokens, i - 1, i) && isPunct(tokens[i - 1], '/-.,:') && adjacent(tokens, i - 2, i - 1) && tokens[i - 2].isNumber;
  const after = i + 2 < tokens.length && adjacent(tokens, i, i + 1) && isPunct(tokens[i + 1], '/-.,:') && adjacent(tokens, i + 1, i + 2) && tokens[i + 2].isNumber;
  const gluedLetters =
    (i > 0 && adjacent(tokens, i - 1, i) && !tokens[i - 1].isNumber && tokens[i - 1].raw.length > 1) ||
    (i + 1 < tokens.length && adjacent(tokens, i, i + 1) && !tokens[i + 1].isNumber && tokens[i + 1].raw.length > 1 && !/^(st|nd|rd|th|er|e|º)$/.test(tokens[i + 1].norm));
  return !before && !after && !gluedLetters;
}

/** d/m/yyyy, d-m-yyyy or d.m.yyyy (little-endian), or yyyy-mm-dd; tokens must touch. */
export function numericDate(tokens: readonly Token[], i: number, dotted = false): { day: number; month: number; year?: number; yearTok?: number; next: number } | undefined {
  const t = tokens[i];
  if (!t?.isNumber) return undefined;
  // yyyy-mm-dd (or yyyy/mm/dd, yyyy.mm.dd with the same separator twice)
  const y = yearValue(t);
  if (y !== undefined) {
    const sepTok = tokens[i + 1];
    if (
      isPunct(sepTok, '-/.') &&
      adjacent(tokens, i, i + 1) &&
      adjacent(tokens, i + 1, i + 2) &&
      tokens[i + 2]?.norm.length === 2 &&
      tokens[i + 3]?.raw === sepTok.raw &&
      adjacent(tokens, i + 2, i + 3) &&
      adjacent(tokens, i + 3, i + 4) &&
      tokens[i + 4]?.norm.length === 2
    ) {
      const m = monthValue(tokens[i + 2]);
      const d = dayValue(tokens[i + 4]);
      if (m !== undefined && d !== undefined) return { day: d, month: m, year: y, yearTok: i, next: i + 5 };
    }
    return undefined;
  }
  const d = dayValue(t);
  if (d === undefined) return undefined;
  const sep = tokens[i + 1];
  if (!isPunct(sep, '/-.') || !adjacent(tokens, i, i + 1) || !adjacent(tokens, i + 1, i + 2)) return undefined;
  const m = monthValue(tokens[i + 2]);
  if (m === undefined) return undefined;
  if (tokens[i + 3]?.raw === sep.raw && adjacent(tokens, i + 2, i + 3) && adjacent(tokens, i + 3, i + 4)) {
    const yr = yearValue(tokens[i + 4]);
    if (yr !== undefined) return { day: d, month: m, year: yr, yearTok: i + 4, next: i + 5 };
    // "10/04/24", "01.10.17": two digits each, a two-digit year (1950–2049)
    const yy = numberValue(tokens[i + 4], 2, 2);
    if (yy !== undefined && sep.raw !== '-' && t.norm.length === 2 && tokens[i + 2].norm.length === 2) return { day: d, month: m, year: yy < 50 ? 2000 + yy : 1900 + yy, yearTok: i + 4, next: i + 5 };
    return undefined; // 1.2.3 is not a date
  }
  if (sep.raw === '.' && !dotted) return undefined; // "13.3" alone is a decimal number (but "Sáng 17.12" is a day)
  return { day: d, month: m, next: i + 3 };
}

export function standsAloneLeft(tokens: readonly Token[], i: number): boolean {
  return !(i >= 1 && adjacent(tokens, i - 1, i) && (tokens[i - 1].isNumber || isPunct(tokens[i - 1], '/-.,:')));
}

/** A numeric day and month right after a weekday: "quinta-feira (25/3)", "jeudi 25/03", "الخميس 25/3" (day first;
 *  not in English, where 3/25 is month first). The weekday makes a bare "25/3" a date rather than a score. */
export function weekdayNumeric(tokens: readonly Token[], j: number): { day: number; month: number; year?: number; yearTok?: number; next: number } | undefined {
  let k = j;
  if (isPunct(tokens[k], '-') && tokens[k + 1]?.norm === 'feira') k += 2; // "quinta-feira" when only "quinta" matched
  if (isPunct(tokens[k], ',\u060C')) k++;
  const open = isPunct(tokens[k], '(');
  if (open) k++;
  if (!tokens[k]?.isNumber || !standsAloneLeft(tokens, k)) return undefined;
  const nd = numericDate(tokens, k, true);
  if (!nd || (!isPunct(tokens[k + 1], '/-') && nd.year === undefined)) return undefined;
  if (nd.next < tokens.length && adjacent(tokens, nd.next - 1, nd.next) && tokens[nd.next].isNumber) return undefined;
  if (open && isPunct(tokens[nd.next], ')')) return { ...nd, next: nd.next + 1 };
  return nd;
}
