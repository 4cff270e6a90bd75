// The two ways diagnostics reach a client, over the real protocol: pull (LSP 3.17
// `textDocument/diagnostic`, what VS Code's client uses) with `unchanged` reports,
// and push (`publishDiagnostics`) with one publication per version that changed
// something and none otherwise. Both carry the text rules' findings (date-mismatch)
// from the first report of a version on: no report without them, then with them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { SEEDS } from '../support/fixtures';
import { ServerInfoRequest } from '../../server/src/lsp/protocol';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
/** Two dated documents; the second's first sentence states another day (a date-mismatch note). */
const DATED =
  '<<<FILE a.txt>>>\n date 2024-12-12 The minister spoke on Thursday.\n\nMore text here.\n<<<FILE b.txt>>>\n date 2024-12-12 Le président a visité Hanoï le 29 août avec le ministre.\n\nSuite du texte.\n';

let ws: string;
let pull: TestServer;
let push: TestServer;

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-diagnostics-'));
  [pull, push] = await Promise.all([startServer({ workspace: ws }), startServer({ workspace: ws, pull: false })]);
});

after(async () => {
  await Promise.all([pull.stop(), push.stop()]);
  fs.rmSync(ws, { recursive: true, force: true });
});

const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code));

function change(s: TestServer, uri: string, version: number, line: number, character: number, text: string, endCharacter = character): Promise<void> {
  return s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: endCharacter } }, text }],
  });
}

/** Waits until the server says its background work (text rules, people) is done. */
async function idle(s: TestServer): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await s.connection.sendRequest(ServerInfoRequest)).backgroundWork === 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.fail('the server stayed busy for 5 s');
}

test('the server offers pull diagnostics to a client that can pull, and push to one that cannot', () => {
  assert.deepEqual(pull.init.capabilities.diagnosticProvider, { identifier: 'corpus', interFileDependencies: false, workspaceDiagnostics: false });
  assert.equal(push.init.capabilities.diagnosticProvider, undefined);
  assert.ok(pull.pulls);
  assert.ok(!push.pulls);
});

test('pull: a full report with a resultId, then `unchanged` while the list stays the same, a new id when it changes', async () => {
  const uri = fileUri(path.join(ws, 'pull.corpus'));
  const first = await pull.open(uri, seedsText);
  assert.deepEqual(codes(first), ['partial-date', 'missing-date', 'missing-date', 'missing-date']);
  const again = await pull.pull(uri);
  assert.equal(again.kind, 'unchanged');
  const id = again.resultId;
  assert.ok(id);
  // A letter typed in an article's text changes no diagnostic: the answer is a few bytes.
  await change(pull, uri, 2, 10, 5, 'x');
  const typed = await pull.pull(uri);
  assert.deepEqual({ kind: typed.kind, resultId: typed.resultId }, { kind: 'unchanged', resultId: id });
  // Breaking a header changes the list: a full report, with a new id.
  await change(pull, uri, 3, 0, 0, 'x');
  const broken = await pull.pull(uri);
  assert.equal(broken.kind, 'full');
  assert.notEqual(broken.resultId, id);
  assert.ok(broken.kind === 'full' && broken.items.some((d) => d.code === 'text-outside-document'));
  // Mended: the list is the first one again, under a new id (the client's old one is not reused).
  await change(pull, uri, 4, 0, 0, '', 1);
  const mended = await pull.pull(uri);
  assert.equal(mended.kind, 'full');
  assert.deepEqual(mended.kind === 'full' && mended.items.map((d) => d.code), codes(first));
  // An id the server never gave gets a full report.
  const stranger = await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId: 'from-another-server' });
  assert.equal((stranger as { kind: string }).kind, 'full');
  // A file that is not open has nothing to report.
  const closed = (await pull.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: fileUri(path.join(ws, 'nowhere.corpus')) } })) as { kind: string; items: unknown[] };
  assert.deepEqual(closed, { kind: 'full', items: [] });
});

test('pull: the date-mismatch note comes once the background pass is done (a refresh), and each edit after that reports it at once', async () => {
  const uri = fileUri(path.join(ws, 'dated-pull.corpus'));
  const atOpen = await pull.open(uri, DATED);
  const refreshes = pull.refreshes();
  // Unless the pass was already done when the client pulled, the server asks the client to pull again.
  const withNote = codes(atOpen).includes('date-mismatch') ? atOpen : await pull.nextDiagnostics(uri);
  assert.deepEqual(codes(withNote), ['date-mismatch']);
  if (!codes(atOpen).includes('date-mismatch')) assert.ok(pull.refreshes() > refreshes);
  await idle(pull);
  // Typing in the mismatched document: its note is computed with the edit, so the report is unchanged (no flicker).
  await change(pull, uri, 2, 7, 0, 'Encore. ');
  assert.equal((await pull.pull(uri)).kind, 'unchanged');
  // Correcting the stated day removes the note in the very report of that version.
  const line5 = DATED.split('\n')[5];
  const at = line5.indexOf('29 août');
  await change(pull, uri, 3, 5, at, '12 décembre', at + '29 août'.length);
  const fixed = await pull.pull(uri);
  assert.ok(fixed.kind === 'full');
  assert.deepEqual(fixed.kind === 'full' && fixed.items.map((d) => d.code), []);
});

test('push: one publication per version that changed something, none for an edit that changed nothing', async () => {
  const uri = fileUri(path.join(ws, 'push.corpus'));
  const first = await push.open(uri, seedsText);
  assert.deepEqual(codes(first), ['partial-date', 'missing-date', 'missing-date', 'missing-date']);
  await idle(push);
  const before = push.received(uri);
  // Version 2 changes nothing; version 3 breaks a header. The next publication is version 3's, and the only one.
  const next = push.nextDiagnostics(uri);
  await change(push, uri, 2, 10, 5, 'x');
  await change(push, uri, 3, 0, 0, 'x');
  const published = await next;
  assert.equal(published.version, 3);
  assert.ok(codes(published).includes('text-outside-document'));
  await idle(push);
  assert.equal(push.received(uri), before + 1);
});

test('push: a dated file is published once at open and once with its date-mismatch note, then once per changing version, note included', async () => {
  const uri = fileUri(path.join(ws, 'dated-push.corpus'));
  const atOpen = await push.open(uri, DATED);
  const withNote = codes(atOpen).includes('date-mismatch') ? atOpen : await push.nextDiagnostics(uri);
  assert.deepEqual(codes(withNote), ['date-mismatch']);
  await idle(push);
  const count = push.received(uri);
  // Breaking the first document's date: one publication, with the other document's note still in it.
  const next = push.nextDiagnostics(uri);
  await change(push, uri, 2, 1, 8, 'x');
  const broken = await next;
  assert.equal(broken.version, 2);
  assert.deepEqual(codes(broken).sort(), ['date-mismatch', 'invalid-date']);
  await idle(push);
  assert.equal(push.received(uri), count + 1, 'no second publication for the same version');
  // Closing clears the file's diagnostics.
  const cleared = push.nextDiagnostics(uri);
  await push.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  assert.deepEqual((await cleared).diagnostics, []);
});

test('the server reports its background work, and becomes idle', async () => {
  const uri = fileUri(path.join(ws, 'busy.corpus'));
  await pull.open(
    uri,
    seedsText.repeat(20).replace(/^<<<FILE (\S+)\.txt>>>/gm, (_, n: string, o: number) => `<<<FILE ${n}-${o}.txt>>>`),
  );
  await idle(pull);
  assert.equal((await pull.connection.sendRequest(ServerInfoRequest)).backgroundWork, 0);
});
