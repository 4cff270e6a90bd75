// Workspace problems over the protocol (corpus.problems.scope = workspace): the
// problems of unopened corpus files, pulled with workspace/diagnostic by a client
// that registers diagnostic providers dynamically (VS Code), published per file
// for any other client; kept current by file events; gone when the scope is off.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticReport,
  WorkspaceDiagnosticRequest,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { waitFor } from '../support/waitFor';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function workspace(): { dir: string; a: string; b: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lsp-ws-'));
  dirs.push(dir);
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'a.corpus'), '<<<FILE one.txt>>>\nNo date here.\n');
  fs.writeFileSync(path.join(dir, 'sub', 'b.corpus'), '<<<FILE two.txt date=2024-12>>>\nA month only.\n');
  fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a corpus\n');
  return { dir, a: path.join(dir, 'a.corpus'), b: path.join(dir, 'sub', 'b.corpus') };
}

const codes = (d: { code?: unknown }[] | undefined): unknown[] | undefined => d?.map((x) => x.code);

test('push (a client without dynamic pull): unopened files are published, updated, and cleared when the scope is off', async () => {
  const ws = workspace();
  const server: TestServer = await startServer({ workspace: ws.dir, settings: { problems: { scope: 'workspace' } }, pull: false });
  try {
    const a = fileUri(ws.a);
    const b = fileUri(ws.b);
    await waitFor(() => server.latest.get(a), 'a.corpus published');
    await waitFor(() => server.latest.get(b), 'b.corpus published');
    assert.deepEqual(codes(server.latest.get(a)?.diagnostics), ['missing-date']);
    assert.deepEqual(codes(server.latest.get(b)?.diagnostics), ['partial-date']);
    assert.ok(server.latest.get(a)?.diagnostics.every((d) => d.source === 'corpus'));
    assert.equal(server.registrations.filter((r) => r.method === 'textDocument/diagnostic').length, 0, 'no pull provider for this client');

    // Opened, the file is the editor's: its own validation publishes (with a version).
    const opened = await server.open(a, fs.readFileSync(ws.a, 'utf8'));
    assert.deepEqual(codes(opened.diagnostics), ['missing-date']);

    // A change on disk of an unopened file.
    fs.writeFileSync(ws.b, '<<<FILE two.txt date=2024-12-01>>>\nThe day.\n');
    const next = server.nextDiagnostics(b);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Changed }] });
    assert.deepEqual((await next).diagnostics, []);

    // A new file, then the scope turned off: the unopened file's problems are cleared, the open one's stay.
    const c = path.join(ws.dir, 'c.corpus');
    fs.writeFileSync(c, '<<<FILE c.txt>>>\n\n');
    const created = server.nextDiagnostics(fileUri(c));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(c), type: FileChangeType.Created }] });
    assert.deepEqual(codes((await created).diagnostics), ['empty-document']);
    const cleared = server.nextDiagnostics(fileUri(c));
    server.settings = { problems: { scope: 'openFiles' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual((await cleared).diagnostics, []);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(codes(server.latest.get(a)?.diagnostics), ['missing-date'], 'the open file keeps its diagnostics');
  } finally {
    await server.stop();
  }
});

test('pull (VS Code): a provider registered while the scope is workspace, workspace/diagnostic held until a change', async () => {
  const ws = workspace();
  const server: TestServer = await startServer({
    workspace: ws.dir,
    settings: { problems: { scope: 'workspace' } },
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } },
  });
  try {
    const a = fileUri(ws.a);
    const b = fileUri(ws.b);
    const registration = await waitFor(() => server.registrations.find((r) => r.method === 'textDocument/diagnostic'), 'the pull provider registered');
    assert.deepEqual(registration.registerOptions, { documentSelector: [{ language: 'corpus' }], identifier: 'corpus', interFileDependencies: false, workspaceDiagnostics: true });
    assert.equal(server.init.capabilities.diagnosticProvider, undefined, 'one provider, registered dynamically');

    // The first pulls bring every unopened file, as the background pass checks them.
    const known = new Map<string, WorkspaceDocumentDiagnosticReport>();
    while (!known.has(a) || !known.has(b)) {
      const r: WorkspaceDiagnosticReport = await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
        identifier: 'corpus',
        previousResultIds: [...known.values()].map((k) => ({ uri: k.uri, value: k.resultId ?? '' })),
      });
      for (const item of r.items) known.set(item.uri, item);
    }
    const full = (uri: string): unknown[] | undefined => {
      const k = known.get(uri);
      return k?.kind === 'full' ? codes(k.items) : undefined;
    };
    assert.deepEqual(full(a), ['missing-date']);
    assert.deepEqual(full(b), ['partial-date']);
    assert.equal(server.latest.get(a), undefined, 'nothing is pushed for unopened files to a pulling client');

    // Nothing changed: the next pull waits; a change on disk answers it with that file only.
    const held = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      identifier: 'corpus',
      previousResultIds: [...known.values()].map((k) => ({ uri: k.uri, value: k.resultId ?? '' })),
    });
    let answered = false;
    void held.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(answered, false, 'an idle workspace costs nothing: the request is held');
    fs.writeFileSync(ws.b, '<<<FILE two.txt date=2024-12-01>>>\nThe day.\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Changed }] });
    const changed = await held;
    assert.deepEqual(
      changed.items.map((i) => [i.uri, i.kind === 'full' ? i.items.length : 'unchanged']),
      [[b, 0]],
    );

    // An open file: the one provider answers from the open model; the workspace report leaves it out.
    await server.open(a, fs.readFileSync(ws.a, 'utf8'));
    const doc: DocumentDiagnosticReport = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { identifier: 'corpus', textDocument: { uri: a } });
    assert.ok(doc.kind === 'full' && doc.resultId !== undefined);
    assert.deepEqual(codes(doc.items), ['missing-date']);
    const again = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { identifier: 'corpus', textDocument: { uri: a }, previousResultId: doc.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: doc.resultId });
    assert.equal(server.latest.get(a), undefined, 'nothing is pushed for it either');

    // A deleted file: reported gone once.
    fs.rmSync(ws.b);
    const gone = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      identifier: 'corpus',
      previousResultIds: [{ uri: b, value: changed.items[0].resultId ?? '' }],
    });
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Deleted }] });
    assert.deepEqual((await gone).items, [{ kind: 'full', uri: b, version: null, resultId: 'gone', items: [] }]);

    // The scope turned off: a held pull ends empty, and the provider is registered again without workspace diagnostics.
    const last = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, {
      identifier: 'corpus',
      previousResultIds: [{ uri: b, value: 'gone' }],
    });
    server.settings = { problems: { scope: 'openFiles' } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    assert.deepEqual(await last, { items: [] });
    await waitFor(() => server.unregistrations.find((u) => u.id === registration.id), 'the provider unregistered');
    const after = await waitFor(() => server.registrations.find((r) => r.method === 'textDocument/diagnostic' && r.id !== registration.id), 'the provider registered again');
    assert.deepEqual(after.registerOptions, { documentSelector: [{ language: 'corpus' }], identifier: 'corpus', interFileDependencies: false, workspaceDiagnostics: false });
  } finally {
    await server.stop();
  }
});
