// Encodings over the real protocol, with the Node server on files on disk: a file
// that is not UTF-8, opened as VS Code opens it (its bytes read as UTF-8, so every
// accented letter is U+FFFD), gets the one not-utf8 diagnostic that `corpus lint`
// gives, with VS Code's "Reopen with Encoding" as its action; a binary file gets
// its one note; mojibake gets its fix; and the text made right clears them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DidChangeTextDocumentNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import iconv from 'iconv-lite';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

const CODES_DIR = path.join(FIXTURES, 'codes');
let ws: string;
let server: TestServer;

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-encoding-lsp-'));
  for (const n of ['not-utf8.corpus', 'not-utf8.utf16.corpus', 'binary-file.corpus', 'mojibake.ar.corpus']) fs.copyFileSync(path.join(CODES_DIR, n), path.join(ws, n));
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

type Lsp = PublishDiagnosticsParams['diagnostics'];
const codes = (d: Lsp): string[] => d.map((x) => String(x.code));

/** Opens a file as VS Code does (its bytes as UTF-8) and waits until its diagnostics are `want`. */
async function openAndWait(name: string, want: string[]): Promise<{ uri: string; diagnostics: Lsp }> {
  const uri = fileUri(path.join(ws, name));
  let got = (await server.open(uri, new TextDecoder('utf-8').decode(fs.readFileSync(path.join(ws, name))))).diagnostics;
  for (let i = 0; i < 50 && codes(got).join() !== want.join(); i++) got = (await server.nextDiagnostics(uri)).diagnostics;
  assert.deepEqual(codes(got), want);
  return { uri, diagnostics: got };
}

/** What `corpus lint --format json` reports for the file. */
async function cliDiagnostics(name: string): Promise<{ code: string; range: unknown; message: string }[]> {
  const stdout = new MemoryStream();
  await main(['lint', '--format', 'json', name], { cwd: ws, stdout, stderr: new MemoryStream(), env: {} });
  return (JSON.parse(stdout.text) as { files: { diagnostics: { code: string; range: unknown; message: string }[] }[] }).files[0].diagnostics;
}

test('a windows-1252 file: one not-utf8 error, as corpus lint gives it, with "Reopen with Encoding"; the text made right clears it', async () => {
  const { uri, diagnostics } = await openAndWait('not-utf8.corpus', ['not-utf8']);
  const cli = await cliDiagnostics('not-utf8.corpus');
  assert.deepEqual(
    diagnostics.map((d) => ({ code: d.code, range: d.range, message: d.message })),
    cli.map((d) => ({ code: d.code, range: d.range, message: d.message })),
  );
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics, only: ['quickfix'] },
  })) as { title: string; command?: { command: string }; edit?: unknown }[];
  const reopen = actions.find((a) => a.command?.command === 'workbench.action.editor.changeEncoding');
  assert.ok(reopen, JSON.stringify(actions));
  assert.match(reopen.title, /^Reopen with the (windows-1252|iso-8859-1) \(Western European\) encoding/);
  assert.equal(reopen.edit, undefined);
  // "Reopen with Encoding": VS Code replaces the text with the bytes read as windows-1252.
  const right = iconv.decode(fs.readFileSync(path.join(ws, 'not-utf8.corpus')), 'windows-1252');
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: right }] });
  assert.deepEqual((await server.current(uri)).diagnostics, []);
});

test('a UTF-16 file and a binary file: their one diagnostic and nothing else', async () => {
  const u16 = await openAndWait('not-utf8.utf16.corpus', ['not-utf8']);
  assert.match(String(u16.diagnostics[0].message), /utf-16le/);
  const bin = await openAndWait('binary-file.corpus', ['binary-file']);
  assert.deepEqual(
    bin.diagnostics.map((d) => d.message),
    (await cliDiagnostics('binary-file.corpus')).map((d) => d.message),
  );
});

test('mojibake over the protocol: the preferred quick fix restores the Arabic paragraph', async () => {
  const { uri, diagnostics } = await openAndWait('mojibake.ar.corpus', ['mojibake']);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostics[0].range,
    context: { diagnostics, only: ['quickfix'] },
  })) as { title: string; isPreferred?: boolean; edit?: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
  const repaired = fix.edit.changes[uri].map((e) => e.newText).join(' ');
  assert.match(repaired, /قال/);
  assert.match(repaired, /حسام/);
});
