// The detector's word lists (./data/*.json: names, common words, places, context
// cues), compiled into Sets and phrase tries on first use, not at load: a server
// that never reads a document's people never pays for them.

import givenData from './data/given-names.json';
import surnameData from './data/surnames.json';
import commonData from './data/common-words.json';
import gazetteerData from './data/gazetteer.json';
import cuesData from './data/cues.json';
import arabicData from './data/arabic.json';
import { newTrie, phraseWords, TrieNode, trieInsert } from './text';

/** Languages with their own word lists. */
export const LIST_LANGS = ['en', 'fr', 'es', 'de', 'it', 'pt', 'vi', 'ar', 'nl'] as const;
export type ListLang = (typeof LIST_LANGS)[number];

export interface WordLists {
  /** Latin given names (folded) → number of faker locales that list them. */
  given: Map<string, number>;
  arabicGiven: Set<string>;
  surnames: Set<string>;
  /** Folded word → rank (1 = most frequent) in each language's list of common words. */
  common: Map<string, Map<ListLang, number>>;
  countries: TrieNode<number>;
  cities: TrieNode<number>;
  /** Context cues, as phrase tries over folded words (all languages together; the value is unused). */
  roles: TrieNode<number>;
  speech: TrieNode<number>;
  orgWords: TrieNode<number>;
  particles: Set<string>;
  honorifics: Set<string>;
  /** Arabic country and region names without ال and their last letters (فرنس, برازيل, امريك): the stems of nationality adjectives. */
  arabicNationStems: Set<string>;
}

/** The stems a country or region name gives its nationality adjective (البرازيل → برازيل, روسيا → روس, فرنسا → فرنس). */
function nationStems(name: string, out: Set<string>): void {
  if (name.includes(' ')) return;
  // with and without a leading ال (البرازيل, but ألمانيا folds to المانيا)
  for (const s of name.startsWith('ال') ? [name.slice(2), name] : [name]) {
    if (s.length < 2) continue;
    out.add(s);
    if (s.endsWith('يا') || s.endsWith('يه')) out.add(s.slice(0, -2));
    if (s.endsWith('ا') || s.endsWith('ه')) out.add(s.slice(0, -1));
  }
}

/**
 * A nationality adjective: a definite word ending in ي (ية) whose stem is a
 * country's or region's (الأميركي, البرازيلي, الفرنسية). Not a name's nisba
 * (العبادي), which names no country.
 */
export function isArabicDemonym(w: string, l: WordLists): boolean {
  if (w.length < 5 || !w.startsWith('ال')) return false;
  const core = w.slice(2);
  const stem = core.endsWith('يه') ? core.slice(0, -2) : core.endsWith('ي') ? core.slice(0, -1) : '';
  return stem.length >= 2 && l.arabicNationStems.has(stem);
}

let lists: WordLists | undefined;

const lines = (s: string): string[] => (s === '' ? [] : s.split('\n'));

function trieOf(phrases: Iterable<string>, target = newTrie<number>()): TrieNode<number> {
  for (const p of phrases) {
    const words = phraseWords(p);
    if (words.length > 0) trieInsert(target, words, words.length);
  }
  return target;
}

/** The word lists, compiled on the first call. */
export function wordLists(): WordLists {
  if (lists) return lists;
  const given = new Map<string, number>();
  for (const l of lines(givenData.latin)) {
    const tab = l.indexOf('\t');
    if (tab < 0) given.set(l, 1);
    else given.set(l.slice(0, tab), Number(l.slice(tab + 1)));
  }
  const common = new Map<string, Map<ListLang, number>>();
  for (const lang of LIST_LANGS) {
    const words = lines((commonData as Record<string, string>)[lang] ?? '');
    words.forEach((w, i) => {
      let m = common.get(w);
      if (!m) common.set(w, (m = new Map()));
      if (!m.has(lang)) m.set(lang, i + 1);
    });
  }
  const cueLists = (group: Record<string, string[]>): string[] => Object.values(group).flat();
  lists = {
    given,
    arabicGiven: new Set(lines(givenData.arabic)),
    surnames: new Set(lines(surnameData.latin)),
    common,
    // a demonym standing alone ("The Tunisian will next face …") is read as a place word, as its country is
    countries: trieOf([...lines(gazetteerData.countries), ...lines(gazetteerData.demonyms)]),
    cities: trieOf([...lines(gazetteerData.cities), ...lines(gazetteerData.regions)]),
    roles: trieOf(cueLists(cuesData.roles)),
    speech: trieOf(cueLists(cuesData.speech)),
    orgWords: trieOf(cueLists(cuesData.orgWords)),
    particles: new Set(cuesData.particles.filter((p) => !p.includes(' ')).map((p) => phraseWords(p).join(' '))),
    honorifics: new Set(cuesData.honorifics.map((p) => phraseWords(p).join(' '))),
    arabicNationStems: new Set(),
  };
  for (const c of lines(gazetteerData.countries)) if (/^[\u0600-\u06ff]/.test(c)) nationStems(c, lists.arabicNationStems);
  for (const r of arabicData.regions) nationStems(phraseWords(r).join(' '), lists.arabicNationStems);
  return lists;
}

/**
 * Runs `fn` with the folded `words` taken out of the name lists (given names,
 * surnames, Arabic given names), then puts them back. For the training script
 * only: a name the lists do not hold, seen in its context, teaches the model
 * what an unknown name looks like (most names in new text are in no list).
 */
export function withoutNames<T>(words: Iterable<string>, fn: () => T): T {
  const l = wordLists();
  const given: [string, number][] = [];
  const surnames: string[] = [];
  const arabic: string[] = [];
  for (const w of words) {
    const g = l.given.get(w);
    if (g !== undefined) {
      given.push([w, g]);
      l.given.delete(w);
    }
    if (l.surnames.delete(w)) surnames.push(w);
    if (l.arabicGiven.delete(w)) arabic.push(w);
  }
  try {
    return fn();
  } finally {
    for (const [w, g] of given) l.given.set(w, g);
    for (const w of surnames) l.surnames.add(w);
    for (const w of arabic) l.arabicGiven.add(w);
  }
}
