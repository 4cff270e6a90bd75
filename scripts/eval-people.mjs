#!/usr/bin/env node
// Evaluates person detection and grouping against a hand-annotated gold file.
//
//   npm run eval:people                       # the seeds (test/fixtures/people/gold.json)
//   node scripts/eval-people.mjs GOLD.json [--texts DIR] [--people FILE.people.json] [--check] [--json]
//
// Gold format: { "texts": "<folder of the .txt documents, relative to the gold file>",
//   "documents": ["a.txt", …], "mentions": [{ "document", "start", "end", "text", "person" }] }
// Offsets are UTF-16 code units into the document text.
//
// Prints mention-level precision, recall and F1 (exact span match, and a partial
// figure where any overlap counts), grouping accuracy, and every miss and false
// alarm. Grouping: all documents go through groupMentions; each gold person maps to
// the predicted person that holds most of its mentions and each predicted person to
// the gold person it holds most of; a gold mention is grouped right when it was found
// (any overlap) and both mappings agree (so splits and merges both cost).
// --check exits with 1 when a figure is below the targets (0.95).
//
// The detector is bundled on the fly with esbuild from server/src/people, so this
// works on a fresh clone after `npm ci` without a prior build.

import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && ['--texts', '--people'].includes(args[i - 1])));
const goldPath = resolve(positional[0] ?? join(root, 'test/fixtures/people/gold.json'));
const gold = JSON.parse(readFileSync(goldPath, 'utf8'));
const textsDir = resolve(option('--texts') ?? resolve(dirname(goldPath), gold.texts ?? '.'));

