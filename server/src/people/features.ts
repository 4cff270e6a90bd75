// The features the model scores a candidate token by: its form, the word lists
// it is in (given names, surnames, common words of the document's language,
// places, organisation words), the words around its run (roles, speech verbs,
// honorifics, titles), where it stands in its run and sentence, and what the rest
// of the document says about the same word (written in lower case elsewhere,
// capitalised mid-sentence elsewhere). A feature is a template and one or two
// values, hashed (./featureHash.ts) as it is emitted: no string is built per
// feature. The same code serves the detector and the training script
// (scripts/train-people.mjs), so the two cannot drift.

import { LEX } from './lexicon';
import { isCapLatin, sentenceStart } from './helpers';
import { isVietnameseSyllable } from './phonetics';
import { F_ARABIC, F_CAP, F_DIGIT, F_LATIN, F_NONASCII, F_UPPER, G_BREAK, G_PUNCT, G_SPACE, Tokens, TrieNode } from './text';
import { DetectState, OWNER_PLACE, OWNER_TITLE } from './state';
import { combine, hashString, valueHash } from './featureHash';
import { ListLang, wordLists, WordLists } from './wordLists';
import { isDefinite } from './passes/arabic';
import { arabicCore, Run, RuleKinds } from './candidateRuns';

/** Receives the features of one token after another, as hashes. */
export interface Emitter {
  /** Starts the next token's features. */
  next(): void;
  /** A feature: its template's hash and its values' hashes. */
  add(template: number, a: number, b: number): void;
  /** A feature whose hash is already combined. */
  addHash(h: number): void;
}

/** Template names, hashed once. */
const T = Object.fromEntries(
  [
    'bias', 'gapB', 'gapA', 'prev', 'prev2', 'roleB', 'speechB', 'honB', 'titleB', 'placeB', 'nameB', 'roleNatB', 'orgB',
    'next', 'next2', 'speechA', 'orgA', 'roleAppos', 'roleA', 'nameA', 'pos', 'w', 'rule', 'rulePos', 'roleWord', 'honWord',
    'titleWord', 'ar', 'arGiven', 'arProc', 'arCoreGiven', 'wCore', 'arNisba', 'arDef', 'arTa', 'suf2', 'pre2', 'arCommon',
    'arCommonGiven', 'arGapB', 'arRoleB', 'arSpeechB', 'arNatB', 'arRoleNatB', 'arGivenB', 'arTitleB', 'arOrgB', 'arSpeechA',
    'arRoleA', 'arGapA', 'prevIn', 'prevInGiven', 'nextIn', 'prevW', 'prevW2', 'shape', 'shapePos', 'particle', 'suf3',
    'given', 'sur', 'givenSur', 'common', 'commonAny', 'commonLang', 'givenCommon', 'place', 'orgInRun', 'givenInRun', 'org',
    'viSur', 'viSyl', 'diacritics', 'sentStart', 'sentCommon', 'docLower', 'docCapMid', 'prevInShape', 'nextInSur',
    'nextInGiven', 'nextInShape', 'arNextDef', 'arPrevClass', 'orgLater', 'pl', 'plPos', 'plShape', 'p1', 'p1s', 'd2', 'd2last', 'd2first', 'd2p1',
  ].map((n) => [n, hashString(n)]),
) as Record<string, number>;

/** The template names, for the training script's listings (hash → name). */
export const TEMPLATE_NAMES: ReadonlyMap<number, string> = new Map(Object.entries(T).map(([n, h]) => [h, n]));

const V = valueHash;
const NONE = V(undefined);

