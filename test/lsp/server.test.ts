// Protocol-level tests: the built server, spawned over stdio, driven by a real
// JSON-RPC client. Few and broad: the service-level tests cover the details.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  TextEdit,
  WorkspaceSymbolRequest,
  CodeAction,
  SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';
import { SEEDS, FIXTURES } from '../support/fixtures';
import { OverviewRequest, PeopleRequest, ServerInfoRequest, StatusRequest } from '../../server/src/lsp/protocol';

let server: TestServer;
let ws: string;
const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lsp-'));
  fs.copyFileSync(path.join(SEEDS, 'seeds.corpus'), path.join(ws, 'seeds.corpus'));
  fs.mkdirSync(path.join(ws, 'sub'));
  fs.copyFileSync(path.join(FIXTURES, 'codes', 'duplicate-name.corpus'), path.join(ws, 'sub', 'closed-file.corpus'));
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('seeds.corpus: three missing-date warnings, one partial-date, five symbols and folding ranges', async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const diags = await server.open(uri, seedsText);
  const summary = diags.diagnostics.map((d) => `${d.code}:${d.severity}:${d.range.start.line}`);
  assert.deepEqual(summary, ['partial-date:3:21', 'missing-date:2:46', 'missing-date:2:67', 'missing-date:2:80']);
  assert.ok(diags.diagnostics.every((d) => d.source === 'corpus'));
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['000_49243bdc0dd67178.txt', '001_665790bf4786f678.txt', '002_e77d50c1257fff65.txt', '003_dc61dc6a43fd7c34.txt', '004_b79afbb6f32da4f5.txt'],
  );
  assert.match(symbols[0].detail ?? '', /^2024-12-12 · HÀ NỘI — State President Lương Cường/);
  const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.equal(folds?.length, 5);
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 9 } });
  assert.match(JSON.stringify(hover?.contents), /Thursday 12 December 2024/);
});

test('corpus/status: documents and problem counts of what was published, cheaply; null for a file not open', async () => {
  const uri = fileUri(path.join(ws, 'status.corpus'));
  const published = await server.open(uri, seedsText);
  const status = await server.connection.sendRequest(StatusRequest, { uri });
  assert.deepEqual(status, { documents: 5, problems: published.diagnostics.length, errors: 0, warnings: 3 });
  // After an edit that breaks a header, the counts follow the next publication.
  const next = server.nextDiagnostics(uri, 2);
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '<<' }],
  });
  const after = await next;
  const errors = after.diagnostics.filter((d) => d.severity === 1).length;
  assert.ok(errors > 0);
  assert.deepEqual(await server.connection.sendRequest(StatusRequest, { uri }), { documents: 5, problems: after.diagnostics.length, errors, warnings: 3 });
  assert.equal(await server.connection.sendRequest(StatusRequest, { uri: fileUri(path.join(ws, 'not-open.corpus')) }), null);
  // The other requests of the shared protocol module answer too.
  assert.ok((await server.connection.sendRequest(PeopleRequest, { uri })).length > 0);
  assert.equal((await server.connection.sendRequest(ServerInfoRequest)).pid, server.process.pid);
});

test('corpus/overview: the documents, problems by code and people of an open file; null for a file not open', async () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'overview', 'overview.corpus'), 'utf8');
  const uri = fileUri(path.join(ws, 'overview.corpus'));
  await server.open(uri, text);
  const data = await server.connection.sendRequest(OverviewRequest, { uri });
  assert.ok(data);
  assert.deepEqual(
    data.documents.map((d) => d.date ?? (d.badDate ? 'invalid' : 'undated')),
    ['2024-01-15', '2024-01-20', '2024-03-02', 'undated', 'invalid', '2023', '2024-03-09'],
  );
  assert.deepEqual(data.problems.find((p) => p.code === 'duplicate-name')?.documents, [6]);
  assert.deepEqual(data.people.find((p) => p.name === 'Joe Biden')?.documents, [0, 1]);
  assert.equal(await server.connection.sendRequest(OverviewRequest, { uri: fileUri(path.join(ws, 'not-open.corpus')) }), null);
});

test('quick fix and fix all over the protocol', async () => {
  const uri = fileUri(path.join(ws, 'fix.corpus'));
  const text = '<<<FILE a.txt date=2024-12-1 author=x>>>\nText.\n<<<FILE a.txt date=2024-01-01>>>\nMore.\n';
  const diags = await server.open(uri, text);
  const invalid = diags.diagnostics.find((d) => d.code === 'invalid-date');
  assert.ok(invalid);
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: invalid.range,
    context: { diagnostics: [invalid] },
  })) as CodeAction[];
  const fix = actions.find((a) => a.title.includes('2024-12-01'));
  assert.ok(fix?.isPreferred);
  assert.deepEqual(
    fix?.diagnostics?.map((d) => d.code),
    ['invalid-date'],
  );
  const all = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.equal(all.length, 1);
  const edits = all[0].edit?.changes?.[uri] as TextEdit[];
  const model = CorpusModel.parse(text);
  const sorted = [...edits].sort((x, y) => model.offsetAt(y.range.start) - model.offsetAt(x.range.start));
  let fixed = text;
  for (const e of sorted) fixed = fixed.slice(0, model.offsetAt(e.range.start)) + e.newText + fixed.slice(model.offsetAt(e.range.end));
  assert.deepEqual(computeDiagnostics(CorpusModel.parse(fixed), DEFAULT_CONFIG), [], fixed);
});

