// What the protocol fault and stress tests share: a request that must be answered (a
// result or a proper JSON-RPC error, never a hang), the check that a server is alive,
// the diagnostics a fresh parse gives, a raw server without the test client, and the
// counts they report (written to test-results/ for docs/reliability.md).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DocumentSymbolRequest,
  ProtocolConnection,
  PublishDiagnosticsParams,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TestServer, fileUri } from './lspClient';
import { ROOT } from './fixtures';
import { computeDiagnostics, CorpusModel, DEFAULT_CONFIG } from '../../server/src';

const SERVER = path.join(ROOT, 'dist', 'server.js');

/** Counts for docs/reliability.md: each test file fills them and writes them with writeFigures. */
export const figures: Record<string, number | string> = { hostileRequests: 0, hostileInputs: 0, edits: 0, crashes: 0 };

/** Writes the counts to test-results/<name>.json. */
export function writeFigures(name: string, since: number): void {
  figures.seconds = Math.round((Date.now() - since) / 100) / 10;
  fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'test-results', `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

export type Answer = { kind: 'result'; value: unknown } | { kind: 'error'; code: number; message: string };

/** Awaits a request: a result, or a proper JSON-RPC error (an integer code and a message). Never a hang. */
export async function answer(p: Promise<unknown>, what: string, ms = 20000): Promise<Answer> {
  figures.hostileRequests = Number(figures.hostileRequests) + 1;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  try {
    const value = await Promise.race([p, timeout]);
    return { kind: 'result', value };
  } catch (e) {
    if (e instanceof ResponseError) {
      assert.ok(Number.isInteger(e.code), `${what}: error without an integer code`);
      assert.equal(typeof e.message, 'string');
      return { kind: 'error', code: e.code, message: e.message };
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** The server is alive and still answers a real request about a real document. */
export async function assertAlive(s: TestServer, ws: string): Promise<void> {
  assert.equal(s.process.exitCode, null, `the server exited; stderr: ${s.stderr().slice(-2000)}`);
  assert.equal(s.process.signalCode, null);
  const uri = fileUri(path.join(ws, 'alive.corpus'));
  const symbols = await answer(s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'alive check');
  assert.equal(symbols.kind, 'result');
}

/** Diagnostics a fresh parse gives (what the server must publish in the end). */
export function expected(text: string): unknown[] {
  return computeDiagnostics(CorpusModel.parse(text), DEFAULT_CONFIG).map((d) => [d.code, d.range, d.message]);
}
export function got(p: PublishDiagnosticsParams): unknown[] {
  return p.diagnostics.filter((d) => d.code !== 'date-mismatch').map((d) => [d.code, d.range, d.message]);
}

/** Waits (up to 20 s) for diagnostics of `uri` at `version` that equal `want` (the server may publish twice). */
export async function settle(s: TestServer, uri: string, version: number | undefined, want: unknown[]): Promise<PublishDiagnosticsParams> {
  const deadline = Date.now() + 20000;
  let last: PublishDiagnosticsParams | undefined;
  while (Date.now() < deadline) {
    last = await s.nextDiagnostics(uri, version);
    if (JSON.stringify(got(last)) === JSON.stringify(want)) return last;
  }
  assert.deepEqual(last ? got(last) : undefined, want);
  return last as PublishDiagnosticsParams;
}

export function spawnRaw(execArgv: string[] = []): { connection: ProtocolConnection; child: ReturnType<typeof spawn>; stderr: () => string } {
  const child = spawn(process.execPath, [...execArgv, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onRequest('workspace/configuration', () => [{}]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  return { connection, child, stderr: () => err };
}

/** Resident memory of a process, from /proc (Linux), in MB; undefined elsewhere. */
export function rssMb(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
