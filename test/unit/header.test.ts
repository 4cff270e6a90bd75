// The header parser on its own: names, quoting, attributes and the exact fault.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHeader, headerPrefix, isEndLine, parseHeader } from '../../server/src/model/header';

test('valid headers give name, attributes and no fault', () => {
  const h = parseHeader('<<<FILE "Tô Lâm \\"visit\\".txt"\tlang=fr date=2024-08-29 title="A b" >>>  ');
  assert.equal(h.fault, undefined);
  assert.equal(h.name, 'Tô Lâm "visit".txt');
  assert.deepEqual(
    h.attributes.map((a) => [a.key, a.value]),
    [
      ['lang', 'fr'],
      ['date', '2024-08-29'],
      ['title', 'A b'],
    ],
  );
  assert.equal(parseHeader('<<<FILE a>b.txt>>>').name, 'a>b.txt');
  assert.equal(parseHeader('<<<FILE 🇻🇳.txt>>>').fault, undefined);
});

const faults: [string, string, RegExp][] = [
  ['<<<FILE>>>', '<<<FILE>>>', /no document name/],
  ['<<<FILE a.txt', '<<<FILE a.txt', /not closed/],
  ['<<<FILE "a.txt>>>', '"a.txt>>>', /no closing `"`/],
  ['<<<FILE a.txt>>> x', 'x', /text after the closing/],
  ['<<<FILE a.txt lang>>>', 'lang', /not an attribute/],
  ['<<<FILE a.txt 1x=2>>>', '1x=2', /not a valid attribute/],
  ['<<<FILE ab"c>>>', 'ab"c>>>', /cannot contain `"`/],
  ['<<<FILE "a\\n">>>', '\\n', /only `\\"` and `\\\\` are escapes/],
  ['<<<FILE a.txt lang="fr>>>', '"fr>>>', /no closing `"`/],
  ['<<<FILEx>>>', 'FILEx', /Put a space/],
  ['<<<file x>>>', '<<<file', /capitals/],
  ['<<<<FILE x>>>', '<<<<FILE', /exactly three `<`, but this line has 4/],
  ['\t<<<FILE x>>>', '\t<<<FILE', /indented/],
  ['<<<FILE x>', '>', /ends with `>` instead of `>>>`/],
  ['<<<FILE "" >>>', '""', /empty/],
];

for (const [line, covered, message] of faults) {
  test(`fault: ${JSON.stringify(line)}`, () => {
    const h = parseHeader(line);
    assert.ok(h.fault, 'a fault is found');
    assert.equal(line.slice(h.fault.start, h.fault.end), covered);
    assert.match(h.fault.message, message);
  });
}

test('near misses open documents; ordinary lines do not', () => {
  for (const l of ['<<<FILE x>>>', '<<<file x>>>', '<<FILE x>>>', '<<< FILE x>>>', '  <<<FILE x>>>', '<<<FILEx>>>', '<<<File"x">>>']) assert.ok(headerPrefix(l), l);
  for (const l of ['<<<Filename.txt>>>', '<<<FILES>>>'.toLowerCase(), '< FILE x', 'x <<<FILE y>>>', '<<<END>>>', '']) assert.equal(headerPrefix(l), undefined, l);
});

test('end lines', () => {
  assert.ok(isEndLine('<<<END>>>'));
  assert.ok(isEndLine('<<<END>>> \t'));
  assert.ok(!isEndLine(' <<<END>>>'));
  assert.ok(!isEndLine('<<<END>>> x'));
  assert.ok(!isEndLine('<<<end>>>'));
});

test('the canonical form quotes only when needed and round-trips', () => {
  const line = formatHeader('Tô Lâm "visit".txt', [
    { key: 'lang', value: 'fr' },
    { key: 'title', value: 'A b' },
  ]);
  assert.equal(line, '<<<FILE "Tô Lâm \\"visit\\".txt" lang=fr title="A b">>>');
  const h = parseHeader(line);
  assert.equal(h.fault, undefined);
  assert.equal(h.name, 'Tô Lâm "visit".txt');
  assert.equal(formatHeader('a>>>b', []), '<<<FILE "a>>>b">>>');
});
