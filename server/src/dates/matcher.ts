/**
 * The data-driven matcher: Vietnamese and Arabic dates, month-and-year phrases ("March 2025", "mars 2025",
 * "marzo de 2025"), numeric dates and bare year mentions. It walks tokens, never backtracks and never throws.
 */
import { isPossibleDayMonth, isValidDate } from './calendar';
import {
  AR_DAY_WORDS,
  AR_FILLERS,
  AR_ORDINALS,
  AR_YEAR_WORDS,
  LANGUAGES,
  LATIN_LANGUAGES,
  type LatinLanguage,
  MONTHS,
  VI_CUE_QUALIFIERS,
  VI_DAY_CUES,
  WEEKDAYS,
  YEAR_WORDS,
  hasWord,
  lookup,
} from './lexicon';
import { MENTION_MIN_YEAR, MENTION_MAX_YEAR, numberValue, dayValue, monthValue, yearValue, adjacent, isPunct, standsAlone, numericDate, standsAloneLeft, weekdayNumeric } from './numeric';
import type { Token } from './text';
import type { DateExpressionKind, DateLanguage } from './types';

export interface RawMatch {
  start: number;
  end: number;
  kind: DateExpressionKind;
  language: DateLanguage;
  year?: number;
  month?: number;
  day?: number;
  weekday?: number;
  yearStart?: number;
  yearEnd?: number;
  /** A day and month that do not exist (31 February): its words are used up but it is not reported. */
  invalid?: boolean;
}

function finish(tokens: readonly Token[], startTok: number, next: number, m: Omit<RawMatch, 'start' | 'end'>, yearTok?: number): RawMatch | undefined {
  const r: RawMatch = { ...m, start: tokens[startTok].start, end: tokens[next - 1].end };
  if (m.day !== undefined && m.month !== undefined) {
    if (m.year !== undefined ? !isValidDate(m.year, m.month, m.day) : !isPossibleDayMonth(m.day, m.month)) r.invalid = true;
  }
  if (yearTok !== undefined) {
    r.yearStart = tokens[yearTok].start;
    r.yearEnd = tokens[yearTok].end;
  }
  return r;
}

/** "Thứ Năm, ngày 13 tháng 3 năm 2025", "sáng 13/3", "13/3/2025", "tháng 3/2025", "tháng Ba năm 2025". */
function matchVietnamese(tokens: readonly Token[], i: number): RawMatch | undefined {
  let j = i;
  let weekday: number | undefined;
  const wd = lookup(tokens, j, WEEKDAYS.vi);
  if (wd) {
    weekday = wd.value;
    j = wd.next;
    if (isPunct(tokens[j], ',(')) j++;
  }
  let cue = false;
  let start = i;
  for (let k = 0; k < 2 && hasWord(VI_DAY_CUES, tokens[j]); k++) {
    if (weekday === undefined && tokens[j].norm !== 'ngày') start = j + 1;
    cue = true;
    j++;
  }
  // "hôm nay (17/12)", "sáng nay 17/12", "hôm qua (16/12)", "sáng sớm 26/2": the day after a cue and its
  // qualifier, maybe in parentheses
  let open = false;
  if (cue) {
    if (hasWord(VI_CUE_QUALIFIERS, tokens[j])) {
      if (weekday === undefined) start = j + 1;
      j++;
    }
    if (isPunct(tokens[j], '(') && tokens[j + 1]?.isNumber) {
      open = true;
      j++;
    }
  }
  const monthAfterThang = (at: number): { month: number; next: number } | undefined => {
    if (tokens[at]?.norm !== 'tháng') return undefined;
    const n = monthValue(tokens[at + 1]);
    if (n !== undefined) return { month: n, next: at + 2 };
    const w = lookup(tokens, at + 1, MONTHS.vi);
    return w ? { month: w.value, next: w.next } : undefined;
  };
  const yearAfterNam = (at: number): { year: number; tok: number; next: number } | undefined => {
    let k = at;
    if (isPunct(tokens[k], ',')) k++;
    if (tokens[k]?.norm !== 'năm') return undefined;
    const y = yearValue(tokens[k + 1]);
    return y !== undefined ? { year: y, tok: k + 1, next: k + 2 } : undefined;
  };
  // ngày 13 tháng 3 năm 2025
  const d = dayValue(tokens[j]);
  if (d !== undefined) {
    const mt = monthAfterThang(j + 1);
    if (mt) {
      const yn = yearAfterNam(mt.next);
      return finish(tokens, start, yn ? yn.next : mt.next, { kind: 'date', language: 'vi', day: d, month: mt.month, year: yn?.year, weekday }, yn?.tok);
    }
    const nd = numericDate(tokens, j, cue);
    if (nd && (cue || weekday !== undefined)) {
      let next = nd.next;
      let year = nd.year;
      let yearTok = nd.yearTok;
      if (year === undefined) {
        const yn = yearAfterNam(next);
        if (yn) ({ year, tok: yearTok, next } = yn);
      }
      if (weekday !== undefined && isPunct(tokens[next], ')') && isPunct(tokens[wd!.next], '(')) next++;
      else if (open && isPunct(tokens[next], ')')) next++;
      return finish(tokens, start, next, { kind: 'date', language: 'vi', day: nd.day, month: nd.month, year, weekday }, yearTok);
    }
  }
  // tháng 3 năm 2025, tháng 3/2025
  if (weekday === undefined) {
    const mt = monthAfterThang(j);
    if (mt) {
      const yn = yearAfterNam(mt.next);
      if (yn) return finish(tokens, j, yn.next, { kind: 'month', language: 'vi', month: mt.month, year: yn.year }, yn.tok);
      if (isPunct(tokens[mt.next], '/-') && adjacent(tokens, mt.next - 1, mt.next) && adjacent(tokens, mt.next, mt.next + 1)) {
        const y = yearValue(tokens[mt.next + 1]);
        if (y !== undefined) return finish(tokens, j, mt.next + 2, { kind: 'month', language: 'vi', month: mt.month, year: y }, mt.next + 1);
      }
    }
  }
  if (wd) return finish(tokens, i, wd.next, { kind: 'weekday', language: 'vi', weekday });
  return undefined;
}

