// Past VS Code's 1,000 diagnostics per file: the VS Code client windows what it
// shows (client/src/problems/), but the server still sends every diagnostic to
// every client (Neovim, Helix, …), pull and push alike; and "Fix all <code> in this
// file" is a code action kind any client can ask for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, DidChangeTextDocumentNotification, TextEdit } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';

/** 2,400 undated documents (missing-date), every 8th with a control character, every 100th with a bad date. */
function bigCorpus(): string {
  const parts: string[] = [];
  for (let i = 0; i < 2400; i++) {
    const attr = i % 100 === 50 ? ' date=2024-13-01' : '';
    parts.push(`<<<FILE doc-${String(i).padStart(4, '0')}.txt${attr}>>>\nLe texte numéro ${i} — مرحبا 😀.${i % 8 === 0 ? '\u0007' : ''}\n`);
  }
  return parts.join('');
}

const TEXT = bigCorpus();
const EXPECTED = computeDiagnostics(CorpusModel.parse(TEXT), DEFAULT_CONFIG);

let ws: string;
let pull: TestServer;
let push: TestServer;

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-many-'));
  [pull, push] = await Promise.all([startServer({ workspace: ws }), startServer({ workspace: ws, pull: false })]);
});

after(async () => {
  await Promise.all([pull.stop(), push.stop()]);
  fs.rmSync(ws, { recursive: true, force: true });
});

const summary = (ds: readonly { code?: unknown; range: { start: { line: number; character: number } } }[]): string[] =>
  ds.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`);

test('the corpus has far more problems than VS Code shows per file', () => {
  assert.ok(EXPECTED.length > 2500, `${EXPECTED.length} problems`);
  assert.ok(EXPECTED.some((d) => d.severity === 'error'));
});

test('pull: the full report carries every diagnostic, unchanged across an edit that changes none', async () => {
  const uri = fileUri(path.join(ws, 'pull.corpus'));
  const first = await pull.open(uri, TEXT);
  assert.equal(first.diagnostics.length, EXPECTED.length);
  assert.deepEqual(summary(first.diagnostics), summary(EXPECTED));
  // A letter typed in a text (of a document without a control character): `unchanged`, the client keeps all of them.
  await pull.pull(uri);
  await pull.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, text: 'x' }],
  });
  assert.equal((await pull.pull(uri)).kind, 'unchanged');
  // Dating the first document: a full report with one problem fewer, every other one still there.
  await pull.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 0, character: 20 }, end: { line: 0, character: 20 } }, text: ' date=2024-12-12' }],
  });
  const dated = await pull.pull(uri);
  assert.ok(dated.kind === 'full');
  assert.equal(dated.kind === 'full' && dated.items.length, EXPECTED.length - 1);
});

test('push: the publication carries every diagnostic', async () => {
  const uri = fileUri(path.join(ws, 'push.corpus'));
  const first = await push.open(uri, TEXT);
  assert.equal(first.diagnostics.length, EXPECTED.length);
  assert.deepEqual(summary(first.diagnostics), summary(EXPECTED));
});

test('"Fix all control-character in this file": kind source.fixAll.corpus.control-character fixes those, and only those', async () => {
  const uri = fileUri(path.join(ws, 'fix.corpus'));
  await pull.open(uri, TEXT);
  const whole = { start: { line: 0, character: 0 }, end: { line: 4800, character: 0 } };
  const actions = (await pull.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: whole,
    context: { diagnostics: [], only: ['source.fixAll.corpus.control-character'] },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => [a.kind, a.title]),
    [['source.fixAll.corpus.control-character', 'Fix all control-character problems that have a clear fix']],
  );
  const edits = actions[0].edit?.changes?.[uri] as TextEdit[];
  const model = CorpusModel.parse(TEXT);
  const sorted = [...edits].sort((x, y) => model.offsetAt(y.range.start) - model.offsetAt(x.range.start));
  let fixed = TEXT;
  for (const e of sorted) fixed = fixed.slice(0, model.offsetAt(e.range.start)) + e.newText + fixed.slice(model.offsetAt(e.range.end));
  const after = computeDiagnostics(CorpusModel.parse(fixed), DEFAULT_CONFIG);
  assert.deepEqual(
    after.filter((d) => d.code === 'control-character'),
    [],
  );
  assert.deepEqual(summary(after), summary(EXPECTED.filter((d) => d.code !== 'control-character')));
  // The plain "Fix all" is still one action of its own kind.
  const plain = (await pull.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: whole, context: { diagnostics: [], only: ['source.fixAll'] } })) as CodeAction[];
  assert.deepEqual(
    plain.map((a) => a.kind),
    ['source.fixAll.corpus'],
  );
  // A code with no fix that is always right (missing-date: nothing states these documents' dates) gives no action.
  const none = (await pull.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: whole,
    context: { diagnostics: [], only: ['source.fixAll.corpus.missing-date'] },
  })) as CodeAction[];
  assert.deepEqual(none, []);
});
