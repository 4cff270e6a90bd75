/**
 * English, French and Spanish dates through chrono-node's strict parsers (formal dates only: no "today", no times).
 * Only the locales used are loaded, through chrono-node's per-locale entry points, to keep the server bundle small.
 */
import type * as Chrono from 'chrono-node';
import { isPossibleDayMonth, isValidDate } from './calendar';
import type { RawMatch } from './matcher';

type StrictParser = typeof Chrono.en.strict;
export type ChronoLanguage = 'en' | 'fr' | 'es' | 'de' | 'it' | 'pt';

let parsers: Partial<Record<ChronoLanguage, StrictParser | null>> = {};

function parserFor(lang: ChronoLanguage): StrictParser | null {
  const cached = parsers[lang];
  if (cached !== undefined) return cached;
  let p: StrictParser | null = null;
  try {
    // Literal require()s so the bundler includes exactly these locales (the package's subpath exports);
    // TypeScript's classic "node" resolution cannot see subpath exports, hence the typed casts.
    /* eslint-disable @typescript-eslint/no-require-imports -- see above */
    if (lang === 'en') p = (require('chrono-node/en') as typeof Chrono.en).strict;
    else if (lang === 'fr') p = (require('chrono-node/fr') as typeof Chrono.fr).strict;
    else if (lang === 'es') p = (require('chrono-node/es') as typeof Chrono.es).strict;
    else if (lang === 'de') p = (require('chrono-node/de') as typeof Chrono.de).strict;
    else if (lang === 'it') p = (require('chrono-node/it') as typeof Chrono.en).strict;
    else p = (require('chrono-node/pt') as typeof Chrono.pt).strict;
    /* eslint-enable @typescript-eslint/no-require-imports */
  } catch {
    p = null;
  }
  parsers = { ...parsers, [lang]: p };
  return p;
}

const REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));
const LEADING_ON_RE = /^(on|On|ON)\s+/;

/**
 * Words of a relative expression ("three days later", "a week ago", "il y a deux jours"): chrono's parsers read
 * them against the reference date, which would make 2000-01-04 of "three days later". They are never dates.
 */
const RELATIVE_RE =
  /(?<!\p{L})(ago|later|earlier|after|before|from now|next|last|hace|dentro|después|antes|depuis|dans|il y a|plus tard|avant|après|vor|nach|seit|später|fa|dopo|prima|tra|fra|há|daqui|depois|atrás)(?!\p{L})/iu;

/** Units of a duration ("in 10 weeks", "2 días", "drei Wochen"): a matched text with one is a duration, not a date. */
const UNIT_RE =
  /(?<!\p{L})(days?|weeks?|months?|years?|hours?|minutes?|jours?|semaines?|mois|ans|années?|heures?|días?|semanas?|meses|años?|horas?|tage?n?|wochen?|monate?n?|jahre?n?|stunden?|giorni|settimane?|mesi|anni|ore|dias?|anos?)(?!\p{L})/iu;

/** "8 de octubre de 45" → "8 de octubre", "Oct 8, 12" → "Oct 8"; undefined when the two digits are glued to the date ("08-Oct-12"). */
function withoutTwoDigitYear(matched: string): string | undefined {
  const tail = /'?\d{2}$/.exec(matched);
  if (!tail || tail.index === 0) return undefined;
  const before = matched.slice(0, tail.index);
  let head = before.trimEnd();
  if (head.length === before.length && !head.endsWith(',')) return undefined;
  const lower = head.toLowerCase();
  if (lower.endsWith(' de')) head = head.slice(0, -3);
  else if (lower.endsWith(' del')) head = head.slice(0, -4);
  head = head.trimEnd();
  return head.endsWith(',') ? head.slice(0, -1) : head;
}

export function chronoMatches(text: string, lang: ChronoLanguage): RawMatch[] {
  const parser = parserFor(lang);
  if (!parser) return [];
  let results: ReturnType<StrictParser['parse']>;
  try {
    results = parser.parse(text, REFERENCE);
  } catch {
    return [];
  }
  const out: RawMatch[] = [];
  for (const r of results) {
    const c = r.start;
    const certain = (k: 'year' | 'month' | 'day' | 'weekday'): number | undefined => {
      if (!c.isCertain(k)) return undefined;
      const v = c.get(k);
      return typeof v === 'number' ? v : undefined;
    };
    let year = certain('year');
    const month = certain('month');
    const day = certain('day');
    const weekday = certain('weekday');
    let start = r.index;
    let matched = r.text;
    const lead = LEADING_ON_RE.exec(matched);
    if (lead) {
      start += lead[0].length;
      matched = matched.slice(lead[0].length);
    }
    // A month word with a two-digit number after it is a count, not a year ("8 de octubre de 45 personas"):
    // the day and month stay, the number goes.
    if (year !== undefined && /\p{L}/u.test(matched) && !matched.includes(String(year))) {
      const head = withoutTwoDigitYear(matched);
      if (head !== undefined) {
        matched = head;
        year = undefined;
      }
    }
    let len = matched.length;
    while (len > 0 && ' \t\r\n,.;:'.includes(matched[len - 1])) len--;
    matched = matched.slice(0, len);
    const base = { start, end: start + matched.length, language: lang };
    // a match that ends inside a word ("budget 2014 apr|ès": "apr" is not April) is no date
    if (/\p{L}$/u.test(matched) && /^\p{L}/u.test(text.slice(base.end, base.end + 1))) continue;
    // "1/2" or "3/4" without a year and without a month word is far more often a fraction than a date.
    if (year === undefined && !/\p{L}/u.test(matched)) continue;
    // "08.10.2012" is day first in every language: the word-list matcher reads numbers with points.
    if (/^\d{1,2}\.\d{1,2}\.\d{2,4}$/.test(matched)) continue;
    // A date states its day or year in digits ("March 4", "le 12 mai"); "three days later" is a duration.
    if (!/\d/.test(matched) || RELATIVE_RE.test(matched) || UNIT_RE.test(matched)) continue;
    if (month !== undefined && day !== undefined) {
      if (year !== undefined ? !isValidDate(year, month, day) : !isPossibleDayMonth(day, month)) continue;
      const m: RawMatch = { ...base, kind: 'date', month, day, year, weekday };
      if (year !== undefined) {
        const at = matched.lastIndexOf(String(year));
        if (at >= 0) {
          m.yearStart = start + at;
          m.yearEnd = start + at + 4;
        }
      }
      out.push(m);
    } else if (month !== undefined && year !== undefined) {
      const at = matched.lastIndexOf(String(year));
      out.push({ ...base, kind: 'month', month, year, ...(at >= 0 ? { yearStart: start + at, yearEnd: start + at + 4 } : {}) });
    } else if (weekday !== undefined && month === undefined && day === undefined) {
      out.push({ ...base, kind: 'weekday', weekday });
    }
  }
  return out;
}
