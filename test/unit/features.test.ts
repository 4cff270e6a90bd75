// Outline, folding, hover and workspace symbols on in-memory text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { escapeMarkdown, hover } from '../../server/src/features/hover';
import { workspaceSymbols, foldForSearch } from '../../server/src/features/workspaceSymbols';
import { SEEDS } from '../support/fixtures';

const seeds = CorpusModel.parse(fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8'));

test('document symbols: one per document, detail = date · lang · first words, selection = the name', () => {
  const m = CorpusModel.parse('<<<FILE a.txt lang=vi>>>\n date 2024-12-12 Hà Nội — Chủ tịch nước Lương Cường đã làm việc với Bộ Ngoại giao hôm thứ Năm.\n<<<FILE "b c.txt">>>\n\nText.\n<<<END>>>\n');
  const s = documentSymbols(m);
  assert.deepEqual(
    s.map((x) => x.name),
    ['a.txt', 'b c.txt'],
  );
  assert.equal(s[0].detail, '2024-12-12 · vi · Hà Nội — Chủ tịch nước Lương Cường đã làm việc với Bộ Ngoại…');
  assert.equal(s[1].detail, 'no date · Text.');
  assert.deepEqual(s[1].selectionRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 17 } });
  assert.deepEqual(s[1].range, { start: { line: 2, character: 0 }, end: { line: 5, character: 9 } });
  assert.equal(documentSymbols(seeds).length, 5);
});

test('folding: header to the last non-blank line', () => {
  const m = CorpusModel.parse('<<<FILE a>>>\nx\n\n\n<<<FILE b>>>\ny\n<<<END>>>\n\n');
  assert.deepEqual(foldingRanges(m), [
    { startLine: 0, endLine: 1 },
    { startLine: 4, endLine: 6 },
  ]);
});

test('hover on a date line writes the date out; on a name shows the document', () => {
  const h = hover(seeds, { line: 1, character: 10 });
  assert.ok(h);
  assert.match(h.markdown, /Thursday 12 December 2024/);
  assert.match(h.markdown, /day precision, from the date line/);
  const partial = hover(seeds, { line: 21, character: 8 });
  assert.match(partial?.markdown ?? '', /December 2024\*\*\n\nmonth precision/);
  const name = hover(seeds, { line: 46, character: 12 });
  assert.match(name?.markdown ?? '', /document 3 of 5/);
  assert.match(name?.markdown ?? '', /No date/);
  assert.equal(hover(seeds, { line: 50, character: 3 }), undefined);
});

test('corpus text in a hover is escaped: no links, HTML or emphasis can act', () => {
  const m = CorpusModel.parse('<<<FILE "[x](command:workbench.action.quit) <img src=x> **b**">>>\n date 2024-01-01 [click](command:evil) <script>\n');
  const h = hover(m, { line: 0, character: 12 });
  assert.ok(h);
  assert.ok(!/[^\\]\[x\]\(command:/.test(h.markdown));
  assert.ok(!h.markdown.includes('<img'));
  assert.ok(!h.markdown.includes('<script'));
  assert.equal(escapeMarkdown('a*b_[c](d)<e>&'), 'a\\*b\\_\\[c\\]\\(d\\)&lt;e&gt;&amp;');
});

test('workspace symbols: fuzzy, diacritic-insensitive, across files', () => {
  const index = new Map([
    ['file:///a.corpus', [{ name: 'Lương Cường.txt', detail: '', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }]],
    ['file:///b.corpus', [{ name: 'other.txt', detail: '', range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }]],
  ]);
  assert.deepEqual(
    workspaceSymbols(index, 'luong cuong', (u) => u).map((s) => s.uri),
    ['file:///a.corpus'],
  );
  assert.deepEqual(
    workspaceSymbols(index, 'oth', (u) => u).map((s) => s.name),
    ['other.txt'],
  );
  assert.equal(workspaceSymbols(index, '', (u) => u).length, 2);
  assert.equal(foldForSearch('Đặng Thị'), 'dang thi');
});
