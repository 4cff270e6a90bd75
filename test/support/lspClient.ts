// A real LSP client for the protocol-level tests: spawns the built server
// A real LSP client for the protocol-level tests: spawns the built server
// (dist/server.js --stdio) and speaks JSON-RPC to it over its stdin/stdout; or, with
// `host: 'browser'`, runs the browser bundle as a worker (./browserWorker.ts).
//
// By default it is a pull client, as VS Code's is (LSP 3.17 `textDocument/diagnostic`,
// with `workspace/diagnostic/refresh`): after each didOpen or didChange it sends,
// and when the server asks for a refresh, it pulls the diagnostics of the files a
// test waits on. `{ pull: false }` makes a push client (`publishDiagnostics`).
// Either way `nextDiagnostics` resolves with the next diagnostics the client gets
// for a file, in the shape of a publication.
import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
  ConfigurationRequest,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentDiagnosticReport,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { startBrowserWorker } from './browserWorker';
import { ROOT } from './fixtures';
import { ReadBytesRequest, ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../server/src/lsp/protocol';

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
  /** Files given as bytes (by URI), served as VS Code's workspace.fs does: their text read as UTF-8, their bytes as they are. */
  bytes?: Map<string, Uint8Array>;
  /** Pull diagnostics when the server offers them (default), or a push client. */
  pull?: boolean;
  /** Client capabilities added to the defaults. */
  capabilities?: { textDocument?: Record<string, unknown> };
}

export interface TestServer {
  connection: ProtocolConnection;
  /** The server's process (the browser bundle has none: reading it throws). */
  readonly process: ChildProcess;
  /** Whether diagnostics are pulled (the server offered pull and the client asked for it). */
  pulls: boolean;
  init: InitializeResult;
  /** Resolves with the next diagnostics the client gets for `uri` (optionally: for this version or a later one). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** Pull client: pulls now and returns the report as it came (full or unchanged). */
  pull(uri: string): Promise<DocumentDiagnosticReport>;
  /** Pull client: the diagnostics of `uri` as they stand after every message sent so far. */
  current(uri: string): Promise<PublishDiagnosticsParams>;
  /** The settings the server gets when it asks for `corpus` configuration. */
  settings: Record<string, unknown>;
  open(uri: string, text: string, version?: number): Promise<PublishDiagnosticsParams>;
  /** The capabilities the server registered dynamically (client/registerCapability), and unregistered. */
  registrations: { id: string; method: string; registerOptions?: unknown }[];
  unregistrations: { id: string; method: string }[];
  /** The latest diagnostics published for each URI. */
  latest: Map<string, PublishDiagnosticsParams>;
  /** How many publications (push) or full reports (pull) the client got for `uri`. */
  received(uri: string): number;
  /** How many times the server asked the client to pull again. */
  refreshes(): number;
  /** Resolves once the server asked for the `corpus` settings again and has taken the answer in. */
  configurationApplied(): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

interface Waiter {
  uri: string;
  version?: number;
  resolve: (p: PublishDiagnosticsParams) => void;
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
  const waiters: Waiter[] = [];
  const counts = new Map<string, number>();
  /** The last version sent for each file (didOpen, didChange). */
  const sentVersion = new Map<string, number>();
  /** What the client holds per file (pull): the report's id and its diagnostics. */
  const held = new Map<string, { resultId?: string; diagnostics: PublishDiagnosticsParams['diagnostics'] }>();
  let refreshCount = 0;
  const configWaiters: Array<() => void> = [];
  let pulls = false;

