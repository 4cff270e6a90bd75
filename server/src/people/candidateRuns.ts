// Candidate runs: the tokens that may be part of a person's name and that no
// earlier pass has taken — in Latin script a capitalised word, an initial, or a
// name particle (van, de, bin) inside a run of them; in Arabic script any word
// that is not a stop word. Runs are joined by spaces (or, in Latin script, by a
// full stop after an initial: "J. R. R. Tolkien").

import { LEX } from './lexicon';
import { isCapLatin } from './helpers';
import { F_ARABIC, F_CAP, F_DIGIT, F_LATIN, G_PUNCT, G_SPACE, Tokens } from './text';
import { DetectState, OWNER_NONE } from './state';
import { isArabicDemonym, wordLists, WordLists } from './wordLists';
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
export function isInitial(tk: Tokens, i: number): boolean {
  return tk.end[i] - tk.start[i] === 1 && (tk.flags[i] & F_CAP) !== 0;
}

/**
 * An initial of a name: a single capital letter followed by a full stop and a
 * capitalised word ("C. Tixier", "Timothy D. Cook"), or following one ("O.C
 * Ukeje"). Single letters are common words ("A", "I", "à") and would be skipped.
 */
export function initialOfName(tk: Tokens, i: number): boolean {
  if (!isInitial(tk, i)) return false;
  const dotAfter = i + 1 < tk.count && tk.gap[i + 1] === G_PUNCT && tk.gapChar[i + 1] === 0x2e && tk.gapMulti[i + 1] === 0;
  if (dotAfter) return isCapLatin(tk, i + 1);
  const spaceAfter = i + 1 < tk.count && tk.gap[i + 1] === G_SPACE && isCapLatin(tk, i + 1);
  const dotBefore = i > 0 && tk.gap[i] === G_PUNCT && tk.gapChar[i] === 0x2e && tk.gapMulti[i] === 0 && isInitial(tk, i - 1);
  if (dotBefore) return spaceAfter;
  // without a full stop, before a capitalised word: "R Ashwin", "Michael T Conahan" (not the one-letter words
  // of titles and headlines: "I Love", "A New Hope", "Y Tu Mamá")
  return spaceAfter && !ONE_LETTER_WORDS.has(tk.r(i));
}

const ONE_LETTER_WORDS: ReadonlySet<string> = new Set(['I', 'A', 'O', 'E', 'Y', 'U', 'À', 'É', 'Ô']);

/** Per token, the kind of the rule draft that proposed it (the model decides on those too), or ''. */
export type RuleKinds = readonly string[];

function free(s: DetectState, i: number): boolean {
  const o = s.owner[i];
  return o === OWNER_NONE;
}

/** How common a word may be (its rank among the language's common words) and still be scored. */
const COMMON_LATIN = 2000;
const COMMON_ARABIC = 10000;
/** Arabic words more frequent than this are never read as part of a name (الآن, منه). */
const ARABIC_VERY_COMMON = 300;

/**
 * Words that are never part of a name and need no scoring: very common words of
 * the document's language that no list of names holds ("The", "Police", "Spiel",
 * "قال"). Vietnamese syllables are all common words, so nothing is skipped there;
 * neither is a word some rule proposed.
 */
export function skippable(s: DetectState, i: number, lists: WordLists, ruleKinds?: RuleKinds): boolean {
  if (ruleKinds?.[i]) return false;
  const w = s.tk.f(i);
  // an Arabic word is ranked among Arabic words whatever the document's main language
  if ((s.tk.flags[i] & F_ARABIC) !== 0) {
    if (lists.arabicGiven.has(w)) return false;
    const core = arabicCore(w);
    if (core !== undefined && lists.arabicGiven.has(core)) return false;
    const rank = lists.common.get(w)?.get('ar');
    if (rank !== undefined && rank <= COMMON_ARABIC) return true;
    // a common word behind a glued preposition or conjunction (بمستوى, والحكومة)
    const coreRank = core !== undefined ? lists.common.get(core)?.get('ar') : undefined;
    return coreRank !== undefined && coreRank <= COMMON_ARABIC;
  }
  const lang = s.lang;
  if (lang === undefined || lang === 'vi') return false;
  if (initialOfName(s.tk, i)) return false;
  const rank = lists.common.get(w)?.get(lang);
  if (rank === undefined) return false;
  return rank <= COMMON_LATIN && !lists.given.has(w) && !lists.surnames.has(w) && !LEX.surnames.has(w);
}

