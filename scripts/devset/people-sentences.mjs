#!/usr/bin/env node
// Picks the test sentences of test/unit/peopleSentences.test.ts from the development
// set's dev part (never the held-out part): per language, lines where the detector
// finds exactly the annotated mentions, chosen to cover every pass (titled names,
// Vietnamese names, the model's names, back-references, Arabic names with and without
// a proclitic, particles, initials, ALL CAPS) and lines with capitalised words but
// no person. Writes test/fixtures/people/sentences.json (a person can read it: each
// sentence with its document, and the mentions as written).
//
//   node scripts/devset/people-sentences.mjs        # after changing the detector on purpose
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPeopleDevSet } from './people-ann.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = mkdtempSync(join(tmpdir(), 'people-sentences-'));
let people;
try {
  const outfile = join(tmp, 'people.cjs');
  await build({ entryPoints: [join(root, 'server/src/people/index.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'error', mainFields: ['module', 'main'] });
  people = createRequire(import.meta.url)(outfile);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const PER_LANG = 7;
const NEGATIVE_PER_LANG = 2;
const out = [];
const docs = loadPeopleDevSet().docs.filter((d) => d.split === 'dev');
for (const lang of [...new Set(docs.map((d) => d.lang))].sort()) {
  const picked = [];
  const negatives = [];
  const kindsSeen = new Set();
  for (const d of docs.filter((x) => x.lang === lang)) {
    const pred = people.detectPeople(d.text, { lang: d.lang });
    let start = 0;
    for (const line of d.text.split('\n')) {
      const end = start + line.length;
      const inLine = (m) => m.start >= start && m.end <= end;
      const gold = d.mentions.filter(inLine);
      const got = pred.filter(inLine);
      const same = gold.length === got.length && gold.every((g, i) => g.start === got[i].start && g.end === got[i].end);
      const clean = line.trim();
      if (same && clean.length >= 30 && clean.length <= 400) {
        if (gold.length > 0) {
          const kinds = [...new Set(got.map((m) => m.kind))];
          const fresh = kinds.some((k) => !kindsSeen.has(k));
          if (fresh || picked.length < PER_LANG) {
            kinds.forEach((k) => kindsSeen.add(k));
            picked.push({ document: d.id, lang, sentence: line, people: got.map((m) => m.text), kinds });
          }
        } else if (/\p{Lu}\p{Ll}+.*\p{Lu}\p{Ll}+/u.test(clean) && negatives.length < NEGATIVE_PER_LANG) {
          negatives.push({ document: d.id, lang, sentence: line, people: [], kinds: [] });
        }
      }
      start = end + 1;
    }
  }
  out.push(...picked.slice(0, PER_LANG + 3), ...negatives);
}
writeFileSync(
  join(root, 'test/fixtures/people/sentences.json'),
  `${JSON.stringify({ $comment: 'Sentences of the people development set (dev part) with the mentions the detector finds in them, which are exactly the annotated ones. Picked by scripts/devset/people-sentences.mjs; test/unit/peopleSentences.test.ts checks them.', sentences: out }, null, 1)}\n`,
);
console.log(`${out.length} sentences`);
