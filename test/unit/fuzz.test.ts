// Property-based tests of the pure service over generated corpora (see
// test/support/arbitraries.ts): the parser and every feature never throw; every
// diagnostic range lies inside the text, on the line it is about; the model
// gives back the exact text; validation is deterministic; and any sequence of
// incremental edits gives exactly the model and diagnostics of a fresh parse.
//
// `npm test` runs them with a fixed seed and a size that keeps the suite short.
// `npm run fuzz` (scripts/fuzz.mjs) runs them for FUZZ_SECONDS with a new seed;
// FUZZ_SEED=<n> replays a run. The figures of each run go to
// test-results/fuzz-figures.json (quoted in docs/reliability.md).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { CorpusModel } from '../../server/src/model/corpusModel';
import { computeDiagnostics, streamLintText } from '../../server/src';
import { codeActions, fixAll, applyEdits } from '../../server/src/features/codeActions';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { DEFAULT_CONFIG, CorpusConfig } from '../../server/src/config';
import type { Diagnostic, Range } from '../../server/src/model/types';
import { corpusText, editOffsets, editSpec, hostilePosition, EditSpec } from '../support/arbitraries';
import { ROOT } from '../support/fixtures';

const FUZZ_SECONDS = Number(process.env.FUZZ_SECONDS ?? 0);
const LONG = FUZZ_SECONDS > 0;
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : LONG ? Date.now() % 2 ** 31 : 20261125;
const PROPERTIES = 6;

/** fast-check parameters: a fixed number of runs, or (fuzz mode) as many as fit the time share. */
function params<T>(runs: number): fc.Parameters<T> {
  if (!LONG) return { seed: SEED, numRuns: runs };
  return { seed: SEED, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: (FUZZ_SECONDS * 1000) / PROPERTIES, markInterruptAsFailure: false };
}

const figures = {
  seed: SEED,
  mode: LONG ? `fuzz, ${FUZZ_SECONDS} s` : 'npm test',
  corporaGenerated: 0,
  charactersParsed: 0,
  diagnosticsChecked: 0,
  hostilePositionsTried: 0,
  editsReplayed: 0,
  editSequences: 0,
  crashes: 0,
  startedAt: new Date().toISOString(),
  seconds: 0,
};
const started = Date.now();