/** The features without values, hashed once. */
const K = {
  arGivenB: combine(T.arGivenB, NONE, NONE),
  arNatB: combine(T.arNatB, NONE, NONE),
  arOrgB: combine(T.arOrgB, NONE, NONE),
  arRoleA: combine(T.arRoleA, NONE, NONE),
  arRoleB: combine(T.arRoleB, NONE, NONE),
  arRoleNatB: combine(T.arRoleNatB, NONE, NONE),
  arSpeechA: combine(T.arSpeechA, NONE, NONE),
  arSpeechB: combine(T.arSpeechB, NONE, NONE),
  arTitleB: combine(T.arTitleB, NONE, NONE),
  org: combine(T.org, NONE, NONE),
  orgLater: combine(T.orgLater, NONE, NONE),
  place: combine(T.place, NONE, NONE),
  roleWord: combine(T.roleWord, NONE, NONE),
  sentStart: combine(T.sentStart, NONE, NONE),
  titleWord: combine(T.titleWord, NONE, NONE),
};
const V0 = V('0');
const V1 = V('1');
const COUNT = [V('0'), V('1'), V('2'), V('3')];
const count3 = (c: number): number => COUNT[c <= 0 ? 0 : c > 2 ? 3 : c];
const BUCKET = { no: V('no'), '100': V('100'), '1k': V('1k'), '5k': V('5k') };
function rankBucket(r: number | undefined): number {
  if (r === undefined) return BUCKET.no;
  if (r <= 100) return BUCKET['100'];
  if (r <= 1000) return BUCKET['1k'];
  return BUCKET['5k'];
}
const GIVEN = [V('0'), V('1'), V('2'), V('3')];

// ---------------------------------------------------------------- what the document says

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
  constructor(private readonly s: DetectState, runs?: readonly Run[]) {
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

// ---------------------------------------------------------------- values

const ARTICLES = new Set(['the', 'a', 'an', 'le', 'la', 'l', 'les', 'un', 'une', 'el', 'los', 'las', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'il', 'lo', 'gli', 'i', 'o', 'os', 'as', 'um', 'uma', 'our', 'its', 'their', 'his', 'her', 'former', 'ex', 'new']);

const GAP_SPACE = V('sp');
const GAP_BREAK = V('br');
const GAP_END = V('end');
const GAP_OTHER = V('pU');
const GAP_ASCII = Array.from({ length: 128 }, (_, c) => V(`p${String.fromCharCode(c)}`));

function gapValue(tk: Tokens, i: number): number {
  if (i >= tk.count) return GAP_END;
  const g = tk.gap[i];
  if (g === G_SPACE) return GAP_SPACE;
  if (g === G_BREAK) return GAP_BREAK;
  const c = tk.gapChar[i];
  return c < 128 ? GAP_ASCII[c] : GAP_OTHER;
}

export const SHAPES = ['ar', 'd', 'X', 'x', 'XX-XX', 'XX', 'Xx-Xx', "X'x", 'XxXx', 'Xx'] as const;
const SHAPE_HASH = new Map(SHAPES.map((x) => [x, V(x)]));

export function shapeOf(tk: Tokens, i: number): string {
  const f = tk.flags[i];
  if ((f & F_ARABIC) !== 0) return 'ar';
  if ((f & F_DIGIT) !== 0) return 'd';
  const len = tk.end[i] - tk.start[i];
  if (len === 1) return (f & F_CAP) !== 0 ? 'X' : 'x';
  const text = tk.text;
  let hyphen = false;
  let apos = false;
  let innerCap = false;
  for (let k = tk.start[i] + 1; k < tk.end[i]; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2d) hyphen = true;
    else if (c === 0x27 || c === 0x2019) apos = true;
    else if (c >= 65 && c <= 90) innerCap = true;
  }
  if ((f & F_UPPER) !== 0) return hyphen ? 'XX-XX' : 'XX';
  if ((f & F_CAP) === 0) return 'x';
  if (hyphen) return 'Xx-Xx';
  if (apos) return "X'x";
  return innerCap ? 'XxXx' : 'Xx';
}

const NB_NONE = V('none');
const NB_NUM = V('num');
const NB_CAP = V('CAP');
const NB_XD = V('Xd');
const NB_LONG = V('long');

