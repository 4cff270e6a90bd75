#!/usr/bin/env node
// Trains the people detector's candidate scorer (server/src/people/data/model.json):
// an averaged perceptron over the candidates' features (server/src/people/features.ts),
// decoded greedily left to right within each run with the previous token's label as
// a feature, exactly as the detector runs it.
//
//   npm run train:people                        # train on the train/ part of the development set
//   node scripts/train-people.mjs --on train,dev --epochs 12 --dry-run
//
// Labels come from the annotations (test/fixtures/people/dev/CONVENTIONS.md): a
// candidate token is part of a name when it overlaps an annotated mention. The
// held-out part is never used. The model is stored as sorted 32-bit feature hashes
// with 16-bit weights (features whose averaged weight is tiny are dropped).

import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPeopleDevSet } from './devset/people-ann.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const ON = option('--on', 'train').split(',');
if (ON.includes('heldout')) throw new Error('the held-out part is never trained on');
const EPOCHS = Number(option('--epochs', '10'));
const SEED = Number(option('--seed', '7'));
const PRUNE = Number(option('--prune', '0.02'));
const DRY = args.includes('--dry-run');
// List dropout: each document is also seen with some of its names' words taken out of the name lists
// (each distinct word with this probability), so the model learns names the lists do not hold from their context.
const DROPOUT = Number(option('--dropout', '0'));
// Restarts: each pass is trained this many times over different shuffles and the weights averaged (a steadier
// model: one shuffle's accidents move single documents' figures by several points).
const RESTARTS = Number(option('--restarts', '1'));

