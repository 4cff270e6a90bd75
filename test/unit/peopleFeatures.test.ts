// People in the editor's features, at the service level: hover, same-person
// mentions, semantic tokens, outline children, the People view, the people-file
// edit, escaping, and the cache that keeps ranges right after edits above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../../server/src/model/corpusModel';
import {
  addToPeopleFile,
  KnownPeople,
  NO_KNOWN_PEOPLE,
  outlinePeople,
  peopleView,
  personHover,
  personTokens,
  samePersonMentions,
  unknownPersonAt,
  indexPeople,
} from '../../server/src/features/people';
import { parsePeopleFile } from '../../server/src/people';
import { FIXTURES, SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const known: KnownPeople = { version: 1, people: parsePeopleFile(fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8')).people, notPeople: [] };

function at(text: string, needle: string, offset = 0) {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i, character: c + offset };
  }
  throw new Error(`${needle} not found`);
}

test('hover on "Cường" in "President Cường": Lương Cường, spellings, documents 000, 001 and 003', () => {
  const m = CorpusModel.parse(seedsText);
  const h = personHover(m, 'file:///w/seeds.corpus', at(seedsText, 'President Cường', 11), NO_KNOWN_PEOPLE);
  assert.ok(h);
  assert.match(h.markdown, /^\*\*Lương Cường\*\*/);
  assert.match(h.markdown, /Luong Cuong/);
  assert.match(h.markdown, /Mentions: \d+ in this document, 8 in this file/);
  const docs = [...h.markdown.matchAll(/\[(\d{3})\\_/g)].map((x) => x[1]);
  assert.deepEqual(docs, ['000', '001', '003']);
  assert.equal(m.getTextRange(h.range), 'Cường');
});

test('hover on "فام مينه تشينه" shows Phạm Minh Chính through the people file', () => {
  const m = CorpusModel.parse(seedsText);
  const h = personHover(m, 'file:///w/seeds.corpus', at(seedsText, 'فام مينه تشينه', 2), known);
  assert.match(h?.markdown ?? '', /^\*\*Phạm Minh Chính\*\* \(from your people file\)\n\nPrime Minister of Viet Nam/);
  const without = personHover(m, 'file:///w/seeds.corpus', at(seedsText, 'فام مينه تشينه', 2), NO_KNOWN_PEOPLE);
  assert.match(without?.markdown ?? '', /^\*\*فام مينه تشينه\*\*/);
});

test('same-person mentions, semantic tokens and outline children', () => {
  const m = CorpusModel.parse(seedsText);
  const same = samePersonMentions(m, at(seedsText, 'Lương Cường', 1), known);
  assert.equal(same?.mentions.length, 8);
  assert.ok(same?.mentions.every((x) => /^(Lương Cường|Luong Cuong|Cường)$/.test(m.getTextRange(x.range))));
  const tokens = personTokens(m, known, 0, m.lineCount);
  assert.ok(tokens.length >= 25);
  assert.ok(tokens.every((r) => r.start.line === r.end.line));
  const first = outlinePeople(m, m.documents[0], known);
  assert.equal(first[0].name, 'Lương Cường');
  assert.match(first[0].detail, /^2 mentions · State President/);
  const view = peopleView(m, known);
  assert.deepEqual(
    view.slice(0, 2).map((p) => [p.name, p.count, p.documents]),
    [
      ['Lương Cường', 8, 3],
      ['Tô Lâm', 7, 2],
    ],
  );
});

test('cached mentions keep the right ranges after lines are added above', () => {
  const m = CorpusModel.parse(seedsText);
  const before = samePersonMentions(m, at(seedsText, 'Luong Cuong', 1), known)?.mentions.map((x) => m.getTextRange(x.range));
  m.applyEdit(0, 0, '\n\n');
  const moved = at('\n\n' + seedsText, 'Luong Cuong', 1);
  const after = samePersonMentions(m, moved, known)?.mentions.map((x) => m.getTextRange(x.range));
  assert.deepEqual(after, before);
  const idx = indexPeople(m, known);
  assert.ok(idx.every((x) => /\S/.test(m.getTextRange(x.range))));
});

test('corpus text and people-file text in a hover are escaped', () => {
  const evil: KnownPeople = {
    version: 9,
    people: [{ name: 'Nguyễn Văn An', aliases: [], description: '[click](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold**' }],
    notPeople: [],
  };
  const text = '<<<FILE "[x](command:evil).txt" date=2024-01-01>>>\nÔng Nguyễn Văn An nói.\n';
  const m = CorpusModel.parse(text);
  const h = personHover(m, 'file:///w/x.corpus', { line: 1, character: 6 }, evil);
  assert.ok(h);
  assert.ok(!h.markdown.includes('<img'), h.markdown);
  assert.ok(!/[^\\]\[click\]\(command:/.test(h.markdown));
  assert.ok(!/\]\(command:/.test(h.markdown.replace(/\\\]\\\(command:/g, '')));
});

test('"Add to people file": a new file, and an entry appended to an existing one', () => {
  const m = CorpusModel.parse(seedsText);
  const person = unknownPersonAt(m, at(seedsText, 'Lê Hoài Trung', 1), known);
  assert.equal(person?.name, 'Lê Hoài Trung');
  const created = addToPeopleFile(undefined, { name: 'Lê Hoài Trung', aliases: ['Le Hoai Trung'] });
  assert.deepEqual(JSON.parse(created[0].text), { people: [{ name: 'Lê Hoài Trung', aliases: ['Le Hoai Trung'] }] });
  const existing = fs.readFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), 'utf8');
  let text = existing;
  for (const e of addToPeopleFile(existing, { name: 'Lê Hoài Trung', aliases: ['Lê Hoài Trung'] }).sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  const parsed = parsePeopleFile(text);
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.people.length, known.people.length + 1);
  assert.deepEqual(parsed.people[parsed.people.length - 1], { name: 'Lê Hoài Trung' });
  assert.equal(unknownPersonAt(m, at(seedsText, 'Lương Cường', 1), known), undefined, 'known people are not offered');
});
