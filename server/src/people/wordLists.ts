// The detector's word lists (./data/*.json: names, common words, places, context
// cues), compiled into Sets and phrase tries on first use, not at load: a server
// that never reads a document's people never pays for them.

import givenData from './data/given-names.json';
import surnameData from './data/surnames.json';
import commonData from './data/common-words.json';
import gazetteerData from './data/gazetteer.json';
import cuesData from './data/cues.json';
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
    countries: trieOf(lines(gazetteerData.countries)),
    cities: trieOf(lines(gazetteerData.cities)),
    roles: trieOf(cueLists(cuesData.roles)),
    speech: trieOf(cueLists(cuesData.speech)),
    orgWords: trieOf(cueLists(cuesData.orgWords)),
    particles: new Set(cuesData.particles.filter((p) => !p.includes(' ')).map((p) => phraseWords(p).join(' '))),
    honorifics: new Set(cuesData.honorifics.map((p) => phraseWords(p).join(' '))),
  };
  return lists;
}
