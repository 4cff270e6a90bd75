// Pull diagnostics and workspace problems (corpus.problems.scope = workspace) in a
// virtual workspace whose files only the client can read (corpus/fs/*), on both
// hosts: the Node server and the browser bundle in a worker. The one wiring
// (server/src/lsp/serve.ts) gives the browser what the desktop has: a pull provider
// registered dynamically with workspace diagnostics, unopened files checked through
// the client's file system, a change reported by the watcher answered at once.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  FileChangeType,
  WorkspaceDiagnosticReport,
  WorkspaceDiagnosticRequest,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer } from '../support/lspClient';
import { waitFor } from '../support/waitFor';

const WS = 'vscode-vfs://github/corpus-files/problems';
const codes = (d: { code?: unknown }[]): unknown[] => d.map((x) => x.code);

for (const host of ['node', 'browser'] as const) {
  describe(`workspace problems in a virtual workspace (${host} server)`, () => {
    let server: TestServer;
    const files = new Map<string, string>();
    const a = `${WS}/a.corpus`;
    const b = `${WS}/sub/b.corpus`;

    before(async () => {
      files.set(a, '<<<FILE one.txt>>>\nNo date here.\n');
      files.set(b, '<<<FILE two.txt date=2024-12>>>\nA month only.\n');
      server = await startServer({
        host,
        workspaceUri: WS,
        files,
        settings: { problems: { scope: 'workspace' } },
        capabilities: { textDocument: { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } },
      });
    });

    after(() => server.stop());

    test('unopened files read through the client come in workspace/diagnostic; a watched change answers a held pull', async () => {
      const registration = await waitFor(() => server.registrations.find((r) => r.method === 'textDocument/diagnostic'), 'the pull provider registered');
      assert.equal((registration.registerOptions as { workspaceDiagnostics?: boolean }).workspaceDiagnostics, true);
      const known = new Map<string, WorkspaceDocumentDiagnosticReport>();
      const previous = () => [...known.values()].map((k) => ({ uri: k.uri, value: k.resultId ?? '' }));
      while (!known.has(a) || !known.has(b)) {
        const r: WorkspaceDiagnosticReport = await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { identifier: 'corpus', previousResultIds: previous() });
        for (const item of r.items) known.set(item.uri, item);
      }
      const full = (uri: string) => {
        const k = known.get(uri);
        return k?.kind === 'full' ? codes(k.items) : undefined;
      };
      assert.deepEqual(full(a), ['missing-date']);
      assert.deepEqual(full(b), ['partial-date']);

      const held = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { identifier: 'corpus', previousResultIds: previous() });
      files.set(b, '<<<FILE two.txt date=2024-12-01>>>\nThe day.\n');
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Changed }] });
      const changed = await held;
      assert.deepEqual(
        changed.items.map((i) => [i.uri, i.kind === 'full' ? i.items.length : 'unchanged']),
        [[b, 0]],
      );
    });

    test('an open file is pulled from the open model', async () => {
      await server.open(a, files.get(a)!);
      const doc: DocumentDiagnosticReport = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { identifier: 'corpus', textDocument: { uri: a } });
      assert.ok(doc.kind === 'full');
      assert.deepEqual(codes(doc.items), ['missing-date']);
      assert.equal(server.latest.get(a), undefined, 'nothing is pushed to a pulling client');
    });
  });
}
