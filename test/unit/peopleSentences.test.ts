// People detection on real sentences of the development set (dev part; the held-out
// part is never used in tests): per language, sentences where the detector finds
// exactly the annotated people, covering each pass. A change that loses one of them,
// or finds a person where there is none, fails here; re-pick the sentences only for a
// change of behaviour that the development set's figures (npm run eval:people) justify.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { detectPeople } from '../../server/src/people';
import { FIXTURES } from '../support/fixtures';

interface Sentence {
  document: string;
  lang: string;
  sentence: string;
  people: string[];
  kinds: string[];
}

const { sentences } = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'people', 'sentences.json'), 'utf8')) as { sentences: Sentence[] };
const docsDir = path.join(FIXTURES, 'people', 'dev', 'dev');

for (const s of sentences) {
  test(`${s.lang} ${s.document}: ${s.people.length > 0 ? s.people.join(', ') : 'no person'} in “${s.sentence.slice(0, 60)}…”`, () => {
    // the whole document is read, as the editor reads it; the sentence's mentions are compared
    const text = fs.readFileSync(path.join(docsDir, `${s.document}.txt`), 'utf8');
    const at = text.indexOf(s.sentence);
    assert.ok(at >= 0, 'the sentence is in its document');
    const found = detectPeople(text, { lang: s.lang }).filter((m) => m.start >= at && m.end <= at + s.sentence.length);
    assert.deepEqual(
      found.map((m) => m.text),
      s.people,
    );
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
  });
}

test('the sentences cover every language of the development set and several passes', () => {
  assert.deepEqual([...new Set(sentences.map((s) => s.lang))].sort(), ['ar', 'de', 'en', 'es', 'fr', 'it', 'pt', 'vi']);
  const kinds = new Set(sentences.flatMap((s) => s.kinds));
  for (const k of ['model', 'backref', 'full', 'titled']) assert.ok(kinds.has(k), `a sentence shows the ${k} pass`);
  assert.ok(
    sentences.some((s) => s.people.length === 0),
    'sentences with capitals and no person',
  );
});
