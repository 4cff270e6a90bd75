// The language server's wiring, one for both hosts: Node (../server.ts: stdio, IPC)
// and the browser (../browserServer.ts: a Web Worker). Every feature and all work
// across files live in the pure service (../index.ts); this module passes the
// requests on, converts the answers (./convert.ts) and leaves diagnostics (pull or
// push) to ./diagnostics.ts and the problems of unopened files to
// ./workspaceProblems.ts. A host brings only its connection and, on Node,
// its own file system; every URI it cannot read goes through the client
// (./clientFileSystem.ts), so a virtual workspace works in both.

import { CodeActionKind, DidChangeConfigurationNotification, DocumentHighlightKind, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import type { Connection, InitializeParams, InitializeResult } from 'vscode-languageserver';
import { createLanguageService } from '../index';
import type { FileSystem, Guesser } from '../index';
import { byScheme, clientFileSystem } from './clientFileSystem';
import { toFileChange, toLspCodeAction, toLspCompletionItem, toLspFoldingRange, toLspHover, toLspSymbol, toLspWorkspaceSymbol, toSemanticTokens } from './convert';
import { OverviewRequest, PeopleRequest, ServerInfoRequest, StatusRequest, WorkspaceOverviewRequest } from './protocol';
import { documentsConfig } from './textDocuments';
import { DiagnosticsChannel } from './diagnostics';
import { WorkspaceProblemsReporter } from './workspaceProblems';

export const VERSION = '0.1.0';

export interface ServerHost {
  /** The host's own file system for `file:` URIs (Node's); without one, every file is read through the client. */
  fileSystem?: FileSystem;
  /** The process id corpus/serverInfo reports (0 in a Web Worker). */
  pid: number;
  /** Names the charset of bytes that are not UTF-8, read through the client (Node's jschardet; none in a Web Worker). */
  guessCharset?: Guesser;
}

export function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Serves the corpus language on a connection that is not yet listening, and starts listening. */
export function serve(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(documentsConfig);
  // The client reads files for the server when it says it can (initializationOptions.fileSystem).
  let clientServesFiles = false;
  const fromClient = clientFileSystem(connection, () => clientServesFiles, host.guessCharset);
  const service = createLanguageService({
    fileSystem: host.fileSystem ? byScheme(host.fileSystem, fromClient) : fromClient,
    documents: { get: (uri) => documents.get(uri)?.model, uris: () => documents.keys() },
    onError: (message) => connection.console.error(message),
    onChange: (e) => {
      if (e.kind === 'diagnostics') validation.backgroundChanged(e.uri);
      else if (semanticTokensRefresh) void connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
    },
  });
  const validation = new DiagnosticsChannel(connection, documents, service);
  let workspaceProblems: WorkspaceProblemsReporter | undefined;
  let hasConfigurationCapability = false;
  let semanticTokensRefresh = false;

  async function refreshSettings(): Promise<void> {
    if (!hasConfigurationCapability) return;
    try {
      service.setSettings(await connection.workspace.getConfiguration('corpus'));
    } catch (e) {
      connection.console.warn(`Could not read the corpus settings: ${String(e)}`);
    }
  }

  /** Reads the people files again; their diagnostics are published and the people are coloured anew. */
  async function reloadPeople(): Promise<void> {
    try {
      validation.publishFiles(await service.reloadPeople());
      if (semanticTokensRefresh) void connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
    } catch (e) {
      connection.console.error(`Reading the people files failed: ${describe(e)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    semanticTokensRefresh = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    service.setWorkspaceFolders(folders.length > 0 ? folders : params.rootUri ? [params.rootUri] : []);
    const options = params.initializationOptions as { settings?: unknown; fileSystem?: unknown } | undefined;
    clientServesFiles = options?.fileSystem === true;
    const settings: unknown = options?.settings;
    if (settings) service.setSettings(settings);
    workspaceProblems = new WorkspaceProblemsReporter(connection, documents, service, params.capabilities);
    // Pull for clients that can; a client that registers providers dynamically gets the provider from the reporter.
    const pull = validation.configure(params.capabilities) && !workspaceProblems.registersProvider;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Corpus documents' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['=', ' '] },
        referencesProvider: true,
        documentHighlightProvider: true,
        // Range only: the editor asks for the lines on screen, so a 50 MB corpus costs what the viewport shows.
        semanticTokensProvider: { legend: { tokenTypes: ['person'], tokenModifiers: [] }, range: true },
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.corpus'] },
        workspace: { workspaceFolders: { supported: true } },
        ...(pull ? { diagnosticProvider: { identifier: 'corpus', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'corpus-language-server', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    connection.console.info(`Corpus language server started (workspace: ${service.workspaceFolders.join(', ') || 'none'}).`);
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpus' });
      await refreshSettings();
      validation.revalidateAll();
    }
    workspaceProblems?.update();
    try {
      validation.publishFiles(await service.start());
    } catch (e) {
      connection.console.error(`Reading the workspace failed: ${describe(e)}`);
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (hasConfigurationCapability) await refreshSettings();
    else service.setSettings((change.settings as { corpus?: unknown } | undefined)?.corpus);
    validation.revalidateAll();
    workspaceProblems?.update();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const { configChanged, peopleChanged } = service.filesChanged(params.changes.map(toFileChange));
    if (configChanged) validation.revalidateAll();
    if (peopleChanged) await reloadPeople();
  });

  documents.onDidOpen((e) => {
    service.documentOpened(e.document.uri);
    validation.changed(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    service.activity();
    validation.changed(e.document.uri);
  });
  documents.onDidClose((e) => {
    validation.closed(e.document.uri);
    service.documentClosed(e.document.uri);
  });

  // One pull provider: open files from the open model, the others from the workspace problems.
  connection.languages.diagnostics.on((params, token) =>
    !documents.get(params.textDocument.uri) && workspaceProblems
      ? workspaceProblems.documentReport(params.textDocument.uri, params.previousResultId)
      : validation.report(params.textDocument.uri, params.previousResultId, token),
  );

  connection.onDocumentSymbol((params, token) => service.documentSymbols(params.textDocument.uri, token).map(toLspSymbol));

  connection.onFoldingRanges((params, token) => service.foldingRanges(params.textDocument.uri, token).map(toLspFoldingRange));

  connection.onHover((params, token) => toLspHover(service.hover(params.textDocument.uri, params.position, token)));

  connection.onCodeAction(async (params, token) => {
    const actions = await service.codeActions(params.textDocument.uri, params.range, params.context.only, token);
    return actions.map((a) => toLspCodeAction(a, params.context.diagnostics));
  });

  connection.onCompletion(async (params, token) => {
    const items = await service.completion(params.textDocument.uri, params.position, token);
    return items.map((c) => toLspCompletionItem(c, params.position));
  });

  connection.onReferences((params, token) => service.references(params.textDocument.uri, params.position, token));

  connection.onDocumentHighlight((params, token) => service.highlights(params.textDocument.uri, params.position, token).map((range) => ({ range, kind: DocumentHighlightKind.Read })));

  connection.languages.semanticTokens.onRange((params, token) => toSemanticTokens(service.semanticTokens(params.textDocument.uri, params.range.start.line, params.range.end.line, token)));

  connection.onWorkspaceSymbol((params) => service.workspaceSymbols(params.query).map(toLspWorkspaceSymbol));

  connection.onRequest(PeopleRequest, (params, token) => service.peopleView(params?.uri, token));

  connection.onRequest(StatusRequest, async (params) => (await service.status(params?.uri)) ?? null);

  connection.onRequest(OverviewRequest, async (params, token) => {
    const uri = params?.uri;
    if (typeof uri !== 'string') return null;
    const { config } = await service.configFor(uri);
    return service.overview(uri, config, token) ?? null;
  });

  connection.onRequest(WorkspaceOverviewRequest, async (token) => (await service.workspaceOverview(token)) ?? null);

  connection.onRequest(ServerInfoRequest, () => ({ pid: host.pid, version: VERSION, backgroundWork: service.backgroundWork }));

  documents.listen(connection);
  connection.listen();
}