/** A token's neighbour outside its run, as a feature value: the word when it is short or common, else its kind. */
function neighbour(m: DocMarks, tk: Tokens, j: number, lists: WordLists): number {
  if (j < 0 || j >= tk.count) return NB_NONE;
  const f = tk.flags[j];
  if ((f & F_DIGIT) !== 0) return NB_NUM;
  if ((f & F_ARABIC) !== 0) return m.word(j);
  if ((f & F_CAP) !== 0) return isCapLatin(tk, j) ? NB_CAP : NB_XD;
  const w = tk.f(j);
  return w.length <= 12 || lists.common.has(w) ? m.word(j) : NB_LONG;
}

/** Per token of a run, the two values the label features combine with (its place in the run, its shape). */
export interface TokenMeta {
  pos: number[];
  shape: number[];
}

const POS = { single: V('single'), first: V('first'), mid: V('mid'), last: V('last') };
const LEN = [V('0'), V('1'), V('2'), V('3'), V('4+')];
const langHash = new Map<string, number>();
const langValue = (l: string): number => {
  let h = langHash.get(l);
  if (h === undefined) langHash.set(l, (h = V(l)));
  return h;
};
const ruleHash = new Map<string, number>();
const ruleValue = (r: string): number => {
  let h = ruleHash.get(r);
  if (h === undefined) ruleHash.set(r, (h = V(r)));
  return h;
};

// ---------------------------------------------------------------- what depends on the word alone

/** The features of a word that do not depend on where it stands, computed once per word (and language). */
interface WordInfo {
  /** Hashes of the word-only features. */
  features: Int32Array;
  shape: number;
  given: boolean;
  arabicGiven: boolean;
  surname: boolean;
  /** The common-word bucket, for the sentence-start feature. */
  commonV: number;
}

const wordCache = new Map<string, Map<string, WordInfo>>();
const scratch: number[] = [];

function wordInfo(tk: Tokens, k: number, lang: string | undefined, langV: number, arabic: boolean): WordInfo {
  const raw = tk.r(k);
  const cacheKey = lang ?? '';
  let byLang = wordCache.get(cacheKey);
  if (!byLang) wordCache.set(cacheKey, (byLang = new Map()));
  let info = byLang.get(raw);
  if (info) return info;
  const lists = wordLists();
  const w = tk.f(k);
  const flags = tk.flags[k];
  const out = scratch;
  out.length = 0;
  const add = (t: number, a = NONE, b = NONE): void => {
    out.push(combine(t, a, b));
  };
  const shape = SHAPE_HASH.get(shapeOf(tk, k) as (typeof SHAPES)[number]) ?? NONE;
  const given = lists.given.has(w);
  const surname = lists.surnames.has(w);
  const arabicGiven = lists.arabicGiven.has(w);
  let commonV = NONE;
  add(T.w, V(w));
  if (arabic) {
    const core = arabicCore(w);
    add(T.ar);
    add(T.arGiven, arabicGiven ? V1 : V0);
    if (core !== undefined) {
      add(T.arProc);
      add(T.arCoreGiven, lists.arabicGiven.has(core) ? V1 : V0);
      add(T.wCore, V(core));
    }
    if (isDefinite(w)) add(w.endsWith('ي') ? T.arNisba : T.arDef);
    if (w.endsWith('ة')) add(T.arTa);
    add(T.suf2, V(w.slice(-2)));
    add(T.pre2, V(w.slice(0, 2)));
    const r = rankBucket(lists.common.get(w)?.get('ar'));
    add(T.arCommon, r);
    add(T.arCommonGiven, r, arabicGiven || (core !== undefined && lists.arabicGiven.has(core)) ? V1 : V0);
  } else {
    add(T.shape, shape);
    if ((flags & F_CAP) === 0) add(T.particle);
    if (w.length >= 4) add(T.suf3, V(w.slice(-3)));
    if (w.length >= 3) add(T.suf2, V(w.slice(-2)));
    const gc = lists.given.get(w);
    add(T.given, GIVEN[gc === undefined ? 0 : Math.min(gc, 3)]);
    add(T.sur, surname ? V1 : V0);
    if (gc !== undefined && surname) add(T.givenSur);
    const ranks = lists.common.get(w);
    const own = lang !== undefined ? ranks?.get(lang as ListLang) : undefined;
    let any: number | undefined;
    if (ranks) for (const r of ranks.values()) any = any === undefined ? r : Math.min(any, r);
    const ownB = rankBucket(own);
    add(T.common, ownB);
    add(T.commonAny, rankBucket(any));
    add(T.commonLang, langV, ownB);
    if (gc !== undefined) add(T.givenCommon, rankBucket(own ?? any));
    commonV = rankBucket(own ?? any);
    if (LEX.surnames.has(w)) add(T.viSur);
    if (isVietnameseSyllable(w)) add(T.viSyl);
    if ((flags & F_NONASCII) !== 0) add(T.diacritics);
    if (lists.honorifics.has(w)) add(T.honWord);
  }
  info = { features: Int32Array.from(out), shape, given, arabicGiven, surname, commonV };
  if (byLang.size > 100_000) byLang.clear();
  byLang.set(raw, info);
  return info;
}

