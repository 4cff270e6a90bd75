// Pass: the titles of names found by other passes, possibly across a complement
// ("secrétaire général du Parti, Tô Lâm"), for hovers and the People view.

import { LEX } from '../lexicon';
import { APOS } from '../helpers';
import { G_BREAK, G_PUNCT } from '../text';
import type { DetectState, TitleMatch } from '../state';

/** The nearest title before token ts in the same sentence, across a complement that starts with of/de/du/Bộ …, or null. */
function titleBefore(s: DetectState, ts: number): TitleMatch | null {
  const { tk, titleSlot, owner, titles } = s;
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

export function attachTitlesPass(s: DetectState): void {
  for (const d of s.drafts) {
    if (d.titleStart >= 0) continue;
    const t = titleBefore(s, d.ts);
    if (t) {
      d.titleStart = t.start;
      d.titleEnd = t.end;
    }
  }
}
