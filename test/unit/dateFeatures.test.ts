// Dates from the text in the editor's features: missing-date fixes on the seeds,
// the date style setting, hover, date-mismatch, and completion in headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { computeDiagnostics } from '../../server/src';
import { applyEdits, codeActions } from '../../server/src/features/codeActions';
import { completion } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/config';
import { SEEDS } from '../support/fixtures';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

function dateFixes(model: CorpusModel, config = DEFAULT_CONFIG) {
  const out = new Map<string, { title: string; preferred: boolean; text: string }[]>();
  const docs = model.documents;
  for (const d of computeDiagnostics(model, config).filter((x) => x.code === 'missing-date')) {
    const name = docs.find((x) => x.headerLine === d.range.start.line)?.name ?? '?';
    out.set(
      name,
      codeActions(model, config, d.range)
        .filter((a) => a.diagnostic?.code === 'missing-date')
        .map((a) => ({ title: a.title, preferred: a.isPreferred, text: applyEdits(model, a.edits) })),
    );
  }
  return out;
}

test('seeds: the first missing-date fix is the date the article states, offered but not preferred', () => {
  // None of the seeds states its full date in a byline, dateline or lead: 002's year comes from its neighbours,
  // 003's and 004's from the years the text mentions. So each date is offered first, and "Fix all" writes none.
  const fixes = dateFixes(CorpusModel.parse(seedsText));
  const first = (name: string) => fixes.get(name)?.[0]?.title.slice(0, 22);
  assert.equal(first('002_e77d50c1257fff65.txt'), 'Insert date 2024-08-29');
  assert.equal(first('003_dc61dc6a43fd7c34.txt'), 'Insert date 2025-03-13');
  assert.equal(first('004_b79afbb6f32da4f5.txt'), 'Insert date 2025-01-06');
  assert.equal(fixes.size, 3);
  for (const [, list] of fixes) {
    assert.ok(list.length <= 4, 'at most three dates and the skeleton');
    assert.equal(list.filter((f) => f.preferred).length, 0);
    assert.match(list[list.length - 1].title, /date line to fill in/, 'the skeleton comes last');
    for (const f of list) {
      const after = computeDiagnostics(CorpusModel.parse(f.text), DEFAULT_CONFIG).filter((d) => d.code === 'missing-date');
      assert.equal(after.length, 2, `"${f.title}" dates its document`);
    }
  }
  assert.match(fixes.get('003_dc61dc6a43fd7c34.txt')?.[0].title ?? '', /from 'March 13' in the first sentence, year from '2025'/);
  assert.match(fixes.get('002_e77d50c1257fff65.txt')?.[0].title ?? '', /neighbouring documents \(2024-12\) — check/);
});

test('a date the page states in full is preferred; dateFixes "ask" only offers it', () => {
  const text =
    "<<<FILE a.txt lang=fr>>>\nLe maire inaugure le nouveau pont\nPublié le 29 août 2024 à 10h15\nLe maire a inauguré jeudi le nouveau pont sur la rivière, devant des centaines d'habitants venus en famille.\n";
  const list = dateFixes(CorpusModel.parse(text)).get('a.txt') ?? [];
  assert.equal(list[0]?.title.slice(0, 22), 'Insert date 2024-08-29');
  assert.equal(list[0]?.preferred, true);
  assert.equal(list.filter((f) => f.preferred).length, 1);
  const asked = dateFixes(CorpusModel.parse(text), mergeConfig(undefined, { dateFixes: 'ask' })).get('a.txt') ?? [];
  assert.equal(asked[0]?.title.slice(0, 22), 'Insert date 2024-08-29');
  assert.equal(asked.filter((f) => f.preferred).length, 0);
});

test('no support, no offer: an article without a date gets only the skeleton', () => {
  const m = CorpusModel.parse('<<<FILE a.txt>>>\nThe minister spoke about trade and the economy.\n');
  const list = dateFixes(m).get('a.txt') ?? [];
  assert.deepEqual(
    list.map((f) => f.title),
    ['Insert a date line to fill in (date YYYY-MM-DD)'],
  );
});

