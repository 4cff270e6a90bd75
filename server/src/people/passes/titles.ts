// Pass: titles (Latin and Arabic), chained ("Deputy Prime Minister and Foreign
// Minister") and with a nationality before or after ("Chinese President", "le
// président chinois"). Titles own no text; they mark where a name may follow.

import { LEX, TITLE_FILTER, matchTrie } from '../lexicon';
import { joined, titleEnd } from '../helpers';
import { F_ARABIC, F_CAP, G_SPACE, Tokens } from '../text';
import { DetectState, OWNER_TITLE } from '../state';

/** Title chain starting at token i: [nationality] title ([post-nationality]) (connector title)*; returns the token after it, or -1. */
export function titleChainAt(tk: Tokens, i: number): number {
  const n = tk.count;
  let pos = i;
  const nat = (tk.flags[i] & F_ARABIC) === 0 && TITLE_FILTER.has(tk, i) ? matchTrie(LEX.nationalities, tk, i, n, joined) : -1;
  if (nat > 0 && nat < n && joined(tk, nat) && titleEnd(tk, nat) > 0) pos = nat;
  let e = titleEnd(tk, pos);
  if (e < 0) return -1;
  for (;;) {
    if (e < n && tk.gap[e] === G_SPACE && LEX.postNationalities.has(tk.f(e))) e++;
    // a country right after the title: "Đại sứ Nhật Bản Ito Naoki"
    if (e < n && tk.gap[e] === G_SPACE && (tk.flags[e] & F_CAP) !== 0) {
      const p = matchTrie(LEX.places, tk, e, n, joined);
      if (p > 0 && p < n && tk.gap[p] === G_SPACE) e = p;
    }
    if (e + 1 < n && tk.gap[e] === G_SPACE && LEX.connectors.has(tk.f(e)) && tk.gap[e + 1] === G_SPACE) {
      const e2 = titleEnd(tk, e + 1);
      if (e2 > 0) {
        e = e2;
        continue;
      }
    }
    return e;
  }
}

export function titlesPass(s: DetectState): void {
  const { tk, n } = s;
  for (let i = 0; i < n; i++) {
    const chain = titleChainAt(tk, i);
    if (chain < 0) continue;
    s.titles.push({ start: i, end: chain });
    if (chain < n) s.titleSlot[chain] = s.titles.length - 1;
    if ((tk.flags[i] & F_CAP) !== 0) s.owner[i] = OWNER_TITLE; // "Tổng Bí thư" is not Tống + Bí
    i = chain - 1;
  }
}
