// Person detection in one document body, as a sequence of passes over the
// document's tokens (see index.ts for the overview). Each pass has one job and
// reads or extends the shared state (./state.ts):
//   1. titles            where a name may follow (passes/titles.ts)
//   2. known people      people-file spellings, and spellings that are not people (passes/known.ts)
//   3. Vietnamese names  and Chinese names, places and organisations from the lexicon (passes/vietnamese.ts)
//   4. Arabic names      after titles, transliterated Vietnamese names (passes/arabic.ts)
//   5. titled names      a capitalised run after a Latin title (passes/titled.ts)
//   6. candidates        every other capitalised run or Arabic word, scored from its
//                        context by the trained model (passes/candidates.ts)
//   7. back-references   surnames and given names alone (passes/backrefs.ts)
//   8. title attachment  (passes/attachTitles.ts)
// then the canonical spelling of each person within the document.

import { compileKnown, compileNotPeople } from './known';
import { nameSlotGapOk } from './helpers';
import { guessLanguage } from './language';
import { nonAsciiCount, tokenize, Tokens, F_UPPER } from './text';
import { newState } from './state';
import { titlesPass } from './passes/titles';
import { knownPass } from './passes/known';
import { vietnamesePass } from './passes/vietnamese';
import { arabicPass } from './passes/arabic';
import { titledPass } from './passes/titled';
import { candidatesPass } from './passes/candidates';
import { backrefsPass, linkPass } from './passes/backrefs';
import { attachTitlesPass } from './passes/attachTitles';
import type { KnownPerson, PersonMention } from './types';

export { keyOf, compileKnown } from './known';

const TK = new Tokens();

export interface DetectInput {
  known?: readonly KnownPerson[];
  notPeople?: readonly string[];
  lang?: string;
}

export function detect(text: string, input: DetectInput = {}): PersonMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const tk = tokenize(text, TK);
  const known = input.known && input.known.length > 0 ? input.known : undefined;
  const ck = known ? compileKnown(known) : undefined;
  const s = newState(text, tk, ck, guessLanguage(tk, input.lang));
  const titledAt = (i: number): boolean => {
    const t = s.titleSlot[i];
    return t >= 0 && nameSlotGapOk(tk, s.titles[t], i);
  };

  titlesPass(s);
  knownPass(s, input.notPeople && input.notPeople.length > 0 ? compileNotPeople(input.notPeople) : undefined);
  vietnamesePass(s, titledAt);
  arabicPass(s);
  titledPass(s);
  candidatesPass(s);
  backrefsPass(s, titledAt);
  linkPass(s);
  attachTitlesPass(s);

  // Canonical names within the document.
  const best = new Map<string, { text: string; score: number }>();
  for (const d of s.drafts) {
    if (d.kind === 'backref') continue;
    const span = text.slice(tk.start[d.ts] + d.startShift, tk.end[d.te - 1]);
    const score = spellingScore(span, d.te - d.ts, (tk.flags[d.ts] & F_UPPER) !== 0);
    const cur = best.get(d.key);
    if (!cur || score > cur.score) best.set(d.key, { text: span, score });
  }
  const out: PersonMention[] = [];
  for (const d of s.drafts) {
    const start = tk.start[d.ts] + d.startShift;
    const end = tk.end[d.te - 1];
    const m: PersonMention = {
      start,
      end,
      text: text.slice(start, end),
      key: d.key,
      canonical: d.known >= 0 && ck ? ck.people[d.known].name : (best.get(d.key)?.text ?? text.slice(start, end)),
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
