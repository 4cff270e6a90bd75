// The server without a file system of its own: every file of a virtual workspace
// (github.dev's vscode-vfs://) read through the client's corpus/fs/* requests. Run
// against both hosts: the Node server (which reads only file: URIs itself) and the
// browser bundle in a worker (which reads nothing itself). Open files, files that
// are not open (workspace symbols, a person's mentions elsewhere), the people file
// and .corpusrc.json, and a change to it reported by the file watcher.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  SymbolInformation,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { ServerInfoRequest } from '../../server/src/lsp/protocol';
import { FIXTURES, ROOT, SEEDS } from '../support/fixtures';
import { startServer, TestServer } from '../support/lspClient';

const WS = 'vscode-vfs://github/corpus-files/news';
const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

function at(text: string, needle: string, offset: number): { line: number; character: number } {
  const i = text.indexOf(needle) + offset;
  const before = text.slice(0, i);
  return { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 };
}

for (const host of ['node', 'browser'] as const) {
  describe(`a virtual workspace read through the client (${host} server)`, () => {
    let server: TestServer;
    const files = new Map<string, string>();
    const seeds = `${WS}/seeds.corpus`;
    const rc = `${WS}/.corpusrc.json`;

    before(async () => {
      files.set(seeds, seedsText);
      files.set(`${WS}/archive/2024/closed%20file.corpus`, fs.readFileSync(path.join(FIXTURES, 'codes', 'duplicate-name.corpus'), 'utf8'));
      files.set(`${WS}/archive/other.corpus`, '<<<FILE other.txt date=2024-12-13>>>\nChủ tịch nước Lương Cường tiếp Đại sứ.\n');
      files.set(`${WS}/people.people.json`, fs.readFileSync(path.join(ROOT, 'samples', 'people.people.json'), 'utf8'));
      files.set(rc, JSON.stringify({ rules: { 'partial-date': 'off' } }));
      server = await startServer({ host, workspaceUri: WS, files });
    });

    after(() => server.stop());

    test('an open file gets its diagnostics under the workspace .corpusrc.json (partial-date off)', async () => {
      const d = await server.open(seeds, seedsText);
      assert.deepEqual(
        d.diagnostics.map((x) => `${x.code}:${x.range.start.line}`),
        ['missing-date:46', 'missing-date:67', 'missing-date:80'],
      );
      const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: seeds } })) as DocumentSymbol[];
      assert.equal(symbols.length, 5);
    });

    test('workspace symbols find the documents of files that are not open, in nested folders', async () => {
      const closed = `${WS}/archive/2024/closed%20file.corpus`;
      let found: SymbolInformation[] = [];
      for (let i = 0; i < 100 && !found.some((s) => s.location.uri === closed); i++) {
        found = ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'a.txt' })) ?? []) as SymbolInformation[];
        if (!found.some((s) => s.location.uri === closed)) await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(
        found.filter((s) => s.location.uri === closed).map((s) => `${s.name}@${s.location.range.start.line}`),
        ['a.txt@0', 'a.txt@2'],
      );
    });

    test("the people file read through the client names the person; the hover lists the other file's mention", async () => {
      let text = '';
      for (let i = 0; i < 100 && !/other\.corpus/.test(text); i++) {
        const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: seeds }, position: at(seedsText, 'President Cường', 11) });
        text = JSON.stringify(h?.contents ?? '');
        if (!/other\.corpus/.test(text)) await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(text, /State President of Viet Nam/);
      assert.match(text, /other\.corpus/);
      // "Add … to the people file" edits the people file at its virtual URI.
      const actions = ((await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: seeds },
        range: { start: at(seedsText, 'Tô Lâm', 1), end: at(seedsText, 'Tô Lâm', 1) },
        context: { diagnostics: [] },
      })) ?? []) as CodeAction[];
      for (const a of actions.filter((x) => x.edit?.documentChanges)) {
        const uris = (a.edit?.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : ''));
        assert.ok(
          uris.every((u) => u.startsWith(WS)),
          `${a.title}: ${uris.join(', ')}`,
        );
      }
    });

    test('a change to .corpusrc.json reported by the watcher applies at once', async () => {
      files.set(rc, JSON.stringify({ rules: { 'missing-date': 'off' } }));
      const next = server.nextDiagnostics(seeds);
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: rc, type: FileChangeType.Changed }] });
      const d = await next;
      assert.deepEqual(
        d.diagnostics.map((x) => x.code),
        ['partial-date'],
      );
    });

    test(`corpus/serverInfo reports ${host === 'browser' ? 'no process (pid 0)' : 'the process id'}`, async () => {
      const info = await server.connection.sendRequest(ServerInfoRequest);
      if (host === 'browser') assert.equal(info.pid, 0);
      else assert.equal(info.pid, server.process.pid);
    });
  });
}
