// lang-mismatch over the real protocol, from the Node server and from the browser
// bundle in a worker: the warning arrives with the background pass, its quick fix
// (preferred) rewrites the tag and the warning goes; `lang=` completion offers the
// language of the document's text first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

const fixture = fs.readFileSync(path.join(FIXTURES, 'codes', 'lang-mismatch.corpus'), 'utf8');

let ws: string;
const servers: Partial<Record<'node' | 'browser', TestServer>> = {};

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lang-'));
  [servers.node, servers.browser] = await Promise.all([startServer({ workspace: ws }), startServer({ workspaceUri: 'vscode-test-web://mount/corpus', files: new Map(), host: 'browser' })]);
});

after(async () => {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
  fs.rmSync(ws, { recursive: true, force: true });
});

const langProblems = (p: PublishDiagnosticsParams) => p.diagnostics.filter((d) => d.code === 'lang-mismatch');

for (const host of ['node', 'browser'] as const) {
  const uriOf = (name: string): string => (host === 'node' ? fileUri(path.join(ws, name)) : `vscode-test-web://mount/corpus/${name}`);

  test(`${host}: lang-mismatch reported over the protocol, fixed by its preferred quick fix`, async () => {
    const server = servers[host];
    assert.ok(server);
    const uri = uriOf('lang.corpus');
    const atOpen = await server.open(uri, fixture);
    // The text rules run in the background: the warning is in the first report or in the next one.
    let report = atOpen;
    for (let i = 0; i < 5 && langProblems(report).length === 0; i++) report = await server.nextDiagnostics(uri);
    const found = langProblems(report);
    assert.equal(found.length, 1);
    const d = found[0];
    assert.equal(d.severity, 2, 'a warning');
    assert.match(String(d.message), /tagged French \(fr\) but the text reads as Spanish \(es\)/);
    assert.deepEqual(d.range, { start: { line: 0, character: 25 }, end: { line: 0, character: 27 } });
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const fix = actions.find((a) => a.title.startsWith('Change the tag to `lang=es`'));
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    assert.equal(fix.isPreferred, true);
    const edit = fix.edit?.changes?.[uri]?.[0];
    assert.deepEqual(edit, { range: d.range, newText: 'es' });
    const next = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    assert.deepEqual(langProblems(await next), []);
  });

  test(`${host}: lang= completion offers the language of the text first`, async () => {
    const server = servers[host];
    assert.ok(server);
    const uri = uriOf('complete.corpus');
    const body = fixture.split('\n').slice(1, 6).join('\n');
    await server.open(uri, `<<<FILE a.txt lang=>>>\n${body}\n`);
    const items = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 19 } });
    const list = Array.isArray(items) ? items : (items?.items ?? []);
    assert.equal(list[0]?.label, 'es');
    assert.match(String(list[0]?.detail), /^Spanish: the language of this document's text$/);
    assert.equal(list[0]?.preselect, true);
    assert.ok(
      list.some((i) => i.label === 'fr'),
      'the other tags follow',
    );
  });
}
