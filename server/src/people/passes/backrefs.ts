// Passes: back-references and links.
// - A lone capitalised word that is the given name (Vietnamese), the surname
//   (Chinese and other names) of a full name found in the same document becomes
//   a mention of that person; so does a one-word titled name that is such a word
//   ("President Cường" after "Lương Cường").
// - A one-word name the model found ("Macron", "صلاح") is the person of the
//   nearest longer name of the document that ends with it (or, for a given name,
//   starts with it): it takes that name's key, so the two are one person.
// Words are compared as name words: with diacritics on both sides exactly
// (Thường is not Thương), otherwise folded (Cuong is Cường).

import { LEX } from '../lexicon';
import { isCapLatin, lowerWord, titleEnd } from '../helpers';
import { F_ARABIC, F_LATIN, F_NONASCII, F_UPPER, G_SPACE, Tokens } from '../text';
import { wordLists } from '../wordLists';
import { addDraft, DetectState, Draft, OWNER_NONE } from '../state';
import { buildingAfter, placePrefixBefore } from './vietnamese';

/** Where, in `ids` (drafts sorted by start), the first draft that starts at or after token `tok` is (binary search). */
function firstFrom(ids: readonly number[], drafts: readonly { ts: number }[], tok: number): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (drafts[ids[mid]].ts < tok) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How far below the model's threshold a back-reference may score and still be taken. */
const BACKREF_MARGIN = 2;

/**
 * Drafts by one of their words, for finding the nearest draft whose word is the
 * same name word as a token (linear overall: binary searches over sorted lists).
 */
class NameWordIndex {
  /** By folded word: every draft. */
  private readonly folded = new Map<string, number[]>();
  /** By folded word: drafts whose word is written without diacritics (they match any spelling). */
  private readonly plain = new Map<string, number[]>();
  /** By exact lowercase form: drafts whose word has diacritics. */
  private readonly exact = new Map<string, number[]>();

  constructor(
    private readonly tk: Tokens,
    private readonly drafts: readonly Draft[],
  ) {}

  add(id: number, word: number): void {
    const push = (m: Map<string, number[]>, k: string): void => {
      let list = m.get(k);
      if (!list) m.set(k, (list = []));
      list.push(id);
    };
    const tk = this.tk;
    push(this.folded, tk.f(word));
    if ((tk.flags[word] & F_NONASCII) === 0) push(this.plain, tk.f(word));
    else push(this.exact, lowerWord(tk, word));
  }

  get size(): number {
    return this.folded.size;
  }

  /** Sorts the lists by position (call once, after every add). */
  seal(): void {
    const byPos = (a: number, b: number): number => this.drafts[a].ts - this.drafts[b].ts;
    for (const m of [this.folded, this.plain, this.exact]) for (const ids of m.values()) ids.sort(byPos);
  }

  /** The nearest draft (before the token if any, else after; or, with `closest`, whichever is closer) with the same name word, or -1. */
  nearest(tok: number, closest = false): number {
    const tk = this.tk;
    if ((tk.flags[tok] & F_NONASCII) === 0) return this.search(this.folded.get(tk.f(tok)), tok, closest);
    const a = this.search(this.exact.get(lowerWord(tk, tok)), tok, closest);
    const b = this.search(this.plain.get(tk.f(tok)), tok, closest);
    if (a < 0) return b;
    if (b < 0) return a;
    const da = this.drafts[a].ts - tok;
    const db = this.drafts[b].ts - tok;
    if (closest) return Math.abs(da) <= Math.abs(db) ? a : b;
    // before beats after; among befores the nearer
    if (da < 0 && db < 0) return da > db ? a : b;
    if (da < 0) return a;
    if (db < 0) return b;
    return da <= db ? a : b;
  }

  private search(ids: number[] | undefined, tok: number, closest: boolean): number {
    if (!ids || ids.length === 0) return -1;
    const drafts = this.drafts;
    const lo = firstFrom(ids, drafts, tok);
    if (!closest) return lo > 0 ? ids[lo - 1] : ids[0];
    if (lo === 0) return ids[0];
    if (lo === ids.length) return ids[lo - 1];
    return tok - drafts[ids[lo - 1]].ts <= drafts[ids[lo]].ts - tok ? ids[lo - 1] : ids[lo];
  }
}

function refers(d: Draft, target: number, drafts: readonly Draft[]): void {
  d.kind = 'backref';
  d.ref = target;
  d.key = drafts[target].key;
  d.known = drafts[target].known;
}

