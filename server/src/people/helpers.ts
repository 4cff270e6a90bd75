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