const tmp = mkdtempSync(join(tmpdir(), 'train-people-'));
let people;
try {
  const outfile = join(tmp, 'people.cjs');
  await build({ entryPoints: [join(root, 'server/src/people/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  people = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const set = loadPeopleDevSet();
for (const e of set.errors) console.error(`development set: ${e}`);
const docs = set.docs.filter((d) => ON.includes(d.split));
// The seeds (test/fixtures/people/gold.json) are training text too, with --seeds: five documents of the
// corpus's own subject; their figure then says nothing about unseen text (the held-out part does).
if (args.includes('--seeds')) {
  const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/people/gold.json'), 'utf8'));
  for (const id of gold.documents) {
    docs.push({ id, split: 'seeds', lang: undefined, text: readFileSync(join(root, 'test/fixtures/people', gold.texts, id), 'utf8'), mentions: gold.mentions.filter((m) => m.document === id) });
  }
}
if (docs.length === 0) throw new Error(`no documents in ${ON.join(', ')}`);

/** The label features' hashes of token k of a run, after the previous token's label. */
const labelKeys = (prev, run, k) => {
  const out = [];
  people.labelHashes(prev, run.pos[k], run.shape[k], out);
  return out;
};

// Examples: per document, its runs with gold labels.
const examples = []; // [{ runs: [{ features, words, gold }] }]
let positives = 0;
let tokens = 0;
let nRuns = 0;
let dropRng = SEED * 7919 + 1;
const dropRandom = () => (dropRng = (Math.imul(dropRng, 1103515245) + 12345) >>> 0) / 2 ** 32;
/** The folded words of a document's names to hide from the lists in its dropout copy. */
const hidden = (d) => {
  const words = new Set();
  for (const m of d.mentions) for (const w of people.foldName(m.text).split(' ')) if (w) words.add(w);
  return [...words].filter(() => dropRandom() < DROPOUT);
};
const versions = [];
docs.forEach((d, group) => {
  versions.push({ d, group, hide: undefined });
  if (DROPOUT > 0) versions.push({ d, group, hide: hidden(d) });
});
for (const { d, group, hide } of versions) {
  const { runs, links } = people.trainingRuns(d.text, d.lang, undefined, hide);
  const doc = { runs: [], group, links };
  for (const run of runs) {
    const gold = run.tokens.map(([a, b]) => (d.mentions.some((m) => m.start < b && a < m.end) ? 1 : 0));
    positives += gold.reduce((x, y) => x + y, 0);
    tokens += gold.length;
    nRuns++;
    // features as string keys (parts joined), for the trainer's maps
    doc.runs.push({ features: run.features, pos: run.pos, shape: run.shape, words: run.words, gold });
  }
  examples.push(doc);
}
console.error(`${docs.length} documents (${ON.join(', ')})${DROPOUT > 0 ? `, each also with list dropout ${DROPOUT}` : ''}, ${nRuns} runs, ${tokens} candidate tokens, ${positives} in names`);

let rng = SEED;
const random = () => (rng = (Math.imul(rng, 1103515245) + 12345) >>> 0) / 2 ** 32;

/** Averaged perceptron over documents' runs; `extra(doc, run)` gives per-token extra features (the second pass's). Returns averaged weights. */
function train(docsIdx, extra, epochs, log) {
  // lazy averaging: w is the current weight, u the sum of update * time; the average is w - u / t
  const w = new Map();
  const u = new Map();
  let t = 1;
  const items = [];
  for (const di of docsIdx) examples[di].runs.forEach((run, ri) => items.push([di, ri]));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    let errors = 0;
    for (const [di, ri] of items) {
      const run = examples[di].runs[ri];
      const ex = extra ? extra(di, ri) : undefined;
      let prev = -1;
      for (let k = 0; k < run.gold.length; k++) {
        const fs = [...run.features[k], ...labelKeys(prev, run, k), ...(ex ? ex[k] : [])];
        let sc = 0;
        for (const f of fs) sc += w.get(f) ?? 0;
        const pred = sc > 0 ? 1 : 0;
        if (pred !== run.gold[k]) {
          errors++;
          const delta = run.gold[k] === 1 ? 1 : -1;
          for (const f of fs) {
            w.set(f, (w.get(f) ?? 0) + delta);
            u.set(f, (u.get(f) ?? 0) + delta * t);
          }
        }
        t++;
        prev = pred;
      }
    }
    if (log) console.error(`  epoch ${epoch + 1}: ${errors} errors`);
  }
  const avg = new Map();
  for (const [f, v] of w) avg.set(f, v - (u.get(f) ?? 0) / t);
  return avg;
}

/** Greedy labels and scores of a document's runs under weights (and extra features). */
function predict(weights, di, extra) {
  const labels = [];
  const scores = [];
  examples[di].runs.forEach((run, ri) => {
    const ex = extra ? extra(di, ri) : undefined;
    const l = new Uint8Array(run.gold.length);
    const sc = new Float64Array(run.gold.length);
    let prev = -1;
    for (let k = 0; k < run.gold.length; k++) {
      const fs = [...run.features[k], ...labelKeys(prev, run, k), ...(ex ? ex[k] : [])];
      let s = 0;
      for (const f of fs) s += weights.get(f) ?? 0;
      sc[k] = s;
      l[k] = s > 0 ? 1 : 0;
      prev = l[k];
    }
    labels.push(l);
    scores.push(sc);
  });
  return { labels, scores };
}

/** train() over RESTARTS shuffles, the weights averaged. */
function trainRestarts(docsIdx, extra, epochs, log) {
  if (RESTARTS <= 1) return train(docsIdx, extra, epochs, log);
  const sum = new Map();
  for (let r = 0; r < RESTARTS; r++) {
    rng = SEED + r * 7717;
    const w = train(docsIdx, extra, epochs, log && r === 0);
    for (const [f, v] of w) sum.set(f, (sum.get(f) ?? 0) + v / RESTARTS);
  }
  return sum;
}

const all = examples.map((_, i) => i);
console.error('first pass:');
const first = trainRestarts(all, undefined, EPOCHS, true);

// The second pass learns from the first pass's answers on documents it was not trained on (k-fold).
const FOLDS = Number(option('--folds', '5'));
const secondExtra = new Map(); // di → per run, per token extra features
for (let fold = 0; fold < FOLDS; fold++) {
  const test = all.filter((i) => examples[i].group % FOLDS === fold);
  const rest = all.filter((i) => examples[i].group % FOLDS !== fold);
  const wFold = train(rest, undefined, EPOCHS, false);
  for (const di of test) {
    const p = predict(wFold, di);
    secondExtra.set(di, people.secondPassHashes({ words: examples[di].runs.map((r) => r.words), labels: p.labels, scores: p.scores, links: examples[di].links }));
  }
}
console.error('second pass:');
const second = trainRestarts(all, (di, ri) => secondExtra.get(di)[ri], EPOCHS, true);

function store(avg, label) {
  let max = 0;
  for (const a of avg.values()) if (Math.abs(a) > max) max = Math.abs(a);
  const kept = [...avg].filter(([, a]) => Math.abs(a) >= PRUNE);
  const scale = max / 32767;
  const byHash = new Map(kept);
  const hashes = [...byHash.keys()].sort((a, b) => a - b);
  const hashArr = new Int32Array(hashes);
  const weightArr = new Int16Array(hashes.map((h) => Math.max(-32767, Math.min(32767, Math.round(byHash.get(h) / scale)))));
  console.error(`${label}: ${avg.size} features, ${kept.length} kept (|w| ≥ ${PRUNE}); largest:`);
  // weights summed by template (values are hashed: the templates show what the model leans on)
  const byTemplate = new Map();
  for (const [, a] of kept) void a;
  console.error(`  ${kept.length} weights stored`);
  return { threshold: 0, scale, hashes: Buffer.from(hashArr.buffer).toString('base64'), weights: Buffer.from(weightArr.buffer).toString('base64') };
}

const model = {
  $comment: `Weights of the people detector's candidate scorer, two passes. Generated by scripts/train-people.mjs (trained on ${ON.join(', ')}${args.includes('--seeds') ? ' and the seeds' : ''}: ${docs.length} documents, ${EPOCHS} epochs${RESTARTS > 1 ? `, ${RESTARTS} shuffles averaged` : ''}, second pass from ${FOLDS}-fold first-pass answers); do not edit by hand.`,
  version: 2,
  first: store(first, 'first pass'),
  second: store(second, 'second pass'),
};
if (!DRY) {
  writeFileSync(join(root, 'server/src/people/data/model.json'), `${JSON.stringify(model)}\n`);
  console.error(`wrote server/src/people/data/model.json (${(JSON.stringify(model).length / 1024).toFixed(0)} KB)`);
}
