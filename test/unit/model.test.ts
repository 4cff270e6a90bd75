// The model: positions in UTF-16 with diacritics, Arabic, emoji, CRLF, lone CR and
// a BOM; and incremental edits that must give exactly the model of a fresh parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { readFixture } from '../support/fixtures';

test('the text round-trips and lines are counted like LSP', () => {
  for (const text of ['', '\n', 'a', 'a\n', 'a\r\nb', 'a\rb\r', '\r\n\r\n', '<<<FILE a>>>', '<<<FILE a>>>\n', '\ufeff<<<FILE a>>>\r\nx\r\n']) {
    const m = CorpusModel.parse(text);
    assert.equal(m.getText(), text);
    assert.equal(m.lineCount, text.split(/\r\n|\r|\n/).length, JSON.stringify(text));
  }
});

test('positions are UTF-16 columns, with diacritics, Arabic and emoji', () => {
  const text = readFixture('unicode', 'positions.corpus');
  const m = CorpusModel.parse(text);
  const diags = computeDiagnostics(m, DEFAULT_CONFIG);
  // Each diagnostic covers exactly the text it names.
  const named = diags.map((d) => `${d.code}:${m.getTextRange(d.range)}`);
  assert.deepEqual(named.sort(), ['control-character:\u0001', 'duplicate-name:"Tô Lâm 🇻🇳.txt"', 'invalid-date:٢٠٢٤-١٢-١٢', 'replacement-character:\ufffd']);
  const cc = diags.find((d) => d.code === 'control-character');
  assert.ok(cc);
  // Line 5: "Phạm Minh Chính 👋\u0001": the control character sits after an emoji (two UTF-16 units).
  assert.equal(cc.range.start.line, 4);
  assert.equal(cc.range.start.character, 'Phạm Minh Chính 👋'.length);
  for (const d of diags) {
    const a = m.offsetAt(d.range.start);
    assert.deepEqual(m.positionAt(a), d.range.start);
  }
});

test('CRLF, lone CR and a BOM: documents and ranges stay right', () => {
  const text = '\ufeff<<<FILE a.txt>>>\r\ndate 2024-12-1 x\r\n<<<FILE b.txt date=2024-01-01>>>\rbody\r<<<END>>>\r';
  const m = CorpusModel.parse(text);
  assert.deepEqual(
    m.documents.map((d) => d.name),
    ['a.txt', 'b.txt'],
  );
  const diags = computeDiagnostics(m, DEFAULT_CONFIG).map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}:${m.getTextRange(d.range)}`);
  assert.deepEqual(diags, ['invalid-date@1:5:2024-12-1', 'unterminated-document@0:9:a.txt']);
  assert.deepEqual(foldingRanges(m), [
    { startLine: 0, endLine: 1 },
    { startLine: 2, endLine: 4 },
  ]);
  assert.equal(m.documents[0].nameRange.start.character, 9, 'the BOM counts as one column, as in the text the client sent');
});

test('offsetAt clamps positions past a line end, before a line break, and past the end', () => {
  const m = CorpusModel.parse('ab\r\ncd');
  assert.equal(m.offsetAt({ line: 0, character: 99 }), 2);
  assert.equal(m.offsetAt({ line: 0, character: 3 }), 2);
  assert.equal(m.offsetAt({ line: 5, character: 0 }), 6);
  assert.equal(m.offsetAt({ line: -1, character: -5 }), 0);
  assert.equal(m.offsetAt({ line: 1, character: 1.5 }), 5);
  assert.deepEqual(m.positionAt(1e9), { line: 1, character: 2 });
});

/** Everything a feature can see, as plain data, to compare models. */
function snapshot(m: CorpusModel): unknown {
  return {
    text: m.getText(),
    lines: m.lineCount,
    diagnostics: computeDiagnostics(m, DEFAULT_CONFIG),
    symbols: documentSymbols(m),
    folding: foldingRanges(m),
  };
}

const PIECES = [
  '<<<FILE a.txt>>>',
  '<<<FILE b.txt date=2024-02-30>>>',
  '<<<END>>>',
  ' date 2024-12',
  'date 2024-12-1',
  '<<<file x>>>',
  ' <<<FILE y>>>',
  'Lương Cường',
  'فام مينه تشينه',
  '👋🏽',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  'text',
  '\u0000',
  '\ufffd',
  '<<',
  '<',
  '>>>',
  'FILE',
  '"q',
];

const textArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join(''));
const editArb = fc.record({ a: fc.nat(), b: fc.nat(), t: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((x) => x.join('')) });

test('incremental edits give exactly the model of a fresh parse (property)', () => {
  fc.assert(
    fc.property(textArb, fc.array(editArb, { minLength: 1, maxLength: 12 }), (text, edits) => {
      const m = CorpusModel.parse(text);
      let expected = text;
      for (const e of edits) {
        const a = e.a % (expected.length + 1);
        const b = a + (e.b % (expected.length - a + 1));
        m.applyEdit(a, b, e.t);
        expected = expected.slice(0, a) + e.t + expected.slice(b);
      }
      assert.deepEqual(snapshot(m), snapshot(CorpusModel.parse(expected)));
    }),
    { seed: 20261125, numRuns: 400 },
  );
});

test('an edit inside one document leaves the other documents untouched', () => {
  const docs = Array.from({ length: 50 }, (_, i) => `<<<FILE d${i}.txt date=2024-01-01>>>\nText ${i}.\n`).join('');
  const m = CorpusModel.parse(docs);
  const before = m.documents.map((d) => d.facts);
  const off = m.offsetAt({ line: 51, character: 2 });
  m.applyEdit(off, off, 'x');
  const after = m.documents.map((d) => d.facts);
  const same = after.filter((f, i) => f === before[i]).length;
  // Document 25 (edited) and its neighbour before it are analysed again; the other 48 keep their analysis.
  assert.equal(same, 48);
});
