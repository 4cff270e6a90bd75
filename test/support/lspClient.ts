// A real LSP client for the protocol-level tests: spawns the built server
// (dist/server.js --stdio) and speaks JSON-RPC to it over its stdin/stdout; or, with
// `host: 'browser'`, runs the browser bundle as a worker (./browserWorker.ts).
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
import { startBrowserWorker } from './browserWorker';
import { ROOT } from './fixtures';
import { ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../server/src/lsp/protocol';

export interface ServerOptions {
  /** A folder on disk, opened as the workspace (file: URIs). */
  workspace?: string;
  /** The workspace folder as a URI (a virtual one: the client serves its files, see `files`). */
  workspaceUri?: string;
  settings?: Record<string, unknown>;
  /** Where the server runs: a Node process over stdio (default), or the browser bundle in a worker. */
  host?: 'node' | 'browser';
  /** Files the client serves over corpus/fs/* (by URI); the client then says it serves files. */
  files?: Map<string, string>;
}

export interface TestServer {
  connection: ProtocolConnection;
  /** The server's process (the browser bundle has none: reading it throws). */
  readonly process: ChildProcess;
  /** Resolves with the next diagnostics published for `uri` (optionally: with this version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The settings the server gets when it asks for `corpus` configuration. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
  stderr(): string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  let err = '';
  let child: ChildProcess | undefined;
  let worker: ReturnType<typeof startBrowserWorker> | undefined;
  let connection: ProtocolConnection;
  if (options.host === 'browser') {
    worker = startBrowserWorker(path.join(ROOT, 'dist', 'browser', 'server.js'));
    worker.worker.stderr.on('data', (d: Buffer) => (err += d.toString()));
    worker.worker.on('error', (e) => (err += String(e.stack ?? e)));
    connection = createProtocolConnection(worker.reader, worker.writer);
  } else {
    child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  }
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
    get process(): ChildProcess {
      if (!child) throw new Error('the browser server runs in a worker, not in a process');
      return child;
    },
    settings: options.settings ?? {},
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
      if (child) setTimeout(() => child.kill(), 500).unref();
      connection.dispose();
      await worker?.stop();
    },
    stderr: () => err,
  };
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((i) => (i.section === 'corpus' ? server.settings : null)));
  connection.onRequest('client/registerCapability', () => null);
  const files = options.files;
  if (files) {
    // As VS Code's workspace.fs answers (client/src/fileSystemBridge.ts): folders are implied by the files' URIs.
    const below = (uri: string) => [...files.keys()].filter((k) => k.startsWith(uri.endsWith('/') ? uri : `${uri}/`));
    connection.onRequest(ReadFileRequest, ({ uri }) => files.get(uri) ?? null);
    connection.onRequest(StatRequest, ({ uri }) => {
      const text = files.get(uri);
      if (text !== undefined) return { type: 'file' as const, size: Buffer.byteLength(text) };
      return below(uri).length > 0 ? { type: 'directory' as const, size: 0 } : null;
    });
    connection.onRequest(ReadDirectoryRequest, ({ uri }) => {
      const inside = below(uri);
      if (inside.length === 0) return null;
      const prefix = uri.endsWith('/') ? uri : `${uri}/`;
      const names = new Map<string, 'file' | 'directory'>();
      for (const k of inside) {
        const rest = k.slice(prefix.length);
        const slash = rest.indexOf('/');
        names.set(decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash)), slash < 0 ? 'file' : 'directory');
      }
      return [...names].map(([name, type]) => ({ name, type }));
    });
  }
  connection.listen();
  const ws = options.workspaceUri ?? (options.workspace ? fileUri(options.workspace) : undefined);
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: ws ?? null,
    workspaceFolders: ws ? [{ uri: ws, name: ws.replace(/\/$/, '').split('/').pop() ?? 'workspace' }] : null,
    initializationOptions: files ? { fileSystem: true } : undefined,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
      },
    },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  void latest;
  return server;
}