export function backrefsPass(s: DetectState, titledAt: (i: number) => boolean): void {
  const { tk, n, owner, drafts } = s;
  const index = new NameWordIndex(tk, drafts);
  for (let id = 0; id < drafts.length; id++) {
    const d = drafts[id];
    if (d.te - d.ts < 2 || (tk.flags[d.ts] & F_LATIN) === 0) continue;
    const first = tk.f(d.ts);
    const ref = LEX.chineseSurnames.has(first) && !LEX.surnames.has(first) && d.te - d.ts === 2 ? d.ts : d.te - 1;
    if (tk.f(ref).length < 2) continue;
    index.add(id, ref);
  }
  if (index.size === 0) return;
  index.seal();
  for (const d of drafts) {
    if (d.kind !== 'titled' || d.te - d.ts !== 1) continue;
    const target = index.nearest(d.ts);
    if (target >= 0) refers(d, target, drafts);
  }
  for (let i = 0; i < n; i++) {
    if (owner[i] !== OWNER_NONE || !isCapLatin(tk, i) || (tk.flags[i] & F_UPPER) !== 0) continue;
    if (titleEnd(tk, i) > 0) continue;
    // the model read this word in its context and found no name in it ("Thành ủy", "Văn phòng")
    if (s.scores[i] < -BACKREF_MARGIN) continue;
    if ((tk.flags[i] & F_NONASCII) === 0 && LEX.stopWords.has(tk.f(i))) continue;
    if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1) && !titledAt(i)) continue;
    if (i + 1 < n && tk.gap[i + 1] === G_SPACE && isCapLatin(tk, i + 1)) continue;
    // a place or a building named after the person ("musée Toulouse-Lautrec", "stade Pokou")
    if (placePrefixBefore(tk, i, s.lang !== 'es' && s.lang !== 'fr' && s.lang !== 'it' && s.lang !== 'pt') || buildingAfter(tk, i + 1)) continue;
    const target = index.nearest(i);
    if (target < 0) continue;
    const id = addDraft(s, i, i + 1, 'backref', drafts[target].key, { ref: target, known: drafts[target].known });
    if (titledAt(i)) {
      const t = s.titles[s.titleSlot[i]];
      drafts[id].titleStart = t.start;
      drafts[id].titleEnd = t.end;
    }
  }
}

export function linkPass(s: DetectState): void {
  const { tk, drafts } = s;
  const lists = wordLists();
  const byLast = new NameWordIndex(tk, drafts);
  const byFirst = new NameWordIndex(tk, drafts);
  // Arabic words compare folded (no diacritics to speak of), keyed apart
  const arabicLast = new Map<string, number[]>();
  const arabicFirst = new Map<string, number[]>();
  drafts.forEach((d, id) => {
    if (d.te - d.ts < 2) return;
    if ((tk.flags[d.ts] & F_ARABIC) !== 0) {
      for (const [m, w] of [
        [arabicLast, tk.f(d.te - 1)],
        [arabicFirst, tk.f(d.ts)],
      ] as const) {
        let list = m.get(w);
        if (!list) m.set(w, (list = []));
        list.push(id);
      }
      return;
    }
    byLast.add(id, d.te - 1);
    byFirst.add(id, d.ts);
  });
  byLast.seal();
  byFirst.seal();
  const byPos = (a: number, b: number): number => drafts[a].ts - drafts[b].ts;
  for (const m of [arabicLast, arabicFirst]) for (const ids of m.values()) ids.sort(byPos);
  const nearestArabic = (ids: number[] | undefined, tok: number): number => {
    if (!ids || ids.length === 0) return -1;
    const lo = firstFrom(ids, drafts, tok);
    if (lo === 0) return ids[0];
    if (lo === ids.length) return ids[lo - 1];
    return tok - drafts[ids[lo - 1]].ts <= drafts[ids[lo]].ts - tok ? ids[lo - 1] : ids[lo];
  };
  for (const d of drafts) {
    if (d.kind !== 'model' || d.te - d.ts !== 1) continue;
    let target: number;
    if ((tk.flags[d.ts] & F_ARABIC) !== 0) {
      const w = tk.f(d.ts);
      const core = d.startShift > 0 ? w.slice(1) : w;
      target = nearestArabic(arabicLast.get(core), d.ts);
      if (target < 0 && lists.arabicGiven.has(core)) target = nearestArabic(arabicFirst.get(core), d.ts);
    } else {
      target = byLast.nearest(d.ts, true);
      // a given name ("Lionel" for Lionel Messi), or a surname written first (Xi for Xi Jinping, Kim for Kim Jong-un)
      const w = tk.f(d.ts);
      if (target < 0 && (lists.given.has(w) || LEX.chineseSurnames.has(w) || LEX.surnames.has(w))) target = byFirst.nearest(d.ts, true);
    }
    if (target >= 0) refers(d, target, drafts);
  }
}