/** Arabic month with an optional second name of the other set: "يناير/كانون الثاني", "كانون الثاني (يناير)". */
function arabicMonth(tokens: readonly Token[], j: number): { month: number; next: number } | undefined {
  let k = j;
  for (let n = 0; n < 2 && hasWord(AR_FILLERS, tokens[k], true) && lookup(tokens, k, MONTHS.ar, true) === undefined; n++) k++;
  const m = lookup(tokens, k, MONTHS.ar, true);
  if (!m) return undefined;
  let next = m.next;
  if (isPunct(tokens[next], '/(-')) {
    const alt = lookup(tokens, next + 1, MONTHS.ar);
    if (alt && alt.value === m.value) {
      next = alt.next;
      if (tokens[m.next].raw === '(' && isPunct(tokens[next], ')')) next++;
    }
  }
  return { month: m.value, next };
}

function arabicYear(tokens: readonly Token[], j: number): { year: number; tok: number; next: number } | undefined {
  let k = j;
  if (isPunct(tokens[k], ',\u060C')) k++;
  for (let n = 0; n < 2 && (hasWord(AR_FILLERS, tokens[k], true) || hasWord(AR_YEAR_WORDS, tokens[k], true)); n++) k++;
  const y = yearValue(tokens[k]);
  return y !== undefined ? { year: y, tok: k, next: k + 1 } : undefined;
}

