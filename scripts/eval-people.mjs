#!/usr/bin/env node
// Evaluates person detection and grouping on annotated real text.
//
//   npm run eval:people                 # the seeds, then the development set (dev and held-out parts)
//   node scripts/eval-people.mjs [--json] [--check] [--list N] [--list-heldout] [--lang xx] [--compromise]
//
// Sets:
// - the seeds (test/fixtures/people/gold.json: offsets into test/fixtures/people/seeds/*.txt), read by the
//   rules' authors: expected to stay at 1.0;
// - the development set (test/fixtures/people/dev, CONVENTIONS.md there): real news in 8 languages, `dev/`
//   (rules may be written reading it) and `heldout/` (scored, never read while writing rules).
//
// Figures, per split and language:
// - strict: a predicted mention counts when its span is exactly a gold span;
// - lenient: a predicted mention counts when it overlaps a gold span, a gold mention when a prediction overlaps it;
// - grouping: all documents of a part are grouped as one corpus (groupMentions). Over every pair of found gold
//   mentions of the same gold person, pair recall is the share the detector puts in one person; pair precision
//   the share of predicted same-person pairs (among found gold mentions) that are one gold person.
// Misses and false alarms of the dev part are listed (--list N per language, default 15); those of the held-out
// part only with --list-heldout, so that rules are not written from them.
// --compromise adds the peer `compromise` (English-trained) on the same texts, lenient figures.
// --check exits with 1 when the seeds are below 1.0.
//
// The detector is bundled on the fly (scripts/load-source.mjs) from server/src/people, so this works on a fresh clone after
// `npm ci` without a prior build.

import { loadSource } from './load-source.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPeopleDevSet } from './devset/people-ann.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const LIST = Number(option('--list', '15'));
const ONLY_LANG = option('--lang', undefined);

const people = await loadSource('server/src/people/index.ts');

const overlaps = (a, b) => a.start < b.end && b.start < a.end;
const ratio = (a, b) => (b === 0 ? 1 : a / b);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores predictions against gold for a list of { id, text, gold, pred } documents (one corpus for grouping). */
function score(docs, persons) {
  let nGold = 0;
  let nPred = 0;
  let exact = 0;
  let lenPred = 0;
  let lenGold = 0;
  const misses = [];
  const falseAlarms = [];
  const found = []; // [gold person, predicted person index]
  docs.forEach((d, di) => {
    nGold += d.gold.length;
    nPred += d.pred.length;
    for (const pm of d.pred) {
      if (d.gold.some((gm) => gm.start === pm.start && gm.end === pm.end)) exact++;
      if (d.gold.some((gm) => overlaps(gm, pm))) lenPred++;
      else falseAlarms.push({ doc: d, m: pm });
    }
    for (const gm of d.gold) {
      const ex = d.pred.find((pm) => pm.start === gm.start && pm.end === gm.end);
      const any = ex ?? d.pred.find((pm) => overlaps(gm, pm));
      if (any) {
        lenGold++;
        const p = persons ? persons.byKey.get(any.key) : undefined;
        if (p !== undefined) found.push([gm.person, p, di]);
      }
      if (!ex) misses.push({ doc: d, m: gm, found: any });
    }
  });
  // grouping pairs
  let goldPairs = 0;
  let goldPairsJoined = 0;
  let predPairs = 0;
  let predPairsRight = 0;
  for (let i = 0; i < found.length; i++) {
    for (let j = i + 1; j < found.length; j++) {
      const sameGold = found[i][0] === found[j][0];
      const samePred = found[i][1] === found[j][1];
      if (sameGold) {
        goldPairs++;
        if (samePred) goldPairsJoined++;
      }
      if (samePred) {
        predPairs++;
        if (sameGold) predPairsRight++;
      }
    }
  }
  const sp = ratio(exact, nPred);
  const sr = ratio(exact, nGold);
  const lp = ratio(lenPred, nPred);
  const lr = ratio(lenGold, nGold);
  return {
    documents: docs.length,
    gold: nGold,
    predicted: nPred,
    strict: { precision: sp, recall: sr, f1: f1(sp, sr) },
    lenient: { precision: lp, recall: lr, f1: f1(lp, lr) },
    grouping: { pairRecall: ratio(goldPairsJoined, goldPairs), pairPrecision: ratio(predPairsRight, predPairs), pairs: goldPairs },
    misses,
    falseAlarms,
  };
}

function detectAll(docs, known) {
  for (const d of docs) d.pred = people.detectPeople(d.text, { known, lang: d.lang });
  const persons = people.groupMentions(
    docs.map((d) => d.pred),
    known,
  );
  const byKey = new Map();
  persons.forEach((p, i) => {
    byKey.set(p.key, i);
    for (const k of p.keys) if (!byKey.has(k)) byKey.set(k, i);
  });
  return { list: persons, byKey };
}

// ---------------------------------------------------------------- the seeds

const goldPath = join(root, 'test/fixtures/people/gold.json');
const seedGold = JSON.parse(readFileSync(goldPath, 'utf8'));
const seedDir = resolve(dirname(goldPath), seedGold.texts ?? '.');
const seedDocs = seedGold.documents.map((id) => ({
  id,
  lang: '',
  text: readFileSync(join(seedDir, id), 'utf8'),
  gold: seedGold.mentions.filter((m) => m.document === id),
}));
const seedScore = score(seedDocs, detectAll(seedDocs, undefined));

// ---------------------------------------------------------------- the development set

