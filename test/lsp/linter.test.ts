// Over the protocol: every diagnostic links to its rule page (codeDescription), and
// the "Turn off …" quick fixes create or edit the .corpusrc.json, after which a
// watched-file event makes the finding go away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  CreateFile,
  DidChangeWatchedFilesNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { StatusRequest } from '../../server/src/lsp/protocol';
import { SEEDS } from '../support/fixtures';

let server: TestServer;
let ws: string;
const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lsp-linter-'));
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('every diagnostic carries codeDescription.href: its rule page', async () => {
  const uri = fileUri(path.join(ws, 'links.corpus'));
  const published = await server.open(uri, '<<<FILE a.txt lang=english>>>\n\u0001\n');
  assert.ok(published.diagnostics.length >= 3);
  for (const d of published.diagnostics) assert.equal(d.codeDescription?.href, `https://github.com/corpus-files/corpus-files/blob/main/docs/rules/${String(d.code)}.md`);
});

test('"Turn off … for this document" creates .corpusrc.json in the workspace folder; once it exists the finding is gone', async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const published = await server.open(uri, seedsText);
  const target = published.diagnostics.find((d) => d.code === 'missing-date');
  assert.ok(target);
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } })) as CodeAction[];
  const off = actions.find((a) => a.title === 'Turn off `missing-date` for this document');
  assert.ok(off, actions.map((a) => a.title).join(' | '));
  assert.equal(off.kind, 'quickfix');
  assert.deepEqual(
    off.diagnostics?.map((d) => d.code),
    ['missing-date'],
  );
  const changes = off.edit?.documentChanges ?? [];
  const create = changes[0] as CreateFile;
  assert.equal(create.kind, 'create');
  assert.equal(create.uri, fileUri(path.join(ws, '.corpusrc.json')));
  const text = ((changes[1] as TextDocumentEdit).edits[0] as TextEdit).newText;
  assert.deepEqual(JSON.parse(text), { overrides: [{ files: ['seeds.corpus'], documents: ['002_e77d50c1257fff65.txt'], rules: { 'missing-date': 'off' } }] });
  // What the editor does with it: write the file, tell the server.
  fs.writeFileSync(path.join(ws, '.corpusrc.json'), text);
  const next = server.nextDiagnostics(uri);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: create.uri, type: FileChangeType.Created }] });
  const after = await next;
  assert.deepEqual(
    after.diagnostics.filter((d) => d.code === 'missing-date').map((d) => d.range.start.line),
    [67, 80],
  );
  // The next action edits the file that now exists (no create).
  const again = (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: after.diagnostics[0].range,
    context: { diagnostics: [after.diagnostics[0]] },
  })) as CodeAction[];
  const everywhere = again.find((a) => a.title === `Turn off \`${String(after.diagnostics[0].code)}\` in .corpusrc.json`);
  assert.ok(everywhere?.edit?.changes?.[create.uri]);
});

test('corpus/status names the .corpusrc.json in effect (the status item shows and opens it)', async () => {
  const dir = path.join(ws, 'sub');
  fs.mkdirSync(dir, { recursive: true });
  const inSub = fileUri(path.join(dir, 'status.corpus'));
  await server.open(inSub, '<<<FILE a.txt date=2024-05-01>>>\nText.\n');
  // The workspace's .corpusrc.json (written by the test above) applies below it.
  const status = await server.connection.sendRequest(StatusRequest, { uri: inSub });
  assert.equal(status?.config, fileUri(path.join(ws, '.corpusrc.json')));
  assert.equal(status?.documents, 1);
});

test('outline over the protocol: the first words after a lone date line', async () => {
  const uri = fileUri(path.join(ws, 'outline.corpus'));
  await server.open(uri, '<<<FILE a.txt>>>\r\ndate 2024-05-01\r\n\r\nQuảng Ninh — Mưa lớn 😀 kéo dài.\r\n');
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(symbols[0].detail, '2024-05-01 · Quảng Ninh — Mưa lớn 😀 kéo dài.');
});
