// Data-driven: every diagnostic code of the spec has a minimal fixture
// (test/fixtures/codes/<code>.corpus) that breaks exactly that rule and nowhere
// else, with its expected diagnostics beside it (<code>.expected, one per line:
// range, severity, code and the exact text the range covers). Each quick fix
// offered for the code must leave text that is clean for that code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, codeActions, computeDiagnostics, CorpusModel, DEFAULT_CONFIG, fixAll, RULES } from '../../server/src';

/** The codes the service reports on corpus text (the auxiliary ones are reported by the adapters). */
const CODES = RULES.filter((r) => r.kind !== 'auxiliary').map((r) => r.meta.code);
import { FIXTURES, formatDiagnostic } from '../support/fixtures';

const dir = path.join(FIXTURES, 'codes');

/** `<code>.corpus` and its variants `<code>.<variant>.corpus`. */
function fixturesOf(code: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f === `${code}.corpus` || (f.startsWith(`${code}.`) && f.endsWith('.corpus')))
    .sort();
}

const NO_FIX = new Set(['partial-date', 'replacement-character', 'date-mismatch']);

for (const code of CODES) {
  for (const file of fixturesOf(code)) {
    test(`${file}: gives exactly its expected diagnostics`, () => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const model = CorpusModel.parse(text);
      const diags = computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true });
      const got = diags.map((d) => formatDiagnostic(model, d));
      const expectedFile = path.join(dir, file.replace(/\.corpus$/, '.expected'));
      if (process.env.UPDATE_EXPECTED) fs.writeFileSync(expectedFile, got.join('\n') + '\n');
      const expected = fs.readFileSync(expectedFile, 'utf8').trim().split('\n');
      assert.deepEqual(got, expected);
      assert.ok(
        diags.every((d) => d.code === code),
        `only ${code} is reported`,
      );
      for (const d of diags) assert.ok(d.message.length > 30, 'the message explains what to do');
    });
  }

  test(`${code}: each quick fix leaves text clean for the code`, () => {
    let offered = 0;
    for (const file of fixturesOf(code)) {
      const model = CorpusModel.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const diags = computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true });
      const actions = diags.flatMap((d) => codeActions(model, DEFAULT_CONFIG, d.range).filter((a) => a.diagnostic?.code === code));
      offered += actions.length;
      for (const a of actions) {
        const fixed = applyEdits(model, a.edits);
        const after: { message: string }[] = computeDiagnostics(CorpusModel.parse(fixed), DEFAULT_CONFIG, undefined, { text: true }).filter((d) => d.code === code);
        assert.deepEqual(
          after.map((d) => d.message),
          [],
          `${file}: "${a.title}" fixes ${code}:\n${fixed}`,
        );
      }
    }
    if (NO_FIX.has(code)) {
      // No edit can know the missing day, the lost characters, or whether the date or the text is wrong: no fix is offered.
      assert.equal(offered, 0);
    } else {
      assert.ok(offered > 0, `a fix is offered for ${code}`);
    }
  });
}

test('the clean fixture has no diagnostics', () => {
  const model = CorpusModel.parse(fs.readFileSync(path.join(dir, 'clean.corpus'), 'utf8'));
  assert.deepEqual(computeDiagnostics(model, DEFAULT_CONFIG, undefined, { text: true }), []);
});

test('fix all clears every fixable code of every fixture', () => {
  for (const code of CODES) {
    // date-conflict has two equal choices, so neither is preferred and fix all leaves it to the editor.
    // Removing a copy is never preferred (which copy to keep is the editor's choice): fix all leaves copies.
    if (NO_FIX.has(code) || code === 'date-conflict' || code === 'missing-date' || code === 'empty-document' || code === 'duplicate-document' || code === 'near-duplicate-document') continue;
    for (const file of fixturesOf(code)) {
      const model = CorpusModel.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
      const fixed = applyEdits(model, fixAll(model, DEFAULT_CONFIG));
      const left: unknown[] = computeDiagnostics(CorpusModel.parse(fixed), DEFAULT_CONFIG, undefined, { text: true }).filter((d) => d.code === code);
      if (file === 'malformed-header.no-name.corpus' || file === 'invalid-date.corpus') continue;
      assert.deepEqual(left, [], `${file} after fix all:\n${fixed}`);
    }
  }
});