const set = loadPeopleDevSet();
for (const e of set.errors) console.error(`development set: ${e}`);
const all = set.docs.filter((d) => !ONLY_LANG || d.lang === ONLY_LANG).map((d) => ({ id: `${d.split}/${d.id}`, split: d.split, lang: d.lang, topic: d.topic, text: d.text, gold: d.mentions }));
const t0 = performance.now();
const bySplit = {};
for (const split of ['dev', 'heldout']) {
  const docs = all.filter((d) => d.split === split);
  const persons = detectAll(docs, undefined);
  const rows = [];
  const langs = [...new Set(docs.map((d) => d.lang))].sort();
  for (const lang of langs)
    rows.push({
      label: lang,
      ...score(
        docs.filter((d) => d.lang === lang),
        persons,
      ),
    });
  const vn = docs.filter((d) => d.topic === 'vn-politics');
  if (vn.length > 0) rows.push({ label: 'vn-politics', ...score(vn, persons) });
  const other = docs.filter((d) => d.topic !== 'vn-politics' && ['en', 'fr', 'es', 'ar', 'vi'].includes(d.lang));
  if (other.length > 0) rows.push({ label: 'other topics (en fr es ar vi)', ...score(other, persons) });
  rows.push({ label: 'all', ...score(docs, persons) });
  bySplit[split] = rows;
}
const detectMs = performance.now() - t0;

let peer;
if (flag('--compromise')) {
  const nlp = (await import('compromise')).default;
  peer = {};
  for (const split of ['dev', 'heldout']) {
    const docs = all
      .filter((d) => d.split === split)
      .map((d) => {
        const pred = [];
        for (const p of nlp(d.text).people().json({ offset: true })) {
          const o = p.offset;
          if (o && o.length > 0) pred.push({ start: o.start, end: o.start + o.length, text: d.text.slice(o.start, o.start + o.length), key: '' });
        }
        return { ...d, pred };
      });
    peer[split] = score(docs, undefined);
  }
}

// ---------------------------------------------------------------- report

const fmt = (x) => x.toFixed(3);
const context = (d, s, e) => (d.text.slice(Math.max(0, s - 30), s) + '[' + d.text.slice(s, e) + ']' + d.text.slice(e, e + 30)).replace(/\s+/g, ' ');
const strip = (r) => ({ ...r, misses: r.misses.length, falseAlarms: r.falseAlarms.length });

if (flag('--json')) {
  console.log(
    JSON.stringify(
      {
        seeds: strip(seedScore),
        dev: bySplit.dev.map(strip),
        heldout: bySplit.heldout.map(strip),
        compromise: peer ? { dev: strip(peer.dev), heldout: strip(peer.heldout) } : undefined,
      },
      null,
      2,
    ),
  );
} else {
  const line = (label, r) =>
    `  ${label.padEnd(30)} ${String(r.documents).padStart(4)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)}` +
    `   ${fmt(r.strict.precision)} ${fmt(r.strict.recall)} ${fmt(r.strict.f1)}` +
    `   ${fmt(r.lenient.precision)} ${fmt(r.lenient.recall)} ${fmt(r.lenient.f1)}` +
    `   ${fmt(r.grouping.pairRecall)} ${fmt(r.grouping.pairPrecision)}`;
  const head = `  ${''.padEnd(30)} docs  gold  pred   strict P     R    F1   lenient P    R    F1   pairs R     P`;
  console.log('People detection: npm run eval:people\n');
  console.log(`Seeds (${seedDocs.length} documents; the rules' authors read them)`);
  console.log(head);
  console.log(line('seeds', seedScore));
  for (const split of ['dev', 'heldout']) {
    console.log(`\nDevelopment set, ${split === 'dev' ? 'dev part (read while writing rules)' : 'held-out part (never read while writing rules)'}`);
    console.log(head);
    for (const r of bySplit[split]) console.log(line(r.label, r));
    if (peer) console.log(line('compromise (peer), all', peer[split]));
  }
  console.log(`\nDetection and grouping of ${all.length} documents (${(all.reduce((a, d) => a + d.text.length, 0) / 1024).toFixed(0)} KB) took ${detectMs.toFixed(0)} ms.`);
  const list = (title, rows, showAll) => {
    for (const r of rows) {
      if (r.label === 'all' || r.label.includes(' ') || r.label === 'vn-politics') continue;
      const ms = showAll ? r.misses : r.misses.slice(0, LIST);
      const fa = showAll ? r.falseAlarms : r.falseAlarms.slice(0, LIST);
      if (ms.length === 0 && fa.length === 0) continue;
      console.log(`\n${title} ${r.label}: misses ${r.misses.length}, false alarms ${r.falseAlarms.length}${showAll ? '' : ` (first ${LIST} of each)`}`);
      for (const { doc, m, found } of ms) console.log(`  miss  ${doc.id} ${context(doc, m.start, m.end)}${found ? `  (found "${found.text}")` : ''}`);
      for (const { doc, m } of fa) console.log(`  false ${doc.id} ${m.kind ?? ''} ${context(doc, m.start, m.end)}`);
    }
  };
  if (seedScore.misses.length + seedScore.falseAlarms.length > 0) list('Seeds', [{ label: 'seeds', ...seedScore }], true);
  if (LIST > 0) list('Dev part', bySplit.dev, false);
  if (flag('--list-heldout')) list('Held-out part', bySplit.heldout, true);
}

if (flag('--check') && (seedScore.strict.f1 < 1 || seedScore.grouping.pairRecall < 1)) process.exitCode = 1;
