/** findDateExpressions: every date expression in one document's text. */
import { isPossibleDayMonth } from './calendar';
import { chronoMatches } from './chronoAdapter';
import { matchDates, matchYearMentions, type RawMatch } from './matcher';
import { dateLineValueEnd, leadEnd, pickLanguage, tokenize } from './text';
import months from './data/months.json';
import type { DateExpression, DateLanguage } from './types';

/** How much a match says: a day beats a month beats a year or weekday alone; then a stated year; then length. */
function weight(m: RawMatch): number {
  const kind = m.kind === 'date' ? 300 : m.kind === 'month' ? 200 : 100;
  return kind + (m.year !== undefined ? 20 : 0) + (m.weekday !== undefined ? 10 : 0);
}

/** Keep the most informative of overlapping matches (an occupancy map keeps this linear in the text length). */
function removeOverlaps(matches: RawMatch[]): RawMatch[] {
  const sorted = [...matches].sort((a, b) => weight(b) - weight(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const size = matches.reduce((n, m) => Math.max(n, m.end), 0);
  const taken = new Uint8Array(size + 1);
  const kept: RawMatch[] = [];
  for (const m of sorted) {
    let free = true;
    for (let k = m.start; k < m.end && free; k++) free = taken[k] === 0;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const EN_MONTH_WORDS: ReadonlySet<string> = new Set(Object.keys(months.en.words));

/** Does a piece of text name an English month ("Oct", "October")? */
function hasEnglishMonth(s: string): boolean {
  return (s.match(/\p{L}+/gu) ?? []).some((w) => EN_MONTH_WORDS.has(w.toLowerCase()));
}

const GAP_LIMIT = 24;
/** How much of the page's top is also read as English. */
const TOP_CHARS = 800;
const GAP_BREAK_RE = /[.!?;\u061F\r\n]/;

/** "jeudi après-midi 12 décembre": a weekday shortly before a date in the same sentence belongs to it. */
function attachWeekdays(text: string, matches: RawMatch[]): RawMatch[] {
  const out: RawMatch[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    const next = matches[i + 1];
    if (m.kind === 'weekday' && next !== undefined && next.kind === 'date' && next.weekday === undefined && next.start - m.end <= GAP_LIMIT && !GAP_BREAK_RE.test(text.slice(m.end, next.start))) {
      out.push({ ...next, start: m.start, weekday: m.weekday });
      i++;
      continue;
    }
    out.push(m);
  }
  return out;
}

/** A Vietnamese wire dateline without a day word: "Hà Nội, 12/3 (TTXVN) -", "(Dân trí) - 12/3, …", "TP - 12/3, …":
 *  a place or an agency, a dash or comma, the day and month, then a comma, a bracket or a dash. */
const VI_DATELINE_RE = /^[ \t]*\(?[\p{Lu}][\p{L}\p{M}.]*(?:[ \t][\p{L}\p{M}.]+){0,3}\)?[ \t]*[-–—,][ \t]*(\d{1,2})\/(\d{1,2})(?=[ \t]*[,(–—-])/u;

function viDatelines(text: string): RawMatch[] {
  const out: RawMatch[] = [];
  let start = 0;
  for (let n = 0; n < 12 && start < text.length; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const m = VI_DATELINE_RE.exec(text.slice(start, end));
    if (m) {
      const day = Number(m[1]);
      const month = Number(m[2]);
      const at = start + m[0].length - m[1].length - m[2].length - 1;
      if (isPossibleDayMonth(day, month)) out.push({ kind: 'date', language: 'vi', day, month, start: at, end: start + m[0].length });
    }
    start = end + 1;
  }
  return out;
}

/**
 * Every date expression in ONE document's text (never throws; an empty list for bad input).
 * Offsets are UTF-16 offsets into `text`.
 */
export function findDateExpressions(text: string, options?: { lang?: string }): DateExpression[] {
  try {
    if (typeof text !== 'string' || text.length === 0) return [];
    const lang: DateLanguage = pickLanguage(text, options?.lang);
    const tokens = tokenize(text);
    let matches: RawMatch[] = matchDates(tokens, lang);
    if (lang === 'vi') matches = matches.concat(viDatelines(text));
    if (lang !== 'vi' && lang !== 'ar') matches = matches.concat(chronoMatches(text, lang));
    // A page's top is often in English whatever its language ("October 23, 2025" over a Spanish article).
    // (Month words only: "12/03/2024" stays little-endian, as the page's own language reads it, even with a time
    // and its letters after it: "08/10/2012 10:23 GMT+7", "08-10-2012 - 10:23 AM" are the 8th of October.)
    if (lang !== 'en' && lang !== 'ar') matches = matches.concat(chronoMatches(text.slice(0, TOP_CHARS), 'en').filter((m) => hasEnglishMonth(text.slice(m.start, m.end))));
    matches = removeOverlaps(matches);
    // A year mention overlapping a date is that date's year, not a mention of its own: removeOverlaps drops it.
    matches = removeOverlaps(matches.concat(matchYearMentions(tokens, lang)));
    matches = attachWeekdays(text, matches);
    const skipBefore = dateLineValueEnd(text);
    const lead = leadEnd(text);
    return matches
      .filter((m) => m.start >= skipBefore)
      .map((m): DateExpression => {
        const e: DateExpression = {
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          language: m.language,
          kind: m.kind,
          inLead: m.start < lead,
        };
        if (m.year !== undefined) e.year = m.year;
        if (m.month !== undefined) e.month = m.month;
        if (m.day !== undefined) e.day = m.day;
        if (m.weekday !== undefined) e.weekday = m.weekday;
        if (m.yearStart !== undefined && m.yearEnd !== undefined) e.yearSpan = { start: m.yearStart, end: m.yearEnd };
        return e;
      });
  } catch {
    return [];
  }
}
