// Person detection in one document body. See index.ts for the overview.

import { LEX, TITLE_FILTER, matchTrie } from './lexicon';
import {
  arabicSkeleton,
  isPinyinWord,
  isVietnameseSyllable,
  skeletonsMatchLatin,
  SURNAME_SKELETONS,
  SYLLABLE_SKELETONS,
} from './phonetics';
import {
  F_ARABIC,
  F_CAP,
  F_DIGIT,
  F_LATIN,
  F_NONASCII,
  F_UPPER,
  G_BREAK,
  G_PUNCT,
  G_SPACE,
  TrieNode,
  Tokens,
  newTrie,
  nonAsciiCount,
  phraseWords,
  tokenize,
  trieInsert,
} from './text';
import type { KnownPerson, MentionKind, PersonMention } from './types';

// ------------------------------------------------------------ known people

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

// ------------------------------------------------------------ helpers on tokens

const APOS = new Set([0x27, 0x2019, 0x2bc]);

/** Word j continues a phrase (titles, places): only spaces, or an elision apostrophe, before it. */
function joined(tk: Tokens, j: number): boolean {
  return tk.gap[j] === G_SPACE || (tk.gap[j] === G_PUNCT && tk.gapMulti[j] === 0 && APOS.has(tk.gapChar[j]));
}

