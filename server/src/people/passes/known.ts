// Pass: people from people files, under any listed spelling (diacritics optional
// for Latin script; a leading title in an alias is matched but left out of the
// span); and the spellings the people files list as not people, which no later
// pass may take, unless a longer known spelling covers them.

import { LEX, matchTrie } from '../lexicon';
import { isCapLatin, joined } from '../helpers';
import { isVietnameseSyllable } from '../phonetics';
import { F_ARABIC, F_CAP, F_LATIN, G_SPACE, Tokens, TrieNode } from '../text';
import { addDraft, DetectState, OWNER_NONE, OWNER_NOT_PERSON, OWNER_TITLE } from '../state';

function walkValue(root: TrieNode<number>, tk: Tokens, i: number, e: number): number | null {
  let node: TrieNode<number> | undefined = root;
  for (let k = i; k < e && node; k++) node = node.next?.get(tk.f(k));
  return node ? node.value : null;
}

export function knownPass(s: DetectState, notPeople: TrieNode<number> | undefined): void {
  const { tk, n, owner, ck } = s;
  if (ck) {
    for (let i = 0; i < n; i++) {
      if (owner[i] !== OWNER_NONE && owner[i] !== OWNER_TITLE) continue;
      const e = matchTrie(ck.trie, tk, i, n, joined);
      if (e < 0) continue;
      const node = walkValue(ck.trie, tk, i, e);
      if (node === null) continue;
      const sp = ck.spellings[node];
      const ns = i + sp.titleWords;
      if (sp.cap && (tk.flags[ns] & F_ARABIC) === 0 && (tk.flags[ns] & F_CAP) === 0) continue;
      // part of a longer capitalised name? leave it to the name rules
      if ((tk.flags[ns] & F_LATIN) !== 0) {
        if (ns > 0 && tk.gap[ns] === G_SPACE && isCapLatin(tk, ns - 1) && s.titleSlot[ns] < 0 && sp.titleWords === 0) continue;
        if (e < n && tk.gap[e] === G_SPACE && isCapLatin(tk, e) && isVietnameseSyllable(tk.f(e)) && !LEX.stopWords.has(tk.f(e))) continue;
      }
      const id = addDraft(s, ns, e, 'known', ck.keys[sp.person], { known: sp.person });
      if (sp.titleWords > 0) {
        s.drafts[id].titleStart = i;
        s.drafts[id].titleEnd = ns;
      }
      i = e - 1;
    }
  }
  if (notPeople?.next) {
    for (let i = 0; i < n; i++) {
      if (owner[i] >= 0) continue;
      const e = matchTrie(notPeople, tk, i, n, joined);
      if (e < 0) continue;
      let free = true;
      for (let k = i; k < e; k++) if (owner[k] >= 0) free = false;
      if (!free) continue;
      for (let k = i; k < e; k++) owner[k] = OWNER_NOT_PERSON;
      i = e - 1;
    }
  }
}