// ---------------------------------------------------------------- the features of a run

/** Scratch buffers reused by every run (the context's hashes, the words' infos): no allocation per run. */
const CTX = new Int32Array(64);
const INFOS: WordInfo[] = [];

/**
 * The static features of the candidates of one run, token after token, into
 * `out`. (The decoder adds the previous token's label, from `meta`.)
 */
export function runFeatures(s: DetectState, run: Run, marks: DocMarks, out: Emitter, meta: TokenMeta, ruleKinds?: RuleKinds): void {
  const { tk, n } = s;
  const lists = wordLists();
  const lang = langValue(s.lang ?? 'xx');
  const len = run.end - run.start;
  const lenV = LEN[Math.min(len, 4)];
  const before = run.start - 1;
  const after = run.end;
  const brokenBefore = tk.gap[run.start] === G_BREAK;
  // the context of the run as a whole: the same for each of its tokens (template, value, value triples)
  // (hashed straight into a scratch buffer reused by every run)
  let nCtx = 0;
  const ctxHashes = CTX;
  const c = (t: number, a = NONE, b = NONE): void => {
    ctxHashes[nCtx++] = combine(t, a, b);
  };
  c(T.bias);
  c(T.gapB, gapValue(tk, run.start));
  c(T.gapA, gapValue(tk, after));
  if (before >= 0) {
    const prev = neighbour(marks, tk, before, lists);
    c(T.prev, prev);
    if (before >= 1) c(T.prev2, neighbour(marks, tk, before - 1, lists), prev);
    if (!brokenBefore) {
      if (marks.roleEnd(before)) c(T.roleB);
      if (marks.speechEnd(before)) c(T.speechB);
      if (lists.honorifics.has(tk.f(before))) c(T.honB);
    }
    if (s.owner[before] === OWNER_TITLE || s.titleSlot[run.start] >= 0) c(T.titleB);
    if (s.owner[before] === OWNER_PLACE) c(T.placeB);
    if (s.owner[before] >= 0) c(T.nameB);
    if (run.arabic) {
      const bw = tk.f(before);
      if (before >= 1 && isDefinite(bw) && bw.endsWith('ي') && marks.roleEnd(before - 1)) c(T.roleNatB);
      if (marks.orgEnd(before)) c(T.orgB);
    }
  } else c(T.prev, NB_NONE);
  if (after < n) {
    const next = neighbour(marks, tk, after, lists);
    c(T.next, next);
    if (after + 1 < n) c(T.next2, next, neighbour(marks, tk, after + 1, lists));
    const g = tk.gap[after];
    if (g === G_SPACE && marks.speechStart(after)) c(T.speechA);
    if (g === G_SPACE && marks.orgStart(after)) c(T.orgA);
    // apposition: ", the coach", ", entrenador del …"
    if (g === G_PUNCT && tk.gapChar[after] === 0x2c) {
      let k = after;
      if (k < n && ARTICLES.has(tk.f(k))) k++;
      if (k < n && marks.roleStart(k)) c(T.roleAppos);
    }
    if (g === G_SPACE && marks.roleStart(after)) c(T.roleA);
    if (s.owner[after] >= 0) c(T.nameA);
  } else c(T.next, NB_NONE);
  const sent = sentenceStart(tk, run.start);
  let orgInRun = false;
  let givenInRun = false;
  for (let k = run.start; k < run.end; k++) {
    if (!run.arabic && marks.orgStart(k)) orgInRun = true;
    const w = tk.f(k);
    if (lists.given.has(w) || lists.arabicGiven.has(w)) givenInRun = true;
  }

  const infos = INFOS;
  infos.length = 0;
  for (let k = run.start; k < run.end; k++) infos.push(wordInfo(tk, k, s.lang, lang, run.arabic));
  if (!run.arabic && orgInRun) c(T.orgInRun);
  if (!run.arabic && givenInRun) c(T.givenInRun);
  for (let k = run.start; k < run.end; k++) {
    const info = infos[k - run.start];
    out.next();
    for (let q = 0; q < nCtx; q++) out.addHash(ctxHashes[q]);
    for (const h of info.features) out.addHash(h);
    const pos = len === 1 ? POS.single : k === run.start ? POS.first : k === run.end - 1 ? POS.last : POS.mid;
    const shape = info.shape;
    meta.pos.push(pos);
    meta.shape.push(shape);
    out.add(T.pos, pos, lenV);
    const rule = ruleKinds?.[k];
    if (rule) {
      const r = ruleValue(rule);
      out.add(T.rule, r, NONE);
      out.add(T.rulePos, r, pos);
    }
    if (marks.roleStart(k) && !info.given) out.addHash(K.roleWord);
    if (marks.inTitle(k)) out.addHash(K.titleWord);
    if (run.arabic) {
      // the word before this one (inside or outside the run): a role, a nationality, a verb of saying, a given name
      if (k > 0) {
        const p = k - 1;
        const pw = tk.f(p);
        if (tk.gap[k] !== G_SPACE) out.add(T.arGapB, gapValue(tk, k), NONE);
        if (marks.roleEnd(p)) out.addHash(K.arRoleB);
        if (marks.speechEnd(p)) out.addHash(K.arSpeechB);
        const nat = isDefinite(pw) && pw.endsWith('ي');
        if (nat) out.addHash(K.arNatB);
        if (p >= 1 && nat && marks.roleEnd(p - 1)) out.addHash(K.arRoleNatB);
        if (lists.arabicGiven.has(pw)) out.addHash(K.arGivenB);
        if (s.owner[p] === OWNER_TITLE || s.titleSlot[k] >= 0) out.addHash(K.arTitleB);
        if (marks.orgEnd(p)) out.addHash(K.arOrgB);
      }
      if (k + 1 < n) {
        // a noun before a definite one is in a construct (جودة الموظفين, ممثلو الإدارات); a name's next word often is not
        if (tk.gap[k + 1] === G_SPACE && (tk.flags[k + 1] & F_ARABIC) !== 0 && isDefinite(tk.f(k + 1))) out.add(T.arNextDef, info.arabicGiven ? V1 : V0, NONE);
        if (marks.speechStart(k + 1)) out.addHash(K.arSpeechA);
        if (marks.roleStart(k + 1)) out.addHash(K.arRoleA);
        if (tk.gap[k + 1] !== G_SPACE) out.add(T.arGapA, gapValue(tk, k + 1), NONE);
      }
      if (k > run.start) {
        out.add(T.prevIn, marks.word(k - 1), NONE);
        out.add(T.prevInGiven, infos[k - 1 - run.start].arabicGiven ? V1 : V0, NONE);
      }
      if (k + 1 < run.end) out.add(T.nextIn, marks.word(k + 1), NONE);
      if (k === run.start && k > 0) out.add(T.prevW, marks.word(k - 1), NONE);
      if (k === run.start && k > 1) out.add(T.prevW2, marks.word(k - 2), NONE);
      if (k === run.start) out.add(T.arPrevClass, arabicPrevClass(s, marks, k), info.arabicGiven ? V1 : V0);
    } else {
      const w = tk.f(k);
      out.add(T.shapePos, shape, pos);
      if (marks.place(k)) out.addHash(K.place);
      // an organisation, street or building word later in the run names what this run is ("Le Loi Street")
      for (let q = k + 1; q < run.end; q++) {
        if (marks.orgStart(q)) {
          out.addHash(K.orgLater);
          break;
        }
      }
      if (marks.orgStart(k)) out.addHash(K.org);
      if (k === run.start && sent) {
        out.addHash(K.sentStart);
        out.add(T.sentCommon, info.commonV, NONE);
      }
      out.add(T.docLower, count3(marks.words.lower.get(w) ?? 0), NONE);
      out.add(T.docCapMid, count3(marks.words.capMid.get(w) ?? 0), NONE);
      if (k > run.start) {
        const prev = infos[k - 1 - run.start];
        out.add(T.prevInGiven, prev.given ? V1 : V0, NONE);
        out.add(T.prevInShape, prev.shape, NONE);
      }
      if (k + 1 < run.end) {
        const next = infos[k + 1 - run.start];
        out.add(T.nextInSur, next.surname ? V1 : V0, NONE);
        out.add(T.nextInGiven, next.given ? V1 : V0, NONE);
        out.add(T.nextInShape, next.shape, NONE);
      }
    }
  }
}

