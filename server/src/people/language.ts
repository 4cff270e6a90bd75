// The document's language for the word lists: the header's lang= when it names
// one with lists, else a guess from the most frequent words (undefined when
// nothing stands out).

import { F_ARABIC, Tokens } from './text';
import { LIST_LANGS, ListLang, wordLists } from './wordLists';

const TOP = 60;

export function guessLanguage(tk: Tokens, lang?: string): ListLang | undefined {
  const tag = typeof lang === 'string' ? lang.trim().toLowerCase().split(/[-_]/)[0] : '';
  if ((LIST_LANGS as readonly string[]).includes(tag)) return tag as ListLang;
  const n = Math.min(tk.count, 400);
  if (n === 0) return undefined;
  let arabic = 0;
  for (let i = 0; i < n; i++) if ((tk.flags[i] & F_ARABIC) !== 0) arabic++;
  if (arabic > n / 2) return 'ar';
  const { common } = wordLists();
  const score = new Map<ListLang, number>();
  for (let i = 0; i < n; i++) {
    const ranks = common.get(tk.f(i));
    if (!ranks) continue;
    for (const [l, r] of ranks) if (r <= TOP) score.set(l, (score.get(l) ?? 0) + 1);
  }
  let best: ListLang | undefined;
  let bestScore = 0;
  let second = 0;
  for (const [l, v] of score) {
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = l;
    } else if (v > second) second = v;
  }
  return best && bestScore >= 3 && bestScore > second * 1.2 ? best : undefined;
}
