// The people of a large open file, read in the background a document at a time
// (features/people/pass.ts) and kept per document: after the pass, and after any
// edit, the persons and mentions equal those of a fresh read of every document
// (differential), and a request reads no more than the document under the cursor;
// a large file that is not open is read whole for the workspace index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { filePeople, KnownPeople, peopleDone, peoplePassRead, peopleStep, peopleView, personHover, readAllPeople, samePersonMentions, SYNC_FILE_LIMIT } from '../../server/src/features/people';
import { detectPeople, groupMentions, parsePeopleFile } from '../../server/src/people';
import { createLanguageService, OpenDocuments } from '../../server/src';
import { memoryFileSystem } from '../support/memoryFileSystem';
import { FIXTURES, SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const OTHER = '<<<FILE other.txt date=2024-12-13>>>\nChủ tịch nước Lương Cường tiếp Đại sứ.\n';
const known: KnownPeople = { version: 1, people: parsePeopleFile(fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8')).people, notPeople: [] };

/** The seed articles repeated under new names until the file is past the size read at once. */
function largeCorpus(copies: number): string {
  const parts: string[] = [];
  for (let k = 0; k < copies; k++) parts.push(seedsText.replace(/<<<FILE (\d{3})_/g, (_, n: string) => `<<<FILE ${String(k).padStart(2, '0')}${n}_`));
  return parts.join('');
}

/** The persons of a fresh model, every body read whole (what the command line does). */
function fresh(text: string): ReturnType<typeof groupMentions> {
  const m = CorpusModel.parse(text);
  return groupMentions(
    m.documents.map((d) => detectPeople(m.body(d.index).text, { known: [...known.people], lang: d.facts.lang })),
    [...known.people],
  );
}

function runPass(m: CorpusModel): number {
  let steps = 0;
  // A deadline already past: one document per step, the smallest slice there is.
  while (!peopleStep(m, known, 0)) steps++;
  return steps;
}

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const at = (text: string, needle: string, from = 0) => {
  const i = text.indexOf(needle, from);
  assert.ok(i >= 0, needle);
  return i;
};

test('a large file: requests answer from the documents read so far; the pass reads the rest, one document per step', () => {
  const text = largeCorpus(4);
  assert.ok(text.length > SYNC_FILE_LIMIT);
  const m = CorpusModel.parse(text);
  const pos = m.positionAt(at(text, 'Lương Cường'));
  const early = personHover(m, 'file:///w/big.corpus', pos, known);
  assert.ok(early);
  assert.match(early.markdown, /still reading the file: 1 of 20 documents/);
  assert.equal(filePeople(m, known)?.detected, 1);
  assert.ok(!peopleDone(m, known));
  const steps = runPass(m);
  assert.ok(steps >= 18, `${steps} steps`);
  assert.ok(peopleDone(m, known) && peoplePassRead(m));
  const file = filePeople(m, known);
  assert.equal(file?.detected, 20);
  assert.deepEqual(file?.persons, fresh(text));
  const late = personHover(m, 'file:///w/big.corpus', pos, known);
  assert.doesNotMatch(late?.markdown ?? '', /still reading/);
  assert.match(late?.markdown ?? '', /Mentions: 2 in this document, 32 in this file/);
  assert.equal(samePersonMentions(m, pos, known)?.mentions.length, 32);
  assert.equal(peopleView(m, known)[0].count, 32);
});

test('after the pass, every edit gives the persons of a fresh read (differential); the pass reads only what the edit replaced', () => {
  let text = largeCorpus(4);
  const m = CorpusModel.parse(text);
  runPass(m);
  const random = rng(13);
  const snippets = ['x', ' Ông Nguyễn Văn An nói. ', '\n', '\n<<<FILE 99_new.txt>>>\nTổng thống Lương Cường.\n', '', 'Cường'];
  for (let round = 0; round < 15; round++) {
    const a = Math.floor(random() * text.length);
    const b = Math.min(text.length, a + (random() < 0.5 ? 0 : Math.floor(random() * 400)));
    const insert = snippets[Math.floor(random() * snippets.length)];
    m.applyEdit(a, b, insert);
    text = text.slice(0, a) + insert + text.slice(b);
    const steps = runPass(m);
    assert.ok(steps <= 4, `round ${round}: ${steps} steps after one edit`);
    assert.deepEqual(filePeople(m, known)?.persons, fresh(text), `round ${round}`);
  }
  assert.equal(m.getText(), text);
});

test('typing outside names keeps the grouping of the file as it was; typing in a name groups again (differential)', () => {
  let text = largeCorpus(4);
  const m = CorpusModel.parse(text);
  runPass(m);
  const before = filePeople(m, known);
  // a letter typed into a word that is no name, then taken out again: the same grouping, not grouped again
  const at = text.indexOf(' the ') + 4;
  for (const [a, b, insert] of [
    [at, at, 'x'],
    [at, at + 1, ''],
  ] as const) {
    m.applyEdit(a, b, insert);
    text = text.slice(0, a) + insert + text.slice(b);
    const file = filePeople(m, known);
    assert.equal(file, before, 'kept');
    assert.deepEqual(file?.persons, fresh(text));
  }
  // keystrokes anywhere, each followed by a request before the pass has run: always a fresh read's persons
  const random = rng(29);
  let kept = 0;
  for (let round = 0; round < 30; round++) {
    const a = Math.floor(random() * text.length);
    const b = random() < 0.3 ? Math.min(text.length, a + 1) : a;
    const insert = ['x', 'a', ' ', 'Cường', '', 'Lâm'][Math.floor(random() * 6)];
    const last = filePeople(m, known);
    m.applyEdit(a, b, insert);
    text = text.slice(0, a) + insert + text.slice(b);
    const file = filePeople(m, known);
    if (file === last) kept++;
    assert.deepEqual(file?.persons, fresh(text), `round ${round}`);
  }
  assert.ok(kept > 0, 'some keystrokes keep the grouping');
});

test('edits between the steps of the pass: it ends with the persons of a fresh read (differential)', () => {
  let text = largeCorpus(4);
  const m = CorpusModel.parse(text);
  const random = rng(7);
  for (let round = 0; round < 12; round++) {
    for (let s = 0; s < 3; s++) peopleStep(m, known, 0);
    const a = Math.floor(random() * text.length);
    const b = Math.min(text.length, a + Math.floor(random() * 2000));
    const insert = random() < 0.3 ? '\n<<<FILE 98_x.txt>>>\nBà Phạm Thị Lan.\n' : 'Lâm';
    m.applyEdit(a, b, insert);
    text = text.slice(0, a) + insert + text.slice(b);
  }
  runPass(m);
  assert.deepEqual(filePeople(m, known)?.persons, fresh(text));
});

test('a file that is not open is read at once for the workspace index', () => {
  const text = largeCorpus(4);
  const m = CorpusModel.parse(text);
  readAllPeople(m, known);
  assert.deepEqual(filePeople(m, known)?.persons, fresh(text));
  assert.ok(peopleStep(m, known, 0) && !peoplePassRead(m), 'nothing left for a pass to read');
});

test('the service: a large file on disk is indexed whole; a large open file is read by its pass, which says so once', async () => {
  const big = largeCorpus(4);
  const mem = memoryFileSystem({ 'file:///w/big.corpus': big, 'file:///w/team.people.json': fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8') });
  const models = new Map<string, CorpusModel>();
  const documents: OpenDocuments = { get: (uri) => models.get(uri), uris: () => models.keys() };
  const changes: string[] = [];
  const service = createLanguageService({ fileSystem: mem, documents, onChange: (e) => changes.push(`${e.kind} ${e.uri}`) });
  service.setWorkspaceFolders(['file:///w']);
  const small = 'file:///w/small.corpus';
  models.set(small, CorpusModel.parse(OTHER));
  service.documentOpened(small);
  await service.start();
  await service.idle();
  // 32 mentions in the file on disk, past the size read on request.
  assert.match(service.hover(small, { line: 1, character: 16 })?.markdown ?? '', /1 in this file, 33 in the workspace/);
  assert.equal(service.references(small, { line: 1, character: 16 }).filter((r) => r.uri === 'file:///w/big.corpus').length, 32);
  // Opened: its pass reads it (started by the first diagnostics, as the adapter computes them).
  const open = 'file:///w/big.corpus';
  const model = CorpusModel.parse(big);
  models.set(open, model);
  service.documentOpened(open);
  const { config } = await service.configFor(open);
  service.diagnostics(open, config, { text: 'cached' });
  await service.idle();
  assert.deepEqual(
    changes.filter((c) => c.startsWith('people')),
    [`people ${open}`],
  );
  assert.equal(service.references(small, { line: 1, character: 16 }).filter((r) => r.uri === open).length, 32);
  // An edit whose document a request read first: the pass reads nothing, so it says nothing.
  const i = big.indexOf('Lương Cường');
  model.applyEdit(i, i, 'Ông ');
  assert.equal(service.semanticTokens(open, 0, 5).length > 0, true);
  service.diagnostics(open, config, { text: 'cached' });
  await service.idle();
  assert.equal(changes.filter((c) => c.startsWith('people')).length, 1);
  // One the requests did not read: the pass reads it and says so.
  const j = big.lastIndexOf('Lương Cường');
  model.applyEdit(j, j, 'Ông ');
  service.diagnostics(open, config, { text: 'cached' });
  await service.idle();
  assert.equal(changes.filter((c) => c.startsWith('people')).length, 2);
});
