// The second pass of the people model: document-level features from the first
// pass's answer (what it decided here, and about the same word elsewhere in the
// document), for the detector (flat over all candidates) and for training.

import { combine } from './featureHash';
import { count3, LABEL, NONE, T, V } from './featureValues';
import { arabicCore, Run } from './candidateRuns';
import type { DetectState } from './state';
import { G_PUNCT, G_SPACE, Tokens } from './text';

/** Words that join the items of a list ("A, B and C"), folded. */
const AND = new Set(['and', 'et', 'y', 'e', 'und', 'va', 'ou', 'or', 'o', 'oder']);

/** Per run: 1 when the run before it is the previous item of a list (", ", " & " or " and " between), 2 when the next one is; both: 3. */
export function listLinks(tk: Tokens, runs: readonly Run[]): number[] {
  const out = new Array<number>(runs.length).fill(0);
  for (let r = 1; r < runs.length; r++) {
    const a = runs[r - 1].end;
    const b = runs[r].start;
    const comma = b === a && tk.gap[b] === G_PUNCT && tk.gapMulti[b] === 0 && (tk.gapChar[b] === 0x2c || tk.gapChar[b] === 0x26);
    const and = b === a + 1 && tk.gap[a] === G_SPACE && tk.gap[b] === G_SPACE && AND.has(tk.f(a));
    if (comma || and) {
      out[r] |= 1;
      out[r - 1] |= 2;
    }
  }
  return out;
}

const LIST_NONE = V('-');
const LIST_NAME = V('name');
const LIST_OTHER = V('other');

/** A candidate token as the second pass sees the first pass's answer. */
export interface FirstPass {
  /** Folded word of each candidate token, run by run. */
  words: string[][];
  /** The first pass's labels and scores, run by run. */
  labels: Uint8Array[];
  scores: Float64Array[];
  /** listLinks of the runs. */
  links: number[];
}

/** What the first pass made of the list neighbours of run r: none, a name, something else (prev, next). */
function listValues(links: readonly number[], hasName: (r: number) => boolean, r: number): [number, number] {
  const prev = (links[r] & 1) === 0 ? LIST_NONE : hasName(r - 1) ? LIST_NAME : LIST_OTHER;
  const next = (links[r] & 2) === 0 ? LIST_NONE : hasName(r + 1) ? LIST_NAME : LIST_OTHER;
  return [prev, next];
}

const SCORE = { hi: V('hi'), mid: V('mid'), lo: V('lo'), nlo: V('nlo'), nmid: V('nmid'), nhi: V('nhi') };
function scoreBucket(x: number): number {
  if (x > 6) return SCORE.hi;
  if (x > 2) return SCORE.mid;
  if (x > 0) return SCORE.lo;
  if (x > -2) return SCORE.nlo;
  if (x > -6) return SCORE.nmid;
  return SCORE.nhi;
}

/**
 * Document-level features for the second pass, as hashes per token: what the
 * first pass decided here, and about the same word elsewhere in the document
 * ("Macron" alone after "Emmanuel Macron"; a surname in a line-up after the same
 * surname in the text).
 */
export function secondPassHashes(fp: FirstPass): number[][][] {
  const inName = new Map<string, number>();
  const last = new Set<string>();
  const first = new Set<string>();
  fp.labels.forEach((labels, r) => {
    const words = fp.words[r];
    let k = 0;
    while (k < labels.length) {
      if (labels[k] !== 1) {
        k++;
        continue;
      }
      let e = k;
      while (e < labels.length && labels[e] === 1) e++;
      for (let q = k; q < e; q++) inName.set(words[q], (inName.get(words[q]) ?? 0) + 1);
      if (e - k >= 2) {
        last.add(words[e - 1]);
        first.add(words[k]);
      }
      k = e;
    }
  });
  const hasName = (r: number): boolean => fp.labels[r].includes(1);
  return fp.labels.map((labels, r) => {
    const [lp, ln] = listValues(fp.links, hasName, r);
    const list = fp.links[r] !== 0 ? combine(T.lst, lp, ln) : 0;
    return Array.from(labels, (label, k) => {
      const w = fp.words[r][k];
      const core = arabicCore(w);
      const times = (inName.get(w) ?? 0) - label + (core !== undefined ? (inName.get(core) ?? 0) : 0);
      const l = LABEL[label];
      const f = [combine(T.p1, l, NONE), combine(T.p1s, scoreBucket(fp.scores[r][k]), NONE), combine(T.d2, count3(times), NONE)];
      if (last.has(w) || (core !== undefined && last.has(core))) f.push(combine(T.d2last, NONE, NONE));
      if (first.has(w)) f.push(combine(T.d2first, NONE, NONE));
      if (times > 0) f.push(combine(T.d2p1, l, NONE));
      if (list !== 0) f.push(list);
      return f;
    });
  });
}

/** The second pass's features of every candidate, flat: token t's are hashes[offsets[t] .. offsets[t + 1]). */
export interface SecondPass {
  hashes: Int32Array;
  offsets: Int32Array;
}

/** The second pass's features for the detector, flat over all candidates (the same features as secondPassHashes). */
export function secondPass(s: DetectState, runs: readonly Run[], labels: Uint8Array, scores: Float64Array): SecondPass {
  const tk = s.tk;
  // words the first pass put in names: as a whole name's part, its first or its last word, how often
  const inName = new Map<string, number>();
  const last = new Set<string>();
  const first = new Set<string>();
  let t = 0;
  for (const run of runs) {
    const len = run.end - run.start;
    let k = 0;
    while (k < len) {
      if (labels[t + k] !== 1) {
        k++;
        continue;
      }
      let e = k;
      while (e < len && labels[t + e] === 1) e++;
      for (let q = k; q < e; q++) {
        const w = tk.f(run.start + q);
        inName.set(w, (inName.get(w) ?? 0) + 1);
      }
      if (e - k >= 2) {
        last.add(tk.f(run.start + e - 1));
        first.add(tk.f(run.start + k));
      }
      k = e;
    }
    t += len;
  }
  // whether each run has a token the first pass put in a name (for the list features)
  const named = new Uint8Array(runs.length);
  t = 0;
  runs.forEach((run, r) => {
    for (let k = run.start; k < run.end; k++, t++) if (labels[t] === 1) named[r] = 1;
  });
  const links = listLinks(tk, runs);
  const hashes = new Int32Array(t * 7);
  const offsets = new Int32Array(t + 1);
  let at = 0;
  t = 0;
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r];
    const [lp, ln] = listValues(links, (q) => named[q] === 1, r);
    const list = links[r] !== 0 ? combine(T.lst, lp, ln) : 0;
    for (let k = run.start; k < run.end; k++, t++) {
      offsets[t] = at;
      const label = labels[t];
      const w = tk.f(k);
      const core = arabicCore(w);
      const times = (inName.get(w) ?? 0) - label + (core !== undefined ? (inName.get(core) ?? 0) : 0);
      const l = LABEL[label];
      hashes[at++] = combine(T.p1, l, NONE);
      hashes[at++] = combine(T.p1s, scoreBucket(scores[t]), NONE);
      hashes[at++] = combine(T.d2, count3(times), NONE);
      if (last.has(w) || (core !== undefined && last.has(core))) hashes[at++] = combine(T.d2last, NONE, NONE);
      if (first.has(w)) hashes[at++] = combine(T.d2first, NONE, NONE);
      if (times > 0) hashes[at++] = combine(T.d2p1, l, NONE);
      if (list !== 0) hashes[at++] = list;
    }
  }
  offsets[t] = at;
  return { hashes, offsets };
}
