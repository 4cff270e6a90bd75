// Pass: Arabic-script names after a title (prefix و/ف/ب/ل allowed, then the
// title's definite complement, an optional colon) — transliterated Vietnamese
// names by their sound skeletons, else one to three plain words — and untitled
// runs of three or more skeleton words starting with a surname.

import { LEX } from '../lexicon';
import { titleEnd } from '../helpers';
import { arabicSkeleton, SURNAME_SKELETONS, SYLLABLE_SKELETONS } from '../phonetics';
import { F_ARABIC, F_DIGIT, foldWord, G_PUNCT, G_SPACE } from '../text';
import { knownBySkeleton, CompiledKnown } from '../known';
import { addDraft, DetectState, OWNER_NONE } from '../state';

/** Arabic words that join the parts of a name ("عبد المجيد", "أبو الغيط", "محمد بن سلمان"): never its last word. */
export const AR_JOINERS: ReadonlySet<string> = new Set(['عبد', 'أبو', 'أبي', 'بن', 'ابن', 'بنت', 'آل', 'مولاي'].map((w) => foldWord(w)));

export const isDefinite = (w: string): boolean =>
  w.length > 3 && (w.startsWith('ال') || w.startsWith('لل') || w.startsWith('بال') || w.startsWith('وال') || w.startsWith('فال') || w.startsWith('كال'));

function arabicWordOk(s: DetectState, j: number): boolean {
  const { tk, owner } = s;
  return (tk.flags[j] & F_ARABIC) !== 0 && (tk.flags[j] & F_DIGIT) === 0 && owner[j] === OWNER_NONE && !LEX.arabicStopWords.has(tk.f(j)) && !isDefinite(tk.f(j));
}

/** Transliterated Vietnamese name: words whose skeletons are Vietnamese syllables (first one a surname when asked). */
function arabicTableRun(s: DetectState, i: number, min: number, needSurname: boolean): number {
  const { tk, n } = s;
  let j = i;
  while (j < n && j - i < 4 && (j === i || tk.gap[j] === G_SPACE) && arabicWordOk(s, j)) {
    const sk = arabicSkeleton(tk.f(j));
    if (sk === '' || !SYLLABLE_SKELETONS.has(sk)) break;
    if (j === i && needSurname && !SURNAME_SKELETONS.has(sk)) return -1;
    j++;
  }
  return j - i >= min ? j : -1;
}

/** Any name after an Arabic title: one to three words, stopping at the article, "و…" (and), stop words and punctuation. */
function arabicGenericRun(s: DetectState, i: number): number {
  const { tk, n, owner } = s;
  let j = i;
  // after "عبد", "أبو", "بن" … the article belongs to the name ("عبد المجيد تبون", "أبو الغيط")
  const joined = (j: number): boolean => j > i && AR_JOINERS.has(tk.f(j - 1)) && isDefinite(tk.f(j)) && (tk.flags[j] & F_DIGIT) === 0 && owner[j] === OWNER_NONE;
  // up to four name words; the joining words between them do not count ("محمد بن راشد آل مكتوم",
  // "حمدان بن محمد بن راشد آل مكتوم")
  let words = 0;
  while (j < n && j - i < 10 && (j === i || tk.gap[j] === G_SPACE) && (arabicWordOk(s, j) || joined(j))) {
    const w = tk.f(j);
    const raw = tk.r(j);
    if (w.length < 2) break;
    if (w.startsWith('و') && w.length > 4) break;
    if (raw.endsWith('ة')) break; // feminine nouns, not transliterated names
    const joiner = AR_JOINERS.has(w);
    if (!joiner && words === 4) break;
    if (!joiner) words++;
    j++;
  }
  while (j > i && AR_JOINERS.has(tk.f(j - 1))) j--; // never ends on a joining word
  return j > i ? j : -1;
}

function skeletonsOf(s: DetectState, i: number, e: number): string[] {
  const out: string[] = [];
  for (let k = i; k < e; k++) out.push(arabicSkeleton(s.tk.f(k)));
  return out;
}

export function arabicKey(s: DetectState, i: number, e: number, sk: string[] | null, ck: CompiledKnown | undefined): string {
  if (sk) {
    const kn = ck ? knownBySkeleton(ck, sk) : -1;
    if (kn >= 0 && ck) return ck.keys[kn];
    return 'ar:' + sk.join(' ');
  }
  let out = s.tk.f(i);
  for (let k = i + 1; k < e; k++) out += ' ' + s.tk.f(k);
  return 'ar:' + out;
}

export function arabicPass(s: DetectState): void {
  const { tk, n, owner, ck } = s;
  for (let i = 0; i < n; i++) {
    if ((tk.flags[i] & F_ARABIC) === 0 || owner[i] !== OWNER_NONE) continue;
    const t = titleEnd(tk, i);
    if (t > 0) {
      // the title's complement: words with the article (رئيس اللجنة الشعبية …)
      let k = t;
      while (k < n && k - t < 6 && tk.gap[k] === G_SPACE && (tk.flags[k] & F_ARABIC) !== 0 && isDefinite(tk.f(k)) && titleEnd(tk, k) < 0) k++;
      const gapOk = k < n && (tk.gap[k] === G_SPACE || (tk.gap[k] === G_PUNCT && tk.gapMulti[k] === 0 && tk.gapChar[k] === 0x3a));
      if (gapOk && (tk.flags[k] & F_ARABIC) !== 0 && owner[k] === OWNER_NONE) {
        let e = arabicTableRun(s, k, 2, false);
        let sk: string[] | null = null;
        if (e > 0) sk = skeletonsOf(s, k, e);
        else e = arabicGenericRun(s, k);
        if (e > 0) {
          const id = addDraft(s, k, e, 'arabic', arabicKey(s, k, e, sk, ck), { skeletons: sk, titleStart: i, titleEnd: t });
          const kn = sk && ck ? knownBySkeleton(ck, sk) : -1;
          if (kn >= 0) s.drafts[id].known = kn;
          i = e - 1;
          continue;
        }
      }
      i = t - 1;
      continue;
    }
    const e = arabicTableRun(s, i, 3, true);
    if (e > 0) {
      const sk = skeletonsOf(s, i, e);
      const id = addDraft(s, i, e, 'arabic', arabicKey(s, i, e, sk, ck), { skeletons: sk });
      const kn = ck ? knownBySkeleton(ck, sk) : -1;
      if (kn >= 0) s.drafts[id].known = kn;
      i = e - 1;
    }
  }
}