const tmp = mkdtempSync(join(tmpdir(), 'eval-people-'));
let people;
try {
  const outfile = join(tmp, 'people.cjs');
  await build({ entryPoints: [join(root, 'server/src/people/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  people = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

let known;
if (option('--people')) {
  const parsed = people.parsePeopleFile(readFileSync(resolve(option('--people')), 'utf8'));
  for (const p of parsed.problems) console.error(`people file: ${p.message} (at ${p.start})`);
  known = parsed.people;
}

const documents = gold.documents ?? [...new Set(gold.mentions.map((m) => m.document))].sort();
const texts = new Map(documents.map((d) => [d, readFileSync(join(textsDir, d), 'utf8')]));
const predicted = documents.map((d) => people.detectPeople(texts.get(d), { known }));
const persons = people.groupMentions(predicted, known);
const personOfKey = new Map();
persons.forEach((p, i) => p.keys.forEach((k) => personOfKey.set(k, i)));

const goldBy = new Map(documents.map((d) => [d, []]));
for (const m of gold.mentions) goldBy.get(m.document)?.push(m);

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
let exactHits = 0;
let partialPred = 0;
let partialGold = 0;
let nPred = 0;
let nGold = 0;
const misses = [];
const falseAlarms = [];
const pairs = []; // [gold mention, predicted person index | -1]

documents.forEach((d, di) => {
  const g = goldBy.get(d);
  const p = predicted[di];
  nGold += g.length;
  nPred += p.length;
  for (const pm of p) {
    if (g.some((gm) => gm.start === pm.start && gm.end === pm.end)) exactHits++;
    if (g.some((gm) => overlaps(gm, pm))) partialPred++;
    else falseAlarms.push({ document: d, ...pm });
  }
  for (const gm of g) {
    const exact = p.find((pm) => pm.start === gm.start && pm.end === gm.end);
    const any = exact ?? p.find((pm) => overlaps(gm, pm));
    if (any) partialGold++;
    if (!exact) misses.push({ ...gm, found: any ? `${any.start}-${any.end} "${any.text}"` : null });
    pairs.push([gm, any ? personOfKey.get(any.key) ?? -1 : -1]);
  }
});

const ratio = (a, b) => (b === 0 ? 1 : a / b);
const precision = ratio(exactHits, nPred);
const recall = ratio(exactHits, nGold);
const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
const pPrecision = ratio(partialPred, nPred);
const pRecall = ratio(partialGold, nGold);
const pF1 = pPrecision + pRecall === 0 ? 0 : (2 * pPrecision * pRecall) / (pPrecision + pRecall);

// grouping: majority mapping in both directions
const majority = (entries) => {
  const counts = new Map();
  for (const [from, to] of entries) {
    if (!counts.has(from)) counts.set(from, new Map());
    const c = counts.get(from);
    c.set(to, (c.get(to) ?? 0) + 1);
  }
  const out = new Map();
  for (const [from, c] of counts) out.set(from, [...c.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  return out;
};
const found = pairs.filter(([, p]) => p >= 0);
const goldToPred = majority(found.map(([g, p]) => [g.person, p]));
const predToGold = majority(found.map(([g, p]) => [p, g.person]));
const wrongGroups = [];
let grouped = 0;
for (const [g, p] of pairs) {
  if (p >= 0 && goldToPred.get(g.person) === p && predToGold.get(p) === g.person) grouped++;
  else wrongGroups.push({ ...g, predicted: p >= 0 ? persons[p].name : '(not found)' });
}
const grouping = ratio(grouped, pairs.length);

const fmt = (x) => x.toFixed(3);
const context = (d, s, e) => {
  const t = texts.get(d);
  return (t.slice(Math.max(0, s - 30), s) + '[' + t.slice(s, e) + ']' + t.slice(e, e + 30)).replace(/\s+/g, ' ');
};
const result = {
  gold: goldPath,
  documents: documents.length,
  goldMentions: nGold,
  predictedMentions: nPred,
  exact: { precision, recall, f1 },
  partial: { precision: pPrecision, recall: pRecall, f1: pF1 },
  grouping,
  goldPeople: new Set(gold.mentions.map((m) => m.person)).size,
  predictedPeople: persons.length,
  misses: misses.map((m) => ({ document: m.document, start: m.start, end: m.end, text: m.text, person: m.person, found: m.found })),
  falseAlarms: falseAlarms.map((m) => ({ document: m.document, start: m.start, end: m.end, text: m.text, kind: m.kind })),
  wrongGroups: wrongGroups.map((m) => ({ document: m.document, start: m.start, text: m.text, person: m.person, predicted: m.predicted })),
};

if (flag('--json')) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`People detection on ${documents.length} documents (${goldPath.replace(root + '/', '')})`);
  console.log(`  gold mentions ${nGold}, predicted ${nPred}; gold people ${result.goldPeople}, predicted people ${persons.length}`);
  console.log(`  exact span    precision ${fmt(precision)}  recall ${fmt(recall)}  F1 ${fmt(f1)}`);
  console.log(`  partial       precision ${fmt(pPrecision)}  recall ${fmt(pRecall)}  F1 ${fmt(pF1)}`);
  console.log(`  grouping      accuracy  ${fmt(grouping)}  (${grouped}/${pairs.length} gold mentions in the right person)`);
  console.log(`\nMisses (${misses.length}):`);
  for (const m of misses) console.log(`  ${m.document} ${m.start}-${m.end} ${context(m.document, m.start, m.end)}  → ${m.person}${m.found ? `  (found ${m.found})` : ''}`);
  console.log(`\nFalse alarms (${falseAlarms.length}):`);
  for (const m of falseAlarms) console.log(`  ${m.document} ${m.start}-${m.end} ${m.kind} ${context(m.document, m.start, m.end)}`);
  console.log(`\nWrongly grouped (${wrongGroups.length}):`);
  for (const m of wrongGroups) console.log(`  ${m.document} ${m.start} "${m.text}" → ${m.person}, predicted ${m.predicted}`);
  console.log('\nPeople found:');
  for (const p of persons) console.log(`  ${p.name}  ×${p.mentionCount}  [${p.spellings.map((s) => s.text).join(' | ')}]`);
}
if (flag('--check') && (precision < 0.95 || recall < 0.95 || grouping < 0.95)) process.exitCode = 1;
