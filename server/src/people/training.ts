// For the training script (scripts/train-people.mjs) only: the candidate runs of
// a document as the detector sees them after the rule passes, with every token's
// features and offsets, so the script can label them from annotations and learn
// the weights the candidates pass uses.

import { compileKnown } from './known';
import { nameSlotGapOk } from './helpers';
import { guessLanguage } from './language';
import { tokenize, Tokens } from './text';
import { newState } from './state';
import { titlesPass } from './passes/titles';
import { knownPass } from './passes/known';
import { vietnamesePass } from './passes/vietnamese';
import { arabicPass } from './passes/arabic';
import { titledPass } from './passes/titled';
import { candidateFeatures, prepareCandidates, runWords } from './passes/candidates';
import { HashEmitter } from './featureHash';
import { clearWordCache } from './features';
import { listLinks } from './secondPass';
import { withoutNames } from './wordLists';
import type { KnownPerson } from './types';

export interface TrainingRun {
  arabic: boolean;
  /** Each token's place in the run and shape, as feature values (the label features combine with them). */
  pos: number[];
  shape: number[];
  /** Folded word of each token (for the second pass's document features). */
  words: string[];
  /** Offsets of each token: [start, end] pairs. */
  tokens: [number, number][];
  /** Each token's feature hashes. */
  features: number[][];
}

const TK = new Tokens();

export interface TrainingOutput {
  lang: string | undefined;
  runs: TrainingRun[];
  ruleSpans: [number, number][];
  /** The runs' list links (secondPass.ts listLinks). */
  links: number[];
}

/**
 * The candidate runs of a document with their features. With `hide`, those
 * folded words are out of the name lists meanwhile (list dropout).
 */
export function trainingRuns(text: string, lang?: string, known?: KnownPerson[], hide?: readonly string[]): TrainingOutput {
  if (!hide || hide.length === 0) return runsOf(text, lang, known);
  clearWordCache();
  try {
    return withoutNames(hide, () => runsOf(text, lang, known));
  } finally {
    clearWordCache();
  }
}

function runsOf(text: string, lang?: string, known?: KnownPerson[]): TrainingOutput {
  const tk = tokenize(text, TK);
  const ck = known && known.length > 0 ? compileKnown(known) : undefined;
  const s = newState(text, tk, ck, guessLanguage(tk, lang));
  const titledAt = (i: number): boolean => {
    const t = s.titleSlot[i];
    return t >= 0 && nameSlotGapOk(tk, s.titles[t], i);
  };
  titlesPass(s);
  knownPass(s, undefined);
  vietnamesePass(s, titledAt);
  arabicPass(s);
  titledPass(s);
  const ruleSpans = s.drafts.map((d): [number, number] => [tk.start[d.ts], tk.end[d.te - 1]]);
  const c = prepareCandidates(s);
  const emit = new HashEmitter();
  const meta = candidateFeatures(s, c, emit);
  const hashesOf = (t: number): number[] => {
    const [from, to] = emit.range(t);
    return Array.from(emit.hashes.subarray(from, to));
  };
  let t = 0;
  const runs: TrainingRun[] = c.runs.map((run) => {
    const tokens: [number, number][] = [];
    for (let k = run.start; k < run.end; k++) tokens.push([tk.start[k], tk.end[k]]);
    const len = run.end - run.start;
    const features: number[][] = [];
    for (let q = t; q < t + len; q++) features.push(hashesOf(q));
    const out = { arabic: run.arabic, words: runWords(s, run), tokens, features, pos: meta.pos.slice(t, t + len), shape: meta.shape.slice(t, t + len) };
    t += len;
    return out;
  });
  return { lang: s.lang, runs, ruleSpans, links: listLinks(tk, c.runs) };
}
