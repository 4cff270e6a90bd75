/** findDateExpressions: every date expression in one document's text. */
import { isPossibleDayMonth, isValidDate } from './calendar';
import { chronoMatches } from './chronoAdapter';
import { matchDates, matchYearMentions, type RawMatch } from './matcher';
import { dateLineValueEnd, leadEnd, normalizeWord, pickLanguage, tokenize } from './text';
import { MONTHS } from './lexicon';
import months from './data/months.json';
import type { DateExpression, DateLanguage } from './types';
import { originalEnd, originalStart, unglue } from './unglue';

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

/** A year written after a day and month that the parsers leave out: Spanish and Italian "8 de octubre del 2012",
 *  "8 ottobre del 2012"; Vietnamese "8 tháng 10, 2012". Only a four-digit year of this or the last century. */
const YEAR_TAIL_RE: Partial<Record<DateLanguage, RegExp>> = {
  es: /^,?[ \t]+del?[ \t]+((?:19|20)\d\d)(?![\d\p{L}])/u,
  it: /^,?[ \t]+del[ \t]+((?:19|20)\d\d)(?![\d\p{L}])/u,
  pt: /^,?[ \t]+de[ \t]+((?:19|20)\d\d)(?![\d\p{L}])/u,
  vi: /^,[ \t]*((?:19|20)\d\d)(?![\d\p{L}])/u,
};

function attachYearTails(text: string, matches: RawMatch[], lang: DateLanguage): RawMatch[] {
  return matches.map((m) => {
    const re = YEAR_TAIL_RE[m.language] ?? YEAR_TAIL_RE[lang];
    if (m.kind !== 'date' || m.year !== undefined || re === undefined || m.day === undefined || m.month === undefined) return m;
    const t = re.exec(text.slice(m.end, m.end + 16));
    if (!t) return m;
    const year = Number(t[1]);
    if (!isValidDate(year, m.month, m.day)) return m;
    const end = m.end + t[0].length;
    return { ...m, end, year, yearStart: end - 4, yearEnd: end };
  });
}

/** The month a word names in a language's word list ("agosto", "Março", "أبريل", "كانون الثاني"). */
const monthOf = (lang: DateLanguage, word: string): number | undefined => MONTHS[lang].map.get(normalizeWord(word).split(/\s+/).join(' '));
/** Month first with the year after "de" or a comma (Colombia, Mexico: "octubre 8 de 2012", "Octubre 8, 2012"; also Portuguese). */
const ES_MONTH_FIRST_RE = /(?<![\p{L}\d])(\p{L}{3,10})\.?[ \t]+(\d{1,2})(?:[ \t]+de|,)[ \t]+((?:19|20)\d\d)(?![\d\p{L}])/gu;
/** Brazilian points between the parts ("8.out.2012 às 14h05", Folha de S.Paulo). */
const PT_DOTTED_RE = /(?<![\p{L}\d.])(\d{1,2})\.(\p{L}{3})\.((?:19|20)\d\d)(?![\d\p{L}])/gu;

/** Arabic bylines with slashes around the month name: "الجمعة 20/أبريل/2018 - 09:07 م". */
const AR_SLASHED_RE = /(?<![\d\u0660-\u0669])([\d\u0660-\u0669]{1,2})\s*\/\s*([\u0621-\u064A]+(?: [\u0621-\u064A]+)?)\s*\/\s*([\d\u0660-\u0669]{4})(?![\d\u0660-\u0669])/gu;

function wordMonthDates(text: string, lang: DateLanguage): RawMatch[] {
  const out: RawMatch[] = [];
  const add = (at: number, len: number, day: number, month: number | undefined, year: number): void => {
    if (month !== undefined && isValidDate(year, month, day)) out.push({ kind: 'date', language: lang, day, month, year, start: at, end: at + len, yearStart: at + len - 4, yearEnd: at + len });
  };
  // Colombia, Mexico "octubre 8 de 2012"; Brazilian blogs "terça-feira, agosto 10, 2021"
  if (lang === 'es' || lang === 'pt') for (const m of text.matchAll(ES_MONTH_FIRST_RE)) add(m.index, m[0].length, Number(m[2]), monthOf(lang, m[1]), Number(m[3]));
  if (lang === 'pt') for (const m of text.matchAll(PT_DOTTED_RE)) add(m.index, m[0].length, Number(m[1]), monthOf(lang, m[2]), Number(m[3]));
  if (lang === 'ar') for (const m of text.matchAll(AR_SLASHED_RE)) add(m.index, m[0].length, Number(normalizeWord(m[1])), monthOf(lang, m[2]), Number(normalizeWord(m[3])));
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
export function findDateExpressions(original: string, options?: { lang?: string }): DateExpression[] {
  try {
    if (typeof original !== 'string' || original.length === 0) return [];
    // the parsers read a copy with glued words set apart ("DoeMarch 12, 2024"); offsets map back to the original
    const u = unglue(original);
    const text = u.text;
    const lang: DateLanguage = pickLanguage(text, options?.lang);
    const tokens = tokenize(text);
    let matches: RawMatch[] = matchDates(tokens, lang);
    if (lang === 'vi') matches = matches.concat(viDatelines(text));
    if (lang !== 'vi' && lang !== 'ar') matches = matches.concat(chronoMatches(text, lang));
    if (lang !== 'vi') matches = matches.concat(wordMonthDates(text, lang));
    // A page's top is often in English whatever its language ("October 23, 2025" over a Spanish article).
    // (Month words only: "12/03/2024" stays little-endian, as the page's own language reads it, even with a time
    // and its letters after it: "08/10/2012 10:23 GMT+7", "08-10-2012 - 10:23 AM" are the 8th of October.)
    if (lang !== 'en' && lang !== 'ar') matches = matches.concat(chronoMatches(text.slice(0, TOP_CHARS), 'en').filter((m) => hasEnglishMonth(text.slice(m.start, m.end))));
    matches = attachYearTails(text, removeOverlaps(matches), lang);
    // A year mention overlapping a date is that date's year, not a mention of its own: removeOverlaps drops it.
    matches = removeOverlaps(matches.concat(matchYearMentions(tokens, lang)));
    matches = attachWeekdays(text, matches);
    const skipBefore = dateLineValueEnd(text);
    const lead = leadEnd(text);
    return matches
      .filter((m) => m.start >= skipBefore)
      .map((m): DateExpression => {
        const start = originalStart(u, m.start);
        const end = originalEnd(u, m.end);
        const e: DateExpression = {
          start,
          end,
          text: original.slice(start, end),
          language: m.language,
          kind: m.kind,
          inLead: m.start < lead,
        };
        if (m.year !== undefined) e.year = m.year;
        if (m.month !== undefined) e.month = m.month;
        if (m.day !== undefined) e.day = m.day;
        if (m.weekday !== undefined) e.weekday = m.weekday;
        if (m.yearStart !== undefined && m.yearEnd !== undefined) e.yearSpan = { start: originalStart(u, m.yearStart), end: originalEnd(u, m.yearEnd) };
        return e;
      });
  } catch {
    return [];
  }
}