/** The candidate runs of a document (tokens no earlier pass has taken). */
export function candidateRuns(s: DetectState, ruleKinds?: RuleKinds): Run[] {
  const { tk, n } = s;
  const lists = wordLists();
  const runs: Run[] = [];
  const latinCand = (i: number): boolean => free(s, i) && isCapLatin(tk, i) && !skippable(s, i, lists, ruleKinds);
  const arabicWord = (i: number): boolean => free(s, i) && (tk.flags[i] & (F_ARABIC | F_DIGIT)) === F_ARABIC && !LEX.arabicStopWords.has(tk.f(i)) && tk.f(i).length > 1;
  const strictArabic = (i: number): boolean => arabicWord(i) && !skippable(s, i, lists, ruleKinds);
  // a common word just before a name's word is scored too: many foreign given names are frequent words of the
  // (film-subtitle) frequency list (ماكس, لويس, جيمس فيرستابن), and the model knows the ones it was taught
  const arabicCand = (i: number): boolean =>
    strictArabic(i) || (arabicWord(i) && i + 1 < n && tk.gap[i + 1] === G_SPACE && (lists.common.get(tk.f(i))?.get('ar') ?? 0) > ARABIC_VERY_COMMON && strictArabic(i + 1));
  // a nationality adjective between a definite noun and a name is part of neither (الملياردير الأميركي إيلون ماسك,
  // اللاعب البرازيلي برونو سافيو); a nisba that is a name stays (لمكتب السوداني, محمد شياع السوداني)
  const nationalityBeforeName = (k: number): boolean =>
    k > 0 && k + 1 < n && tk.gap[k] === G_SPACE && tk.gap[k + 1] === G_SPACE && (tk.flags[k - 1] & F_ARABIC) !== 0 && isDefinite(tk.f(k - 1)) && isArabicDemonym(tk.f(k), lists) && arabicCand(k + 1);
  for (let i = 0; i < n; i++) {
    if (latinCand(i)) {
      let j = i + 1;
      for (;;) {
        if (j >= n) break;
        const g = tk.gap[j];
        const afterInitial = g === G_PUNCT && tk.gapChar[j] === 0x2e && tk.gapMulti[j] === 0 && isInitial(tk, j - 1);
        if (g !== G_SPACE && !afterInitial) break;
        // after an initial the next capitalised word is a name part even when it is a common word ("George W. Bush")
        if (latinCand(j) || (afterInitial && free(s, j) && isCapLatin(tk, j))) {
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
      if (nationalityBeforeName(i)) continue;
      let j = i + 1;
      while (j < n && j - i < 6 && tk.gap[j] === G_SPACE && arabicCand(j) && !nationalityBeforeName(j)) j++;
      runs.push({ start: i, end: j, arabic: true });
      i = j - 1;
    }
  }
  return runs;
}

/**
 * Whether the first letter of an Arabic name's first word is a glued proclitic
 * to leave out of the span: و and ف (and, so) unless the word is itself a known
 * name; ب ل ك (with, to, as) only when what follows is a known given name or is
 * written alone elsewhere in the document more often than the whole word
 * (وبوتين → بوتين, but بوتين, برونو and كريستيانو stay whole).
 */
export function stripsProclitic(word: string, lists: WordLists, counts: (w: string) => number): boolean {
  const core = arabicCore(word);
  if (core === undefined || lists.arabicGiven.has(word)) return false;
  if (lists.arabicGiven.has(core)) return true;
  const c = word[0];
  // "and" and "so" glue to any word; a name that starts with the letter itself (ويتكوف, ويلسون) stands in the
  // text again with it and never without it
  if (c === 'و' || c === 'ف') return !(counts(word) >= 2 && counts(core) === 0);
  return counts(core) > counts(word);
}
