// Pass: a capitalised run of one to four words right after a Latin title
// ("President Cường", "Chinese President Xi Jinping", "Mr Smith").

import { LEX } from '../lexicon';
import { isCapLatin, nameSlotGapOk, titleEnd } from '../helpers';
import { F_UPPER, G_SPACE } from '../text';
import { addDraft, DetectState, latinKey, OWNER_NONE } from '../state';
import { placeContext } from './vietnamese';

export function titledPass(s: DetectState): void {
  const { tk, n, owner } = s;
  for (const t of s.titles) {
    const j = t.end;
    if (j >= n || owner[j] !== OWNER_NONE || !isCapLatin(tk, j) || !nameSlotGapOk(tk, t, j)) continue;
    let e = j;
    while (e < n && e - j < 4 && (e === j || tk.gap[e] === G_SPACE) && owner[e] === OWNER_NONE && isCapLatin(tk, e) && !LEX.stopWords.has(tk.f(e)) && titleEnd(tk, e) < 0) e++;
    if (e === j) continue;
    if (e < n && tk.gap[e] === G_SPACE && isCapLatin(tk, e)) continue; // more capitals: an organisation or a heading
    if (placeContext(tk, j, e)) continue;
    if (e - j === 1 && (tk.flags[j] & F_UPPER) !== 0) continue; // "President VNA"
    addDraft(s, j, e, 'titled', latinKey(s, j, e), { titleStart: t.start, titleEnd: t.end });
  }
}
