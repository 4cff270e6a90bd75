// The second pass of the people model: document-level features from the first
// pass's answer (what it decided here, and about the same word elsewhere in the
// document), for the detector (flat over all candidates) and for training.

import { combine } from './featureHash';
import { count3, LABEL, NONE, T, V } from './featureValues';
import { arabicCore, Run } from './candidateRuns';
import type { DetectState } from './state';

/** A candidate token as the second pass sees the first pass's answer. */
export interface FirstPass {
  /** Folded word of each candidate token, run by run. */
  words: string[][];
  /** The first pass's labels and scores, run by run. */
  labels: Uint8Array[];
  scores: Float64Array[];
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
  return fp.labels.map((labels, r) =>
    Array.from(labels, (label, k) => {
      const w = fp.words[r][k];
      const core = arabicCore(w);
      const times = (inName.get(w) ?? 0) - label + (core !== undefined ? (inName.get(core) ?? 0) : 0);
      const l = LABEL[label];
      const f = [combine(T.p1, l, NONE), combine(T.p1s, scoreBucket(fp.scores[r][k]), NONE), combine(T.d2, count3(times), NONE)];
      if (last.has(w) || (core !== undefined && last.has(core))) f.push(combine(T.d2last, NONE, NONE));
      if (first.has(w)) f.push(combine(T.d2first, NONE, NONE));
      if (times > 0) f.push(combine(T.d2p1, l, NONE));
      return f;
    }),
  );
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
  const hashes = new Int32Array(t * 6);
  const offsets = new Int32Array(t + 1);
  let at = 0;
  t = 0;
  for (const run of runs) {
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
    }
  }
  offsets[t] = at;
  return { hashes, offsets };
}
