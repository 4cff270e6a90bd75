// The editor's incremental diagnostics, differentially: whatever the edits, the
// list the language server reports ({ text: 'cached' }, updated from the model's
// splices, the text rules run at once on the replaced documents) equals the list
// of a fresh parse with every rule run ({ text: true }); the background pass over
// a file ends with that list too, edits between its steps or not; and an unchanged
// list is the very same array (what lets the server answer `unchanged`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkTextRulesStep, computeDiagnostics, CorpusModel, DEFAULT_CONFIG, textRulesDone } from '../../server/src';
import type { Diagnostic } from '../../server/src';
import { corpusText, editOffsets, editSpec, EditSpec } from '../support/arbitraries';

/** Dated documents whose first lines state dates (some contradicting the document's), for date-mismatch. */
const LEADS = [
  'The minister spoke on Thursday.',
  'Le président a visité Hanoï le 29 août.',
  'On March 13, 2025 the talks ended.',
  'HÀ NỘI — Ngày 12/12 Chủ tịch nước',
  'Friday saw rain.',
  'Text without a date.',
  'الخميس ١٢ ديسمبر',
];
const DATES = ['2024-12-12', '2025-03-13', '2024-08-29', '2024-13-40', '2024-12'];
const datedDoc = fc
  .record({ name: fc.constantFrom('a.txt', 'b.txt', 'c.txt', ''), date: fc.constantFrom(...DATES), lead: fc.constantFrom(...LEADS), more: fc.constantFrom('', '\n\nMore text.\n', '\r\nSuite.\r\n') })
  .map((d) => `<<<FILE ${d.name}>>>\n date ${d.date} ${d.lead}\n${d.more}`);
const datedCorpus = fc.array(datedDoc, { minLength: 1, maxLength: 8 }).map((docs) => docs.join(''));
/** Edits that touch dates, leads and headers, beside the general ones. */
const PIECES = ['2024-12-12', 'le 29 août', 'Thursday', 'March 13', '\n', '\r\n', '<<<FILE x.txt>>>\n', ' date 2025-01-01 ', 'x', '', '<<<END>>>\n'];
const datedEdit: fc.Arbitrary<EditSpec> = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 0.2, noNaN: true }), text: fc.constantFrom(...PIECES) });
const anyCorpus = fc.oneof(datedCorpus, corpusText(25));
const anyEdit = fc.oneof(datedEdit, editSpec);

const view = (list: readonly Diagnostic[]): unknown[] => list.map((d) => [d.code, d.severity, d.range, d.message, d.related ?? []]);
const fresh = (text: string): unknown[] => view(computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG, undefined, { text: true }));

function finishPass(m: CorpusModel): void {
  for (let i = 0; i < 10000 && !checkTextRulesStep(m, DEFAULT_CONFIG, 50); i++);
  assert.ok(textRulesDone(m, DEFAULT_CONFIG));
}

test('after the background pass, every edit gives the list of a fresh parse at once (differential)', () => {
  fc.assert(
    fc.property(anyCorpus, fc.array(anyEdit, { minLength: 1, maxLength: 20 }), (text, edits) => {
      const m = CorpusModel.parse(text);
      computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
      finishPass(m);
      let expected = text;
      let last = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
      assert.deepEqual(view(last), fresh(expected), 'after the pass');
      for (const e of edits) {
        const { a, b } = editOffsets(e, expected.length);
        m.applyEdit(a, b, e.text);
        expected = expected.slice(0, a) + e.text + expected.slice(b);
        const now = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
        assert.deepEqual(view(now), fresh(expected), `after ${JSON.stringify(e.text)} at ${a}-${b}`);
        // The same array exactly when the list is the same.
        assert.equal(now === last, JSON.stringify(view(now)) === JSON.stringify(view(last)));
        last = now;
      }
    }),
    { seed: 20261201, numRuns: 250 },
  );
});

test('edits between the steps of the background pass: it ends with the list of a fresh parse (differential)', () => {
  fc.assert(
    fc.property(anyCorpus, fc.array(fc.tuple(anyEdit, fc.boolean()), { minLength: 1, maxLength: 15 }), (text, edits) => {
      const m = CorpusModel.parse(text);
      let expected = text;
      computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
      for (const [e, look] of edits) {
        // A tiny budget: one document per step, so edits land in the middle of the pass.
        checkTextRulesStep(m, DEFAULT_CONFIG, 0);
        const { a, b } = editOffsets(e, expected.length);
        m.applyEdit(a, b, e.text);
        expected = expected.slice(0, a) + e.text + expected.slice(b);
        if (look) computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
      }
      finishPass(m);
      assert.deepEqual(view(computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' })), fresh(expected));
    }),
    { seed: 20261202, numRuns: 250 },
  );
});

test('a list the edit did not change is returned as the same array; the pass commits its findings at once', () => {
  const text = '<<<FILE a.txt>>>\n date 2024-12-12 Le président a visité Hanoï le 29 août.\n\nSuite.\n<<<FILE b.txt>>>\nNo date here.\n';
  const m = CorpusModel.parse(text);
  const atOpen = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
  assert.deepEqual(
    atOpen.map((d) => d.code),
    ['missing-date'],
    'at open only what the segments found',
  );
  assert.equal(computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' }), atOpen);
  finishPass(m);
  const afterPass = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
  assert.deepEqual(afterPass.map((d) => d.code).sort(), ['date-mismatch', 'missing-date']);
  // A letter typed in the text of document a (its note is computed again with the edit): the same array.
  const at = text.indexOf('Suite');
  m.applyEdit(at, at, 'x');
  assert.equal(computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' }), afterPass);
  // A line added above document b: its diagnostic moves, so the list is new.
  m.applyEdit(at, at, '\n');
  const moved = computeDiagnostics(m, DEFAULT_CONFIG, undefined, { text: 'cached' });
  assert.notEqual(moved, afterPass);
  assert.equal(moved.find((d) => d.code === 'missing-date')?.range.start.line, 5);
});