const PREV_CLASS = { start: V('start'), punct: V('punct'), title: V('title'), role: V('role'), speech: V('speech'), nat: V('nat'), name: V('name'), latin: V('latin'), plain: V('plain') };

/** What stands before an Arabic run's first word: a cue for a name (title, role, verb of saying, nationality, punctuation) or a plain word. */
function arabicPrevClass(s: DetectState, marks: DocMarks, k: number): number {
  const tk = s.tk;
  if (k === 0 || tk.gap[k] === G_BREAK) return PREV_CLASS.start;
  if (tk.gap[k] === G_PUNCT) return PREV_CLASS.punct;
  const p = k - 1;
  if (s.owner[p] === OWNER_TITLE || s.titleSlot[k] >= 0) return PREV_CLASS.title;
  if (marks.roleEnd(p)) return PREV_CLASS.role;
  if (marks.speechEnd(p)) return PREV_CLASS.speech;
  const pw = tk.f(p);
  if ((tk.flags[p] & F_ARABIC) === 0) return PREV_CLASS.latin;
  if (isDefinite(pw) && pw.endsWith('ي')) return PREV_CLASS.nat;
  if (s.owner[p] >= 0) return PREV_CLASS.name;
  return PREV_CLASS.plain;
}

// ---------------------------------------------------------------- the label features

