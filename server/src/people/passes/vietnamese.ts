// Pass: known places and organisations (data/places.json), Vietnamese full names
// (a surname then one to three valid syllables) and Chinese names (a surname and
// a pinyin given name), left to right, with the place context that turns such a
// run into a place ("tỉnh …", "… City").

import { LEX, matchTrie } from '../lexicon';
import { APOS, isCapLatin, joined, lowerWord } from '../helpers';
import { isPinyinWord, isVietnameseSyllable } from '../phonetics';
import { F_CAP, F_NONASCII, F_UPPER, G_BREAK, G_PUNCT, G_SPACE, Tokens } from '../text';
import { addDraft, DetectState, latinKey, OWNER_NONE, OWNER_PLACE } from '../state';
import { wordLists } from '../wordLists';

/** A run of capitalised words that is a place or an organisation by its context (tỉnh …, … City). */
export function placeContext(tk: Tokens, i: number, e: number): boolean {
  return placeSuffixAfter(tk, e, false) || placePrefixBefore(tk, i);
}

/** The word after a run ending before token e turns it into a place or a building ("… City", "… Hospital",
 *  "…-ville"); with `capitalised`, only when that word is written with a capital, as part of the name. */
export function placeSuffixAfter(tk: Tokens, e: number, capitalised: boolean): boolean {
  if (e >= tk.count || !LEX.placeSuffixes.has(tk.f(e))) return false;
  // written with a capital, the word may be the name's own surname ("Horace Ward", "Nathan Lane", "Stuart Hall")
  if (capitalised && ((tk.flags[e] & F_CAP) === 0 || wordLists().surnames.has(tk.f(e)) || wordLists().given.has(tk.f(e)))) return false;
  return tk.gap[e] === G_SPACE || (tk.gap[e] === G_PUNCT && tk.gapChar[e] === 0x2d && tk.gapMulti[e] === 0);
}

/** A building's or a firm's name goes on after a run ending before token e: a capitalised suffix word right after
 *  it, or after one or two more capitalised words that are not common words ("Chris Hani Baragwanath Hospital";
 *  not "Biden Visits White House", a headline). */
export function buildingAfter(tk: Tokens, e: number): boolean {
  const common = wordLists().common;
  for (let j = e, k = 0; k < 3; j++, k++) {
    if (placeSuffixAfter(tk, j, true)) return true;
    if (j >= tk.count || tk.gap[j] !== G_SPACE || (tk.flags[j] & F_CAP) === 0 || common.has(tk.f(j))) return false;
  }
  return false;
}

/** The words before token i make what follows a place or an organisation ("tỉnh …", "ngân hàng …", "rue …").
 *  With `lowercase`, the word just before must not be capitalised unless in capitals ("TP"): "Nhật Bản Kishida"
 *  is Japan's Kishida, not a village ("bản") named Kishida. */
