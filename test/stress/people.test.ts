// People detection on hostile inputs: it answers, never throws, and every mention
// lies inside the text with the text it names. (That it stays linear is measured by
// npm run bench, at 1 and 10 MB; no time is asserted here.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectPeople, groupMentions, PersonMention } from '../../server/src/people';

function sane(text: string, found: PersonMention[]): void {
  assert.ok(Array.isArray(found));
  for (const m of found) {
    assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end, `a mention inside the text: ${m.start}..${m.end}`);
    assert.equal(text.slice(m.start, m.end), m.text);
  }
  assert.ok(Array.isArray(groupMentions([found])));
}

test('a 1 MB line of capitalised words', () => {
  const words = ['Nguyen', 'Van', 'An', 'Paris', 'Macron', 'Biden', 'THE', 'Le', 'De', 'J.', 'R.'];
  let line = '';
  for (let i = 0; line.length < 1024 * 1024; i++) line += `${words[(i * 7) % words.length]} `;
  sane(line, detectPeople(line));
});

test('a 1 MB line of one capital letter and of capitals without blanks', () => {
  for (const text of ['A '.repeat(512 * 1024), 'ABCDEFGHIJ'.repeat(100 * 1024), 'É'.repeat(1024 * 1024)]) sane(text, detectPeople(text));
});

test('a document in all caps, in several languages', () => {
  const para = [
    'PRESIDENT EMMANUEL MACRON MET CHANCELLOR OLAF SCHOLZ IN BERLIN ON MONDAY, SAID THE SPOKESMAN MARIE DUPONT.',
    'LE PRÉSIDENT EMMANUEL MACRON A REÇU LE ROI FELIPE VI À L’ÉLYSÉE.',
    'CHỦ TỊCH NƯỚC LƯƠNG CƯỜNG TIẾP ĐẠI SỨ NHẬT BẢN ITO NAOKI TẠI HÀ NỘI.',
  ].join('\n');
  let text = '';
  while (text.length < 512 * 1024) text += `${para}\n`;
  sane(text, detectPeople(text));
  sane(text, detectPeople(text, { lang: 'fr' }));
});

test('100 000 one-word lines', () => {
  const words = ['Macron', 'said', 'Nguyễn', 'محمد', 'Biden', 'and', 'Dupont', 'Xi', 'el', 'presidente'];
  const lines: string[] = [];
  for (let i = 0; i < 100_000; i++) lines.push(words[i % words.length]);
  const text = lines.join('\n');
  sane(text, detectPeople(text));
});

test('100 000 Arabic words without punctuation, and 100 000 titles in a row', () => {
  const ar = 'قال الرئيس محمد بن سلمان إن الوزير عبد الله العبادي '.repeat(12_500);
  sane(ar, detectPeople(ar));
  const titles = 'President Minister Chairman General Director '.repeat(20_000);
  sane(titles, detectPeople(titles));
});
