#!/usr/bin/env node
// Precision and recall of the copy rules (duplicate-document, near-duplicate-document)
// on real articles: wire stories republished by several sites, and other articles on
// the same stories that are not copies (test/fixtures/duplicates, CONVENTIONS.md there).
//
//   npm run eval:duplicates                 # dev and held-out, at the default threshold
//   node scripts/eval-duplicates.mjs [--threshold 0.8] [--sweep] [--pairs] [--json]
//
// Each part is one corpus file, checked as the editor checks it (computeDiagnostics,
// text rules on). Every diagnostic of the two codes links a document to the copy it
// names; the documents linked directly or through others form the predicted groups,
// and every pair inside a group is a predicted copy. Scored against the labelled
// groups, pair by pair: precision = right predicted pairs / predicted pairs, recall =
// right predicted pairs / labelled pairs. `--sweep` and `--pairs` print the dev part
// only (the held-out part is scored, never inspected).

import { loadSource } from './load-source.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};

const service = await loadSource('server/src/index.ts');
const { CorpusModel, computeDiagnostics, DEFAULT_CONFIG } = service;

const dir = join(root, 'test/fixtures/duplicates');
const CODES = new Set(['duplicate-document', 'near-duplicate-document']);

function load(split) {
  const text = readFileSync(join(dir, `${split}.corpus`), 'utf8');
  const labels = JSON.parse(readFileSync(join(dir, `${split}.labels.json`), 'utf8'));
  return { text, labels };
}

const key = (a, b) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

function pairsOfGroups(groups) {
  const out = new Set();
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.add(key(g[i], g[j]));
  return out;
}

/** The predicted links (document → named copy) of a corpus text at a threshold. */
function links(text, threshold) {
  const model = CorpusModel.parse(text);
  const config = { ...DEFAULT_CONFIG, nearDuplicateThreshold: threshold };
  const out = [];
  for (const d of computeDiagnostics(model, config, undefined, { text: true })) {
    if (!CODES.has(d.code)) continue;
    const from = model.documentAtLine(d.range.start.line)?.name;
    for (const r of d.related ?? []) {
      const to = model.documentAtLine(r.range.start.line)?.name;
      if (from && to) out.push({ from, to, code: d.code, message: d.message });
    }
  }
  return { out, names: model.documents.map((x) => x.name) };
}

function score(split, threshold) {
  const { text, labels } = load(split);
  const { out, names } = links(text, threshold);
  // Groups: the connected components of the links.
  const parent = new Map(names.map((n) => [n, n]));
  const find = (x) => (parent.get(x) === x ? x : find(parent.get(x)));
  for (const l of out) parent.set(find(l.from), find(l.to));
  const groups = new Map();
  for (const n of names) {
    const r = find(n);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(n);
  }
  const predicted = pairsOfGroups([...groups.values()]);
  const gold = pairsOfGroups(labels.copies);
  let right = 0;
  for (const p of predicted) if (gold.has(p)) right++;
  return {
    split,
    threshold,
    documents: names.length,
    labelledPairs: gold.size,
    predictedPairs: predicted.size,
    rightPairs: right,
    precision: predicted.size === 0 ? 1 : right / predicted.size,
    recall: gold.size === 0 ? 1 : right / gold.size,
    links: out,
    wrong: [...predicted].filter((p) => !gold.has(p)).map((p) => p.split('\u0000')),
    missed: [...gold].filter((p) => !predicted.has(p)).map((p) => p.split('\u0000')),
  };
}

const pct = (x) => `${(100 * x).toFixed(1)}%`;
const threshold = Number(option('--threshold', '0.5'));

if (flag('--sweep')) {
  console.log('dev only: threshold  precision  recall  (predicted/labelled pairs)');
  for (const t of [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1]) {
    const r = score('dev', t);
    console.log(`  ${t.toFixed(2)}  ${pct(r.precision).padStart(7)}  ${pct(r.recall).padStart(7)}  (${r.predictedPairs}/${r.labelledPairs})`);
  }
  process.exit(0);
}

const results = ['dev', 'heldout'].map((s) => score(s, threshold));
if (flag('--json')) {
  console.log(JSON.stringify(results.map(({ links: _l, wrong: _w, missed: _m, ...r }) => r)));
  process.exit(0);
}
console.log(`Copies (duplicate-document + near-duplicate-document) at threshold ${threshold}, pairs of documents:`);
for (const r of results) {
  console.log(
    `  ${r.split.padEnd(8)} ${r.documents} documents, ${r.labelledPairs} labelled copy pairs: precision ${pct(r.precision)} (${r.rightPairs}/${r.predictedPairs}), recall ${pct(r.recall)} (${r.rightPairs}/${r.labelledPairs})`,
  );
}
if (flag('--pairs')) {
  const dev = results[0];
  for (const l of dev.links) console.log(`  dev link ${l.from} → ${l.to}: ${l.message.split(':')[0]}`);
  for (const w of dev.wrong) console.log(`  dev wrong: ${w.join(' + ')}`);
  for (const m of dev.missed) console.log(`  dev missed: ${m.join(' + ')}`);
}
