// The candidates the model scores, and their features.
//
// A candidate is a token that may be part of a person's name and that no earlier
// pass has taken: in Latin script a capitalised word, an initial, or a name
// particle (van, de, bin) inside a run of them; in Arabic script any word that is
// not a stop word. Candidates come in runs (Latin: joined by spaces, or by a full
// stop after an initial; Arabic: joined by spaces).
//
// Each candidate's features are short strings (template=value): its form, the
// word lists it is in (given names, surnames, common words of the document's
// language, places, organisation words), the words around its run (roles, speech
// verbs, honorifics, titles), where it stands in its run and sentence, and what
// the rest of the document says about the same word (written in lower case
// elsewhere, capitalised mid-sentence elsewhere). The same function serves the
// detector and the training script (scripts/train-people.mjs), so they cannot drift.

import { LEX } from './lexicon';
import { isCapLatin, sentenceStart } from './helpers';
import { isVietnameseSyllable } from './phonetics';
import { F_ARABIC, F_CAP, F_DIGIT, F_LATIN, F_NONASCII, F_UPPER, G_BREAK, G_PUNCT, G_SPACE, Tokens, TrieNode } from './text';
import { DetectState, OWNER_NONE, OWNER_PLACE, OWNER_TITLE } from './state';
import { wordLists, WordLists } from './wordLists';
import { isDefinite } from './passes/arabic';

export interface Run {
  start: number;
  /** Token after the last. */
  end: number;
  arabic: boolean;
}

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

/** The Arabic word without a glued proclitic (وبوتين → بوتين), or undefined when it has none. */
export function arabicCore(w: string): string | undefined {
  return w.length >= 4 && PROCLITICS.has(w[0]) && !w.startsWith('ال') ? w.slice(1) : undefined;
}

function isParticle(tk: Tokens, i: number, lists: WordLists): boolean {
  return (tk.flags[i] & (F_CAP | F_LATIN)) === F_LATIN && lists.particles.has(tk.f(i));
}

/** A single capital letter (an initial: "J." in "J. R. R. Tolkien"). */
function isInitial(tk: Tokens, i: number): boolean {
  return tk.end[i] - tk.start[i] === 1 && (tk.flags[i] & F_CAP) !== 0;
}

/** Per token, the kind of the rule draft that proposed it (the model decides on those too), or ''. */
export type RuleKinds = readonly string[];

function free(s: DetectState, i: number): boolean {
  const o = s.owner[i];
  return o === OWNER_NONE;
}

/** The candidate runs of a document (tokens no earlier pass has taken). */
export function candidateRuns(s: DetectState): Run[] {
  const { tk, n } = s;
  const lists = wordLists();
  const runs: Run[] = [];
  const latinCand = (i: number): boolean => free(s, i) && isCapLatin(tk, i);
  const arabicCand = (i: number): boolean =>
    free(s, i) && (tk.flags[i] & (F_ARABIC | F_DIGIT)) === F_ARABIC && !LEX.arabicStopWords.has(tk.f(i)) && tk.f(i).length > 1;
  for (let i = 0; i < n; i++) {
    if (latinCand(i)) {
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        const g = tk.gap[j];
        const afterInitial = g === G_PUNCT && tk.gapChar[j] === 0x2e && tk.gapMulti[j] === 0 && isInitial(tk, j - 1);
        if (g !== G_SPACE && !afterInitial) break;
        if (latinCand(j)) {
          j++;
          continue;
        }
        // a particle between capitalised words: "Ludwig van Beethoven", "Charles de Gaulle"
        if (isParticle(tk, j, lists) && j + 1 < n && tk.gap[j + 1] === G_SPACE && (latinCand(j + 1) || (isParticle(tk, j + 1, lists) && j + 2 < n && latinCand(j + 2)))) {
          j++;
          continue;
        }
        break;
      }
      runs.push({ start: i, end: j, arabic: false });
      i = j - 1;
    } else if (arabicCand(i)) {
      let j = i + 1;
      while (j < n && j - i < 6 && tk.gap[j] === G_SPACE && arabicCand(j)) j++;
      runs.push({ start: i, end: j, arabic: true });
      i = j - 1;
    }
  }
  return runs;
}

