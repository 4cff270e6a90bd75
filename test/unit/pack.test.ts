// Pack/unpack planning (pure): header lines that read back, the refusal of
// structural lines, the trailing line break rule (byte identity), path checks,
// stable order, language detection and date lifting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  compareCodePoints,
  detectLanguage,
  documentText,
  findStructuralLine,
  headerLine,
  liftDate,
  nameConflict,
  nameFromRelativePath,
  orderNames,
  packDocument,
  safeRelativePath,
  unpackedText,
} from '../../server/src/pack';
import { parseHeader } from '../../server/src/model/header';
import { computeDiagnostics, StreamLinter } from '../../server/src';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { DEFAULT_CONFIG } from '../../server/src/config';
import { SEEDS } from '../support/fixtures';

/** Reads a corpus text back into (name, text) pairs, as `corpus unpack` does. */
function unpackText(corpus: string): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const linter = new StreamLinter(DEFAULT_CONFIG, { onDocument: (d) => out.push({ name: d.name, text: unpackedText(d.text, d.facts.endLine) }) });
  linter.push(corpus);
  linter.end();
  return out;
}

function packAll(files: { name: string; text: string }[]): string {
  const order = orderNames(files.map((f) => f.name));
  assert.ok(order.ok);
  return order.value
    .map((name) => {
      const doc = packDocument(name, files.find((f) => f.name === name)?.text ?? '');
      assert.ok(doc.ok, doc.ok ? '' : doc.error);
      return documentText(doc.value);
    })
    .join('');
}

test('header lines read back as exactly the name, quoted when needed', () => {
  for (const name of ['a.txt', 'Tô Lâm visit.txt', 'sub/dir/x.txt', 'a>', 'a>>', 'x>>>y', 'say "hi".txt', 'back\\slash', 'tab\there', '"', '🇻🇳.txt']) {
    const h = headerLine(name);
    assert.ok(h.ok, name);
    const parsed = parseHeader(h.value);
    assert.equal(parsed.fault, undefined, `${name}: ${h.value}`);
    assert.equal(parsed.name, name);
  }
  assert.equal((headerLine('Tô Lâm visit.txt') as { value: string }).value, '<<<FILE "Tô Lâm visit.txt">>>');
  assert.equal(
    (
      headerLine('a.txt', [
        { key: 'lang', value: 'fr' },
        { key: 'date', value: '2024-08-29' },
      ]) as { value: string }
    ).value,
    '<<<FILE a.txt lang=fr date=2024-08-29>>>',
  );
  const bad = headerLine('two\nlines');
  assert.ok(!bad.ok && /line break/.test(bad.error));
  assert.ok(!headerLine('').ok);
});

test('a text with a line that reads as structure is refused, naming the file and the line', () => {
  for (const line of ['<<<FILE x>>>', ' <<<FILE x>>>', '<<<file x>>>', '<<FILE x>>>', '<<<< FILE x', '<<<END>>>', '<<<END>>>  ']) {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `first${eol}second${eol}${line}${eol}after`;
      assert.deepEqual(findStructuralLine(text), { line: 3, text: line }, JSON.stringify(text));
      const r = packDocument('doc.txt', text);
      assert.ok(!r.ok);
      assert.match(r.error, /^doc\.txt, line 3: /);
    }
  }
  for (const ok of ['a << b', '<<<ENDING>>>', 'x <<<FILE y>>>', '<<<END>>> then text', '']) assert.equal(findStructuralLine(ok), undefined, ok);
});

test('pack then unpack gives back the texts exactly: empty, no final newline, CRLF, lone CR, final CR', () => {
  const files = [
    { name: 'a.txt', text: '' },
    { name: 'b.txt', text: 'no newline' },
    { name: 'c.txt', text: 'crlf\r\nlines\r\n' },
    { name: 'd.txt', text: 'ends with CR\r' },
    { name: 'e.txt', text: '\n\n\n' },
    { name: 'f.txt', text: ' date 2024-12-12 x\nbody\n\n' },
    { name: 'g.txt', text: '\ufeffwith a BOM' },
    { name: 'h h.txt', text: 'lone\rcr\r' },
  ];
  const corpus = packAll(files);
  assert.deepEqual(unpackText(corpus), files);
  // The packed corpus has no structural problem.
  const codes = computeDiagnostics(CorpusModel.parse(corpus), DEFAULT_CONFIG).map((d) => d.code);
  assert.ok(!codes.some((c) => ['malformed-header', 'text-outside-document', 'stray-end', 'duplicate-name'].includes(c)), codes.join());
});

