/** Word lists from ./data, normalised once for lookup. */
import months from './data/months.json';
import weekdays from './data/weekdays.json';
import ordinalsAr from './data/ordinals-ar.json';
import cues from './data/cues.json';
import { normalizeWord, type Token } from './text';
import type { DateLanguage } from './types';

export interface Lexicon {
  map: Map<string, number>;
  /** The largest number of words in one entry. */
  maxWords: number;
}

function buildLexicon(entries: Iterable<[string, number]>): Lexicon {
  const map = new Map<string, number>();
  let maxWords = 1;
  for (const [word, value] of entries) {
    const key = word
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map(normalizeWord)
      .join(' ');
    if (key.length === 0) continue;
    map.set(key, value);
    maxWords = Math.max(maxWords, key.split(' ').length);
  }
  return { map, maxWords };
}

function wordSet(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map(normalizeWord));
}

export const LANGUAGES: readonly DateLanguage[] = ['en', 'fr', 'es', 'de', 'it', 'pt', 'vi', 'ar'];

/** Languages written in Latin script whose months and weekdays are words (not Vietnamese). */
export const LATIN_LANGUAGES = ['en', 'fr', 'es', 'de', 'it', 'pt'] as const;
export type LatinLanguage = (typeof LATIN_LANGUAGES)[number];

export const MONTHS: Record<DateLanguage, Lexicon> = Object.fromEntries(LANGUAGES.map((l) => [l, buildLexicon(Object.entries(months[l].words))])) as Record<DateLanguage, Lexicon>;

export const WEEKDAYS: Record<DateLanguage, Lexicon> = Object.fromEntries(LANGUAGES.map((l) => [l, buildLexicon(Object.entries(weekdays[l].words))])) as Record<DateLanguage, Lexicon>;

export const MONTH_NAMES: Record<DateLanguage, readonly string[]> = Object.fromEntries(LANGUAGES.map((l) => [l, months[l].names])) as unknown as Record<DateLanguage, readonly string[]>;
export const AR_LEVANTINE_MONTH_NAMES: readonly string[] = months.ar.levantineNames;

export const WEEKDAY_NAMES: Record<DateLanguage, readonly string[]> = Object.fromEntries(LANGUAGES.map((l) => [l, weekdays[l].names])) as unknown as Record<DateLanguage, readonly string[]>;

export const AR_ORDINALS: Lexicon = buildLexicon(Object.entries(ordinalsAr.days).flatMap(([day, forms]) => forms.map((f): [string, number] => [f, Number(day)])));

export const YEAR_WORDS: Record<DateLanguage, ReadonlySet<string>> = Object.fromEntries(LANGUAGES.map((l) => [l, wordSet((cues.yearWords as Record<string, string[]>)[l] ?? [])])) as Record<
  DateLanguage,
  ReadonlySet<string>
>;
export const VI_DAY_CUES: ReadonlySet<string> = wordSet(cues.dayCues.vi);
export const VI_CUE_QUALIFIERS: ReadonlySet<string> = wordSet(cues.dayCueQualifiers.vi);
export const AR_DAY_WORDS: ReadonlySet<string> = wordSet(cues.arabicDayWords);
export const AR_FILLERS: ReadonlySet<string> = wordSet(cues.arabicFillers);
export const AR_YEAR_WORDS: ReadonlySet<string> = wordSet(cues.arabicYearWords);
const AR_CLITICS: ReadonlySet<string> = wordSet(cues.arabicClitics);

/**
 * Arabic words may carry one or two one-letter prefixes (و ف ب ل ك): "لعام" is "ل" + "عام". Returns the word and the
 * word with up to two such prefixes removed.
 */
export function arabicForms(norm: string): string[] {
  const forms = [norm];
  let w = norm;
  for (let k = 0; k < 2 && w.length > 2 && AR_CLITICS.has(w[0]); k++) {
    w = w.slice(1);
    forms.push(w);
  }
  return forms;
}

export interface LookupHit {
  value: number;
  /** Index of the token after the match. */
  next: number;
}

/**
 * Look up the longest entry of `lex` starting at token `i` (words separated only by spaces). With `arabic`, the first
 * word may carry clitic prefixes.
 */
export function lookup(tokens: readonly Token[], i: number, lex: Lexicon, arabic = false): LookupHit | undefined {
  if (i >= tokens.length || tokens[i].isNumber) return undefined;
  const firstForms = arabic ? arabicForms(tokens[i].norm) : [tokens[i].norm];
  for (let n = Math.min(lex.maxWords, tokens.length - i); n >= 1; n--) {
    let rest = '';
    let ok = true;
    for (let k = 1; k < n; k++) {
      const t = tokens[i + k];
      if (t.isNumber || t.start === tokens[i + k - 1].end) {
        ok = false;
        break;
      }
      rest += ' ' + t.norm;
    }
    if (!ok) continue;
    for (const f of firstForms) {
      const v = lex.map.get(f + rest);
      if (v !== undefined) return { value: v, next: i + n };
    }
  }
  return undefined;
}

export function hasWord(set: ReadonlySet<string>, token: Token | undefined, arabic = false): boolean {
  if (token === undefined || token.isNumber) return false;
  if (!arabic) return set.has(token.norm);
  return arabicForms(token.norm).some((f) => set.has(f));
}
