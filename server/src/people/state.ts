// What the detection passes share for one document: its tokens, who owns each
// token (a mention draft, a place, a title), the titles found, and the drafts.

import type { Tokens } from './text';
import type { CompiledKnown } from './known';
import type { MentionKind } from './types';
import type { ListLang } from './wordLists';

export const OWNER_NONE = -1;
export const OWNER_PLACE = -2;
/** First word of a capitalised title: no name starts here. */
export const OWNER_TITLE = -3;
/** A spelling the people files list as not a person. */
export const OWNER_NOT_PERSON = -4;

export interface Draft {
  /** First token and the token after the last. */
  ts: number;
  te: number;
  kind: MentionKind;
  key: string;
  /** Token range of the title, or -1. */
  titleStart: number;
  titleEnd: number;
  /** For back-references: the draft they point to. */
  ref: number;
  /** Index of the people-file person, or -1. */
  known: number;
  /** Arabic skeletons (table-based Arabic names). */
  skeletons: string[] | null;
  /** Offset of the mention's start inside its first token (an Arabic proclitic left out), usually 0. */
  startShift: number;
}

export interface TitleMatch {
  start: number;
  /** Token after the title chain. */
  end: number;
}

export interface DetectState {
  text: string;
  tk: Tokens;
  n: number;
  /** Per token: the draft that owns it (≥ 0) or one of the OWNER_ values. */
  owner: Int32Array;
  /** Per token: the title chain that ends right before it, or -1. */
  titleSlot: Int32Array;
  titles: TitleMatch[];
  drafts: Draft[];
  ck: CompiledKnown | undefined;
  /** The document's language: given, else guessed from its words (undefined when unsure). */
  lang: ListLang | undefined;
  /** Per token, the model's score when it was a candidate (NaN otherwise). */
  scores: Float32Array;
}

let owner = new Int32Array(1024);
let titleSlot = new Int32Array(1024);
let scores = new Float32Array(1024);

/** A fresh state for a tokenized document (the typed arrays are reused between documents). */
export function newState(text: string, tk: Tokens, ck: CompiledKnown | undefined, lang: ListLang | undefined): DetectState {
  const n = tk.count;
  if (owner.length < n + 1) {
    owner = new Int32Array(Math.max(n + 1, owner.length * 2));
    titleSlot = new Int32Array(owner.length);
    scores = new Float32Array(owner.length);
  }
  owner.fill(OWNER_NONE, 0, n + 1);
  titleSlot.fill(-1, 0, n + 1);
  scores.fill(NaN, 0, n + 1);
  return { text, tk, n, owner, titleSlot, titles: [], drafts: [], ck, lang, scores };
}

/** Adds a draft over tokens [ts, te) and marks them as its own. */
export function addDraft(s: DetectState, ts: number, te: number, kind: MentionKind, key: string, extra?: Partial<Draft>): number {
  const id = s.drafts.length;
  s.drafts.push({ ts, te, kind, key, titleStart: -1, titleEnd: -1, ref: -1, known: -1, skeletons: null, startShift: 0, ...extra });
  for (let k = ts; k < te; k++) s.owner[k] = id;
  return id;
}

/** The folded words of tokens [ts, te), space-separated: the grouping key of a Latin name. */
export function latinKey(s: DetectState, ts: number, te: number): string {
  let out = s.tk.f(ts);
  for (let k = ts + 1; k < te; k++) out += ' ' + s.tk.f(k);
  return out;
}
