// Low-level text helpers for person detection: a character-class table, a
// linear tokenizer that fills reusable typed arrays, and diacritic folding.
// Everything here is allocation-light: the tokenizer allocates one substring
// per word (never per character) and folding results are cached.

/** Character classes (one byte per UTF-16 code unit, computed once). */
export const C_OTHER = 0;
export const C_LOWER = 1; // letter that is not uppercase (includes caseless letters of other scripts)
export const C_UPPER = 2; // uppercase or titlecase letter
export const C_MARK = 3; // combining mark (Vietnamese text may be decomposed)
export const C_DIGIT = 4;
export const C_APOS = 5; // ' ’ ʼ
export const C_HYPHEN = 6; // - ‐
export const C_ARABIC = 7; // Arabic letter
export const C_ARABIC_MARK = 8; // Arabic harakat and tatweel
export const C_SPACE = 9; // space, tab, no-break spaces
export const C_NEWLINE = 10;

export const CHAR_CLASS: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  const upper = /[\p{Lu}\p{Lt}]/u;
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: astral symbols are not word characters
    const ch = String.fromCharCode(c);
    const arabic = (c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
    if (c === 0x0640)
      table[c] = C_ARABIC_MARK; // tatweel
    else if (mark.test(ch)) table[c] = arabic ? C_ARABIC_MARK : C_MARK;
    else if (upper.test(ch)) table[c] = C_UPPER;
    else if (letter.test(ch)) table[c] = arabic ? C_ARABIC : C_LOWER;
    else if (digit.test(ch)) table[c] = C_DIGIT;
  }
  for (const c of [0x27, 0x2019, 0x2bc]) table[c] = C_APOS;
  for (const c of [0x2d, 0x2010, 0x2011]) table[c] = C_HYPHEN;
  for (const c of [0x20, 0x09, 0xa0, 0x202f, 0x2009, 0x200a, 0x2007, 0x3000, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0xfeff]) table[c] = C_SPACE;
  for (const c of [0x0a, 0x0d, 0x0b, 0x0c, 0x85, 0x2028, 0x2029]) table[c] = C_NEWLINE;
  return table;
})();

/** Per-character bits for the tokenizer's inner loop. */
const B_WORD = 1; // letter, mark or digit
const B_BASE = 2; // counts as a character of the folded word (not a mark)
const B_UPPER = 4;
const B_LETTER = 8;
const B_DIGIT = 16;
const CHAR_BITS: Uint8Array = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const k = CHAR_CLASS[c];
    if (k === C_LOWER || k === C_ARABIC) t[c] = B_WORD | B_BASE | B_LETTER;
    else if (k === C_UPPER) t[c] = B_WORD | B_BASE | B_LETTER | B_UPPER;
    else if (k === C_DIGIT) t[c] = B_WORD | B_BASE | B_DIGIT;
    else if (k === C_MARK || k === C_ARABIC_MARK) t[c] = B_WORD;
  }
  return t;
})();

/** Token flags. */
export const F_CAP = 1; // starts with an uppercase letter
export const F_UPPER = 2; // two or more letters, all uppercase
export const F_ARABIC = 4; // Arabic script
export const F_NONASCII = 8; // has a character outside ASCII (diacritics)
export const F_DIGIT = 16; // has a digit
export const F_LATIN = 32; // starts with a (non-Arabic) letter

/** Gap (text between two tokens) kinds. */
export const G_SPACE = 0; // only spaces or tabs (or nothing)
export const G_BREAK = 1; // contains a line break
export const G_PUNCT = 2; // contains punctuation; gapChar holds the first non-space character

/** Base ASCII letter of a character (é → e, Đ → d), Arabic letters by their low bits, else 0: used by the word filter. */
export const FOLD_CHAR: Uint8Array = (() => {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const k = CHAR_CLASS[c];
    if (k === C_ARABIC) table[c] = 0x80 | (c & 0x7f);
    if (k !== C_LOWER && k !== C_UPPER && k !== C_DIGIT) continue;
    const d = String.fromCharCode(c).toLowerCase().normalize('NFD');
    const b = d.charCodeAt(0);
    if (b < 128) table[c] = b;
    else if (d[0] === 'đ') table[c] = 0x64;
    else table[c] = 0x80 | (b & 0x7f);
  }
  return table;
})();

/** Tokens of one document, in parallel arrays (reused between calls). Word strings are made lazily. */
export class Tokens {
  count = 0;
  text = '';
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  flags = new Uint8Array(1024);
  gap = new Uint8Array(1024); // gap BEFORE token i
  gapChar = new Uint16Array(1024);
  gapMulti = new Uint8Array(1024); // gap before token i holds more than one punctuation character
  /** Word filter key: first and last base letters and length (see WordFilter). */
  fkey = new Int32Array(1024);
  private folded: (string | undefined)[] = [];