test("missing-date fixes propose the article's date; completion offers it after date=", async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const diags = await server.open(fileUri(path.join(ws, 'dates.corpus')), seedsText);
  const d003 = diags.diagnostics.find((d) => d.code === 'missing-date' && d.range.start.line === 67);
  assert.ok(d003);
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: fileUri(path.join(ws, 'dates.corpus')) },
    range: d003.range,
    context: { diagnostics: [d003] },
  })) as CodeAction[];
  assert.match(actions[0].title, /^Insert date 2025-03-13 \(from 'March 13' in the first sentence, year from '2025'/);
  assert.equal(actions[0].isPreferred ?? false, false, 'the year comes from elsewhere in the text: offered, not preferred');
  // a page that states its full publication date gets that date as the preferred fix
  const stated = fileUri(path.join(ws, 'stated.corpus'));
  const sd = await server.open(
    stated,
    '<<<FILE a.txt lang=en>>>\nCity opens its new bridge\nPublished March 13, 2025 10:15 AM\nThe city opened its new bridge on Thursday in front of hundreds of residents and their families.\n',
  );
  const dm = sd.diagnostics.find((d) => d.code === 'missing-date');
  assert.ok(dm);
  const sa = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: stated }, range: dm.range, context: { diagnostics: [dm] } })) as CodeAction[];
  assert.match(sa[0].title, /^Insert date 2025-03-13 /);
  assert.equal(sa[0].isPreferred, true);
  const small = fileUri(path.join(ws, 'complete.corpus'));
  await server.open(small, '<<<FILE a.txt lang=en date=>>>\nThe talks ended on Thursday, March 13, 2025.\n');
  const items = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: small }, position: { line: 0, character: 27 } });
  const list = Array.isArray(items) ? items : (items?.items ?? []);
  assert.equal(list[0]?.label, '2025-03-13');
  assert.deepEqual(list[0]?.textEdit, { range: { start: { line: 0, character: 27 }, end: { line: 0, character: 27 } }, newText: '2025-03-13' });
  void uri;
});

test('a sequence of incremental edits ends with the diagnostics of a fresh parse', async () => {
  const uri = fileUri(path.join(ws, 'edits.corpus'));
  let text = seedsText;
  await server.open(uri, text);
  const edits = [
    { range: { start: { line: 46, character: 0 }, end: { line: 46, character: 0 } }, text: 'x' }, // breaks header 002
    { range: { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } }, text: '2024-13-12' },
    { range: { start: { line: 80, character: 3 }, end: { line: 80, character: 3 } }, text: '\r\n' },
    { range: { start: { line: 46, character: 0 }, end: { line: 46, character: 1 } }, text: '' },
    { range: { start: { line: 95, character: 0 }, end: { line: 96, character: 0 } }, text: '<<<END>>>\nLương Cường 👋\n' },
  ];
  const model = CorpusModel.parse(text);
  let version = 1;
  for (const e of edits) {
    version++;
    const a = model.offsetAt(e.range.start);
    const b = model.offsetAt(e.range.end);
    model.applyEdit(a, b, e.text);
    text = text.slice(0, a) + e.text + text.slice(b);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [e] });
  }
  const final = await server.nextDiagnostics(uri, version);
  const fresh = computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG);
  assert.deepEqual(
    final.diagnostics.map((d) => [d.code, d.range, d.message]),
    fresh.map((d) => [d.code, d.range, d.message]),
  );
});

test('settings and .corpusrc.json change the diagnostics without a restart', async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  server.settings = { rules: { 'missing-date': 'off' } };
  // New settings: the server asks the client to pull again (the list changed).
  const refreshes = server.refreshes();
  let next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  let d = await next;
  assert.deepEqual(
    d.diagnostics.map((x) => x.code),
    ['partial-date'],
  );
  assert.ok(server.refreshes() > refreshes);

  const rc = path.join(ws, '.corpusrc.json');
  fs.writeFileSync(rc, JSON.stringify({ rules: { 'partial-date': 'error', 'missing-date': 'hint' } }));
  next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Created }] });
  d = await next;
  assert.deepEqual(
    d.diagnostics.map((x) => `${x.code}:${x.severity}`),
    ['partial-date:1', 'missing-date:4', 'missing-date:4', 'missing-date:4'],
  );

  // An invalid rc file gets its own diagnostics; the defaults (and settings) apply.
  fs.writeFileSync(rc, '{ "rules": { "missing-date": "loud" }, "colour": 1 }');
  const rcDiags = server.nextDiagnostics(fileUri(rc));
  next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Changed }] });
  d = await next;
  assert.deepEqual(
    d.diagnostics.map((x) => x.code),
    ['partial-date'],
  );
  const rd = await rcDiags;
  assert.deepEqual(
    rd.diagnostics.map((x) => String(x.message).slice(0, 40)),
    ['The setting for "missing-date" must be "', '"colour" is not a setting of .corpusrc.j'],
  );
  fs.rmSync(rc);
  const rcCleared = server.nextDiagnostics(fileUri(rc));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Deleted }] });
  // The same list as before (no refresh is needed): pulled, it says so.
  d = await server.current(uri);
  assert.equal(d.diagnostics.length, 1, 'the settings still turn missing-date off');
  assert.deepEqual((await rcCleared).diagnostics, [], 'the deleted file has no diagnostics left');
  server.settings = {};
  next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  d = await next;
  assert.equal(d.diagnostics.length, 4);
});

test('workspace symbols find documents in files that are not open', async () => {
  let found: SymbolInformation[] = [];
  for (let i = 0; i < 50 && found.length === 0; i++) {
    found = ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'a.txt' })) ?? []) as SymbolInformation[];
    if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  const closed = found.filter((s) => s.location.uri.endsWith('closed-file.corpus'));
  assert.equal(closed.length, 2);
  const byDate = ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '004_b79' })) ?? []) as SymbolInformation[];
  assert.ok(byDate.some((s) => s.name === '004_b79afbb6f32da4f5.txt'));
});
