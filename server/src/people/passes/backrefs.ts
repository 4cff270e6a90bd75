// Pass: back-references. A lone capitalised word that is the given name
// (Vietnamese), the surname (Chinese and other names) of a full name found in the
// same document becomes a mention of that person; so does a one-word titled
// name that is such a word ("President Cường" after "Lương Cường").

import { LEX } from '../lexicon';
import { isCapLatin, titleEnd } from '../helpers';
import { F_ARABIC, F_LATIN, F_NONASCII, F_UPPER, G_SPACE } from '../text';
import { wordLists } from '../wordLists';
import { addDraft, DetectState, OWNER_NONE } from '../state';

/** How far below the model's threshold a back-reference may score and still be taken. */
const BACKREF_MARGIN = 2;

export function backrefsPass(s: DetectState, titledAt: (i: number) => boolean): void {
  const { tk, n, owner, drafts } = s;
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
  if (byRef.size === 0) return;
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
    // the model read this word in its context and found no name in it ("Thành ủy", "Văn phòng")
    if (s.scores[i] < -BACKREF_MARGIN) continue;
    if ((tk.flags[i] & F_NONASCII) === 0 && LEX.stopWords.has(tk.f(i))) continue;
    if (i > 0 && tk.gap[i] === G_SPACE && isCapLatin(tk, i - 1) && !titledAt(i)) continue;
    if (i + 1 < n && tk.gap[i + 1] === G_SPACE && isCapLatin(tk, i + 1)) continue;
    const target = nearest(ids, i);
    const id = addDraft(s, i, i + 1, 'backref', drafts[target].key, { ref: target, known: drafts[target].known });
    if (titledAt(i)) {
      const t = s.titles[s.titleSlot[i]];
      drafts[id].titleStart = t.start;
      drafts[id].titleEnd = t.end;
    }
  }
}

/**
 * Pass: a one-word name the model found ("Macron", "صلاح") is the person of the
 * nearest longer name of the document that ends with it (or, for a given name,
 * starts with it): it takes that name's key, so the two are one person.
 */
export function linkPass(s: DetectState): void {
  const { tk, drafts } = s;
  const lists = wordLists();
  const byLast = new Map<string, number[]>();
  const byFirst = new Map<string, number[]>();
  drafts.forEach((d, id) => {
    if (d.te - d.ts < 2) return;
    const push = (m: Map<string, number[]>, w: string): void => {
      let list = m.get(w);
      if (!list) m.set(w, (list = []));
      list.push(id);
    };
    push(byLast, tk.f(d.te - 1));
    push(byFirst, tk.f(d.ts));
  });
  if (byLast.size === 0) return;
  const nearest = (ids: number[], tok: number): number => {
    let best = ids[0];
    for (const id of ids) if (Math.abs(drafts[id].ts - tok) < Math.abs(drafts[best].ts - tok)) best = id;
    return best;
  };
  for (const d of drafts) {
    if (d.kind !== 'model' || d.te - d.ts !== 1) continue;
    const w = tk.f(d.ts);
    const core = (tk.flags[d.ts] & F_ARABIC) !== 0 && d.startShift > 0 ? w.slice(1) : w;
    let ids = byLast.get(core);
    if (!ids && (lists.given.has(core) || lists.arabicGiven.has(core))) ids = byFirst.get(core);
    if (!ids) continue;
    const target = nearest(ids, d.ts);
    d.kind = 'backref';
    d.ref = target;
    d.key = drafts[target].key;
    d.known = drafts[target].known;
  }
}
