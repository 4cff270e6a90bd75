// People over the protocol: hover, references, highlights, semantic tokens,
// outline children, workspace symbols, people-file diagnostics and reloads, and
// the "Add … to the people file" action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeAction,
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  DocumentHighlightRequest,
  DocumentSymbol,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRangeRequest,
  SymbolInformation,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lspClient';
import { FIXTURES, SEEDS } from '../support/fixtures';

let server: TestServer;
let ws: string;
const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');

function at(needle: string, offset = 0) {
  const lines = seedsText.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i, character: c + offset };
  }
  throw new Error(needle);
}

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-people-'));
  fs.writeFileSync(path.join(ws, 'seeds.corpus'), seedsText);
  fs.copyFileSync(path.join(FIXTURES, 'people', 'seeds.people.json'), path.join(ws, 'team.people.json'));
  fs.writeFileSync(path.join(ws, 'other.corpus'), '<<<FILE other.txt date=2024-12-13>>>\nChủ tịch nước Lương Cường tiếp Đại sứ.\n');
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('hover, references, highlights and semantic tokens on a person', async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  await server.open(uri, seedsText);
  const c = server.connection;
  // The workspace index (other.corpus, not open) is built in the background.
  let hoverText = '';
  for (let i = 0; i < 50 && !/in the workspace/.test(hoverText.match(/9 in the workspace/)?.[0] ?? ''); i++) {
    const h = await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('President Cường', 11) });
    hoverText = JSON.stringify(h?.contents);
    if (!/9 in the workspace/.test(hoverText)) await new Promise((r) => setTimeout(r, 100));
  }
  assert.match(hoverText, /Lương Cường/);
  assert.match(hoverText, /State President of Viet Nam/);
  assert.match(hoverText, /8 in this file, 9 in the workspace/);
  assert.match(hoverText, /other\.corpus/);
  const arabic = await c.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('فام مينه تشينه', 3) });
  assert.match(JSON.stringify(arabic?.contents), /Phạm Minh Chính/);

  const refs = (await c.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: at('Lương Cường', 1), context: { includeDeclaration: true } })) ?? [];
  assert.equal(refs.filter((r) => r.uri === uri).length, 8);
  assert.equal(refs.filter((r) => r.uri.endsWith('other.corpus')).length, 1);
  const highlights = (await c.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: at('Lương Cường', 1) })) ?? [];
  assert.equal(highlights.length, 8);
  const tokens = await c.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } } });
  assert.ok(tokens && tokens.data.length >= 5 * 25, 'five numbers per person mention');
  assert.equal(tokens.data.length % 5, 0);
});

test("document symbols list each document's people; workspace symbols find people", async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(symbols.length, 5);
  assert.equal(symbols[0].children?.[0].name, 'Lương Cường');
  assert.ok(symbols[4].children?.some((p) => p.name === 'Phạm Minh Chính'));
  const found = ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'pham minh chinh' })) ?? []) as SymbolInformation[];
  assert.ok(found.some((s) => s.name === 'Phạm Minh Chính' && s.location.uri === uri));
});

test('a broken people file gets diagnostics and validation goes on; fixing it reloads the people', async () => {
  const broken = path.join(ws, 'broken.people.json');
  fs.writeFileSync(broken, '{ "people": [ { "aliases": ["x"] }, ');
  const diags = server.nextDiagnostics(fileUri(broken));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(broken), type: FileChangeType.Created }] });
  const d = await diags;
  assert.ok(d.diagnostics.length >= 1);
  assert.ok(d.diagnostics.every((x) => x.code === 'invalid-people-file'));
  fs.writeFileSync(broken, JSON.stringify({ people: [{ name: 'Lê Hoài Trung', description: "Head of the Party Central Committee's Commission for External Relations" }] }));
  const cleared = server.nextDiagnostics(fileUri(broken));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(broken), type: FileChangeType.Changed }] });
  assert.deepEqual((await cleared).diagnostics, []);
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('Lê Hoài Trung', 1) });
  assert.match(JSON.stringify(h?.contents), /Commission for External Relations/);
});

test('"Add … to the people file" appends the person with the spellings seen', async () => {
  const uri = fileUri(path.join(ws, 'seeds.corpus'));
  const pos = at('Hoang Dang Quang', 1);
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } })) as CodeAction[];
  const add = actions.find((a) => a.title.startsWith('Add “Hoang Dang Quang” to'));
  assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
  const changes = add.edit?.changes ?? {};
  const [target] = Object.keys(changes);
  assert.match(target, /\.people\.json$/);
  assert.match(JSON.stringify(changes[target]), /Hoang Dang Quang/);
});