test('property: pack then unpack is byte-identical for any texts without structural lines', () => {
  const piece = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r', ' date 2024-01-01', '<<', 'é', '👋', '\u0000'));
  const textArb = fc
    .array(piece, { maxLength: 12 })
    .map((p) => p.join(''))
    .filter((t) => findStructuralLine(t) === undefined);
  const filesArb = fc.uniqueArray(fc.record({ name: fc.stringMatching(/^[a-z0-9 ._-]{1,12}$/).filter((n) => n.trim() !== ''), text: textArb }), { selector: (f) => f.name, maxLength: 6 });
  fc.assert(
    fc.property(filesArb, (files) => {
      const corpus = packAll(files);
      const back = unpackText(corpus);
      const sorted = files.map((f) => ({ name: f.name, text: f.text })).sort((a, b) => compareCodePoints(a.name, b.name));
      assert.deepEqual(back, sorted);
    }),
    { numRuns: 400 },
  );
});

test('hand-written CRLF corpora lose exactly one CRLF per document; end lines end the text', () => {
  assert.deepEqual(unpackText('<<<FILE a>>>\r\none\r\ntwo\r\n<<<FILE b>>>\r\nthree\r\n\r\n'), [
    { name: 'a', text: 'one\r\ntwo' },
    { name: 'b', text: 'three\r\n' },
  ]);
  assert.deepEqual(unpackText('<<<FILE a>>>\nx\n<<<END>>>\n\n<<<FILE b>>>'), [
    { name: 'a', text: 'x' },
    { name: 'b', text: '' },
  ]);
});

test('the five seed articles pack and unpack byte for byte', () => {
  const files = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(SEEDS, name), 'utf8') }));
  assert.equal(files.length, 5);
  assert.deepEqual(unpackText(packAll(files)), files);
});

test('names: relative paths with "/", stable code-point order, duplicates refused', () => {
  assert.equal(nameFromRelativePath('sub\\dir/./x.txt'), 'sub/dir/x.txt');
  // Code-point order puts an astral character after U+FFFD (UTF-16 order would not).
  const order = orderNames(['b', '\ufffd', '😀', 'a', 'B']);
  assert.ok(order.ok);
  assert.deepEqual(order.value, ['B', 'a', 'b', '\ufffd', '😀']);
  const dup = orderNames(['x.txt', 'y.txt', 'x.txt']);
  assert.ok(!dup.ok && /x\.txt/.test(dup.error));
});

test('unsafe names are refused before anything is written', () => {
  for (const name of ['/etc/passwd', '../up.txt', 'a/../../b', 'C:\\x.txt', 'c:x', 'a\\b', '', 'a//b', './a', 'a/', 'nul\u0000']) {
    const r = safeRelativePath(name);
    assert.ok(!r.ok, name);
    assert.match(r.error, /nothing was written/);
  }
  assert.deepEqual(safeRelativePath('sub/dir/x y.txt'), { ok: true, value: ['sub', 'dir', 'x y.txt'] });
  assert.match(nameConflict(['a', 'b', 'a']) ?? '', /Two documents/);
  assert.match(nameConflict(['a', 'a/b']) ?? '', /both a document and the folder/);
  assert.equal(nameConflict(['a/b', 'a/c', 'b']), undefined);
});

test('language detection: the seeds, and nothing when unsure', () => {
  const lang = (f: string): string | undefined => detectLanguage(fs.readFileSync(path.join(SEEDS, f), 'utf8'));
  const names = fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  assert.deepEqual(names.map(lang), ['en', 'fr', 'fr', 'en', 'ar']);
  assert.equal(detectLanguage('Chủ tịch nước Lương Cường đã có buổi làm việc với Bộ Ngoại giao về những thành tựu của ngành'), 'vi');
  assert.equal(detectLanguage('El presidente se reunió con los ministros para hablar de la economía y del futuro del país, como se esperaba'), 'es');
  assert.equal(detectLanguage('short'), undefined);
  assert.equal(detectLanguage('1234 5678 9012 3456 7890 1234 5678 9012 3456 xxxx yyyy zzzz wwww'), undefined);
});

test('lifting a first-line date into date= (and --lang) changes the header, not the structure', () => {
  assert.deepEqual(liftDate(' date 2024-12-12 HÀ NỘI — text\nmore'), { date: '2024-12-12', text: 'HÀ NỘI — text\nmore' });
  assert.deepEqual(liftDate('\n date 2024-12\r\nbody'), { date: '2024-12', text: '\nbody' });
  assert.equal(liftDate('Date 2024-12-12 x'), undefined);
  assert.equal(liftDate('date 2024-13-01 x'), undefined);
  assert.equal(liftDate('text first\n date 2024-12-12'), undefined);
  const doc = packDocument('a.txt', ' date 2024-12-12 The president of the country said that the ministry has done well and the work of the year is good.', { liftDate: true, lang: true });
  assert.ok(doc.ok);
  assert.equal(doc.value.header, '<<<FILE a.txt date=2024-12-12 lang=en>>>');
  assert.equal(doc.value.text.startsWith('The president'), true);
  // A lifted date that would leave a header-like line at a line start is refused.
  const sneaky = packDocument('s.txt', ' date 2024-12-12 <<<FILE x>>>', { liftDate: true });
  assert.ok(!sneaky.ok && /line 1/.test(sneaky.error));
});
