// Syllable checks and the Arabic ⇄ Vietnamese sound skeletons.
//
// A Vietnamese syllable (folded: no diacritics, lowercase) is an optional
// onset from a closed list followed by a rhyme from a closed list; a Chinese
// given name is one to three pinyin syllables. Both checks are small loops over
// Sets, no regular expressions.
//
// Arabic transliterations of Vietnamese names are compared through a coarse
// "skeleton": every Arabic letter maps to a sound class (data/arabic.json),
// every Vietnamese syllable maps to the set of skeletons it may be written as
// (ph → F, ch → TS or S, ng at the end → N, vowels → A / W / Y, …).

import names from './data/names.json';
import arabic from './data/arabic.json';
import { foldWord } from './text';

const ONSETS = [...names.vietnameseOnsets].sort((a, b) => b.length - a.length);
const RHYMES = new Set<string>(names.vietnameseRhymes);
const PINYIN_INITIALS = [...names.pinyinInitials].sort((a, b) => b.length - a.length);
const PINYIN_FINALS = new Set<string>(names.pinyinFinals);

/** Is `s` (folded) one Vietnamese syllable? */
export function isVietnameseSyllable(s: string): boolean {
  if (s.length === 0 || s.length > 7) return false;
  if (RHYMES.has(s)) return true;
  for (const o of ONSETS) {
    if (s.length > o.length && s.startsWith(o)) {
      const rest = s.slice(o.length);
      if (o === 'qu') {
        if (RHYMES.has(rest) || RHYMES.has('u' + rest)) return true;
        continue;
      }
      if (o === 'gi' && RHYMES.has('i' + rest)) return true;
      if (RHYMES.has(rest)) return true;
    }
  }
  return s === 'gi';
}

function isPinyinSyllable(s: string): boolean {
  if (PINYIN_FINALS.has(s)) return true;
  for (const i of PINYIN_INITIALS) {
    if (s.length > i.length && s.startsWith(i) && PINYIN_FINALS.has(s.slice(i.length))) return true;
  }
  return false;
}