const LABEL = [V0, V1];

/** The hashes of the label features of a token: the previous token's label, alone and with the token's place and shape. */
export function labelHashes(prev: number, pos: number, shape: number, out: number[]): void {
  if (prev < 0) return;
  const l = LABEL[prev];
  out.push(combine(T.pl, l, NONE), combine(T.plPos, l, pos), combine(T.plShape, l, shape));
}

/** The weight of the label features under a model (the same features as labelHashes). */
export function labelWeight(m: { weights: { get(h: number): number } }, prev: number, pos: number, shape: number): number {
  const l = LABEL[prev];
  return m.weights.get(combine(T.pl, l, NONE)) + m.weights.get(combine(T.plPos, l, pos)) + m.weights.get(combine(T.plShape, l, shape));
}

// ---------------------------------------------------------------- the second pass

/** A candidate token as the second pass sees the first pass's answer. */
export interface FirstPass {
  /** Folded word of each candidate token, run by run. */
  words: string[][];
  /** The first pass's labels and scores, run by run. */
  labels: Uint8Array[];
  scores: Float64Array[];
}

const SCORE = { hi: V('hi'), mid: V('mid'), lo: V('lo'), nlo: V('nlo'), nmid: V('nmid'), nhi: V('nhi') };
function scoreBucket(x: number): number {
  if (x > 6) return SCORE.hi;
  if (x > 2) return SCORE.mid;
  if (x > 0) return SCORE.lo;
  if (x > -2) return SCORE.nlo;
  if (x > -6) return SCORE.nmid;
  return SCORE.nhi;
}

