// Pass: the trained model decides, token by token, left to right, which tokens
// of each candidate run are part of a person's name (../model.ts, features from
// ../features.ts). Runs are every capitalised run (Latin script) and run of
// Arabic words that no people-file spelling, place or title has taken — including
// the names the rule passes proposed, which become features ("rule=full") so the
// model can keep or drop them. Consecutive tokens scored as name parts become one
// mention; a name particle never ends one, and a glued Arabic proclitic
// (و ب ل ك ف) is left out of the span.

import { arabicCore, candidateRuns, isInitial, Run, stripsProclitic } from '../candidateRuns';
import { DocMarks, Emitter, labelWeight, runFeatures, secondPass, SecondPass, TokenMeta } from '../features';
import { HashEmitter } from '../featureHash';
import { loadModels, Model } from '../model';
import { F_ARABIC, F_CAP, G_SPACE } from '../text';
import { addDraft, DetectState, Draft, latinKey, OWNER_NONE } from '../state';
import { wordLists, type WordLists } from '../wordLists';
import { nicknamesIn, POST_NOMINALS, quotedWhole } from '../helpers';
import { AR_JOINERS } from './arabic';
import { buildingAfter, placePrefixBefore, unitAbbreviation } from './vietnamese';

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
  return { runs: candidateRuns(s, ruleKinds), ruleKinds, ruleDrafts };
}

/** Every candidate's features into `out` (token after token, run after run), with their label-feature values. */
export function candidateFeatures(s: DetectState, c: Candidates, out: Emitter): TokenMeta {
  const marks = new DocMarks(s, c.runs);
  const meta: TokenMeta = { pos: [], shape: [] };
  for (const run of c.runs) runFeatures(s, run, marks, out, meta, c.ruleKinds);
  return meta;
}

const EMIT = new HashEmitter();

/** Greedy left-to-right labels of the candidates (flat over all runs) under one model, with the second pass's hashes, if any. */
function decode(m: Model, runs: readonly Run[], meta: TokenMeta, extra: SecondPass | undefined, labels: Uint8Array, scores: Float64Array): void {
  const { hashes, offsets } = EMIT;
  const w = m.weights;
  let t = 0;
  for (const run of runs) {
    for (let k = 0; k < run.end - run.start; k++, t++) {
      const from = offsets[t];
      const to = t + 1 < offsets.length ? offsets[t + 1] : EMIT.length;
      let sc = -m.threshold;
      for (let q = from; q < to; q++) sc += w.get(hashes[q]);
      if (extra) for (let q = extra.offsets[t]; q < extra.offsets[t + 1]; q++) sc += w.get(extra.hashes[q]);
      if (k > 0) sc += labelWeight(m, labels[t - 1], meta.pos[t], meta.shape[t]);
      scores[t] = sc;
      labels[t] = sc > 0 ? 1 : 0;
    }
  }
}

/**
 * The labels (1: part of a name) the models give the candidates, flat over all
 * runs in order: the first pass, then the second over the first's answer.
 */
export function labelRuns(s: DetectState, c: Candidates): Uint8Array {
  const { first, second } = loadModels();
  EMIT.reset();
  const meta = candidateFeatures(s, c, EMIT);
  const total = meta.pos.length;
  const labels = new Uint8Array(total);
  const scores = new Float64Array(total);
  decode(first, c.runs, meta, undefined, labels, scores);
  if (second) decode(second, c.runs, meta, secondPass(s, c.runs, labels, scores), labels, scores);
  let t = 0;
  for (const run of c.runs) for (let k = run.start; k < run.end; k++) s.scores[k] = scores[t++];
  return labels;
}

export function runWords(s: DetectState, run: Run): string[] {
  const out: string[] = [];
  for (let k = run.start; k < run.end; k++) out.push(s.tk.f(k));
  return out;
}

/** An Arabic name of tokens [from, to), its glued proclitic (و ب ل ك ف) left out when it is one. */
function addArabicDraft(s: DetectState, from: number, to: number, lists: WordLists, counts: (w: string) => number): void {
  const first = s.tk.f(from);
  const core = arabicCore(first);
  const shift = core !== undefined && stripsProclitic(first, lists, counts) ? 1 : 0;
  const words = [shift ? (core as string) : first];
  for (let r = from + 1; r < to; r++) words.push(s.tk.f(r));
  addDraft(s, from, to, 'model', 'ar:' + words.join(' '), { startShift: shift });
}