export function placePrefixBefore(tk: Tokens, i: number, lowercase = false): boolean {
  if (i === 0) return false;
  if (lowercase && (tk.flags[i - 1] & (F_CAP | F_UPPER)) === F_CAP && tk.end[i - 1] - tk.start[i - 1] > 1) return false;
  const bucket = LEX.placePrefixes.get(lowerWord(tk, i - 1));
  if (!bucket) return false;
  for (const pre of bucket) {
    const len = pre.length;
    if (i - len < 0) continue;
    let ok = true;
    for (let k = 0; k < len && ok; k++) {
      const t = i - len + k;
      // the last word is the bucket's: the others are compared
      if (k < len - 1 && lowerWord(tk, t) !== pre[k]) ok = false;
      else if (tk.gap[t + 1] === G_BREAK || (tk.gap[t + 1] === G_PUNCT && !APOS.has(tk.gapChar[t + 1]))) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

/** Vietnamese abbreviations of administrative units, written glued to the name: "H.Nam Giang" (huyện), "TT.Thạnh
 *  Mỹ" (thị trấn), "TP.Huế", "Q.1", "P.Bến Nghé", "TX.Sơn Tây", "X.Tân Lập". */
const UNIT_ABBREVIATIONS: ReadonlySet<string> = new Set(['H', 'TT', 'TP', 'Q', 'P', 'TX', 'X']);

/** Token i is such an abbreviation, followed by a full stop and, without a space, by a capitalised word (not a
 *  letter: "Q.N" under a photo is a photographer's initials). */
export function unitAbbreviation(tk: Tokens, i: number): boolean {
  return (
    i + 1 < tk.count &&
    UNIT_ABBREVIATIONS.has(tk.r(i)) &&
    tk.gap[i + 1] === G_PUNCT &&
    tk.gapChar[i + 1] === 0x2e &&
    tk.start[i + 1] === tk.end[i] + 1 &&
    isCapLatin(tk, i + 1) &&
    tk.end[i + 1] - tk.start[i + 1] > 1
  );
}

/** Vietnamese full name at token i: surname + 1..3 valid syllables. Returns end, -1 (no), -2 (rejected, skip). */
export function vietnameseRun(s: DetectState, i: number, titled: boolean): number {
  const { tk, n, owner } = s;
  const sur = tk.f(i);
  if (!LEX.surnames.has(sur)) return -1;
  // written with diacritics, the surname must be exactly one (Tổng Bí thư, Đảng, Triều Tiên are not Tống, Đặng, Triệu)
  if ((tk.flags[i] & F_NONASCII) !== 0 && !LEX.exactSurnames.has(lowerWord(tk, i))) return -1;
  const allCaps = (tk.flags[i] & F_UPPER) !== 0;
  let j = i + 1;
  while (j < n && j - i <= 3 && tk.gap[j] === G_SPACE && owner[j] === OWNER_NONE && isCapLatin(tk, j)) {
    const caps = (tk.flags[j] & F_UPPER) !== 0;
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
export function chineseRun(s: DetectState, i: number, titled: boolean): number {
  const { tk, n, owner } = s;
  const sur = tk.f(i);
  if (!LEX.chineseSurnames.has(sur) || (tk.flags[i] & F_UPPER) !== 0) return -1;
  const j = i + 1;
  if (j >= n || tk.gap[j] !== G_SPACE || owner[j] !== OWNER_NONE || !isCapLatin(tk, j) || (tk.flags[j] & F_UPPER) !== 0) return -1;
  const given = tk.f(j).replace('-', '');
  if (!isPinyinWord(given) || LEX.stopWords.has(given) || (LEX.chineseSurnames.has(given) && !titled && given.length < 3)) return -1;
  if (j + 1 < n && tk.gap[j + 1] === G_SPACE && isCapLatin(tk, j + 1)) return -1;
  if (!titled && LEX.weakChineseSurnames.has(sur)) {
    if (LEX.commonWords.has(given)) return -1;
    if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1)) return -1;
  }
  return j + 1;
}

export function vietnamesePass(s: DetectState, titledAt: (i: number) => boolean): void {
  const { tk, n, owner } = s;
  for (let i = 0; i < n; i++) {
    if (owner[i] !== OWNER_NONE || !isCapLatin(tk, i)) continue;
    const p = matchTrie(LEX.places, tk, i, n, joined);
    if (p > 0) {
      for (let k = i; k < p; k++) owner[k] = OWNER_PLACE;
      i = p - 1;
      continue;
    }
    let e = vietnameseRun(s, i, titledAt(i));
    if (e === -2) continue;
    if (e > 0) {
      if (placeContext(tk, i, e)) {
        for (let k = i; k < e; k++) owner[k] = OWNER_PLACE;
      } else addDraft(s, i, e, 'full', latinKey(s, i, e));
      i = e - 1;
      continue;
    }
    e = chineseRun(s, i, titledAt(i));
    if (e > 0 && !placeContext(tk, i, e)) {
      addDraft(s, i, e, 'full', latinKey(s, i, e));
      i = e - 1;
    }
  }
}
