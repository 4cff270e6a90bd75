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
import { F_ARABIC, F_CAP, F_DIGIT, F_NONASCII, G_BREAK, G_PUNCT, G_SPACE, Tokens } from './text';
import { DetectState, OWNER_PLACE, OWNER_TITLE } from './state';
import { combine } from './featureHash';
import { count3, Emitter, gapValue, GIVEN, K, NONE, rankBucket, SHAPE_HASH, shapeOf, SHAPES, T, V, V0, V1 } from './featureValues';
import { DocMarks } from './docMarks';
import { ListLang, wordLists, WordLists } from './wordLists';
import { isDefinite } from './passes/arabic';
import { arabicCore, Run, RuleKinds } from './candidateRuns';

export { DocMarks, documentWords } from './docMarks';
export type { DocWords } from './docMarks';
export { labelHashes, labelWeight, TEMPLATE_NAMES } from './featureValues';
export type { Emitter } from './featureValues';
export { secondPass, secondPassHashes } from './secondPass';
export type { FirstPass, SecondPass } from './secondPass';

// ---------------------------------------------------------------- values

const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'le',
  'la',
  'l',
  'les',
  'un',
  'une',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'il',
  'lo',
  'gli',
  'i',
  'o',
  'os',
  'as',
  'um',
  'uma',
  'our',
  'its',
  'their',
  'his',
  'her',
  'former',
  'ex',
  'new',
]);

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

/** Forgets the per-word features (when the word lists change: the training script's list dropout). */
export function clearWordCache(): void {
  wordCache.clear();
}
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
  // the last organisation word of the run: a word before it has one later in the run (linear in the run's length)
  let orgFrom = -1;
  for (let k = run.start; k < run.end; k++) {
    if (!run.arabic && marks.orgStart(k)) {
      orgInRun = true;
      orgFrom = k;
    }
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
      if (orgFrom > k) out.addHash(K.orgLater);
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