/** "الخميس 13 آذار/مارس 2025", "في السادس من يناير/كانون الثاني", "الحادي والثلاثين من كانون الأول", "كانون الثاني 2025". */
function matchArabic(tokens: readonly Token[], i: number): RawMatch | undefined {
  let j = i;
  let weekday: number | undefined;
  if (hasWord(AR_DAY_WORDS, tokens[j], true) && lookup(tokens, j + 1, WEEKDAYS.ar, true)) j++;
  const wd = lookup(tokens, j, WEEKDAYS.ar, true);
  if (wd) {
    weekday = wd.value;
    j = wd.next;
    if (isPunct(tokens[j], ',\u060C')) j++;
    if (tokens[j]?.norm === 'في') j++;
  }
  let day: number | undefined;
  let afterDay = j;
  const ord = lookup(tokens, j, AR_ORDINALS, true);
  if (ord) {
    day = ord.value;
    afterDay = ord.next;
  } else if (tokens[j]?.isNumber && standsAloneLeft(tokens, j)) {
    day = dayValue(tokens[j]);
    afterDay = j + 1;
    // an English ordinal glued to the day on bilingual pages: "31st آذار"
    if (afterDay < tokens.length && adjacent(tokens, j, afterDay) && /^(st|nd|rd|th)$/.test(tokens[afterDay].norm)) afterDay++;
  }
  if (day !== undefined) {
    const m = arabicMonth(tokens, afterDay);
    if (m) {
      const y = arabicYear(tokens, m.next);
      return finish(tokens, i, y ? y.next : m.next, { kind: 'date', language: 'ar', day, month: m.month, year: y?.year, weekday }, y?.tok);
    }
  }
  {
    // month first, as English-style pages write it: "يناير 17, 2022"
    const m = arabicMonth(tokens, j);
    if (m && lookup(tokens, j, MONTHS.ar, true)) {
      const dd = tokens[m.next]?.isNumber ? dayValue(tokens[m.next]) : undefined;
      if (dd !== undefined) {
        const y = arabicYear(tokens, m.next + 1);
        if (y) return finish(tokens, i, y.next, { kind: 'date', language: 'ar', day: dd, month: m.month, year: y.year, weekday }, y.tok);
      }
    }
  }
  if (weekday === undefined) {
    const m = arabicMonth(tokens, j);
    if (m && lookup(tokens, j, MONTHS.ar, true)) {
      const y = arabicYear(tokens, m.next);
      if (y) return finish(tokens, j, y.next, { kind: 'month', language: 'ar', month: m.month, year: y.year }, y.tok);
    }
  }
  if (wd) {
    const nd = weekdayNumeric(tokens, wd.next);
    if (nd) return finish(tokens, i, nd.next, { kind: 'date', language: 'ar', day: nd.day, month: nd.month, year: nd.year, weekday }, nd.yearTok);
    return finish(tokens, i, wd.next, { kind: 'weekday', language: 'ar', weekday });
  }
  return undefined;
}

/** The Latin-script languages to try, the document's first. */
function latinOrder(docLang: DateLanguage): readonly LatinLanguage[] {
  const i = (LATIN_LANGUAGES as readonly string[]).indexOf(docLang);
  if (i <= 0) return LATIN_LANGUAGES;
  return [docLang as LatinLanguage, ...LATIN_LANGUAGES.filter((l) => l !== docLang)];
}

/** "March 2025", "March, 2025", "mars 2025", "marzo de 2025". */
function matchMonthYear(tokens: readonly Token[], i: number, docLang: DateLanguage): RawMatch | undefined {
  // After a day ("13 March 2025", "31st February 2025", "13 de marzo de 2025") this is part of a full date, which
  // chrono reads (or rejects when the day does not exist): do not fall back to the month alone.
  let p = i - 1;
  if (tokens[p]?.norm === 'de' || tokens[p]?.norm === 'of') p--;
  if (p >= 1 && !tokens[p].isNumber && adjacent(tokens, p - 1, p) && tokens[p - 1].isNumber) p--;
  if (p >= 0 && dayValue(tokens[p]) !== undefined) return undefined;
  for (const lang of latinOrder(docLang)) {
    const m = lookup(tokens, i, MONTHS[lang]);
    if (!m) continue;
    let k = m.next;
    if (isPunct(tokens[k], '.') && adjacent(tokens, k - 1, k)) k++;
    if (isPunct(tokens[k], ',')) k++;
    if (tokens[k]?.norm === 'of' || tokens[k]?.norm === 'de' || tokens[k]?.norm === 'del' || tokens[k]?.norm === 'di') k++;
    const y = yearValue(tokens[k]);
    if (y === undefined || !standsAlone(tokens, k)) continue;
    // "May 2025" needs a capital in English ("may" is also a verb).
    if (lang === 'en' && tokens[i].raw === tokens[i].norm) continue;
    return finish(tokens, i, k + 1, { kind: 'month', language: lang, month: m.value, year: y }, k);
  }
  return undefined;
}