/** Is `s` (folded) one to three pinyin syllables run together ("jinping", "yi", "keqiang")? */
export function isPinyinWord(s: string): boolean {
  if (s.length === 0 || s.length > 14) return false;
  // split points tried from the longest first syllable; at most 6×6 checks
  if (isPinyinSyllable(s)) return true;
  for (let a = Math.min(6, s.length - 1); a >= 1; a--) {
    if (!isPinyinSyllable(s.slice(0, a))) continue;
    const rest = s.slice(a);
    if (isPinyinSyllable(rest)) return true;
    for (let b = Math.min(6, rest.length - 1); b >= 1; b--) {
      if (isPinyinSyllable(rest.slice(0, b)) && isPinyinSyllable(rest.slice(b))) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- skeletons

const LETTER_CLASS = new Map<string, string>(Object.entries(arabic.letters));

function finishSkeleton(s: string): string {
  // collapse repeated vowel classes, then merge final NK/NH → N
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if ((c === 'A' || c === 'W' || c === 'Y') && out.length > 0 && out[out.length - 1] === c) continue;
    out += c;
  }
  if (out.endsWith('NK') || out.endsWith('NH')) out = out.slice(0, -1);
  return out;
}

/** Skeleton of one (folded) Arabic word, or '' when it has a letter outside the table. */
export function arabicSkeleton(word: string): string {
  let s = '';
  for (const ch of word) {
    const c = LETTER_CLASS.get(ch);
    if (c === undefined) return '';
    s += c;
  }
  return finishSkeleton(s);
}

const VOWEL = (ch: string): string => (ch === 'a' ? 'A' : ch === 'e' || ch === 'i' || ch === 'y' ? 'Y' : 'W');
const ONSET_SKELETONS: Record<string, string[]> = {
  b: ['B'],
  c: ['K'],
  ch: ['TS', 'S'],
  d: ['D'],
  g: ['K'],
  gh: ['K'],
  gi: ['D', 'KY', 'Y'],
  h: ['H'],
  k: ['K'],
  kh: ['K'],
  l: ['L'],
  m: ['M'],
  n: ['N'],
  ng: ['NK', 'N'],
  ngh: ['NK', 'N'],
  nh: ['NH', 'NY', 'N'],
  p: ['B'],
  ph: ['F'],
  qu: ['KW'],
  r: ['R', 'D'],
  s: ['S'],
  t: ['T'],
  th: ['T', 'TH'],
  tr: ['TR', 'TS', 'S', 'T'],
  v: ['F', 'B'],
  x: ['S'],
  '': [''],
};
const CODA_SKELETONS: Record<string, string[]> = {
  '': [''],
  c: ['K'],
  ch: ['K'],
  m: ['M'],
  n: ['N'],
  ng: ['NK', 'N'],
  nh: ['NH', 'N'],
  p: ['B'],
  t: ['T'],
};
const VOWEL_LETTERS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

const skeletonCache = new Map<string, Set<string>>();

/** All skeletons a folded Vietnamese syllable may be written as in Arabic. */
export function vietnameseSkeletons(syllable: string): Set<string> {
  const hit = skeletonCache.get(syllable);
  if (hit) return hit;
  const out = new Set<string>();
  // onset: longest listed prefix followed by a vowel
  let onset = '';
  for (const o of ONSETS) {
    if (syllable.length > o.length && syllable.startsWith(o) && (VOWEL_LETTERS.has(syllable[o.length]) || o === 'gi')) {
      onset = o;
      break;
    }
  }
  let rest = syllable.slice(onset.length);
  if (onset === 'gi' && rest.length > 0 && !VOWEL_LETTERS.has(rest[0])) rest = 'i' + rest;
  let v = 0;
  while (v < rest.length && VOWEL_LETTERS.has(rest[v])) v++;
  const vowels = rest.slice(0, v);
  const coda = rest.slice(v);
  const codaSk = CODA_SKELETONS[coda];
  const onsetSk = ONSET_SKELETONS[onset];
  if (!codaSk || !onsetSk || vowels.length === 0) {
    skeletonCache.set(syllable, out);
    return out;
  }
  let vowelSk = '';
  for (const ch of vowels) vowelSk += VOWEL(ch);
  for (const o of onsetSk) for (const c of codaSk) out.add(finishSkeleton(o + vowelSk + c));
  skeletonCache.set(syllable, out);
  return out;
}

/** Skeletons of every Vietnamese surname (Arabic names must start with one). */
export const SURNAME_SKELETONS: Set<string> = (() => {
  const s = new Set<string>();
  for (const name of names.vietnameseSurnames) for (const k of vietnameseSkeletons(foldWord(name))) s.add(k);
  return s;
})();

/** Skeletons of every possible Vietnamese syllable (onset list × rhyme list). */
export const SYLLABLE_SKELETONS: Set<string> = (() => {
  const s = new Set<string>();
  for (const o of ['', ...names.vietnameseOnsets]) {
    for (const r of names.vietnameseRhymes) {
      const syl = o === 'qu' && r.startsWith('u') ? o + r.slice(1) : o + r;
      for (const k of vietnameseSkeletons(syl)) s.add(k);
    }
  }
  return s;
})();

/** Does an Arabic skeleton sequence spell this folded Latin name (syllable by syllable)? */
export function skeletonsMatchLatin(arabicSkeletons: readonly string[], latinFoldedWords: readonly string[]): boolean {
  if (arabicSkeletons.length !== latinFoldedWords.length || arabicSkeletons.length === 0) return false;
  for (let i = 0; i < arabicSkeletons.length; i++) {
    if (!vietnameseSkeletons(latinFoldedWords[i]).has(arabicSkeletons[i])) return false;
  }
  return true;
}
