// The streaming validator must give exactly the diagnostics of the whole-text
// model, in the same order, whatever the chunk boundaries: differential tests
// over hand-picked cases and random corpora cut at random places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { computeDiagnostics, CorpusConfig, CorpusModel, DEFAULT_CONFIG, StreamLinter, streamLintText } from '../../server/src';
import { documentSymbols, symbolDetail } from '../../server/src/features/documentSymbols';
import { FIXTURES, SEEDS } from '../support/fixtures';

function expected(text: string, config: CorpusConfig = DEFAULT_CONFIG) {
  return computeDiagnostics(CorpusModel.parse(text), config, undefined, { text: true });
}

function assertSame(text: string, chunks: number[], config: CorpusConfig = DEFAULT_CONFIG): void {
  assert.deepEqual(streamLintText(text, config, chunks), expected(text, config), `${JSON.stringify(text.slice(0, 300))} cut by ${JSON.stringify(chunks)}`);
}

const CASES: string[] = [
  '',
  '\n',
  '\r',
  '\r\n',
  'stray text',
  '\ufeff<<<FILE a.txt>>>\r\ndate 2024-12-1 x\r\n<<<FILE b.txt date=2024-01-01>>>\rbody\r<<<END>>>\r',
  '\ufeff',
  '\ufefftext before\n<<<FILE a>>>\n',
  '<<<FILE a>>>',
  '<<<FILE a>>>\n date 2024-12 x\n<<<FILE a>>>\nDate 2024-01-01\n<<<END>>>\n\n',
  'x\n<<<END>>>\n<<<FILE a>>>\n<<<END>>>\nafter\n<<<END>>>\n',
  ' <<<FILE x>>>\n<<<file y>>>\n<<FILE z>>>\n<<<FILEx>>>\n<<<FILE "a b" lang=english source=x title="" k=v k=w>>>\n',
  '<<<FILE a>>>\r\n\u0001\ufffd\u0000 text\r\n<<<FILE>>>\r\n',
  '<<<FILE a>>>\r\r\n\r<<<FILE b>>>\n\r\n',
  '<<<FILE "Tô Lâm 🇻🇳.txt">>>\ndate ٢٠٢٤-١٢-١٢\n<<<FILE "Tô Lâm 🇻🇳.txt">>>\n',
];

test('hand-picked texts: the same diagnostics for every chunk size from 1 to 7 and whole', () => {
  for (const text of CASES) {
    for (const size of [1, 2, 3, 5, 7, 1 << 20]) assertSame(text, [size]);
  }
});

test('a CRLF split between two chunks is one line break', () => {
  const text = '<<<FILE a>>>\r\nbody\r\n<<<FILE b>>>\r\n date 2024\r\n';
  for (let cut = 1; cut < text.length; cut++) assertSame(text, [cut, text.length]);
  // A lone CR at a chunk's end, and the next chunk starting with a header.
  assert.deepEqual(streamLintText('<<<FILE a>>>\rx\r<<<FILE b>>>\r', DEFAULT_CONFIG, [15, 100]), expected('<<<FILE a>>>\rx\r<<<FILE b>>>\r'));
});

test('the seeds and the fixtures of every code: the same diagnostics, under a configuration too', () => {
  const texts: string[] = [fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8')];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (e.name.endsWith('.corpus')) texts.push(fs.readFileSync(path.join(d, e.name), 'utf8'));
    }
  };
  walk(FIXTURES);
  assert.ok(texts.length > 5);
  const config: CorpusConfig = { rules: { 'missing-date': 'off', 'partial-date': 'hint', 'duplicate-name': 'error' }, attributes: ['k', 'author'], dateStyle: 'line', dateFixes: 'preferred' };
  for (const text of texts) {
    assertSame(text, [4096]);
    assertSame(text, [1, 13, 64]);
    assertSame(text, [97], config);
  }
});