after(() => {
  figures.seconds = Math.round((Date.now() - started) / 100) / 10;
  const dir = path.join(ROOT, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, LONG ? 'fuzz-figures.json' : 'fuzz-figures-npm-test.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

/** fc.assert, with the property's own error message in the failure (fast-check keeps it in `cause`). */
function check<T extends unknown[]>(prop: fc.IProperty<T>, parameters: fc.Parameters<T>): void {
  const out = fc.check(prop, parameters);
  if (out.failed) {
    const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
    throw new Error(`${fc.defaultReportMessage(out)}\n\nError: ${cause}`);
  }
}

/** Runs `fn`, counting a throw as a crash (the property then fails with it). */
function noThrow<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    figures.crashes++;
    throw new Error(`${what} threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/** Lines as LSP counts them, computed independently of the model. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * True when a line opens a document (spec section 5: the exact `<<<FILE`, or a
 * near miss such as `<<file`, `<<<<FILE`, `<<< FILE` or an indented header).
 */
function looksLikeHeader(line: string, lineNo: number): boolean {
  const l = lineNo === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
  return /^<<<FILE/.test(l) || /^[ \t]*<{2,}[ \t]*file(?=[ \t>"]|$)/i.test(l);
}
function isBlank(line: string): boolean {
  return /^[\s\ufeff]*$/.test(line);
}

function assertRangeInside(lines: string[], r: Range, what: string): void {
  const { start, end } = r;
  for (const p of [start, end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    const line = lines[p.line];
    assert.ok(p.character >= 0 && p.character <= line.length, `${what}: character ${p.character} outside line ${p.line} (length ${line.length})`);
    // A range never cuts an astral character (emoji) in two.
    if (p.character > 0 && p.character < line.length) {
      assert.ok(!(isHigh(line.charCodeAt(p.character - 1)) && isLow(line.charCodeAt(p.character))), `${what}: position ${JSON.stringify(p)} splits a surrogate pair`);
    }
  }
  assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${what}: range ends before it starts`);
}

function covered(lines: string[], r: Range): string {
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(lines[l]);
  parts.push(lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

/** The header line of the document that holds `line` (or -1 before the first one). */
function headerAbove(lines: string[], line: number): number {
  for (let l = line; l >= 0; l--) if (looksLikeHeader(lines[l], l)) return l;
  return -1;
}

/** Every diagnostic lies inside the text, on the line it is about, and covers what it names. */
function checkDiagnostics(text: string, diags: readonly Diagnostic[]): void {
  const lines = linesOf(text);
  for (const d of diags) {
    figures.diagnosticsChecked++;
    const what = `${d.code} at ${JSON.stringify(d.range)}`;
    assertRangeInside(lines, d.range, what);
    for (const r of d.related ?? []) assertRangeInside(lines, r.range, `${what} (related)`);
    assert.ok(typeof d.message === 'string' && d.message.trim() !== '', `${what}: empty message`);
    const line = d.range.start.line;
    const c = covered(lines, d.range);
    switch (d.code) {
      case 'control-character':
        assert.match(c, /^[\u0000-\u0008\u000B\u000C\u000E-\u001F]+$/, what);
        break;
      case 'replacement-character':
        assert.match(c, /^\uFFFD+$/, what);
        break;
      case 'stray-end':
        assert.equal(c, '<<<END>>>', what);
        break;
      case 'malformed-header':
      case 'duplicate-name':
      case 'unterminated-document':
      case 'missing-date':
      case 'empty-document':
      case 'unknown-attribute':
      case 'duplicate-attribute':
      case 'invalid-attribute':
        assert.ok(looksLikeHeader(lines[line], line), `${what}: not on a header line: ${JSON.stringify(lines[line])}`);
        assert.equal(d.range.end.line, line, `${what}: spans lines`);
        break;
      case 'invalid-date':
      case 'partial-date':
      case 'date-conflict': {
        // On the header (the attribute) or on the first non-blank line of the body (the date line).
        const h = headerAbove(lines, line);
        assert.ok(h >= 0, `${what}: before any header`);
        for (let l = h + 1; l < line; l++) assert.ok(isBlank(lines[l]), `${what}: not on the header or the first body line`);
        assert.equal(d.range.end.line, line, `${what}: spans lines`);
        break;
      }
      case 'text-outside-document':
        assert.ok(!isBlank(lines[line]) && !looksLikeHeader(lines[line], line), `${what}: starts on ${JSON.stringify(lines[line])}`);
        assert.ok(c.trim() !== '', `${what}: covers only blanks`);
        break;
      default:
        break;
    }
  }
}

/** Everything a feature can see, as plain data, to compare models. */
function snapshot(m: CorpusModel, config: CorpusConfig = DEFAULT_CONFIG): unknown {
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: m.lineCount, character: 0 } };
  return {
    text: m.getText(),
    length: m.length,
    lines: m.lineCount,
    documents: m.documents.map((d) => ({ name: d.name, nameRange: d.nameRange, range: d.range, headerLine: d.headerLine, last: d.lastContentLine })),
    diagnostics: computeDiagnostics(m, config, undefined, { text: true }),
    symbols: documentSymbols(m),
    folding: foldingRanges(m),
    actions: codeActions(m, config, whole).map((a) => [a.title, a.diagnostic?.code, a.edits]),
  };
}

const CONFIGS: CorpusConfig[] = [
  DEFAULT_CONFIG,
  { rules: { 'missing-date': 'off', 'partial-date': 'hint', 'empty-document': 'error' }, attributes: ['author', 'x.y-z'], dateStyle: 'attribute', dateFixes: 'ask' },
];

test('the parser and every feature never throw, and every diagnostic lies inside the text on its line', () => {
  check(
    fc.property(corpusText(40), fc.array(hostilePosition, { maxLength: 6 }), fc.integer({ min: 0, max: 1 }), (text, positions, ci) => {
      figures.corporaGenerated++;
      figures.charactersParsed += text.length;
      const config = CONFIGS[ci];
      const m = noThrow('parse', () => CorpusModel.parse(text));
      const diags = noThrow('diagnostics', () => computeDiagnostics(m, config));
      checkDiagnostics(text, diags);
      noThrow('outline', () => documentSymbols(m));
      const folds = noThrow('folding', () => foldingRanges(m));
      const lineCount = linesOf(text).length;
      // A document of one line gets a one-line range too (a deliberate choice: every document folds alike).
      for (const f of folds) assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lineCount, `folding ${JSON.stringify(f)}`);
      for (const p of positions) {
        figures.hostilePositionsTried++;
        noThrow(`hover at ${JSON.stringify(p)}`, () => hover(m, p));
        const off = noThrow('offsetAt', () => m.offsetAt(p));
        assert.ok(Number.isInteger(off) && off >= 0 && off <= text.length, `offsetAt(${JSON.stringify(p)}) = ${off}`);
        const back = m.positionAt(off);
        assert.equal(m.offsetAt(back), off, 'positionAt/offsetAt round trip');
        const range = { start: p, end: positions[0] };
        const acts = noThrow(`code actions at ${JSON.stringify(range)}`, () => codeActions(m, config, range));
        for (const a of acts) for (const e of a.edits) assertRangeInside(linesOf(text), e.range, `edit of "${a.title}"`);
      }
      const all = noThrow('fix all', () => fixAll(m, config));
      for (const e of all) assertRangeInside(linesOf(text), e.range, 'fix-all edit');
      const fixed = noThrow('apply fix all', () => applyEdits(m, all));
      noThrow('diagnostics after fix all', () => computeDiagnostics(CorpusModel.parse(fixed), config));
      noThrow('streaming validator', () => streamLintText(text, config, [1, 7, 64]));
    }),
    params(250),
  );
});

test('the model serialises back to exactly the text it was given', () => {
  check(
    fc.property(corpusText(60), (text) => {
      figures.corporaGenerated++;
      const m = CorpusModel.parse(text);
      assert.equal(m.getText(), text);
      assert.equal(m.length, text.length);
      assert.equal(m.lineCount, linesOf(text).length);
      // Every line, read back through positions, is the line of the text.
      const lines = linesOf(text);
      for (let l = 0; l < lines.length; l++) {
        assert.equal(m.lineText(l), lines[l], `line ${l}`);
        assert.equal(m.getTextRange({ start: { line: l, character: 0 }, end: { line: l, character: lines[l].length } }), lines[l]);
      }
    }),
    params(300),
  );
});

test('validation is deterministic: same text, same diagnostics and fixes, every time', () => {
  check(
    fc.property(corpusText(40), (text) => {
      figures.corporaGenerated++;
      const a = CorpusModel.parse(text);
      const b = CorpusModel.parse(text);
      const first = snapshot(a);
      assert.deepEqual(snapshot(a), first, 'the same model, asked twice');
      assert.deepEqual(snapshot(b), first, 'a second parse of the same text');
    }),
    params(150),
  );
});

/** Replays edits on a model (checking diagnostics now and then, to exercise the caches) and on a plain string. */
function replay(text: string, edits: EditSpec[], checkEvery: number): { model: CorpusModel; expected: string } {
  const m = CorpusModel.parse(text);
  let expected = text;
  computeDiagnostics(m, DEFAULT_CONFIG);
  edits.forEach((e, i) => {
    const { a, b } = editOffsets(e, expected.length);
    noThrow('applyEdit', () => m.applyEdit(a, b, e.text));
    expected = expected.slice(0, a) + e.text + expected.slice(b);
    figures.editsReplayed++;
    if (checkEvery > 0 && i % checkEvery === 0) {
      const d = noThrow('diagnostics after an edit', () => computeDiagnostics(m, DEFAULT_CONFIG));
      checkDiagnostics(expected, d);
      noThrow('outline after an edit', () => documentSymbols(m));
    }
  });
  figures.editSequences++;
  return { model: m, expected };
}

test('incremental edits give exactly the model, diagnostics and fixes of a fresh parse (differential)', () => {
  check(
    fc.property(corpusText(30), fc.array(editSpec, { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 3 }), (text, edits, every) => {
      figures.corporaGenerated++;
      const { model, expected } = replay(text, edits, every);
      assert.deepEqual(snapshot(model), snapshot(CorpusModel.parse(expected)));
    }),
    params(250),
  );
});

test('edits given as LSP ranges (as the server applies them) match a fresh parse', () => {
  check(
    fc.property(corpusText(30), fc.array(fc.tuple(hostilePosition, hostilePosition, editSpec), { minLength: 1, maxLength: 15 }), (text, edits) => {
      figures.corporaGenerated++;
      const m = CorpusModel.parse(text);
      let expected = text;
      for (const [p, q, e] of edits) {
        // What the LSP adapter does: positions → offsets (clamped), then splice.
        const a = m.offsetAt(p);
        const b = m.offsetAt(q);
        const lo = Math.min(a, b);
        const hi = Math.max(a, b);
        m.applyEdit(lo, hi, e.text);
        expected = expected.slice(0, lo) + e.text + expected.slice(hi);
        figures.editsReplayed++;
        figures.hostilePositionsTried += 2;
        computeDiagnostics(m, CONFIGS[1]);
      }
      figures.editSequences++;
      assert.deepEqual(snapshot(m, CONFIGS[1]), snapshot(CorpusModel.parse(expected), CONFIGS[1]));
    }),
    params(150),
  );
});

test('typing a corpus one character at a time gives the fresh parse at every step', () => {
  check(
    fc.property(corpusText(8), (text) => {
      figures.corporaGenerated++;
      const m = CorpusModel.parse('');
      for (let i = 0; i < text.length; i++) {
        m.applyEdit(i, i, text[i]);
        figures.editsReplayed++;
        if (i % 5 === 0 || text[i] === '\n' || text[i] === '\r') {
          const prefix = text.slice(0, i + 1);
          assert.deepEqual(computeDiagnostics(m, DEFAULT_CONFIG), computeDiagnostics(CorpusModel.parse(prefix), DEFAULT_CONFIG), `after ${JSON.stringify(prefix)}`);
        }
      }
      figures.editSequences++;
      assert.deepEqual(snapshot(m), snapshot(CorpusModel.parse(text)));
    }),
    params(60),
  );
});

/** Inputs that broke a property once (found by `npm run fuzz`), kept as fixed cases. */
const REGRESSIONS = [
  // The remove-empty-document fix ended on a line past the end (no final line break).
  '<<<FILE >>>',
  '<<<FILE a.txt>>>\n<<<FILE b.txt>>>',
  // A one-character header fault on an emoji covered half of it (one UTF-16 unit).
  'Lương Cường\n<<<FILE "Lương Cường"𐀀>>>',
  '<<<FILE a k="v"👋🏽>>>\n',
];

test('inputs that once broke a property stay fixed', () => {
  for (const text of REGRESSIONS) {
    const m = CorpusModel.parse(text);
    const diags = computeDiagnostics(m, DEFAULT_CONFIG);
    checkDiagnostics(text, diags);
    const whole: Range = { start: { line: 0, character: 0 }, end: { line: m.lineCount, character: 0 } };
    for (const a of codeActions(m, DEFAULT_CONFIG, whole)) for (const e of a.edits) assertRangeInside(linesOf(text), e.range, `${JSON.stringify(text)}: edit of "${a.title}"`);
  }
});
