// A file that is not UTF-8, or not text, in a virtual workspace (github.dev's
// vscode-vfs://, a browser folder): its bytes come through the client
// (corpus/fs/readBytes, as client/src/fileSystemBridge.ts answers from workspace.fs),
// so it gets the one not-utf8 or binary-file diagnostic the desktop gives, in the
// browser server as in the Node server. Only Node names the charset (jschardet is not
// in the browser bundle).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { FIXTURES } from '../support/fixtures';
import { startServer, TestServer } from '../support/lspClient';

const WS = 'vscode-vfs://github/corpus-files/health';
const CODES = path.join(FIXTURES, 'codes');
type Lsp = PublishDiagnosticsParams['diagnostics'];
const codes = (d: Lsp): string[] => d.map((x) => String(x.code));

for (const host of ['node', 'browser'] as const) {
  describe(`bytes read through the client (${host} server)`, () => {
    let server: TestServer;
    const bytes = new Map<string, Uint8Array>();
    for (const n of ['not-utf8.corpus', 'binary-file.corpus', 'not-utf8.utf16.corpus']) bytes.set(`${WS}/${n}`, fs.readFileSync(path.join(CODES, n)));

    before(async () => {
      server = await startServer({ host, workspaceUri: WS, bytes });
    });
    after(async () => {
      await server.stop();
    });

    /** Opens a file as VS Code does (its bytes as UTF-8) and waits until its diagnostics are `want`. */
    async function openAndWait(name: string, want: string[]): Promise<Lsp> {
      const uri = `${WS}/${name}`;
      let got = (await server.open(uri, new TextDecoder('utf-8').decode(bytes.get(uri)))).diagnostics;
      for (let i = 0; i < 50 && codes(got).join() !== want.join(); i++) got = (await server.nextDiagnostics(uri)).diagnostics;
      assert.deepEqual(codes(got), want);
      return got;
    }

    test('a windows-1252 file: one not-utf8 error instead of its replacement characters', async () => {
      const [d] = await openAndWait('not-utf8.corpus', ['not-utf8']);
      if (host === 'node') assert.match(String(d.message), /windows-1252|iso-8859-1/);
      else assert.doesNotMatch(String(d.message), /windows-1252|iso-8859-1/);
    });

    test('a UTF-16 file and a binary file: their one diagnostic', async () => {
      const [u16] = await openAndWait('not-utf8.utf16.corpus', ['not-utf8']);
      assert.match(String(u16.message), /utf-16le/);
      await openAndWait('binary-file.corpus', ['binary-file']);
    });
  });
}
