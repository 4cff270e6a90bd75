// corpus/workspaceOverview over stdio: the overview of every corpus file of the
// workspace, the open one from the editor's text and the others read by the server
// from the disk (with the workspace index's ignores, and one diagnostic for a file
// that is not UTF-8 or not text, as the Problems panel shows); the server answers
// other requests while it reads, and a cancelled request leaves it working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';
import { ServerInfoRequest, WorkspaceOverviewRequest } from '../../server/src/lsp/protocol';

let server: TestServer;
let ws: string;
const BIG = 3000;
const FIRST = fs.readFileSync(path.join(FIXTURES, 'overview', 'overview.corpus'), 'utf8');

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-wsoverview-'));
  fs.mkdirSync(path.join(ws, 'sub'));
  fs.mkdirSync(path.join(ws, 'health'));
  fs.mkdirSync(path.join(ws, 'skip'));
  // On disk, the open file is older than the editor's text: the editor's text counts.
  fs.writeFileSync(path.join(ws, 'overview.corpus'), '<<<FILE old.txt>>>\nOn disk.\n');
  fs.copyFileSync(path.join(FIXTURES, 'overview', 'second.corpus'), path.join(ws, 'sub', 'second.corpus'));
  fs.copyFileSync(path.join(FIXTURES, 'overview', 'second.corpus'), path.join(ws, 'skip', 'ignored.corpus'));
  for (const n of ['latin1.corpus', 'binary.corpus']) fs.copyFileSync(path.join(FIXTURES, 'health', n), path.join(ws, 'health', n));
  fs.writeFileSync(path.join(ws, '.corpusignore'), 'skip/\n');
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

test('corpus/workspaceOverview: the documents of the open file and of the files on disk, each in its file; ignored files left out', async () => {
  const uri = fileUri(path.join(ws, 'overview.corpus'));
  await server.open(uri, FIRST);
  const data = await server.connection.sendRequest(WorkspaceOverviewRequest);
  assert.ok(data);
  assert.equal(data.scope, 'workspace');
  assert.deepEqual(
    data.files.map((f) => f.name),
    ['health/binary.corpus', 'health/latin1.corpus', 'overview.corpus', 'sub/second.corpus'],
  );
  const perFile = data.files.map((_, i) => data.documents.filter((d) => d.file === i).map((d) => d.name));
  assert.deepEqual(perFile[2], ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'a.txt']);
  assert.deepEqual(perFile[3], ['g.txt', 'h.txt', 'i.txt']);
  assert.equal(data.files[2].uri, uri);
  assert.equal(data.files[3].uri, fileUri(path.join(ws, 'sub', 'second.corpus')));
  // A file that is not UTF-8, and one that is not text: one problem each, as the Problems panel shows them.
  const codesOf = (file: number): string[] => data.problems.filter((p) => p.documents.some((d) => (d < 0 ? file === 0 || file === 1 : data.documents[d].file === file))).map((p) => p.code);
  assert.ok(codesOf(1).includes('not-utf8'), JSON.stringify(data.problems));
  assert.equal(data.problems.find((p) => p.code === 'not-utf8')?.count, 1);
  assert.equal(data.problems.find((p) => p.code === 'binary-file')?.count, 1);
  assert.equal(
    data.problems.find((p) => p.code === 'replacement-character'),
    undefined,
  );
  // The people of both files grouped: Joe Biden in a.txt, b.txt (open) and g.txt (on disk).
  const biden = data.people.find((p) => p.name === 'Joe Biden');
  assert.deepEqual(
    biden?.documents.map((d) => `${data.files[data.documents[d].file].name}:${data.documents[d].name}`),
    ['overview.corpus:a.txt', 'overview.corpus:b.txt', 'sub/second.corpus:g.txt'],
  );
});

test('corpus/workspaceOverview: other requests are answered while a large workspace is read; a cancelled request leaves the server working', async () => {
  // About 1 MB of articles that are not open, each its own text (copies would be another test's cost).
  const words =
    'council district met budget roads schools harbour agreed spring farmers river bridge election minister trade market port storm village court judge police hospital teacher station museum festival'.split(
      ' ',
    );
  let seed = 42;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const article = (i: number): string =>
    `<<<FILE big-${i}.txt date=2020-01-${String((i % 28) + 1).padStart(2, '0')} lang=en>>>\nThe ${Array.from({ length: 40 }, () => words[Math.floor(random() * words.length)]).join(' ')}.\n`;
  fs.writeFileSync(path.join(ws, 'sub', 'large.corpus'), Array.from({ length: BIG }, (_, i) => article(i)).join(''));
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(path.join(ws, 'sub', 'large.corpus')), type: 1 }] });
  const order: string[] = [];
  const overview = server.connection.sendRequest(WorkspaceOverviewRequest).then((d) => {
    order.push('overview');
    return d;
  });
  const info = server.connection.sendRequest(ServerInfoRequest).then(() => order.push('serverInfo'));
  const [data] = await Promise.all([overview, info]);
  assert.deepEqual(order, ['serverInfo', 'overview']);
  assert.equal(data?.documents.filter((d) => d.name.startsWith('big-')).length, BIG);
  // Cancelled at once: null or a cancellation error, and the server answers the next request in full.
  const source = new CancellationTokenSource();
  const cancelled = server.connection.sendRequest(WorkspaceOverviewRequest, source.token).then(
    (d) => d,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  source.cancel();
  const answer = await cancelled;
  assert.ok(answer === null || typeof answer === 'string' || answer.documents.length > 0, JSON.stringify(answer).slice(0, 200));
  const again = await server.connection.sendRequest(WorkspaceOverviewRequest);
  assert.equal(again?.documents.filter((d) => d.name.startsWith('big-')).length, BIG);
  assert.equal((await server.connection.sendRequest(ServerInfoRequest)).pid, server.process.pid);
});
