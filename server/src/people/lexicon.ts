// Compiles the JSON lexicons (./data) into Sets and phrase tries once, at module load.

import titlesData from './data/titles.json';
import namesData from './data/names.json';
import placesData from './data/places.json';
import arabicData from './data/arabic.json';
import { Tokens, TrieNode, WordFilter, foldWord, newTrie, phraseWords, trieInsert } from './text';

const foldedSet = (words: readonly string[]): Set<string> => new Set(words.map((w) => phraseWords(w).join(' ')));

function phraseTrie(phrases: readonly string[], exact = false): TrieNode<number> {
  const root = newTrie<number>();
  for (const p of phrases) {
    const words = phraseWords(p, exact);
    if (words.length > 0) trieInsert(root, words, words.length);
  }
  return root;
}

const latinTitles = [...titlesData.en, ...titlesData.fr, ...titlesData.es];
const exactTitles = [...titlesData.vi, ...titlesData.exact];

/** Phrases (as word lists) by their last word: a lookup reads only the phrases that can end at a word. */
function byLastWord(list: string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const p of list) {
    const last = p[p.length - 1];
    const bucket = out.get(last);
    if (bucket) bucket.push(p);
    else out.set(last, [p]);
  }
  return out;
}

export const LEX = {
  /** Titles, matched on folded words. */
  titles: phraseTrie(latinTitles),
  /** Vietnamese titles: matched on lowercase words WITH diacritics (folded, they are names or other words: quốc vương). */
  exactTitles: phraseTrie(
    exactTitles.map((t) => t.normalize('NFC').toLowerCase()),
    true,
  ),
  /** Folded first words of the exact titles, to decide cheaply when to try them. */
  exactTitleFirst: new Set(exactTitles.map((t) => phraseWords(t)[0])),
  /** Arabic titles, on folded (normalised) words. */
  arabicTitles: phraseTrie(titlesData.ar),
  abbreviations: foldedSet(titlesData.abbreviations),
  connectors: foldedSet(titlesData.connectors),
  nationalities: phraseTrie(titlesData.nationalities),
  postNationalities: foldedSet(titlesData.postNationalities),
  complementStarters: foldedSet(titlesData.complementStarters),
  places: phraseTrie([...placesData.places, ...placesData.organisations]),
  /** Place prefixes as lowercase words WITH diacritics (folded, trường 'school' would be trưởng 'head'). */
  placePrefixes: byLastWord(placesData.prefixes.map((p) => phraseWords(p.normalize('NFC').toLowerCase(), true)).filter((w) => w.length > 0)),
  placeSuffixes: foldedSet(placesData.suffixes),
  stopWords: foldedSet(placesData.stopWords),
  surnames: new Set(namesData.vietnameseSurnames.map((s) => foldWord(s))),
  /** The surnames with their diacritics (lowercase NFC): a word written with diacritics must match one exactly (Tổng is not Tống). */
  exactSurnames: new Set(namesData.vietnameseSurnames.map((s) => s.normalize('NFC').toLowerCase())),
  weakSurnames: new Set(namesData.weakSurnames),
  titleOnlySurnames: new Set(namesData.titleOnlySurnames),
  chineseSurnames: new Set(namesData.chineseSurnames.map((s) => s.toLowerCase())),
  weakChineseSurnames: new Set(namesData.weakChineseSurnames),
  commonWords: new Set(namesData.commonWords),
  arabicStopWords: foldedSet(arabicData.stopWords),
  arabicPrefixes: arabicData.prefixes,
};

/** Longest phrase of `root` starting at token `i`, walking while `joined(j)` says word j continues the phrase; returns the index after it or -1. */
export function matchTrie(root: TrieNode<number>, tk: Tokens, i: number, n: number, joined: (tk: Tokens, j: number) => boolean, first?: string): number {
  const start = root.next?.get(first ?? tk.f(i));
  if (!start) return -1;
  let node: TrieNode<number> = start;
  let best = node.value !== null ? i + 1 : -1;
  let j = i + 1;
  while (node.next && j < n && joined(tk, j)) {
    const child = node.next.get(tk.f(j));
    if (!child) break;
    node = child;
    j++;
    if (node.value !== null) best = j;
  }
  return best;
}

/** Words that may start a title chain (a title or a nationality before one): most words are rejected without a string. */
export const TITLE_FILTER = new WordFilter([...latinTitles, ...exactTitles, ...titlesData.nationalities].map((t) => phraseWords(t)[0] ?? ''));