  /** Gives diagnostics to the waiters: any report to those waiting for a version; only a new list to those waiting for the next one. */
  const deliver = (p: PublishDiagnosticsParams, changed = true): void => {
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i];
      if (w.uri === p.uri && (w.version === undefined ? changed : p.version !== undefined && p.version >= w.version)) {
        waiters.splice(i--, 1);
        w.resolve(p);
      }
    }
  };
  const latest = new Map<string, PublishDiagnosticsParams>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    counts.set(p.uri, (counts.get(p.uri) ?? 0) + 1);
    latest.set(p.uri, p);
    // A pull client still gets the problems of configuration and people files pushed.
    deliver(p);
  });

  const pullNow = async (uri: string): Promise<DocumentDiagnosticReport> => {
    const version = sentVersion.get(uri);
    const report = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: held.get(uri)?.resultId });
    if (report.kind === 'full') {
      counts.set(uri, (counts.get(uri) ?? 0) + 1);
      held.set(uri, { resultId: report.resultId, diagnostics: report.items });
    } else {
      held.set(uri, { resultId: report.resultId, diagnostics: held.get(uri)?.diagnostics ?? [] });
    }
    deliver({ uri, version, diagnostics: held.get(uri)?.diagnostics ?? [] }, report.kind === 'full');
    return report;
  };
  /** Pulls every file someone waits on (after the server asked for a refresh). */
  const pullWaited = (): void => {
    for (const uri of new Set(waiters.map((w) => w.uri))) if (sentVersion.has(uri)) void pullNow(uri).catch(() => undefined);
  };

  // Watch what the tests send: after a didOpen or didChange, a pull client pulls for whoever waits on the file.
  const send = connection.sendNotification.bind(connection) as (type: unknown, params?: unknown) => Promise<void>;
  (connection as { sendNotification: (type: unknown, params?: unknown) => Promise<void> }).sendNotification = async (type, params) => {
    await send(type, params);
    const method = typeof type === 'string' ? type : (type as { method?: string }).method;
    if (method !== DidOpenTextDocumentNotification.method && method !== DidChangeTextDocumentNotification.method) return;
    const doc = (params as { textDocument?: { uri?: unknown; version?: unknown } } | null)?.textDocument;
    if (typeof doc?.uri !== 'string' || typeof doc.version !== 'number') return;
    sentVersion.set(doc.uri, doc.version);
    const v = doc.version;
    if (pulls && waiters.some((w) => w.uri === doc.uri && (w.version === undefined || w.version <= v))) void pullNow(doc.uri).catch(() => undefined);
  };

  const server: TestServer = {
    connection,
    get process(): ChildProcess {
      if (!child) throw new Error('the browser server runs in a worker, not in a process');
      return child;
    },
    pulls: false,
    init: { capabilities: {} },
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
        // The version waited for was already sent: pull now.
        const sent = sentVersion.get(uri);
        if (pulls && version !== undefined && sent !== undefined && sent >= version) void pullNow(uri).catch(() => undefined);
      });
    },
    pull: (uri) => pullNow(uri),
    async current(uri) {
      if (!pulls) throw new Error('current() needs a pull client');
      await pullNow(uri);
      return { uri, version: sentVersion.get(uri), diagnostics: held.get(uri)?.diagnostics ?? [] };
    },
    async open(uri, text, version = 1) {
      const next = server.nextDiagnostics(uri, version);
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'corpus', version, text } });
      return next;
    },
    received: (uri) => counts.get(uri) ?? 0,
    configurationApplied: () =>
      new Promise<void>((resolve) => {
        configWaiters.push(() => {
          // The server reads its messages in order: once this answer is back, it has taken in the settings.
          setImmediate(
            () =>
              void connection.sendRequest('corpus/serverInfo').then(
                () => resolve(),
                () => resolve(),
              ),
          );
        });
      }),
    refreshes: () => refreshCount,
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
  connection.onRequest(ConfigurationRequest.type, (params) => {
    for (const w of configWaiters.splice(0)) w();
    return params.items.map((i) => (i.section === 'corpus' ? server.settings : null));
  });
  connection.onRequest('client/registerCapability', (p: { registrations: TestServer['registrations'] }) => {
    server.registrations.push(...p.registrations);
    // A provider registered dynamically (a client that can, as VS Code): this client pulls from then on.
    if ((options.pull ?? true) && p.registrations.some((r) => r.method === 'textDocument/diagnostic')) server.pulls = pulls = true;
    return null;
  });
  connection.onRequest('client/unregisterCapability', (p: { unregisterations: TestServer['unregistrations'] }) => {
    server.unregistrations.push(...p.unregisterations);
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    refreshCount++;
    setImmediate(pullWaited);
    return null;
  });
  const files = options.files ?? (options.bytes ? new Map<string, string>() : undefined);
  for (const [uri, b] of options.bytes ?? []) files?.set(uri, new TextDecoder('utf-8', { ignoreBOM: true }).decode(b));
  connection.onRequest(ReadBytesRequest, ({ uri }) => {
    const b = options.bytes?.get(uri) ?? (files?.has(uri) ? Buffer.from(files.get(uri) ?? '') : undefined);
    return b ? Buffer.from(b).toString('base64') : null;
  });
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
  const pull = options.pull ?? true;
  server.init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: ws ?? null,
    workspaceFolders: ws ? [{ uri: ws, name: ws.replace(/\/$/, '').split('/').pop() ?? 'workspace' }] : null,
    initializationOptions: files ? { fileSystem: true } : undefined,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true, ...(pull ? { diagnostics: { refreshSupport: true } } : {}) },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        ...options.capabilities?.textDocument,
      },
    },
  });
  pulls ||= pull && server.init.capabilities.diagnosticProvider !== undefined;
  server.pulls = pulls;
  await connection.sendNotification(InitializedNotification.type, {});
  return server;
}