/** End of the title phrase starting at token i (no chains), or -1. */
function titleEnd(tk: Tokens, i: number): number {
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

const lowerCache = new Map<string, string>();
function lowerWord(tk: Tokens, i: number): string {
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

const isCapLatin = (tk: Tokens, i: number): boolean => (tk.flags[i] & (F_CAP | F_LATIN | F_DIGIT)) === (F_CAP | F_LATIN);

// ------------------------------------------------------------ detection state

const OWNER_NONE = -1;
const OWNER_PLACE = -2;
const OWNER_TITLE = -3; // first word of a capitalised title: no name starts here

interface Draft {
  ts: number; // first token
  te: number; // token after the last
  kind: MentionKind;
  key: string;
  titleStart: number; // token range of the title, or -1
  titleEnd: number;
  /** For back-references: the mention they point to. */
  ref: number;
  known: number;
  /** Arabic skeletons (table-based Arabic names). */
  skeletons: string[] | null;
}

interface TitleMatch {
  start: number;
  end: number; // token after the title chain
}

const TK = new Tokens();
let owner = new Int32Array(1024);
let titleSlot = new Int32Array(1024);

export function detect(text: string, known: readonly KnownPerson[] | undefined): PersonMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const tk = tokenize(text, TK);
  const n = tk.count;
  if (owner.length < n + 1) {
    owner = new Int32Array(Math.max(n + 1, owner.length * 2));
    titleSlot = new Int32Array(owner.length);
  }
  owner.fill(OWNER_NONE, 0, n + 1);
  titleSlot.fill(-1, 0, n + 1);
  const drafts: Draft[] = [];
  const titles: TitleMatch[] = [];
  const ck = known && known.length > 0 ? compileKnown(known) : undefined;

  const add = (ts: number, te: number, kind: MentionKind, key: string, extra?: Partial<Draft>): number => {
    const id = drafts.length;
    drafts.push({ ts, te, kind, key, titleStart: -1, titleEnd: -1, ref: -1, known: -1, skeletons: null, ...extra });
    for (let k = ts; k < te; k++) owner[k] = id;
    return id;
  };
  const latinKey = (ts: number, te: number): string => {
    let s = tk.f(ts);
    for (let k = ts + 1; k < te; k++) s += ' ' + tk.f(k);
    return s;
  };

  // 1. Titles (Latin and Arabic): record where a name may follow.
  for (let i = 0; i < n; i++) {
    const chain = titleChainAt(tk, i);
    if (chain < 0) continue;
    titles.push({ start: i, end: chain });
    if (chain < n) titleSlot[chain] = titles.length - 1;
    if ((tk.flags[i] & F_CAP) !== 0) owner[i] = OWNER_TITLE; // "Tổng Bí thư" is not Tống + Bí
    i = chain - 1;
  }
  const titledAt = (i: number): boolean => {
    const t = titleSlot[i];
    if (t < 0) return false;
    return nameSlotGapOk(tk, titles[t], i);
  };

  // 2. Known people (people files), any listed spelling, diacritics optional.
  if (ck) {
    for (let i = 0; i < n; i++) {
      if (owner[i] !== OWNER_NONE && owner[i] !== OWNER_TITLE) continue;
      const e = matchTrie(ck.trie, tk, i, n, joined);
      if (e < 0) continue;
      const node = walkValue(ck.trie, tk, i, e);
      if (node === null) continue;
      const sp = ck.spellings[node];
      const ns = i + sp.titleWords;
      if (sp.cap && (tk.flags[ns] & F_ARABIC) === 0 && (tk.flags[ns] & F_CAP) === 0) continue;
      // part of a longer capitalised name? leave it to the name rules
      if ((tk.flags[ns] & F_LATIN) !== 0) {
        if (ns > 0 && tk.gap[ns] === G_SPACE && isCapLatin(tk, ns - 1) && titleSlot[ns] < 0 && sp.titleWords === 0) continue;
        if (e < n && tk.gap[e] === G_SPACE && isCapLatin(tk, e) && isVietnameseSyllable(tk.f(e)) && !LEX.stopWords.has(tk.f(e))) continue;
      }
      const id = add(ns, e, 'known', ck.keys[sp.person], { known: sp.person });
      if (sp.titleWords > 0) {
        drafts[id].titleStart = i;
        drafts[id].titleEnd = ns;
      }
      i = e - 1;
    }
  }

  // 3. Latin script, left to right: places, Vietnamese full names, Chinese names.
  for (let i = 0; i < n; i++) {
    if (owner[i] !== OWNER_NONE || !isCapLatin(tk, i)) continue;
    const p = matchTrie(LEX.places, tk, i, n, joined);
    if (p > 0) {
      for (let k = i; k < p; k++) owner[k] = OWNER_PLACE;
      i = p - 1;
      continue;
    }
    let e = vietnameseRun(tk, i, titledAt(i));
    if (e === -2) continue;
    if (e > 0) {
      if (placeContext(tk, i, e)) {
        for (let k = i; k < e; k++) owner[k] = OWNER_PLACE;
      } else add(i, e, 'full', latinKey(i, e));
      i = e - 1;
      continue;
    }
    e = chineseRun(tk, i, titledAt(i));
    if (e > 0 && !placeContext(tk, i, e)) {
      add(i, e, 'full', latinKey(i, e));
      i = e - 1;
    }
  }

  // 4. Arabic script: titled names, transliterated Vietnamese names.
  for (let i = 0; i < n; i++) {
    if ((tk.flags[i] & F_ARABIC) === 0 || owner[i] !== OWNER_NONE) continue;
    const t = titleEnd(tk, i);
    if (t > 0) {
      // the title's complement: words with the article (رئيس اللجنة الشعبية …)
      let k = t;
      while (k < n && k - t < 6 && tk.gap[k] === G_SPACE && (tk.flags[k] & F_ARABIC) !== 0 && isDefinite(tk.f(k)) && titleEnd(tk, k) < 0) k++;
      const gapOk = k < n && (tk.gap[k] === G_SPACE || (tk.gap[k] === G_PUNCT && tk.gapMulti[k] === 0 && tk.gapChar[k] === 0x3a));
      if (gapOk && (tk.flags[k] & F_ARABIC) !== 0 && owner[k] === OWNER_NONE) {
        let e = arabicTableRun(tk, k, 2, false);
        let sk: string[] | null = null;
        if (e > 0) sk = skeletonsOf(tk, k, e);
        else e = arabicGenericRun(tk, k);
        if (e > 0) {
          const id = add(k, e, 'arabic', arabicKey(tk, k, e, sk, ck), { skeletons: sk, titleStart: i, titleEnd: t });
          const kn = sk && ck ? knownBySkeleton(ck, sk) : -1;
          if (kn >= 0) drafts[id].known = kn;
          i = e - 1;
          continue;
        }
      }
      i = t - 1;
      continue;
    }
    const e = arabicTableRun(tk, i, 3, true);
    if (e > 0) {
      const sk = skeletonsOf(tk, i, e);
      const id = add(i, e, 'arabic', arabicKey(tk, i, e, sk, ck), { skeletons: sk });
      const kn = ck ? knownBySkeleton(ck, sk) : -1;
      if (kn >= 0) drafts[id].known = kn;
      i = e - 1;
    }
  }

  // 5. Names right after a Latin title ("President Cường", "Chinese President Xi Jinping", "Mr Smith").
  for (const t of titles) {
    const j = t.end;
    if (j >= n || owner[j] !== OWNER_NONE || !isCapLatin(tk, j) || !nameSlotGapOk(tk, t, j)) continue;
    let e = j;
    while (
      e < n &&
      e - j < 4 &&
      (e === j || tk.gap[e] === G_SPACE) &&
      owner[e] === OWNER_NONE &&
      isCapLatin(tk, e) &&
      !LEX.stopWords.has(tk.f(e)) &&
      titleEnd(tk, e) < 0
    )
      e++;
    if (e === j) continue;
    if (e < n && tk.gap[e] === G_SPACE && isCapLatin(tk, e)) continue; // more capitals: an organisation or a heading
    if (placeContext(tk, j, e)) continue;
    if (e - j === 1 && (tk.flags[j] & F_UPPER) !== 0) continue; // "President VNA"
    add(j, e, 'titled', latinKey(j, e), { titleStart: t.start, titleEnd: t.end });
  }

  // 6. Back-references by given name (Vietnamese), surname (Chinese, others).
  const byRef = new Map<string, number[]>();
  for (let id = 0; id < drafts.length; id++) {
    const d = drafts[id];
    if (d.te - d.ts < 2 || (tk.flags[d.ts] & F_LATIN) === 0) continue;
    const first = tk.f(d.ts);
    const refWord = LEX.chineseSurnames.has(first) && !LEX.surnames.has(first) && d.te - d.ts === 2 ? first : tk.f(d.te - 1);
    if (refWord.length < 2) continue;
    let list = byRef.get(refWord);
    if (!list) byRef.set(refWord, (list = []));
    list.push(id);
  }
  if (byRef.size > 0) {
    for (const ids of byRef.values()) ids.sort((a, b) => drafts[a].ts - drafts[b].ts);
    // the closest full name before the token, else the first one after it (binary search: linear overall)
    const nearest = (ids: number[], tok: number): number => {
      let lo = 0;
      let hi = ids.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (drafts[ids[mid]].ts < tok) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 ? ids[lo - 1] : ids[0];
    };
    for (const d of drafts) {
      if (d.kind !== 'titled' || d.te - d.ts !== 1) continue;
      const ids = byRef.get(tk.f(d.ts));
      if (!ids) continue;
      const target = nearest(ids, d.ts);
      d.kind = 'backref';
      d.ref = target;
      d.key = drafts[target].key;
      d.known = drafts[target].known;
    }
    for (let i = 0; i < n; i++) {
      if (owner[i] !== OWNER_NONE || !isCapLatin(tk, i) || (tk.flags[i] & F_UPPER) !== 0) continue;
      const ids = byRef.get(tk.f(i));
      if (!ids || titleEnd(tk, i) > 0) continue;
      if ((tk.flags[i] & F_NONASCII) === 0 && LEX.stopWords.has(tk.f(i))) continue;
      if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1) && !titledAt(i)) continue;
      if (i + 1 < n && tk.gap[i + 1] === G_SPACE && isCapLatin(tk, i + 1)) continue;
      const target = nearest(ids, i);
      const id = add(i, i + 1, 'backref', drafts[target].key, { ref: target, known: drafts[target].known });
      if (titledAt(i)) {
        const t = titles[titleSlot[i]];
        drafts[id].titleStart = t.start;
        drafts[id].titleEnd = t.end;
      }
    }
  }

  // 7. Titles of names found by other rules, possibly across a complement.
  for (const d of drafts) {
    if (d.titleStart >= 0) continue;
    const t = titleBefore(tk, d.ts, titles);
    if (t) {
      d.titleStart = t.start;
      d.titleEnd = t.end;
    }
  }

  // 8. Canonical names within the document.
  const best = new Map<string, { text: string; score: number }>();
  for (const d of drafts) {
    if (d.kind === 'backref') continue;
    const s = text.slice(tk.start[d.ts], tk.end[d.te - 1]);
    const score = spellingScore(s, d.te - d.ts, (tk.flags[d.ts] & F_UPPER) !== 0);
    const cur = best.get(d.key);
    if (!cur || score > cur.score) best.set(d.key, { text: s, score });
  }
  const out: PersonMention[] = [];
  for (const d of drafts) {
    const start = tk.start[d.ts];
    const end = tk.end[d.te - 1];
    const m: PersonMention = {
      start,
      end,
      text: text.slice(start, end),
      key: d.key,
      canonical: d.known >= 0 && ck ? ck.people[d.known].name : best.get(d.key)?.text ?? text.slice(start, end),
      kind: d.kind,
    };
    if (d.known >= 0 && ck) m.key = ck.keys[d.known];
    if (d.titleStart >= 0) m.title = text.slice(tk.start[d.titleStart], tk.end[d.titleEnd - 1]);
    out.push(m);
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Ranks spellings: more words, more diacritics, not all capitals. */
export function spellingScore(s: string, words: number, allCaps: boolean): number {
  return words * 1000 + Math.min(nonAsciiCount(s), 99) * 5 + (allCaps ? 0 : 2);
}

function walkValue(root: TrieNode<number>, tk: Tokens, i: number, e: number): number | null {
  let node: TrieNode<number> | undefined = root;
  for (let k = i; k < e && node; k++) node = node.next?.get(tk.f(k));
  return node ? node.value : null;
}

/** Title chain starting at token i: [nationality] title ([post-nationality]) (connector title)*; returns the token after it, or -1. */
function titleChainAt(tk: Tokens, i: number): number {
  const n = tk.count;
  let pos = i;
  const nat = (tk.flags[i] & F_ARABIC) === 0 && TITLE_FILTER.has(tk, i) ? matchTrie(LEX.nationalities, tk, i, n, joined) : -1;
  if (nat > 0 && nat < n && joined(tk, nat) && titleEnd(tk, nat) > 0) pos = nat;
  let e = titleEnd(tk, pos);
  if (e < 0) return -1;
  for (;;) {
    if (e < n && tk.gap[e] === G_SPACE && LEX.postNationalities.has(tk.f(e))) e++;
    // a country right after the title: "Đại sứ Nhật Bản Ito Naoki"
    if (e < n && tk.gap[e] === G_SPACE && (tk.flags[e] & F_CAP) !== 0) {
      const p = matchTrie(LEX.places, tk, e, n, joined);
      if (p > 0 && p < n && tk.gap[p] === G_SPACE) e = p;
    }
    if (e + 1 < n && tk.gap[e] === G_SPACE && LEX.connectors.has(tk.f(e)) && tk.gap[e + 1] === G_SPACE) {
      const e2 = titleEnd(tk, e + 1);
      if (e2 > 0) {
        e = e2;
        continue;
      }
    }
    return e;
  }
}

/** May a name start right at token j after title t? Spaces only, or "." after an abbreviation (Mr., M.), or ":" in Arabic. */
function nameSlotGapOk(tk: Tokens, t: TitleMatch, j: number): boolean {
  const g = tk.gap[j];
  if (g === G_SPACE) return true;
  if (g !== G_PUNCT || tk.gapMulti[j] !== 0) return false;
  const c = tk.gapChar[j];
  if (c === 0x2e) return LEX.abbreviations.has(tk.f(t.end - 1));
  return c === 0x3a && (tk.flags[j] & F_ARABIC) !== 0;
}

/** The nearest title before token ts in the same sentence, across a complement that starts with of/de/du/Bộ …, or null. */
function titleBefore(tk: Tokens, ts: number, titles: readonly TitleMatch[]): TitleMatch | null {
  const t0 = titleSlot[ts];
  if (t0 >= 0) return titles[t0];
  for (let p = ts - 1; p > 0 && ts - p <= 12; p--) {
    const g = tk.gap[p + 1];
    if (g === G_BREAK) return null;
    if (g === G_PUNCT) {
      const c = tk.gapChar[p + 1];
      if (tk.gapMulti[p + 1] !== 0 || (c !== 0x2c && !APOS.has(c) && c !== 0x60c)) return null; // only , ' ، inside a complement
    }
    if (owner[p] >= 0) return null;
    const t = titleSlot[p];
    if (t >= 0 && LEX.complementStarters.has(tk.f(p))) return titles[t];
  }
  return null;
}

/** Vietnamese full name at token i: surname + 1..3 valid syllables. Returns end, -1 (no), -2 (rejected, skip). */
function vietnameseRun(tk: Tokens, i: number, titled: boolean): number {
  const n = tk.count;
  const sur = tk.f(i);
  if (!LEX.surnames.has(sur)) return -1;
  const allCaps = (tk.flags[i] & F_UPPER) !== 0;
  let j = i + 1;
  while (j < n && j - i <= 3 && tk.gap[j] === G_SPACE && owner[j] === OWNER_NONE && isCapLatin(tk, j)) {
    const f = tk.flags[j];
    const caps = (f & F_UPPER) !== 0;
    if (allCaps ? !caps && tk.r(j).length > 1 : caps) break;
    if (!isVietnameseSyllable(tk.f(j))) break;
    j++;
  }
  if (j === i + 1) return -1;
  let ascii = true;
  for (let k = i; k < j; k++) if ((tk.flags[k] & F_NONASCII) !== 0) ascii = false;
  if (ascii && !titled) {
    if (LEX.titleOnlySurnames.has(sur) || allCaps) return -1;
    if (LEX.weakSurnames.has(sur)) {
      for (let k = i + 1; k < j; k++) if (LEX.commonWords.has(tk.f(k))) return -1;
      if (j < n && tk.gap[j] === G_SPACE && isCapLatin(tk, j)) return -1; // Title Case heading
      if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1)) return -1;
    }
  }
  return j;
}