/** What the document says about each folded word: how often written in lower case, capitalised mid-sentence. */
export interface DocWords {
  lower: Map<string, number>;
  capMid: Map<string, number>;
}

export function documentWords(tk: Tokens): DocWords {
  const lower = new Map<string, number>();
  const capMid = new Map<string, number>();
  for (let i = 0; i < tk.count; i++) {
    const f = tk.flags[i];
    if ((f & F_LATIN) === 0) continue;
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

/** Does a phrase of `trie` end exactly at token `last` (starting 1 to 3 tokens before, joined by spaces)? */
function phraseEndsAt(tk: Tokens, trie: TrieNode<number>, last: number): boolean {
  for (let len = 1; len <= 3; len++) {
    const first = last - len + 1;
    if (first < 0) break;
    let node: TrieNode<number> | undefined = trie;
    let ok = true;
    for (let k = first; k <= last && node; k++) {
      if (k > first && tk.gap[k] !== G_SPACE) {
        ok = false;
        break;
      }
      node = node.next?.get(tk.f(k));
    }
    if (ok && node && node.value !== null) return true;
  }
  return false;
}

/** Does a phrase of `trie` start at token `first`? */
function phraseStartsAt(tk: Tokens, trie: TrieNode<number>, first: number): boolean {
  let node: TrieNode<number> | undefined = trie;
  for (let k = first; k < tk.count && k < first + 3 && node; k++) {
    if (k > first && tk.gap[k] !== G_SPACE) break;
    node = node.next?.get(tk.f(k));
    if (node && node.value !== null) return true;
  }
  return false;
}

const ARTICLES = new Set(['the', 'a', 'an', 'le', 'la', 'l', 'les', 'un', 'une', 'el', 'los', 'las', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'il', 'lo', 'gli', 'i', 'o', 'os', 'as', 'um', 'uma', 'our', 'its', 'their', 'his', 'her', 'former', 'ex', 'new']);

function rankBucket(r: number | undefined): string {
  if (r === undefined) return 'no';
  if (r <= 100) return '100';
  if (r <= 1000) return '1k';
  return '5k';
}

function gapName(tk: Tokens, i: number): string {
  if (i >= tk.count) return 'end';
  const g = tk.gap[i];
  if (g === G_SPACE) return 'sp';
  if (g === G_BREAK) return 'br';
  const c = tk.gapChar[i];
  return c < 128 ? `p${String.fromCharCode(c)}` : 'pU';
}

function shapeOf(tk: Tokens, i: number): string {
  const f = tk.flags[i];
  const raw = tk.r(i);
  if ((f & F_ARABIC) !== 0) return 'ar';
  if ((f & F_DIGIT) !== 0) return 'd';
  if (raw.length === 1) return (f & F_CAP) !== 0 ? 'X' : 'x';
  if ((f & F_UPPER) !== 0) return raw.includes('-') ? 'XX-XX' : 'XX';
  if ((f & F_CAP) === 0) return 'x';
  if (raw.includes('-')) return 'Xx-Xx';
  if (raw.includes("'") || raw.includes('’')) return "X'x";
  for (let k = 1; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c >= 65 && c <= 90) return 'XxXx';
  }
  return 'Xx';
}

/** A token's neighbour outside its run, as a feature value: the word when it is short and common, else its kind. */
function neighbour(tk: Tokens, j: number, lists: WordLists): string {
  if (j < 0 || j >= tk.count) return 'none';
  const f = tk.flags[j];
  if ((f & F_DIGIT) !== 0) return 'num';
  const w = tk.f(j);
  if ((f & F_ARABIC) !== 0) return w;
  if ((f & F_CAP) !== 0) return isCapLatin(tk, j) ? 'CAP' : 'Xd';
  const ranks = lists.common.get(w);
  if (ranks !== undefined || w.length <= 12) return w;
  return 'long';
}

/**
 * The static features of the candidates of one run: `out[k]` gets the features
 * of token run.start + k. (The detector and the trainer add the label of the
 * previous token of the run themselves.)
 */
export function runFeatures(s: DetectState, run: Run, doc: DocWords, out: string[][], ruleKinds?: RuleKinds): void {
  const { tk, n } = s;
  const lists = wordLists();
  const lang = s.lang ?? 'xx';
  const len = run.end - run.start;
  const lenB = len >= 4 ? '4+' : String(len);
  const before = run.start - 1;
  const after = run.end;
  // context of the run as a whole
  const ctx: string[] = [];
  ctx.push(`gapB=${gapName(tk, run.start)}`, `gapA=${gapName(tk, after)}`);
  if (before >= 0) {
    const prev = neighbour(tk, before, lists);
    ctx.push(`prev=${prev}`);
    if (before >= 1) ctx.push(`prev2=${neighbour(tk, before - 1, lists)}|${prev}`);
    if (phraseEndsAt(tk, lists.roles, before) && tk.gap[run.start] !== G_BREAK) ctx.push('roleB');
    if (phraseEndsAt(tk, lists.speech, before) && tk.gap[run.start] !== G_BREAK) ctx.push('speechB');
    if (lists.honorifics.has(tk.f(before)) && tk.gap[run.start] !== G_BREAK) ctx.push('honB');
    if (s.owner[before] === OWNER_TITLE || s.titleSlot[run.start] >= 0) ctx.push('titleB');
    if (s.owner[before] === OWNER_PLACE) ctx.push('placeB');
    if (s.owner[before] >= 0) ctx.push('nameB');
    if (run.arabic && before >= 1 && isDefinite(tk.f(before)) && tk.f(before).endsWith('ي') && phraseEndsAt(tk, lists.roles, before - 1)) ctx.push('roleNatB');
    if (run.arabic && phraseEndsAt(tk, lists.orgWords, before)) ctx.push('orgB');
  } else ctx.push('prev=none');
  if (after < n) {
    ctx.push(`next=${neighbour(tk, after, lists)}`);
    if (after + 1 < n) ctx.push(`next2=${neighbour(tk, after, lists)}|${neighbour(tk, after + 1, lists)}`);
    const g = tk.gap[after];
    if (g === G_SPACE && phraseStartsAt(tk, lists.speech, after)) ctx.push('speechA');
    if (g === G_SPACE && phraseStartsAt(tk, lists.orgWords, after)) ctx.push('orgA');
    // apposition: ", the coach", ", entrenador del …"
    if (g === G_PUNCT && tk.gapChar[after] === 0x2c) {
      let k = after;
      if (k < n && ARTICLES.has(tk.f(k))) k++;
      if (k < n && phraseStartsAt(tk, lists.roles, k)) ctx.push('roleAppos');
    }
    if (g === G_SPACE && phraseStartsAt(tk, lists.roles, after)) ctx.push('roleA');
    if (s.owner[after] >= 0) ctx.push('nameA');
  } else ctx.push('next=none');
  const sent = sentenceStart(tk, run.start);
  // places and organisation words inside the run
  let orgInRun = false;
  for (let k = run.start; k < run.end; k++) if (phraseStartsAt(tk, lists.orgWords, k)) orgInRun = true;
  const placeAt = new Uint8Array(len);
  for (let k = run.start; k < run.end; k++) {
    for (const trie of [lists.countries, lists.cities]) {
      let node: TrieNode<number> | undefined = trie;
      for (let j = k; j < run.end && node; j++) {
        node = node.next?.get(tk.f(j));
        if (node && node.value !== null) for (let q = k; q <= j; q++) placeAt[q - run.start] = 1;
      }
    }
  }
  const inTitle = titleTokens(s);
  let givenInRun = false;
  for (let k = run.start; k < run.end; k++) if (lists.given.has(tk.f(k)) || lists.arabicGiven.has(tk.f(k))) givenInRun = true;

  for (let k = run.start; k < run.end; k++) {
    const f: string[] = ['bias', ...ctx];
    const w = tk.f(k);
    const flags = tk.flags[k];
    const pos = len === 1 ? 'single' : k === run.start ? 'first' : k === run.end - 1 ? 'last' : 'mid';
    f.push(`pos=${pos}${lenB}`, `w=${w}`);
    const rule = ruleKinds?.[k];
    if (rule) f.push(`rule=${rule}`, `rule=${rule}|${pos}`);
    if (phraseStartsAt(tk, lists.roles, k) && !lists.given.has(w)) f.push('roleWord');
    if (lists.honorifics.has(w)) f.push('honWord');
    if (inTitle[k]) f.push('titleWord');
    if (run.arabic) {
      const core = arabicCore(w);
      f.push(`ar`, `arGiven=${lists.arabicGiven.has(w) ? 1 : 0}`);
      if (core !== undefined) f.push(`arProc`, `arCoreGiven=${lists.arabicGiven.has(core) ? 1 : 0}`, `wCore=${core}`);
      if (isDefinite(w)) f.push(w.endsWith('ي') ? 'arNisba' : 'arDef');
      if (w.endsWith('ة')) f.push('arTa');
      f.push(`suf2=${w.slice(-2)}`, `pre2=${w.slice(0, 2)}`);
      const r = lists.common.get(w)?.get('ar');
      const given = lists.arabicGiven.has(w) || (core !== undefined && lists.arabicGiven.has(core));
      f.push(`arCommon=${rankBucket(r)}`, `arCommonGiven=${rankBucket(r)}|${given ? 1 : 0}`);
      // the word before this one (inside or outside the run): a role, a nationality, a verb of saying, a given name
      if (k > 0) {
        const p = k - 1;
        const pw = tk.f(p);
        if (tk.gap[k] !== G_SPACE) f.push(`arGapB=${gapName(tk, k)}`);
        if (phraseEndsAt(tk, lists.roles, p)) f.push('arRoleB');
        if (phraseEndsAt(tk, lists.speech, p)) f.push('arSpeechB');
        if (isDefinite(pw) && pw.endsWith('ي')) f.push('arNatB');
        if (p >= 1 && isDefinite(pw) && pw.endsWith('ي') && phraseEndsAt(tk, lists.roles, p - 1)) f.push('arRoleNatB');
        if (lists.arabicGiven.has(pw)) f.push('arGivenB');
        if (s.owner[p] === OWNER_TITLE || s.titleSlot[k] >= 0) f.push('arTitleB');
        if (phraseEndsAt(tk, lists.orgWords, p)) f.push('arOrgB');
      }
      if (k + 1 < n) {
        if (phraseStartsAt(tk, lists.speech, k + 1)) f.push('arSpeechA');
        if (phraseStartsAt(tk, lists.roles, k + 1)) f.push('arRoleA');
        if (tk.gap[k + 1] !== G_SPACE) f.push(`arGapA=${gapName(tk, k + 1)}`);
      }
      if (k > run.start) f.push(`prevIn=${tk.f(k - 1)}`, `prevInGiven=${lists.arabicGiven.has(tk.f(k - 1)) ? 1 : 0}`);
      if (k + 1 < run.end) f.push(`nextIn=${tk.f(k + 1)}`);
      if (k === run.start && k > 0) f.push(`prevW=${tk.f(k - 1)}`);
      if (k === run.start && k > 1) f.push(`prevW2=${tk.f(k - 2)}`);
    } else {
      const shape = shapeOf(tk, k);
      f.push(`shape=${shape}`, `shapePos=${shape}|${pos}`);
      const particle = (flags & F_CAP) === 0;
      if (particle) f.push('particle');
      if (w.length >= 4) f.push(`suf3=${w.slice(-3)}`);
      if (w.length >= 3) f.push(`suf2=${w.slice(-2)}`);
      const gc = lists.given.get(w);
      const sur = lists.surnames.has(w);
      f.push(`given=${gc === undefined ? 0 : gc > 2 ? 3 : gc}`, `sur=${sur ? 1 : 0}`);
      if (gc !== undefined && sur) f.push('givenSur');
      const ranks = lists.common.get(w);
      const own = lang !== 'xx' ? ranks?.get(lang) : undefined;
      let any: number | undefined;
      if (ranks) for (const r of ranks.values()) any = any === undefined ? r : Math.min(any, r);
      f.push(`common=${rankBucket(own)}`, `commonAny=${rankBucket(any)}`, `commonLang=${lang}|${rankBucket(own)}`);
      if (gc !== undefined) f.push(`givenCommon=${rankBucket(own ?? any)}`);
      if (placeAt[k - run.start]) f.push('place');
      if (orgInRun) f.push('orgInRun');
      if (givenInRun) f.push('givenInRun');
      if (phraseStartsAt(tk, lists.orgWords, k)) f.push('org');
      if (LEX.surnames.has(w)) f.push('viSur');
      if (isVietnameseSyllable(w)) f.push('viSyl');
      if ((flags & F_NONASCII) !== 0) f.push('diacritics');
      if (k === run.start && sent) f.push(`sentStart`, `sentCommon=${rankBucket(own ?? any)}`);
      const lower = doc.lower.get(w) ?? 0;
      const capMid = doc.capMid.get(w) ?? 0;
      f.push(`docLower=${lower === 0 ? 0 : lower > 2 ? 3 : lower}`, `docCapMid=${capMid === 0 ? 0 : capMid > 2 ? 3 : capMid}`);
      if (k > run.start) {
        const pw = tk.f(k - 1);
        f.push(`prevInGiven=${lists.given.has(pw) ? 1 : 0}`, `prevInShape=${shapeOf(tk, k - 1)}`);
      }
      if (k + 1 < run.end) {
        const nw = tk.f(k + 1);
        f.push(`nextInSur=${lists.surnames.has(nw) ? 1 : 0}`, `nextInGiven=${lists.given.has(nw) ? 1 : 0}`, `nextInShape=${shapeOf(tk, k + 1)}`);
      }
    }
    out[k - run.start] = f;
  }
}

const titleMarks = new WeakMap<DetectState, Uint8Array>();

/** Per token, 1 when it is part of a title chain. */
function titleTokens(s: DetectState): Uint8Array {
  let marks = titleMarks.get(s);
  if (!marks) {
    marks = new Uint8Array(s.n + 1);
    for (const t of s.titles) for (let k = t.start; k < t.end; k++) marks[k] = 1;
    titleMarks.set(s, marks);
  }
  return marks;
}

/** 32-bit FNV-1a hash of a feature string: the model stores weights by hash. */
export function featureHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** A candidate token as the second pass sees the first pass's answer. */
export interface FirstPass {
  /** Folded word of each candidate token, run by run. */
  words: string[][];
  /** The first pass's labels and scores, run by run. */
  labels: Uint8Array[];
  scores: Float64Array[];
}

function scoreBucket(x: number): string {
  if (x > 6) return 'hi';
  if (x > 2) return 'mid';
  if (x > 0) return 'lo';
  if (x > -2) return 'nlo';
  if (x > -6) return 'nmid';
  return 'nhi';
}

/**
 * Document-level features for the second pass: what the first pass decided here,
 * and about the same word elsewhere in the document ("Macron" alone after
 * "Emmanuel Macron"; a surname in a line-up after the same surname in the text).
 */
export function secondPassFeatures(fp: FirstPass): string[][][] {
  // words the first pass put in names: as a whole name's part, its first or its last word, how often
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
      const f = [`p1=${label}`, `p1s=${scoreBucket(fp.scores[r][k])}`, `d2=${times <= 0 ? 0 : times > 2 ? 3 : times}`];
      if (last.has(w) || (core !== undefined && last.has(core))) f.push('d2last');
      if (first.has(w)) f.push('d2first');
      if (times > 0) f.push(`d2|p1=${label}`);
      return f;
    }),
  );
}