  /** Folded word i (lowercase, no diacritics), computed on first use. */
  f(i: number): string {
    let s = this.folded[i];
    if (s === undefined) {
      s = foldWord(this.text.slice(this.start[i], this.end[i]), this.flags[i]);
      this.folded[i] = s;
    }
    return s;
  }

  /** Word i as written. */
  r(i: number): string {
    return this.text.slice(this.start[i], this.end[i]);
  }

  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.folded.length = 0;
  }

  /** Makes the folded-word cache a packed array of `count` empty slots: filled out of order, a growing array turns into a slow dictionary. */
  sealCount(): void {
    this.folded = new Array<string | undefined>(this.count).fill(undefined);
  }

  ensure(n: number): void {
    if (n <= this.start.length) return;
    let size = this.start.length;
    while (size < n) size *= 2;
    const grow = <T extends Int32Array | Uint8Array | Uint16Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.start = grow(this.start, (k) => new Int32Array(k));
    this.end = grow(this.end, (k) => new Int32Array(k));
    this.flags = grow(this.flags, (k) => new Uint8Array(k));
    this.gap = grow(this.gap, (k) => new Uint8Array(k));
    this.gapChar = grow(this.gapChar, (k) => new Uint16Array(k));
    this.gapMulti = grow(this.gapMulti, (k) => new Uint8Array(k));
    this.fkey = grow(this.fkey, (k) => new Int32Array(k));
  }
}

const filterKey = (first: number, last: number, len: number): number => ((first << 8) | last) * 32 + (len > 31 ? 31 : len);

/**
 * A cheap pre-check "could this word be one of these (folded) words?" on the
 * first and last base letters and the length, so that most words of a text are
 * never turned into strings.
 */
export class WordFilter {
  private bits = new Uint8Array(256 * 256 * 32);
  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length === 0) continue;
      this.bits[filterKey(FOLD_CHAR[w.charCodeAt(0)], FOLD_CHAR[w.charCodeAt(w.length - 1)], w.length)] = 1;
    }
  }
  has(tk: Tokens, i: number): boolean {
    return this.bits[tk.fkey[i]] === 1;
  }
}

const isWordClass = (k: number): boolean => k === C_LOWER || k === C_UPPER || k === C_MARK || k === C_DIGIT || k === C_ARABIC || k === C_ARABIC_MARK;
const isLetterClass = (k: number): boolean => k === C_LOWER || k === C_UPPER || k === C_ARABIC;

/**
 * Split `text` into words. A word is a run of letters, marks and digits; a
 * hyphen between two letters stays inside the word (vice-Premier, Bà Rịa-Vũng
 * Tàu); an apostrophe stays inside only after a single capital and before a
 * capital (H'Yim, O'Brien), so French elisions (d'Hanoï, l'État) split; a
 * capital glued after five lowercase letters starts a new word (aussiEmmanuel).
 * Linear in the length of the text; allocates nothing per word.
 */
export function tokenize(text: string, out: Tokens): Tokens {
  const n = text.length;
  out.reset(text);
  let i = 0;
  let gapStart = 0;
  while (i < n) {
    const k = CHAR_CLASS[text.charCodeAt(i)];
    if (!isWordClass(k) || k === C_MARK || k === C_ARABIC_MARK) {
      i++;
      continue;
    }
    const start = i;
    let flags = 0;
    let letters = 0;
    let uppers = 0;
    let base = 0;
    let lastBase = 0;
    if (k === C_UPPER) flags |= F_CAP;
    if (k === C_ARABIC) flags |= F_ARABIC;
    else if (k === C_LOWER || k === C_UPPER) flags |= F_LATIN;
    let lowerRun = 0; // Latin lowercase letters right before i
    for (;;) {
      const c = text.charCodeAt(i);
      const b = CHAR_BITS[c];
      // a capital after five lowercase letters and before a lowercase one starts a new word: a caption
      // glued to a name ("aussiEmmanuel", "MbappéPhoto"), not "McDonald", "BlackPink", "YouTube"
      if ((b & B_UPPER) !== 0 && lowerRun >= 5 && i + 1 < n && CHAR_CLASS[text.charCodeAt(i + 1)] === C_LOWER) break;
      lowerRun = CHAR_CLASS[c] === C_LOWER ? lowerRun + 1 : (b & B_BASE) !== 0 ? 0 : lowerRun;
      if (b !== 0) {
        if (c > 127) flags |= F_NONASCII;
        if ((b & B_BASE) !== 0) {
          base++;
          lastBase = c;
          if ((b & B_LETTER) !== 0) {
            letters++;
            if ((b & B_UPPER) !== 0) uppers++;
          } else flags |= F_DIGIT;
        }
        i++;
        if (i >= n) break;
        continue;
      }
      const kc = CHAR_CLASS[c];
      if (i + 1 < n) {
        const next = CHAR_CLASS[text.charCodeAt(i + 1)];
        if (kc === C_HYPHEN && isLetterClass(next) && i > start && isLetterClass(CHAR_CLASS[text.charCodeAt(i - 1)])) {
          base++;
          i++;
          lowerRun = 0;
          continue;
        }
        if (kc === C_APOS && next === C_UPPER && i === start + 1 && CHAR_CLASS[text.charCodeAt(start)] === C_UPPER) {
          base++;
          i++;
          lowerRun = 0;
          continue;
        }
      }
      break;
    }
    const t = out.count;
    if (t >= out.start.length) out.ensure(t + 1);
    out.start[t] = start;
    out.end[t] = i;
    if (letters >= 2 && uppers === letters) flags |= F_UPPER;
    out.flags[t] = flags;
    out.fkey[t] = filterKey(FOLD_CHAR[text.charCodeAt(start)], FOLD_CHAR[lastBase], base);
    // classify the gap before this token
    let g = G_SPACE;
    let gc = 0;
    let multi = 0;
    for (let j = gapStart; j < start; j++) {
      const c = text.charCodeAt(j);
      const kc = CHAR_CLASS[c];
      if (kc === C_SPACE || kc === C_MARK || kc === C_ARABIC_MARK) continue;
      if (kc === C_NEWLINE) {
        g = G_BREAK;
        continue;
      }
      if (g === G_SPACE) {
        g = G_PUNCT;
        gc = c;
      } else if (g === G_PUNCT) multi = 1;
    }
    if (t === 0) g = G_BREAK;
    out.gap[t] = g;
    out.gapChar[t] = gc;
    out.gapMulti[t] = multi;
    out.count = t + 1;
    gapStart = i;
  }
  out.sealCount();
  return out;
}