/** A weekday alone in English, French or Spanish ("on Thursday", "jeudi"); chrono's strict parsers skip these. */
function matchLatinWeekday(tokens: readonly Token[], i: number, docLang: DateLanguage): RawMatch | undefined {
  for (const lang of latinOrder(docLang)) {
    const w = lookup(tokens, i, WEEKDAYS[lang]);
    if (!w) continue;
    if (lang === 'en' && tokens[i].raw === tokens[i].norm) continue; // English weekdays are capitalised
    const nd = lang === 'en' ? undefined : weekdayNumeric(tokens, w.next);
    if (nd) return finish(tokens, i, nd.next, { kind: 'date', language: lang, day: nd.day, month: nd.month, year: nd.year, weekday: w.value }, nd.yearTok);
    return finish(tokens, i, w.next, { kind: 'weekday', language: lang, weekday: w.value });
  }
  return undefined;
}

/** A numeric date outside Vietnamese/Arabic wording: yyyy-mm-dd anywhere; d/m/yyyy when the text is not English. */
function matchNumeric(tokens: readonly Token[], i: number, docLang: DateLanguage): RawMatch | undefined {
  if (!standsAloneLeft(tokens, i)) return undefined;
  // German "am 12.3.", "Dienstag, 12.03., …": a day and month each closed by a point (German decimals take a comma)
  if (docLang === 'de' && isPunct(tokens[i + 1], '.') && isPunct(tokens[i + 3], '.') && adjacent(tokens, i, i + 1) && adjacent(tokens, i + 1, i + 2) && adjacent(tokens, i + 2, i + 3)) {
    const d = dayValue(tokens[i]);
    const m = monthValue(tokens[i + 2]);
    if (d !== undefined && m !== undefined && !(adjacent(tokens, i + 3, i + 4) && tokens[i + 4].isNumber)) return finish(tokens, i, i + 4, { kind: 'date', language: 'de', day: d, month: m });
  }
  const nd = numericDate(tokens, i);
  if (!nd || nd.year === undefined) return undefined;
  const iso = yearValue(tokens[i]) !== undefined;
  // 3/4/2025 is ambiguous in English; the English parser decides. Points are day first everywhere ("08.10.2012").
  if (!iso && docLang === 'en' && tokens[i + 1]?.raw !== '.') return undefined;
  if (nd.next < tokens.length && adjacent(tokens, nd.next - 1, nd.next) && (tokens[nd.next].isNumber || (isPunct(tokens[nd.next], '/-.') && tokens[nd.next + 1]?.isNumber))) return undefined;
  return finish(tokens, i, nd.next, { kind: 'date', language: docLang, day: nd.day, month: nd.month, year: nd.year }, nd.yearTok);
}

export function matchDates(tokens: readonly Token[], docLang: DateLanguage): RawMatch[] {
  const out: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let best: RawMatch | undefined;
    for (const r of [matchVietnamese(tokens, i), matchArabic(tokens, i), matchMonthYear(tokens, i, docLang), matchNumeric(tokens, i, docLang), matchLatinWeekday(tokens, i, docLang)]) {
      if (r && (!best || r.end > best.end)) best = r;
    }
    if (best) {
      if (!best.invalid) out.push(best);
      while (i < tokens.length && tokens[i].start < best.end) i++;
    } else {
      i++;
    }
  }
  return out;
}

/** "in 2025", "en 2025", "năm 2025", "عام 2024", "لعام 2025", "mid-2025": a year word right before a four-digit year. */
export function matchYearMentions(tokens: readonly Token[], docLang: DateLanguage): RawMatch[] {
  const out: RawMatch[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const y = numberValue(tokens[i], 4, 4);
    if (y === undefined || y < MENTION_MIN_YEAR || y > MENTION_MAX_YEAR || !standsAlone(tokens, i)) continue;
    let cueIndex = i - 1;
    if ((isPunct(tokens[cueIndex], "-'’") && adjacent(tokens, cueIndex, i)) || isPunct(tokens[cueIndex], "'’")) cueIndex--;
    const cue = tokens[cueIndex];
    if (cue === undefined || cue.isNumber) continue;
    const langs = LANGUAGES.filter((l) => hasWord(YEAR_WORDS[l], cue, l === 'ar'));
    if (langs.length === 0) continue;
    const language = langs.includes(docLang) ? docLang : langs[0];
    out.push({ kind: 'year', language, year: y, start: cue.start, end: tokens[i].end, yearStart: tokens[i].start, yearEnd: tokens[i].end });
  }
  return out;
}