export function candidatesPass(s: DetectState): void {
  if (loadModels().first.weights.size === 0) return;
  const { tk } = s;
  const lists = wordLists();
  const c = prepareCandidates(s);
  const labelled = labelRuns(s, c);
  const label = new Uint8Array(s.n);
  let t = 0;
  for (const run of c.runs) for (let k = run.start; k < run.end; k++) label[k] = labelled[t++];
  // A rule's name stays whole: kept when the model takes at least half of its tokens, else dropped.
  const ruleTok = new Uint8Array(s.n);
  // how often each Arabic word stands alone in the document (for the proclitic decision)
  let arabicCounts: Map<string, number> | undefined;
  const counts = (w: string): number => {
    if (!arabicCounts) {
      arabicCounts = new Map();
      for (let i = 0; i < s.n; i++) if ((tk.flags[i] & F_ARABIC) !== 0) arabicCounts.set(tk.f(i), (arabicCounts.get(tk.f(i)) ?? 0) + 1);
    }
    return arabicCounts.get(w) ?? 0;
  };
  for (const d of [...c.ruleDrafts.values()].sort((a, b) => a.ts - b.ts)) {
    let yes = 0;
    for (let k = d.ts; k < d.te; k++) yes += label[k];
    // Transliterated Vietnamese names (sound skeletons) are precise by construction: always kept; a
    // Vietnamese or Chinese full name, or an Arabic name after a title, unless the model rejects every word of it.
    if (d.skeletons === null && (d.kind === 'full' || d.kind === 'arabic' ? yes === 0 : yes * 2 < d.te - d.ts)) continue;
    const { ts, te, kind, key, ...extra } = d;
    addDraft(s, ts, te, kind, key, extra);
    for (let k = ts; k < te; k++) ruleTok[k] = 1;
  }
  let nicknames: Set<string> | undefined;
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
      // a particle never ends a name (runs never start with one); letters after it are a rank or a degree, not
      // the name ("Patrick Lynch QC", "Godwin Emefiele GMD")
      if (!run.arabic) while (te > ts && ((tk.flags[te - 1] & F_CAP) === 0 || (te - ts > 1 && POST_NOMINALS.has(tk.r(te - 1))))) te--;
      // nor does an initial: the word after it in the run is the surname ("George W. Bush", Bush a common word)
      if (!run.arabic && te > ts + 1 && te < run.end && isInitial(tk, te - 1) && !ruleTok[te] && c.ruleKinds[te] === '') {
        te++;
        e = Math.max(e, te);
      }
      k = e;
      if (te <= ts) continue;
      if (run.arabic) {
        // a name never ends on "عبد", "أبو", "بن" …: the next word is part of it ("عبد المجيد")
        // (the article starts another run: "عبد" | "المجيد تبون"), then the words the model took after it
        const free = (q: number): boolean => q < s.n && tk.gap[q] === G_SPACE && (tk.flags[q] & F_ARABIC) !== 0 && s.owner[q] === OWNER_NONE && !ruleTok[q] && c.ruleKinds[q] === '';
        while (AR_JOINERS.has(tk.f(te - 1)) && free(te)) {
          te++;
          while (label[te] === 1 && free(te)) te++;
        }
        for (let q = run.end; q < te; q++) ruleTok[q] = 1; // taken from the runs after this one
        k = Math.max(k, te);
        // "ترامب وبوتين": a word glued to "and" whose core is a given name or stands alone in the document
        // starts another name
        const starts = [ts];
        for (let q = ts + 1; q < te; q++) {
          const w = tk.f(q);
          const core = w.startsWith('و') ? arabicCore(w) : undefined;
          if (core !== undefined && (lists.arabicGiven.has(core) || counts(core) > 0) && stripsProclitic(w, lists, counts)) starts.push(q);
        }
        starts.forEach((from, i) => addArabicDraft(s, from, starts[i + 1] ?? te, lists, counts));
      } else if (
        !placePrefixBefore(tk, ts, s.lang !== 'es' && s.lang !== 'fr' && s.lang !== 'it' && s.lang !== 'pt') &&
        !buildingAfter(tk, te) &&
        !(s.lang === 'vi' && (unitAbbreviation(tk, ts) || (ts > 0 && unitAbbreviation(tk, ts - 1)))) &&
        !(quotedWhole(tk, ts, te) && !(nicknames ??= nicknamesIn(tk.text)).has(tk.text.slice(tk.start[ts], tk.end[te - 1])))
      ) {
        // not a place or a building named after a person ("sân Mỹ Đình", "rue Victor Hugo", "George Eliot Hospital",
        // "H.Nam Giang"), nor a title in quotation marks ("‘Ishq Fakir’";
        // a nickname the text gives inside a name stays: "Sergio 'Checo' Pérez" … "'Checo'")
        addDraft(s, ts, te, 'model', latinKey(s, ts, te));
      }
    }
  }
}