const foldCache = new Map<string, string>();
// eslint-disable-next-line no-misleading-character-class -- a class of combining marks, on purpose
const MARKS = /[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;

/**
 * Lower-case a word and remove diacritics: "Lương" → "luong", "Đắk" → "dak",
 * "Hanoï" → "hanoi". Arabic: harakat and tatweel removed, أ إ آ ٱ → ا, ى → ي, ة → ه.
 */
export function foldWord(raw: string, flags = F_NONASCII): string {
  if ((flags & F_NONASCII) === 0) return raw.toLowerCase();
  const cached = foldCache.get(raw);
  if (cached !== undefined) return cached;
  let s = raw.toLowerCase().normalize('NFD').replace(MARKS, '');
  if (s.indexOf('đ') >= 0) s = s.replace(/đ/g, 'd');
  if (s.indexOf('ł') >= 0) s = s.replace(/ł/g, 'l');
  if (s.indexOf('ø') >= 0) s = s.replace(/ø/g, 'o');
  if (s.indexOf('’') >= 0 || s.indexOf('ʼ') >= 0) s = s.replace(/[’ʼ]/g, "'");
  if (s.indexOf('‐') >= 0 || s.indexOf('‑') >= 0) s = s.replace(/[‐‑]/g, '-');
  // Arabic (NFD splits آ أ إ into ا + hamza/madda marks, which are removed above)
  if ((flags & F_ARABIC) !== 0 || /[\u0600-\u06ff]/.test(s)) {
    s = s.replace(ARABIC_MARKS, '').replace(/[ٱ]/g, 'ا').replace(/ى/g, 'ي').replace(/ة/g, 'ه');
  }
  if (foldCache.size > 50000) foldCache.clear();
  foldCache.set(raw, s);
  return s;
}

/** Fold a whole phrase into space-separated folded words (used for keys and lexicons). */
export function foldPhrase(text: string): string {
  const toks = tokenize(text, scratch);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(toks.f(i));
  return out.join(' ');
}

const scratch = new Tokens();

/** Number of characters outside ASCII (a rough count of diacritics) in a string. */
export function nonAsciiCount(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) k++;
  return k;
}

/** A phrase lexicon: folded words → node. Used for titles, places, known people. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  value: T | null;
}

export function newTrie<T>(): TrieNode<T> {
  return { next: null, value: null };
}

export function trieInsert<T>(root: TrieNode<T>, words: readonly string[], value: T, keepFirst = false): void {
  let node = root;
  for (const w of words) {
    if (!node.next) node.next = new Map();
    let child = node.next.get(w);
    if (!child) {
      child = { next: null, value: null };
      node.next.set(w, child);
    }
    node = child;
  }
  if (!keepFirst || node.value === null) node.value = value;
}

/** Split a lexicon phrase into folded words with the document tokenizer. */
export function phraseWords(phrase: string, exact = false): string[] {
  const toks = tokenize(phrase, scratch);
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(exact ? toks.r(i) : toks.f(i));
  return out;
}
