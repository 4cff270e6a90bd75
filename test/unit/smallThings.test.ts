// Small things a user meets (issue 12, point 8): the outline after a lone date line,
// and the order of a hover's "Elsewhere" list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, CorpusModel, OpenDocuments } from '../../server/src';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { Float64List, Int32List } from '../../server/src/model/growable';
import { memoryFileSystem } from '../support/memoryFileSystem';

test('outline: a date line that stands alone is followed by the first words of the next non-blank line', () => {
  const m = CorpusModel.parse(
    [
      '<<<FILE a.txt>>>',
      'date 2024-05-01',
      'Hà Nội — Chủ tịch nước tiếp Đại sứ.',
      '<<<FILE b.txt lang=ar>>>',
      '  date 2024-05-02  ',
      '',
      '   ',
      'القاهرة — قال الرئيس 😀 اليوم',
      '<<<FILE c.txt>>>',
      'date 2024-05-03',
      '<<<END>>>',
      '<<<FILE d.txt>>>',
      'date 2024-05-04 Words on the date line.',
      'Not these.',
      '<<<FILE e.txt>>>',
      'date 2024-05-05',
      '',
      '<<<FILE f.txt>>>',
      'Plain first line.',
      '',
    ].join('\r\n'),
  );
  assert.deepEqual(
    documentSymbols(m).map((s) => s.detail),
    [
      '2024-05-01 · Hà Nội — Chủ tịch nước tiếp Đại sứ.',
      '2024-05-02 · ar · القاهرة — قال الرئيس 😀 اليوم',
      // An end line is not text of the document, nor is the next document.
      '2024-05-03',
      '2024-05-04 · Words on the date line.',
      '2024-05-05',
      'no date · Plain first line.',
    ],
  );
});

test('outline: the first words follow an edit that splits the date line from the text', () => {
  const m = CorpusModel.parse('<<<FILE a.txt>>>\nFirst words here.\n');
  // What the missing-date quick fix writes: a date line of its own above the text.
  m.applyEdit(17, 17, 'date 2024-05-01\n');
  assert.equal(documentSymbols(m)[0].detail, '2024-05-01 · First words here.');
});

function openDocuments(): OpenDocuments & { models: Map<string, CorpusModel> } {
  const models = new Map<string, CorpusModel>();
  return { models, get: (uri) => models.get(uri), uris: () => models.keys() };
}

test("hover: the other files of a person's mentions are listed by workspace path, whatever was opened and closed", async () => {
  const mention = (name: string) => `<<<FILE ${name}.txt date=2024-12-13>>>\nChủ tịch nước Lương Cường tiếp Đại sứ.\n`;
  const files: Record<string, string> = {
    'file:///w/zeta.corpus': mention('zeta'),
    'file:///w/alpha.corpus': mention('alpha'),
    'file:///w/b/%C3%A9t%C3%A9.corpus': mention('ete'),
    'file:///w/b/beta.corpus': mention('beta'),
    'file:///w/main.corpus': mention('main'),
  };
  const documents = openDocuments();
  const service = createLanguageService({ fileSystem: memoryFileSystem(files), documents });
  service.setWorkspaceFolders(['file:///w']);
  await service.start();
  await service.idle();
  const main = 'file:///w/main.corpus';
  const order = () => {
    const h = service.hover(main, { line: 1, character: 16 });
    assert.ok(h);
    const line = h.markdown.split('\n\n').find((l) => l.startsWith('Elsewhere: '));
    assert.ok(line, h.markdown);
    return [...line.matchAll(/\]\((file:[^)#]+)#L\d+\)/g)].map((x) => x[1]);
  };
  const expected = ['file:///w/alpha.corpus', 'file:///w/b/beta.corpus', 'file:///w/b/%C3%A9t%C3%A9.corpus', 'file:///w/zeta.corpus'];
  documents.models.set(main, CorpusModel.parse(files[main]));
  service.documentOpened(main);
  assert.deepEqual(order(), expected);
  // Open the last and the first in another order, close one: the list stays the same.
  for (const uri of ['file:///w/zeta.corpus', 'file:///w/b/beta.corpus']) {
    documents.models.set(uri, CorpusModel.parse(files[uri]));
    service.documentOpened(uri);
  }
  assert.deepEqual(order(), expected);
  documents.models.delete('file:///w/zeta.corpus');
  service.documentClosed('file:///w/zeta.corpus');
  await service.idle();
  assert.deepEqual(order(), expected);
});

test('growable lists keep every value past their first storage, and 53-bit integers exactly', () => {
  const ints = new Int32List(2);
  for (let i = 0; i < 5000; i++) ints.push(i % 2 === 0 ? i : -i);
  assert.equal(ints.length, 5000);
  assert.equal(ints.get(4999), -4999);
  assert.equal(ints.get(4998), 4998);
  const doubles = new Float64List(1);
  const big = 2 ** 53 - 1;
  for (let i = 0; i < 100; i++) doubles.push(big - i);
  assert.equal(doubles.get(0), big);
  assert.equal(doubles.get(99), big - 99);
  doubles.clear();
  assert.equal(doubles.length, 0);
  doubles.push(7);
  assert.equal(doubles.get(0), 7);
});