test('people globs stay inside the workspace: absolute patterns and ".." are ignored', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-glob-'));
  const inner = path.join(root, 'ws');
  fs.mkdirSync(inner);
  fs.writeFileSync(path.join(root, 'outside.people.json'), JSON.stringify({ people: [{ name: 'Lương Cường', description: 'READ FROM OUTSIDE' }] }));
  fs.writeFileSync(path.join(inner, '.corpusrc.json'), JSON.stringify({ people: ['../*.people.json', path.join(root, '*.people.json')] }));
  const other = await startServer({ workspace: inner });
  try {
    const uri = fileUri(path.join(inner, 'seeds.corpus'));
    await other.open(uri, seedsText);
    const h = await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at('President Cường', 11) });
    assert.match(JSON.stringify(h?.contents), /Lương Cường/);
    assert.doesNotMatch(JSON.stringify(h?.contents), /READ FROM OUTSIDE/);
    // No people file in this workspace: "Add … to the people file" creates one.
    const pos = at('Lương Cường', 1);
    const actions = (await other.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: pos, end: pos }, context: { diagnostics: [] } })) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add “Lương Cường” to people.people.json (new file)');
    assert.ok(add, JSON.stringify(actions.map((a) => a.title)));
    const changes = add.edit?.documentChanges ?? [];
    assert.deepEqual(changes[0], { kind: 'create', uri: fileUri(path.join(inner, 'people.people.json')), options: { ignoreIfExists: true } });
    const edit = changes[1] as { edits: { newText: string }[] };
    const created = JSON.parse(edit.edits[0].newText) as { people: { name: string; aliases: string[] }[] };
    assert.equal(created.people[0].name, 'Lương Cường');
    assert.ok(created.people[0].aliases.includes('Luong Cuong'));
  } finally {
    await other.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('"Not a person" and "Mark … as a person" over the protocol: the edit, then every answer agrees', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-correct-'));
  const peopleFile = path.join(root, 'team.people.json');
  fs.writeFileSync(peopleFile, '{\n  "people": []\n}\n');
  // dev/vi-20 of the people development set: the name pass takes the commune of "vụ án Đồng Tâm" (the Đồng Tâm case) for a person
  const text =
    '<<<FILE vi-20.txt date=2020-09-14 lang=vi>>>\nTheo dự kiến, 15 giờ ngà 14/9, HĐXX phiên tòa sơ thẩm vụ án Đồng Tâm sẽ tuyên án 29 bị cáo. Các bị cáo Lê Đình Công, Lê Đình Chức bị đề nghị mức án Tử hình.\nCác bị cáo trong phiên xét xử sơ thẩm vụ Đồng Tâm. (Ảnh: Hùng Anh)\n';
  const other = await startServer({ workspace: root });
  try {
    const uri = fileUri(path.join(root, 'vi20.corpus'));
    await other.open(uri, text);
    const line = 1;
    const character = text.split('\n')[1].indexOf('Đồng Tâm') + 2;
    const actions = async (range: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      (await other.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
    const pos = { line, character };
    // the people files are read in the background after start: wait until the action names the workspace's file
    let not: CodeAction | undefined;
    await waitUntil(async () => {
      not = (await actions({ start: pos, end: pos })).find((a) => a.title.startsWith('Not a person'));
      return not?.title === 'Not a person: “Đồng Tâm” (listed in notPeople of team.people.json)';
    }, 'a "Not a person" action for team.people.json');
    assert.ok(not);
    // apply the workspace edit to the file on disk, as VS Code does, and tell the server
    const edits = not.edit?.changes?.[fileUri(peopleFile)] ?? [];
    assert.equal(edits.length > 0, true, JSON.stringify(not.edit));
    let json = fs.readFileSync(peopleFile, 'utf8');
    const offset = (p: { line: number; character: number }) =>
      json
        .split('\n')
        .slice(0, p.line)
        .reduce((n, l) => n + l.length + 1, 0) + p.character;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) json = json.slice(0, offset(e.range.start)) + e.newText + json.slice(offset(e.range.end));
    fs.writeFileSync(peopleFile, json);
    assert.deepEqual(JSON.parse(json).notPeople, ['Đồng Tâm']);
    await other.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(peopleFile), type: FileChangeType.Changed }] });
    await waitUntil(async () => (await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: pos })) === null, 'the hover on the commune is gone');
    const symbols = (await other.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const children = (symbols[0].children ?? []).map((c) => c.name);
    assert.ok(!children.includes('Đồng Tâm') && children.includes('Lê Đình Công'), children.join(', '));
    // a name the detector misses (the photographer of a caption): "Mark" on the selection
    const w = text.split('\n')[2].indexOf('Hùng Anh');
    const mark = (await actions({ start: { line: 2, character: w }, end: { line: 2, character: w + 'Hùng Anh'.length } })).find((a) => a.title.startsWith('Mark'));
    assert.equal(mark?.title, 'Mark “Hùng Anh” as a person (added to team.people.json)');
  } finally {
    await other.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

async function waitUntil(ok: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out: ${what}`);
}