/** Chinese name at token i: surname + one pinyin given name ("Xi Jinping", "Wang Yi"). */
function chineseRun(tk: Tokens, i: number, titled: boolean): number {
  const n = tk.count;
  const sur = tk.f(i);
  if (!LEX.chineseSurnames.has(sur) || (tk.flags[i] & F_UPPER) !== 0) return -1;
  const j = i + 1;
  if (j >= n || tk.gap[j] !== G_SPACE || owner[j] !== OWNER_NONE || !isCapLatin(tk, j) || (tk.flags[j] & F_UPPER) !== 0) return -1;
  const given = tk.f(j).replace('-', '');
  if (!isPinyinWord(given) || LEX.stopWords.has(given) || LEX.chineseSurnames.has(given) && !titled && given.length < 3) return -1;
  if (j + 1 < n && tk.gap[j + 1] === G_SPACE && isCapLatin(tk, j + 1)) return -1;
  if (!titled && LEX.weakChineseSurnames.has(sur)) {
    if (LEX.commonWords.has(given)) return -1;
    if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1)) return -1;
  }
  return j + 1;
}

/** A run of capitalised words that is a place or an organisation by its context (tỉnh …, … City). */
function placeContext(tk: Tokens, i: number, e: number): boolean {
  const n = tk.count;
  if (e < n && tk.gap[e] === G_SPACE && LEX.placeSuffixes.has(tk.f(e))) return true;
  if (e < n && tk.gap[e] === G_PUNCT && tk.gapChar[e] === 0x2d && tk.gapMulti[e] === 0 && LEX.placeSuffixes.has(tk.f(e))) return true;
  for (const pre of LEX.placePrefixes) {
    const len = pre.length;
    if (i - len < 0) continue;
    let ok = true;
    for (let k = 0; k < len && ok; k++) {
      const t = i - len + k;
      if (lowerWord(tk, t) !== pre[k]) ok = false;
      else if (tk.gap[t + 1] === G_BREAK || (tk.gap[t + 1] === G_PUNCT && !APOS.has(tk.gapChar[t + 1]))) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

// ------------------------------------------------------------ Arabic

const isDefinite = (w: string): boolean =>
  w.length > 3 && (w.startsWith('ال') || w.startsWith('لل') || w.startsWith('بال') || w.startsWith('وال') || w.startsWith('فال') || w.startsWith('كال'));

function arabicWordOk(tk: Tokens, j: number): boolean {
  return (tk.flags[j] & F_ARABIC) !== 0 && (tk.flags[j] & F_DIGIT) === 0 && owner[j] === OWNER_NONE && !LEX.arabicStopWords.has(tk.f(j)) && !isDefinite(tk.f(j));
}

/** Transliterated Vietnamese name: words whose skeletons are Vietnamese syllables (first one a surname when asked). */
function arabicTableRun(tk: Tokens, i: number, min: number, needSurname: boolean): number {
  const n = tk.count;
  let j = i;
  while (j < n && j - i < 4 && (j === i || tk.gap[j] === G_SPACE) && arabicWordOk(tk, j)) {
    const sk = arabicSkeleton(tk.f(j));
    if (sk === '' || !SYLLABLE_SKELETONS.has(sk)) break;
    if (j === i && needSurname && !SURNAME_SKELETONS.has(sk)) return -1;
    j++;
  }
  return j - i >= min ? j : -1;
}

/** Any name after an Arabic title: one to three words, stopping at the article, "و…" (and), stop words and punctuation. */
function arabicGenericRun(tk: Tokens, i: number): number {
  const n = tk.count;
  let j = i;
  while (j < n && j - i < 3 && (j === i || tk.gap[j] === G_SPACE) && arabicWordOk(tk, j)) {
    const w = tk.f(j);
    const raw = tk.r(j);
    if (w.length < 2) break;
    if (w.startsWith('و') && w.length > 4) break;
    if (raw.endsWith('ة')) break; // feminine nouns, not transliterated names
    j++;
  }
  return j > i ? j : -1;
}

function skeletonsOf(tk: Tokens, i: number, e: number): string[] {
  const out: string[] = [];
  for (let k = i; k < e; k++) out.push(arabicSkeleton(tk.f(k)));
  return out;
}

function knownBySkeleton(ck: CompiledKnown, sk: readonly string[]): number {
  let found = -1;
  for (const lw of ck.latinWords) {
    if (skeletonsMatchLatin(sk, lw.words)) {
      if (found >= 0 && found !== lw.person) return -1; // ambiguous
      found = lw.person;
    }
  }
  return found;
}

function arabicKey(tk: Tokens, i: number, e: number, sk: string[] | null, ck: CompiledKnown | undefined): string {
  if (sk) {
    const kn = ck ? knownBySkeleton(ck, sk) : -1;
    if (kn >= 0 && ck) return ck.keys[kn];
    return 'ar:' + sk.join(' ');
  }
  let s = tk.f(i);
  for (let k = i + 1; k < e; k++) s += ' ' + tk.f(k);
  return 'ar:' + s;
}
