// A real LSP client for the protocol-level tests: spawns the built server
// (dist/server.js --stdio) and speaks JSON-RPC to it over its stdin/stdout.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from './fixtures';

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally: with this version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The settings the server gets when it asks for `corpus` configuration. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The capabilities the server registered dynamically (client/registerCapability), and unregistered. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  unregistrations: { id: string; method: string }[];
  /** The latest diagnostics published for each URI. */
  latest: Map<string, PublishDiagnosticsParams>;
  stop(): Promise<void>;
  stderr(): string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(options: { workspace?: string; settings?: Record<string, unknown>; capabilities?: { textDocument?: Record<string, unknown> } } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  });
  const server: TestServer = {
    connection,
    process: child,
    settings: options.settings ?? {},
    registrations: [],
    unregistrations: [],
    latest,
    nextDiagnostics(uri, version) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} (version ${version}) within 10 s; stderr: ${err}`)), 10000);
        waiters.push({
          uri,
          version,
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p);
          },
        });
      });
    },
    async open(uri, text, version = 1) {
      const next = server.nextDiagnostics(uri, version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corpus', version, text } });
      return next;
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // The server may already be gone.
      }
      setTimeout(() => child.kill(), 500).unref();
      connection.dispose();
    },
    stderr: () => err,
  };
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'corpus' ? server.settings : null)));
  connection.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    server.registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('client/unregisterCapability', (p: { unregisterations: TestServer['unregistrations'] }) => {
    server.unregistrations.push(...p.unregisterations);
    return null;
  });
  connection.listen();
  const ws = options.workspace;
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: ws ? fileUri(ws) : null,
    workspaceFolders: ws ? [{ uri: fileUri(ws), name: path.basename(ws) }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...options.capabilities?.textDocument,
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return server;
}