test('documents are reported in order with their outline facts', () => {
  const text = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
  const seen: string[] = [];
  let total = 0;
  const linter = new StreamLinter(DEFAULT_CONFIG, {
    onDocument: (d) => {
      seen.push(`${d.name} (${symbolDetail(d.facts)})`);
      total += d.length;
    },
  });
  for (let i = 0; i < text.length; i += 1000) linter.push(text.slice(i, i + 1000));
  linter.end();
  const model = CorpusModel.parse(text);
  assert.deepEqual(
    seen,
    documentSymbols(model).map((s) => `${s.name} (${s.detail})`),
  );
  assert.equal(seen.length, 5);
  assert.equal(total, text.length, 'the documents cover the whole text (the seeds have no prelude)');
  assert.deepEqual(linter.end(), [], 'a second end() gives nothing more');
});

// Random corpora made of the lines that matter: headers (valid, quoted, near misses),
// end lines, date lines (valid, partial, invalid, attempts), blank and plain text,
// control and replacement characters, any mix of line breaks, and a possible BOM.
const lineArb = fc.oneof(
  fc.constantFrom(
    '<<<FILE a.txt>>>',
    '<<<FILE b.txt>>>',
    '<<<FILE a.txt date=2024-01-01>>>',
    '<<<FILE "x y.txt" lang=fr>>>',
    '<<<FILE c date=2024-13>>>',
    '<<<FILE d k=v>>>',
    '<<<FILE e lang=english lang=fr>>>',
    '<<<FILE>>>',
    ' <<<FILE a.txt>>>',
    '<<<file a.txt>>>',
    '<<FILE a>>>',
    '<<<FILE a>>',
    '<<<FILEx>>>',
    '<<<FILE "open',
    '<<<END>>>',
    '<<<END>>>  ',
    '<<<END>>>x',
    ' date 2024-12-12 HÀ NỘI — text',
    'date 2024-12',
    'date 2024',
    'Date 2024-01-01',
    'date: 2024-01-01',
    'date 12/12/2024',
    'date',
    '',
    ' ',
    '\t',
    'Plain text.',
    'Lương Cường 👋 ٢٠٢٤',
    '\u0001bad',
    'broken \ufffd',
    '\u0000',
  ),
  fc.string({ maxLength: 12 }),
);
const eolArb = fc.constantFrom('\n', '\r\n', '\r');
const corpusArb = fc.tuple(fc.boolean(), fc.array(fc.tuple(lineArb, eolArb), { maxLength: 30 }), fc.boolean()).map(([bom, lines, lastBreak]) => {
  let text = bom ? '\ufeff' : '';
  lines.forEach(([line, eol], i) => {
    text += line + (i < lines.length - 1 || lastBreak ? eol : '');
  });
  return text;
});

test('property: random corpora cut at random places give exactly the whole-text diagnostics', () => {
  fc.assert(
    fc.property(corpusArb, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (text, chunks) => {
      assert.deepEqual(streamLintText(text, DEFAULT_CONFIG, chunks), expected(text));
    }),
    { numRuns: 1500 },
  );
});

test('property: random corpora under random configurations', () => {
  const severityArb = fc.constantFrom('off', 'error', 'warning', 'information', 'hint' as const);
  const configArb = fc.record({
    rules: fc.record({ 'missing-date': severityArb, 'duplicate-name': severityArb, 'unterminated-document': severityArb, 'unknown-attribute': severityArb }, { requiredKeys: [] }),
    attributes: fc.subarray(['k', 'author']),
    dateStyle: fc.constant('line' as const),
  });
  fc.assert(
    fc.property(corpusArb, configArb, fc.integer({ min: 1, max: 64 }), (text, config, size) => {
      const c = config as CorpusConfig;
      assert.deepEqual(streamLintText(text, c, [size]), expected(text, c));
    }),
    { numRuns: 500 },
  );
});

test('chunks with no line break only lengthen the pending line (a very long line streams)', () => {
  const long = 'x'.repeat(100_000);
  const text = `<<<FILE a>>>\n${long}\n<<<FILE b>>>\n${long}`;
  assertSame(text, [999]);
});
