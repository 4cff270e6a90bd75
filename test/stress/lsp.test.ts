// The stress layer (run by npm test, not by npm run test:unit): the built server over
// stdio with inputs of hostile size — a 10 MB single line, 100 000 documents in one
// file, 10 000 edits under a capped heap. Each must be answered correctly and leave
// the server alive; none asserts a time (speed is measured by npm run bench).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  HoverRequest,
  InitializeRequest,
  DocumentDiagnosticRequest,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { SEEDS } from '../support/fixtures';
import { editOffsets, editSpec } from '../support/arbitraries';
import { answer, assertAlive as alive, expected, figures, got, rssMb, settle, spawnRaw, writeFigures } from '../support/faults';
import { CorpusModel } from '../../server/src';

const seedsText = fs.readFileSync(path.join(SEEDS, 'seeds.corpus'), 'utf8');
const t0 = Date.now();

let server: TestServer;
let ws: string;
const assertAlive = (): Promise<void> => alive(server, ws);

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-stress-'));
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
  writeFigures('stress-figures', t0);
});

test('a 10 MB single line: diagnostics, hover, outline and an edit in its middle', async () => {
  const uri = fileUri(path.join(ws, 'long-line.corpus'));
  const line = 'Lương Cường 👋 '.repeat(700000).slice(0, 10 * 1024 * 1024);
  let text = `<<<FILE long.txt date=2024-12-12>>>\n${line}\u0001\n`;
  figures.hostileInputs = Number(figures.hostileInputs) + 1;
  const d = await server.open(uri, text);
  assert.deepEqual(got(d), expected(text));
  const cc = d.diagnostics.find((x) => x.code === 'control-character');
  assert.equal(cc?.range.start.character, line.length);
  const h = await answer(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5_000_000 } }), 'hover on the long line');
  assert.equal(h.kind, 'result');
  const mid = { line: 1, character: 5_000_001 };
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: mid, end: mid }, text: '\ufffd\n<<<FILE b>>>' }],
  });
  const m = CorpusModel.parse(text);
  const off = m.offsetAt(mid);
  text = text.slice(0, off) + '\ufffd\n<<<FILE b>>>' + text.slice(off);
  await settle(server, uri, 2, expected(text));
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['long.txt', 'b'],
  );
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await assertAlive();
});

test('100 000 empty documents in one file: the first 20 000 are reported with a note, and the outline lists them all', async () => {
  const uri = fileUri(path.join(ws, 'many.corpus'));
  const n = 100000;
  let text = '';
  for (let i = 0; i < n; i++) text += `<<<FILE d${i}.txt date=2024-01-01>>>\n`;
  figures.hostileInputs = Number(figures.hostileInputs) + n;
  const d = await server.open(uri, text);
  // The server publishes at most 20 000 diagnostics per file, then one that says how many there are.
  assert.equal(d.diagnostics.length, 20001);
  assert.ok(d.diagnostics.slice(0, 20000).every((x) => x.code === 'empty-document'));
  assert.equal(d.diagnostics[19999].range.start.line, 19999);
  assert.equal(d.diagnostics[20000].code, 'too-many-problems');
  assert.match(String(d.diagnostics[20000].message), /100,000 problems; only the first 20,000 are shown/);
  const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.equal(symbols.length, n);
  await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await assertAlive();
});

test('memory stays flat over 10 000 edits (heap capped at 96 MB, resident growth bounded)', async () => {
  // A leak of a few kilobytes per edit would exhaust the capped heap and kill the server.
  const { connection, child, stderr } = spawnRaw(['--max-old-space-size=96']);
  try {
    // A pull client (as VS Code is): every 1 000 edits it pulls the diagnostics of the text so far.
    await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
    await connection.sendNotification('initialized', {});
    const uri = fileUri(path.join(ws, 'memory.corpus'));
    let text = seedsText;
    const model = CorpusModel.parse(text);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corpus', version: 1, text } });
    const edits = fc.sample(fc.tuple(editSpec, fc.boolean()), { seed: 7, numRuns: 10000 });
    const samples: number[] = [];
    let version = 1;
    for (let i = 0; i < edits.length; i++) {
      const [e, fromSeeds] = edits[i];
      // Keep the text near the seeds' size: paste a piece of the seeds when it is short, cut when it is long.
      const { a, b } = editOffsets(e, text.length);
      let ins = e.text;
      let end = b;
      if (text.length < seedsText.length * 0.8) {
        const from = Math.floor(e.a * (seedsText.length - 400));
        ins = fromSeeds ? seedsText.slice(from, from + 400) : `${e.text}${seedsText.slice(from, from + 200)}`;
        end = a;
      } else if (text.length > seedsText.length * 1.2) {
        ins = '';
        end = Math.min(text.length, a + 400);
      }
      const range = { start: model.positionAt(a), end: model.positionAt(end) };
      model.applyEdit(a, end, ins);
      text = text.slice(0, a) + ins + text.slice(end);
      version++;
      void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: ins }] });
      if ((i + 1) % 1000 === 0) {
        const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
        assert.equal(report.kind, 'full');
        const p: PublishDiagnosticsParams = { uri, diagnostics: report.kind === 'full' ? report.items : [] };
        assert.deepEqual(got(p), expected(text), `diagnostics after ${i + 1} edits`);
        const rss = rssMb(child.pid as number);
        if (rss !== undefined) samples.push(rss);
      }
    }
    figures.edits = Number(figures.edits) + edits.length;
    figures.memoryMbAfter1000And10000Edits = samples.length > 0 ? `${samples[0].toFixed(0)} → ${samples[samples.length - 1].toFixed(0)}` : 'n/a';
    assert.equal(child.exitCode, null, `the server died: ${stderr().slice(-2000)}`);
    if (samples.length >= 2) {
      // Resident memory after 1 000 edits vs after 10 000: a generous bound (no timing, no exact figure).
      assert.ok(samples[samples.length - 1] - samples[0] < 64, `resident memory grew from ${samples[0]} MB to ${samples[samples.length - 1]} MB`);
    }
  } finally {
    child.kill('SIGKILL');
    connection.dispose();
  }
});