/**
 * Document-level features for the second pass, as hashes per token: what the
 * first pass decided here, and about the same word elsewhere in the document
 * ("Macron" alone after "Emmanuel Macron"; a surname in a line-up after the same
 * surname in the text).
 */
export function secondPassHashes(fp: FirstPass): number[][][] {
  const inName = new Map<string, number>();
  const last = new Set<string>();
  const first = new Set<string>();
  fp.labels.forEach((labels, r) => {
    const words = fp.words[r];
    let k = 0;
    while (k < labels.length) {
      if (labels[k] !== 1) {
        k++;
        continue;
      }
      let e = k;
      while (e < labels.length && labels[e] === 1) e++;
      for (let q = k; q < e; q++) inName.set(words[q], (inName.get(words[q]) ?? 0) + 1);
      if (e - k >= 2) {
        last.add(words[e - 1]);
        first.add(words[k]);
      }
      k = e;
    }
  });
  return fp.labels.map((labels, r) =>
    Array.from(labels, (label, k) => {
      const w = fp.words[r][k];
      const core = arabicCore(w);
      const times = (inName.get(w) ?? 0) - label + (core !== undefined ? inName.get(core) ?? 0 : 0);
      const l = LABEL[label];
      const f = [combine(T.p1, l, NONE), combine(T.p1s, scoreBucket(fp.scores[r][k]), NONE), combine(T.d2, count3(times), NONE)];
      if (last.has(w) || (core !== undefined && last.has(core))) f.push(combine(T.d2last, NONE, NONE));
      if (first.has(w)) f.push(combine(T.d2first, NONE, NONE));
      if (times > 0) f.push(combine(T.d2p1, l, NONE));
      return f;
    }),
  );
}

/** The second pass's features of every candidate, flat: token t's are hashes[offsets[t] .. offsets[t + 1]). */
export interface SecondPass {
  hashes: Int32Array;
  offsets: Int32Array;
}

/** The second pass's features for the detector, flat over all candidates (the same features as secondPassHashes). */
export function secondPass(s: DetectState, runs: readonly Run[], labels: Uint8Array, scores: Float64Array): SecondPass {
  const tk = s.tk;
  // words the first pass put in names: as a whole name's part, its first or its last word, how often
  const inName = new Map<string, number>();
  const last = new Set<string>();
  const first = new Set<string>();
  let t = 0;
  for (const run of runs) {
    const len = run.end - run.start;
    let k = 0;
    while (k < len) {
      if (labels[t + k] !== 1) {
        k++;
        continue;
      }
      let e = k;
      while (e < len && labels[t + e] === 1) e++;
      for (let q = k; q < e; q++) {
        const w = tk.f(run.start + q);
        inName.set(w, (inName.get(w) ?? 0) + 1);
      }
      if (e - k >= 2) {
        last.add(tk.f(run.start + e - 1));
        first.add(tk.f(run.start + k));
      }
      k = e;
    }
    t += len;
  }
  const hashes = new Int32Array(t * 6);
  const offsets = new Int32Array(t + 1);
  let at = 0;
  t = 0;
  for (const run of runs) {
    for (let k = run.start; k < run.end; k++, t++) {
      offsets[t] = at;
      const label = labels[t];
      const w = tk.f(k);
      const core = arabicCore(w);
      const times = (inName.get(w) ?? 0) - label + (core !== undefined ? inName.get(core) ?? 0 : 0);
      const l = LABEL[label];
      hashes[at++] = combine(T.p1, l, NONE);
      hashes[at++] = combine(T.p1s, scoreBucket(scores[t]), NONE);
      hashes[at++] = combine(T.d2, count3(times), NONE);
      if (last.has(w) || (core !== undefined && last.has(core))) hashes[at++] = combine(T.d2last, NONE, NONE);
      if (first.has(w)) hashes[at++] = combine(T.d2first, NONE, NONE);
      if (times > 0) hashes[at++] = combine(T.d2p1, l, NONE);
    }
  }
  offsets[t] = at;
  return { hashes, offsets };
}
