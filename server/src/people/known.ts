// People files (spec section 7) compiled for matching: every spelling of every
// person as a phrase trie over folded words, and the spellings listed as not
// people.

import { arabicSkeleton, skeletonsMatchLatin, SYLLABLE_SKELETONS } from './phonetics';
import { F_CAP, F_LATIN, newTrie, phraseWords, tokenize, TrieNode, trieInsert, Tokens } from './text';
import { titleEnd } from './helpers';
import type { KnownPerson } from './types';

interface KnownSpelling {
  person: number;
  /** Leading words of the spelling that are a title ("President Cường" → 1). */
  titleWords: number;
  /** The spelling starts with a capital: the text must too. */
  cap: boolean;
}

export interface CompiledKnown {
  people: readonly KnownPerson[];
  keys: string[];
  trie: TrieNode<number>;
  spellings: KnownSpelling[];
  /** Folded words of each Latin spelling, for matching Arabic transliterations. */
  latinWords: { person: number; words: string[] }[];
}

const compiledKnown = new WeakMap<readonly KnownPerson[], CompiledKnown>();

/** Grouping key of a spelling: folded Latin words, or `ar:` + skeletons for Arabic script. */
export function keyOf(spelling: string): string {
  const words = phraseWords(spelling);
  if (words.length > 0 && /[\u0600-\u06ff]/.test(words[0])) {
    const sk = words.map(arabicSkeleton);
    if (sk.every((s) => s !== '' && SYLLABLE_SKELETONS.has(s))) return 'ar:' + sk.join(' ');
    return 'ar:' + words.join(' ');
  }
  return words.join(' ');
}

const lexTokens = new Tokens();

export function compileKnown(people: readonly KnownPerson[]): CompiledKnown {
  const hit = compiledKnown.get(people);
  if (hit) return hit;
  const out: CompiledKnown = { people, keys: [], trie: newTrie<number>(), spellings: [], latinWords: [] };
  people.forEach((p, person) => {
    out.keys.push(keyOf(p.name));
    const all = [p.name, ...(p.aliases ?? [])];
    for (const s of all) {
      if (typeof s !== 'string') continue;
      const toks = tokenize(s, lexTokens);
      if (toks.count === 0) continue;
      const words: string[] = [];
      for (let k = 0; k < toks.count; k++) words.push(toks.f(k));
      // a leading title is not part of the name
      let titleWords = 0;
      const t = titleEnd(toks, 0);
      if (t > 0 && t < toks.count) titleWords = t;
      const cap = (toks.flags[titleWords] & F_CAP) !== 0;
      out.spellings.push({ person, titleWords, cap });
      trieInsert(out.trie, words, out.spellings.length - 1, true);
      if ((toks.flags[titleWords] & F_LATIN) !== 0 && toks.count - titleWords >= 2) {
        out.latinWords.push({ person, words: words.slice(titleWords) });
      }
    }
  });
  compiledKnown.set(people, out);
  return out;
}

/** The one known person whose Latin name the Arabic skeletons spell, or -1 (none, or more than one). */
export function knownBySkeleton(ck: CompiledKnown, sk: readonly string[]): number {
  let found = -1;
  for (const lw of ck.latinWords) {
    if (skeletonsMatchLatin(sk, lw.words)) {
      if (found >= 0 && found !== lw.person) return -1; // ambiguous
      found = lw.person;
    }
  }
  return found;
}

const compiledNot = new WeakMap<readonly string[], TrieNode<number>>();

/** The spellings that are not people, as a phrase trie over folded words. */
export function compileNotPeople(spellings: readonly string[]): TrieNode<number> {
  const hit = compiledNot.get(spellings);
  if (hit) return hit;
  const trie = newTrie<number>();
  for (const s of spellings) {
    if (typeof s !== 'string') continue;
    const words = phraseWords(s);
    if (words.length > 0) trieInsert(trie, words, words.length);
  }
  compiledNot.set(spellings, trie);
  return trie;
}
