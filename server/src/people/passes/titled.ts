// Pass: a capitalised run of one to four words right after a Latin title
// ("President Cường", "Chinese President Xi Jinping", "Mr Smith").

import { LEX } from '../lexicon';
import { isCapLatin, nameSlotGapOk, POST_NOMINALS, titleEnd } from '../helpers';
import { F_UPPER, G_PUNCT, G_SPACE } from '../text';
import { addDraft, DetectState, latinKey, OWNER_NONE } from '../state';
import { placeContext } from './vietnamese';

export function titledPass(s: DetectState): void {
  const { tk, n, owner } = s;
  for (const t of s.titles) {
    const j = t.end;
    if (j >= n || owner[j] !== OWNER_NONE || !isCapLatin(tk, j) || !nameSlotGapOk(tk, t, j)) continue;
    let e = j;
    // a full stop after an initial does not end the name ("President George W. Bush")
    const afterInitial = (k: number): boolean => tk.gap[k] === G_PUNCT && tk.gapChar[k] === 0x2e && tk.gapMulti[k] === 0 && tk.end[k - 1] - tk.start[k - 1] === 1;
    while (e < n && e - j < 4 && (e === j || tk.gap[e] === G_SPACE || afterInitial(e)) && owner[e] === OWNER_NONE && isCapLatin(tk, e) && !LEX.stopWords.has(tk.f(e)) && titleEnd(tk, e) < 0) e++;
    if (e === j) continue;
    if (e < n && tk.gap[e] === G_SPACE && isCapLatin(tk, e)) continue; // more capitals: an organisation or a heading
    while (e - j > 1 && POST_NOMINALS.has(tk.r(e - 1))) e--; // a rank or degree after the name: Judge Patrick Lynch QC
    if (placeContext(tk, j, e)) continue;
    if (e - j === 1 && (tk.flags[j] & F_UPPER) !== 0) continue; // "President VNA"
    addDraft(s, j, e, 'titled', latinKey(s, j, e), { titleStart: t.start, titleEnd: t.end });
  }
}