test('dateStyle "attribute" writes date= in the header', () => {
  const m = CorpusModel.parse('<<<FILE a.txt lang=en>>>\nOn March 13, 2025 the President met the press in the capital to talk about trade.\n');
  const config = mergeConfig(undefined, { dateStyle: 'attribute' });
  const best = dateFixes(m, config)
    .get('a.txt')
    ?.find((f) => f.preferred);
  assert.equal(best?.text.split('\n')[0], '<<<FILE a.txt lang=en date=2025-03-13>>>');
});

test('hover on a date lists the dates the text states; date-mismatch points at them', () => {
  const text = '<<<FILE a.txt>>>\n date 2024-12 Le président a visité Hanoï le 29 août.\n';
  const m = CorpusModel.parse(text);
  const h = hover(m, { line: 1, character: 8 });
  assert.match(h?.markdown ?? '', /December 2024/);
  assert.match(h?.markdown ?? '', /“le 29 août” \(line 2\) → 08-29|“29 août” \(line 2\) → 08-29/);
  const mismatch = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: true }).find((d) => d.code === 'date-mismatch');
  assert.ok(mismatch);
  assert.equal(m.getTextRange(mismatch.range), '2024-12');
  assert.match(m.getTextRange(mismatch.related?.[0].range ?? mismatch.range), /29 août/);
  assert.equal(computeDiagnostics(m, mergeConfig(undefined, { rules: { 'date-mismatch': 'off' } }), undefined, { text: true }).filter((d) => d.code === 'date-mismatch').length, 0);
});

test('date-mismatch reads the same evidence: a dateline naming another day is one, a caption or an earlier event is not', () => {
  const mismatches = (text: string) => computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG, undefined, { text: true }).filter((d) => d.code === 'date-mismatch');
  const wire = "<<<FILE a.txt lang=en>>>\ndate 2024-03-05\nHANOI, March 4 (Reuters) - Vietnam's central bank kept its main interest rates unchanged on Monday, citing steady growth.\n";
  const [m] = mismatches(wire);
  assert.ok(m, 'the dateline says March 4');
  assert.match(m.message, /March 4/);
  assert.equal(mismatches(wire.replace('2024-03-05', '2024-03-04')).length, 0);
  const caption =
    "<<<FILE b.txt lang=fr>>>\ndate 2024-05-12\nLe maire inaugure le nouveau pont\nLe maire a inauguré ce dimanche le nouveau pont sur la rivière, devant des centaines d'habitants.\nPhoto prise le 3 mars 2024 lors des travaux (AFP)\n";
  assert.equal(mismatches(caption).length, 0, "a caption date is another day, not the article's");
  const earlier = '<<<FILE c.txt lang=es>>>\ndate 2026-03-10\nEl Ayuntamiento aprobó este martes el presupuesto que había presentado el pasado 26 de febrero ante el pleno municipal.\n';
  assert.equal(mismatches(earlier).length, 0, 'an earlier event named in passing');
});

test('completion in a header: keys not yet used, lang tags, dates from the text', () => {
  const m = CorpusModel.parse('<<<FILE a.txt lang=en >>>\nOn March 13, 2025 the President met the press.\n');
  const keys = completion(m, mergeConfig(undefined, { attributes: ['author'] }), { line: 0, character: 22 }).map((c) => c.label);
  assert.deepEqual(keys, ['date', 'title', 'source', 'author']);
  const m2 = CorpusModel.parse('<<<FILE a.txt date= lang=f>>>\nOn March 13, 2025 the President met the press.\n');
  const dates = completion(m2, DEFAULT_CONFIG, { line: 0, character: 19 });
  assert.equal(dates[0].label, '2025-03-13');
  assert.equal(dates[0].from, 19);
  assert.deepEqual(
    completion(m2, DEFAULT_CONFIG, { line: 0, character: 26 }).map((c) => c.label),
    ['fr'],
  );
  assert.deepEqual(completion(m2, DEFAULT_CONFIG, { line: 0, character: 5 }), [], 'not inside <<<FILE or the name');
  assert.deepEqual(completion(m2, DEFAULT_CONFIG, { line: 1, character: 5 }), [], 'not in the body');
});
