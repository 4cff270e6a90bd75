// What the document says around and about its words, for the people model's
// features: how often each candidate's word is written in lower case or
// capitalised mid-sentence elsewhere, and per token (computed on demand and
// remembered) whether a role, a verb of saying, an organisation word or a place
// starts or ends there.

import { isCapLatin, sentenceStart } from './helpers';
import { F_CAP, F_LATIN, F_UPPER, G_SPACE, Tokens, TrieNode } from './text';
import { DetectState } from './state';
import { V } from './featureValues';
import { wordLists } from './wordLists';
import type { Run } from './candidateRuns';

/** What the document says about each folded word: how often written in lower case, capitalised mid-sentence. */
export interface DocWords {
  lower: Map<string, number>;
  capMid: Map<string, number>;
}

/**
 * Counts for the words of a document; with `keys` (the word-filter keys of the words that will be asked
 * about: first and last letter and length), only the tokens that may be one of them are read and folded.
 */
export function documentWords(tk: Tokens, keys?: ReadonlySet<number>): DocWords {
  const lower = new Map<string, number>();
  const capMid = new Map<string, number>();
  for (let i = 0; i < tk.count; i++) {
    const f = tk.flags[i];
    if ((f & F_LATIN) === 0) continue;
    if (keys && !keys.has(tk.fkey[i])) continue;
    if ((f & F_CAP) === 0) {
      const w = tk.f(i);
      lower.set(w, (lower.get(w) ?? 0) + 1);
    } else if ((f & F_UPPER) === 0 && !sentenceStart(tk, i)) {
      const w = tk.f(i);
      capMid.set(w, (capMid.get(w) ?? 0) + 1);
    }
  }
  return { lower, capMid };
}

/** Does a phrase of `trie` (1–3 words joined by spaces) start at `first`? */
function startsAt(tk: Tokens, trie: TrieNode<number>, first: number): boolean {
  let node = trie.next?.get(tk.f(first));
  let j = first;
  while (node) {
    if (node.value !== null) return true;
    j++;
    if (j >= tk.count || j - first >= 3 || tk.gap[j] !== G_SPACE || !node.next) return false;
    node = node.next.get(tk.f(j));
  }
  return false;
}

/** Does a phrase of `trie` end exactly at `last`? */
function endsAt(tk: Tokens, trie: TrieNode<number>, last: number): boolean {
  for (let first = last; first >= 0 && last - first < 3; first--) {
    if (first < last && tk.gap[first + 1] !== G_SPACE) break;
    let node: TrieNode<number> | undefined = trie;
    for (let k = first; k <= last && node; k++) node = node.next?.get(tk.f(k));
    if (node && node.value !== null) return true;
  }
  return false;
}

/**
 * What the document says around and about its words, computed on demand per
 * token and remembered (most tokens are never asked about).
 */
export class DocMarks {
  private readonly memo: Int8Array;
  private readonly hashes: Int32Array;
  private readonly hashed: Uint8Array;
  readonly words: DocWords;
  private readonly title: Uint8Array;
  private readonly lists = wordLists();

  /** `runs`: the candidate runs that will be scored (their words are the only ones asked about). */
  constructor(
    private readonly s: DetectState,
    runs?: readonly Run[],
  ) {
    const n = s.n + 1;
    // 8 marks per token, 2 bits each (unknown, no, yes)
    this.memo = new Int8Array(n * 8).fill(-1);
    this.hashes = new Int32Array(n);
    this.hashed = new Uint8Array(n);
    let keys: Set<number> | undefined;
    if (runs) {
      keys = new Set();
      for (const r of runs) if (!r.arabic) for (let k = r.start; k < r.end; k++) keys.add(s.tk.fkey[k]);
    }
    this.words = documentWords(s.tk, keys);
    this.title = new Uint8Array(n);
    for (const t of s.titles) for (let k = t.start; k < t.end; k++) this.title[k] = 1;
  }

  private mark(i: number, which: number, compute: () => boolean): boolean {
    const at = i * 8 + which;
    let m = this.memo[at];
    if (m < 0) this.memo[at] = m = compute() ? 1 : 0;
    return m === 1;
  }

  roleStart = (i: number): boolean => this.mark(i, 0, () => startsAt(this.s.tk, this.lists.roles, i));
  roleEnd = (i: number): boolean => this.mark(i, 1, () => endsAt(this.s.tk, this.lists.roles, i));
  speechStart = (i: number): boolean => this.mark(i, 2, () => startsAt(this.s.tk, this.lists.speech, i));
  speechEnd = (i: number): boolean => this.mark(i, 3, () => endsAt(this.s.tk, this.lists.speech, i));
  orgStart = (i: number): boolean => this.mark(i, 4, () => startsAt(this.s.tk, this.lists.orgWords, i));
  orgEnd = (i: number): boolean => this.mark(i, 5, () => endsAt(this.s.tk, this.lists.orgWords, i));
  inTitle = (i: number): boolean => this.title[i] === 1;

  /** Part of a country or city name written with capitals (the name may start up to two tokens before). */
  place = (i: number): boolean =>
    this.mark(i, 6, () => {
      const tk = this.s.tk;
      for (let first = i; first >= 0 && i - first < 3; first--) {
        if (first < i && tk.gap[first + 1] !== G_SPACE) break;
        if (!isCapLatin(tk, first)) continue;
        for (const trie of [this.lists.countries, this.lists.cities]) {
          let node = trie.next?.get(tk.f(first));
          let j = first;
          while (node) {
            if (node.value !== null && j >= i) return true;
            j++;
            if (j >= tk.count || j - first >= 3 || tk.gap[j] !== G_SPACE || !node.next) break;
            node = node.next.get(tk.f(j));
          }
        }
      }
      return false;
    });

  /** The hash of token i's folded word (a feature value). */
  word(i: number): number {
    if (!this.hashed[i]) {
      this.hashes[i] = V(this.s.tk.f(i));
      this.hashed[i] = 1;
    }
    return this.hashes[i];
  }
}
