// Pass: the trained model decides, token by token, left to right, which tokens
// of each candidate run are part of a person's name (../model.ts, features from
// ../features.ts). Runs are every capitalised run (Latin script) and run of
// Arabic words that no people-file spelling, place or title has taken — including
// the names the rule passes proposed, which become features ("rule=full") so the
// model can keep or drop them. Consecutive tokens scored as name parts become one
// mention; a name particle never ends one, and a glued Arabic proclitic
// (و ب ل ك ف) is left out of the span.

import { arabicCore, candidateRuns, documentWords, Run, RuleKinds, runFeatures, secondPassFeatures } from '../features';
import { labelFeatures, loadModels, Model, scoreOf } from '../model';
import { F_CAP } from '../text';
import { addDraft, DetectState, Draft, latinKey, OWNER_NONE } from '../state';
import { wordLists } from '../wordLists';

export interface Candidates {
  runs: Run[];
  ruleKinds: string[];
  /** The rule passes' drafts, by "first:end" token span. */
  ruleDrafts: Map<string, Draft>;
}

/** Takes the rule passes' drafts back (known people stay), and finds the candidate runs. */
export function prepareCandidates(s: DetectState): Candidates {
  const ruleKinds: string[] = new Array<string>(s.n).fill('');
  const ruleDrafts = new Map<string, Draft>();
  let keep = s.drafts.length;
  for (let id = 0; id < s.drafts.length; id++) {
    if (s.drafts[id].kind !== 'known') {
      keep = id;
      break;
    }
  }
  for (const d of s.drafts.slice(keep)) {
    ruleDrafts.set(`${d.ts}:${d.te}`, d);
    for (let k = d.ts; k < d.te; k++) {
      ruleKinds[k] = d.kind;
      s.owner[k] = OWNER_NONE;
    }
  }
  s.drafts.length = keep;
  return { runs: candidateRuns(s), ruleKinds, ruleDrafts };
}

/** Every candidate's static features, run by run. */
export function candidateFeatures(s: DetectState, c: Candidates): string[][][] {
  const doc = documentWords(s.tk);
  return c.runs.map((run) => {
    const feats: string[][] = new Array<string[]>(run.end - run.start);
    runFeatures(s, run, doc, feats, c.ruleKinds.slice(run.start, run.end) as RuleKinds);
    return feats;
  });
}

/** Greedy left-to-right labels of one run under one model (with extra features per token, if any). */
function decodeRun(m: Model, feats: string[][], extra: string[][] | undefined, scores: Float64Array): Uint8Array {
  const labels = new Uint8Array(feats.length);
  for (let k = 0; k < feats.length; k++) {
    const prev = k === 0 ? -1 : (labels[k - 1] as 0 | 1);
    const more = labelFeatures(prev, feats[k]);
    if (extra) more.push(...extra[k]);
    const sc = scoreOf(m, feats[k], more) - m.threshold;
    scores[k] = sc;
    labels[k] = sc > 0 ? 1 : 0;
  }
  return labels;
}

/** The labels (1: part of a name) the models give the tokens of each run: the first pass, then the second over the first's answer. */
export function labelRuns(s: DetectState, c: Candidates): Uint8Array[] {
  const { first, second } = loadModels();
  const feats = candidateFeatures(s, c);
  const scores = c.runs.map((run) => new Float64Array(run.end - run.start));
  let labels = feats.map((f, r) => decodeRun(first, f, undefined, scores[r]));
  if (second) {
    const extra = secondPassFeatures({ words: c.runs.map((run) => runWords(s, run)), labels, scores });
    labels = feats.map((f, r) => decodeRun(second, f, extra[r], scores[r]));
  }
  c.runs.forEach((run, r) => s.scores.set(Float32Array.from(scores[r]), run.start));
  return labels;
}

export function runWords(s: DetectState, run: Run): string[] {
  const out: string[] = [];
  for (let k = run.start; k < run.end; k++) out.push(s.tk.f(k));
  return out;
}

export function candidatesPass(s: DetectState): void {
  if (loadModels().first.weights.size === 0) return;
  const { tk } = s;
  const lists = wordLists();
  const c = prepareCandidates(s);
  const labelled = labelRuns(s, c);
  const label = new Uint8Array(s.n);
  c.runs.forEach((run, r) => label.set(labelled[r], run.start));
  // A rule's name stays whole: kept when the model takes at least half of its tokens, else dropped.
  const ruleTok = new Uint8Array(s.n);
  for (const d of [...c.ruleDrafts.values()].sort((a, b) => a.ts - b.ts)) {
    let yes = 0;
    for (let k = d.ts; k < d.te; k++) yes += label[k];
    // Transliterated Vietnamese names (sound skeletons) are precise by construction: always kept; a
    // Vietnamese or Chinese full name unless the model rejects every syllable of it.
    if (d.skeletons === null && (d.kind === 'full' ? yes === 0 : yes * 2 < d.te - d.ts)) continue;
    const { ts, te, kind, key, ...extra } = d;
    addDraft(s, ts, te, kind, key, extra);
    for (let k = ts; k < te; k++) ruleTok[k] = 1;
  }
  for (const run of c.runs) {
    let k = run.start;
    while (k < run.end) {
      if (label[k] !== 1 || ruleTok[k] || c.ruleKinds[k] !== '') {
        k++;
        continue;
      }
      let e = k;
      while (e < run.end && label[e] === 1 && !ruleTok[e] && c.ruleKinds[e] === '') e++;
      const ts = k;
      let te = e;
      // a particle never ends a name (runs never start with one)
      if (!run.arabic) while (te > ts && (tk.flags[te - 1] & F_CAP) === 0) te--;
      k = e;
      if (te <= ts) continue;
      if (run.arabic) {
        const first = tk.f(ts);
        const core = arabicCore(first);
        const shift = core !== undefined && !lists.arabicGiven.has(first) ? 1 : 0;
        const words = [shift ? (core as string) : first];
        for (let q = ts + 1; q < te; q++) words.push(tk.f(q));
        addDraft(s, ts, te, 'model', 'ar:' + words.join(' '), { startShift: shift });
      } else {
        addDraft(s, ts, te, 'model', latinKey(s, ts, te));
      }
    }
  }
}
