// Token predicates the detection passes share: phrase joins, titles, word forms.

import { LEX, TITLE_FILTER, matchTrie } from './lexicon';
import { F_ARABIC, F_CAP, F_DIGIT, F_LATIN, F_NONASCII, G_BREAK, G_PUNCT, G_SPACE, Tokens } from './text';

export const APOS: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2bc]);

/** Word j continues a phrase (titles, places): only spaces, or an elision apostrophe, before it. */
export function joined(tk: Tokens, j: number): boolean {
  return tk.gap[j] === G_SPACE || (tk.gap[j] === G_PUNCT && tk.gapMulti[j] === 0 && APOS.has(tk.gapChar[j]));
}

export const isCapLatin = (tk: Tokens, i: number): boolean => (tk.flags[i] & (F_CAP | F_LATIN | F_DIGIT)) === (F_CAP | F_LATIN);

const lowerCache = new Map<string, string>();

/** Word i in lower case with its diacritics (NFC). */
export function lowerWord(tk: Tokens, i: number): string {
  const raw = tk.r(i);
  if ((tk.flags[i] & F_NONASCII) === 0) return raw.toLowerCase();
  let s = lowerCache.get(raw);
  if (s === undefined) {
    s = raw.normalize('NFC').toLowerCase();
    if (lowerCache.size > 10000) lowerCache.clear();
    lowerCache.set(raw, s);
  }
  return s;
}

/** End of the title phrase starting at token i (no chains), or -1. */
export function titleEnd(tk: Tokens, i: number): number {
  const f = tk.flags[i];
  if ((f & F_ARABIC) !== 0) {
    let e = matchTrie(LEX.arabicTitles, tk, i, tk.count, joined);
    if (e < 0) {
      const w = tk.f(i);
      for (const p of LEX.arabicPrefixes) {
        if (w.length > p.length + 1 && w.startsWith(p)) {
          e = matchTrie(LEX.arabicTitles, tk, i, tk.count, joined, w.slice(p.length));
          if (e > 0) break;
        }
      }
    }
    return e;
  }
  if ((f & F_DIGIT) !== 0 || !TITLE_FILTER.has(tk, i)) return -1;
  const a = matchTrie(LEX.titles, tk, i, tk.count, joined);
  if (!LEX.exactTitleFirst.has(tk.f(i))) return a;
  // exact titles: walk on lowercase words with diacritics
  let node = LEX.exactTitles.next?.get(lowerWord(tk, i));
  let best = node && node.value !== null ? i + 1 : -1;
  let j = i + 1;
  while (node && node.next && j < tk.count && joined(tk, j)) {
    node = node.next.get(lowerWord(tk, j));
    j++;
    if (node && node.value !== null) best = j;
  }
  return Math.max(a, best);
}

/** May a name start right at token j after title t? Spaces only, or "." after an abbreviation (Mr., M.), or ":" in Arabic. */
export function nameSlotGapOk(tk: Tokens, t: { readonly start: number; readonly end: number }, j: number): boolean {
  const g = tk.gap[j];
  if (g === G_SPACE) return true;
  if (g !== G_PUNCT || tk.gapMulti[j] !== 0) return false;
  const c = tk.gapChar[j];
  if (c === 0x2e) return LEX.abbreviations.has(tk.f(t.end - 1));
  return c === 0x3a && (tk.flags[j] & F_ARABIC) !== 0;
}

/** True when token i starts a sentence (the text's start, a line break, or . ! ? : before it). */
export function sentenceStart(tk: Tokens, i: number): boolean {
  if (i === 0) return true;
  const g = tk.gap[i];
  if (g === G_BREAK) return true;
  if (g !== G_PUNCT) return false;
  const c = tk.gapChar[i];
  if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x3a || c === 0x2022 || c === 0x7c) return true;
  // a quote or dash opening a sentence after a full stop: look at the text between
  const text = tk.text;
  for (let k = tk.end[i - 1]; k < tk.start[i]; k++) {
    const ch = text.charCodeAt(k);
    if (ch === 0x2e || ch === 0x21 || ch === 0x3f || ch === 0x3a || ch === 0x2014 || ch === 0x2013) return true;
  }
  return false;
}

/** Letters written after a name: ranks, honours, degrees, offices ("Patrick Lynch QC", "Godwin Emefiele GMD"). */
export const POST_NOMINALS: ReadonlySet<string> = new Set([
  'QC',
  'KC',
  'SC',
  'SAN',
  'MP',
  'MEP',
  'MSP',
  'MLA',
  'MPP',
  'TD',
  'MBE',
  'OBE',
  'CBE',
  'KBE',
  'DBE',
  'GBE',
  'PhD',
  'Esq',
  'JP',
  'CEO',
  'CFO',
  'COO',
  'GMD',
]);

const OPEN_QUOTES: ReadonlySet<number> = new Set([0x22, 0x27, 0x2018, 0x201c, 0x201e, 0x201a, 0xab, 0x2039]);
const CLOSE_QUOTES: ReadonlySet<number> = new Set([0x22, 0x27, 0x2019, 0x201d, 0x201c, 0xbb, 0x203a]);
const APOSTROPHES: ReadonlySet<number> = new Set([0x27, 0x2019, 0x2018]);
const isBlank = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x202f || c === 0x09;
const isLetterAt = (text: string, i: number): boolean => i >= 0 && i < text.length && /\p{L}/u.test(text[i]);

/**
 * Tokens start..end-1 are the whole of a quotation ("‘Ishq Fakir’", "« Le Monde »", "'Photograph'"): the title of
 * a film, a song or a book far more often than a person. An apostrophe is a quotation mark only away from letters
 * ("l'Europe", "Heer’s" are no quotations).
 */
export function quotedWhole(tk: Tokens, start: number, end: number): boolean {
  const text = tk.text;
  const lo = start > 0 ? tk.end[start - 1] : 0;
  let a = tk.start[start] - 1;
  while (a >= lo && isBlank(text.charCodeAt(a))) a--;
  if (a < lo) return false;
  const open = text.charCodeAt(a);
  if (!OPEN_QUOTES.has(open) || (APOSTROPHES.has(open) && isLetterAt(text, a - 1))) return false;
  const hi = end < tk.count ? tk.start[end] : text.length;
  let b = tk.end[end - 1];
  while (b < hi && isBlank(text.charCodeAt(b))) b++;
  if (b >= hi) return false;
  const close = text.charCodeAt(b);
  return CLOSE_QUOTES.has(close) && !(APOSTROPHES.has(close) && isLetterAt(text, b + 1));
}

/** The nicknames a text gives inside names, in one pass over it: "Sergio 'Checo' Pérez" gives "Checo", so that a
 *  later "'Checo'" is the same person, not a title. */
export function nicknamesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    if (!OPEN_QUOTES.has(text.charCodeAt(i)) || !capitalBeforeQuote(text, i + 1)) continue;
    let from = i + 1;
    if (from < text.length && isBlank(text.charCodeAt(from))) from++;
    // the closing quote within 30 characters
    for (let j = from + 1; j < text.length && j <= from + 30; j++) {
      if (!CLOSE_QUOTES.has(text.charCodeAt(j))) continue;
      let to = j;
      if (isBlank(text.charCodeAt(to - 1))) to--;
      if (capitalAfterQuote(text, to)) out.add(text.slice(from, to));
      break;
    }
  }
  return out;
}

const isUpperAt = (text: string, i: number): boolean => i >= 0 && i < text.length && /\p{Lu}/u.test(text[i]);

/** An opening quote ends the text before `at` (a space may follow it), after a space and a capitalised word. */
function capitalBeforeQuote(text: string, at: number): boolean {
  let i = at - 1;
  if (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i < 0 || !OPEN_QUOTES.has(text.charCodeAt(i))) return false;
  i--;
  if (i >= 0 && text.charCodeAt(i) === 0x28) i--; // "Joanie ('Chyna') Laurer"
  if (i < 0 || !isBlank(text.charCodeAt(i))) return false;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  let k = i;
  while (k >= 0 && k > i - 30 && isLetterAt(text, k)) k--;
  return k < i && isUpperAt(text, k + 1);
}

/** A closing quote starts the text at `at` (after at most one space), then a space and a capital. */
function capitalAfterQuote(text: string, at: number): boolean {
  let i = at;
  if (i < text.length && isBlank(text.charCodeAt(i))) i++;
  if (i >= text.length || !CLOSE_QUOTES.has(text.charCodeAt(i))) return false;
  i++;
  if (i < text.length && text.charCodeAt(i) === 0x29) i++;
  if (i >= text.length || !isBlank(text.charCodeAt(i))) return false;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return isUpperAt(text, i);
}
