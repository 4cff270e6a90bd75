// The VS Code client, one for both hosts: it starts the language server and adds
// the editor's own pieces (language status, "Go to Document…", restart, output
// channel). No format logic lives here: everything comes from the server. The
// entries bring what differs: ./node.ts starts the server as a Node process and adds
// the command-line check; ./browser.ts starts it in a Web Worker.

import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ServerInfoRequest, StatusRequest } from '../../server/src/lsp/protocol';
import { serveFileSystem } from './fileSystemBridge';
import { PeopleView } from './peopleView';
import { OverviewPanel, OverviewSnapshot } from './overview';
import { registerLargeFiles } from './largeFiles';
import { registerAdoption, whenCorpusNeeded } from './adopt';
import { registerConfigStatus } from './configStatus';
import { ProblemsApi, registerProblems } from './problems';
import { registerPeopleFileSave, saveEditedPeopleFiles } from './peopleFileEdits';
import { FirstRun } from './firstRun';

/** What an entry (Node or browser) brings. */
export interface ClientHost {
  /** The language client over this host's server (a process, or a Web Worker). */
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
  /** Checks a file too large for the editor with the command line; undefined where there is none (the browser). */
  checkWithCommandLine?: (file: vscode.Uri) => Promise<void>;
  /**
   * Whether the server waits until the workspace holds a corpus (found by file search) or one is opened.
   * The browser may have no file search, and its Web Worker costs little: it starts the server at once.
   */
  startWhenCorpusNeeded: boolean;
}

let client: BaseLanguageClient | undefined;

export interface CorpusExtensionApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  /** What the language status item shows now (for tests). */
  languageStatus(): { text: string; detail?: string };
  /** The running server's process id (for the recovery test); 0 for a server in a Web Worker. */
  serverPid(): Promise<number>;
  /** What the configuration status item shows now (for tests). */
  configStatus(): { text: string; detail?: string; config?: string };
  /** What the People view lists now (for tests). */
  people(): Promise<{ name: string; count: number }[]>;
  /** Past VS Code's 1,000 per file: the server's diagnostics, what VS Code has, the notice and the view (for tests). */
  problems: ProblemsApi;
  /** Whether the overview is open, and on what (for tests). */
  overview(): OverviewSnapshot;
  /** Does what a click on the n-th document of the overview page does (for tests). */
  overviewOpen(index: number): Promise<void>;
}

export async function activateCorpus(context: vscode.ExtensionContext, host: ClientHost): Promise<CorpusExtensionApi> {
  const output = traceableChannel(vscode.window.createOutputChannel('Corpus Language Server'), context);
  const problems = registerProblems(context);
  const firstRun = new FirstRun(context);
  const clientOptions: LanguageClientOptions = {
    middleware: {
      ...firstRun.middleware,
      // People-file actions get their save command first; the first-run marker goes on the other fixes.
      provideCodeActions: (document, range, context, token, next) => firstRun.middleware.provideCodeActions!(document, range, context, token, (d, r, c, t) => saveEditedPeopleFiles!(d, r, c, t, next)),
    },
    documentSelector: [{ language: 'corpus' }],
    synchronize: {
      configurationSection: 'corpus',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.corpusrc.json'),
        vscode.workspace.createFileSystemWatcher('**/*.corpus'),
        // People files: every *.people.json, and whatever the "people" globs name (the server tells them apart).
        vscode.workspace.createFileSystemWatcher('**/*.json'),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
    // The server reads through workspace.fs what it cannot read itself (./fileSystemBridge.ts).
    initializationOptions: { fileSystem: true },
    // Every diagnostic is kept; VS Code gets at most 1,000 per file, around what is on screen (docs/problems.md).
    diagnosticCollectionProvider: problems.collections,
  };
  client = host.createClient('corpus', 'Corpus Language Server', clientOptions);
  serveFileSystem(client);
  firstRun.attach(client);

  const status = vscode.languages.createLanguageStatusItem('corpus.status', { language: 'corpus' });
  status.name = 'Corpus';
  status.text = 'Corpus';
  status.command = { title: 'Go to Document…', command: 'corpus.goToDocument' };
  const configStatus = registerConfigStatus(context, () => void updateStatus());

  // The counts come from the server's cheap corpus/status request (what it last published), not from the outline.
  const updateStatus = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'corpus' || !client?.isRunning()) return;
    const uri = editor.document.uri.toString();
    let counts;
    try {
      counts = await client.sendRequest(StatusRequest, { uri });
    } catch {
      return;
    }
    if (!counts || vscode.window.activeTextEditor?.document.uri.toString() !== uri) return;
    const { documents: docs, problems, errors } = counts;
    configStatus.update(editor.document.uri, counts.config);
    status.text = `${docs} document${docs === 1 ? '' : 's'}, ${problems} problem${problems === 1 ? '' : 's'}`;
    status.detail = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : 'no errors';
    status.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    status,
    output,
    vscode.languages.onDidChangeDiagnostics(() => void updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.commands.registerCommand('corpus.goToDocument', goToDocument),
    vscode.commands.registerCommand('corpus.openLocation', openLocation),
    registerPeopleFileSave(),
    vscode.commands.registerCommand('corpus.restartServer', async () => {
      // Stop, then start: one shutdown, and a fresh server (process or worker) with the same options.
      await client?.stop();
      await client?.start();
      void vscode.window.setStatusBarMessage('Corpus language server restarted', 3000);
    }),
    vscode.commands.registerCommand('corpus.showOutput', () => output.show()),
  );

  registerAdoption(context);
  registerLargeFiles(context, host.checkWithCommandLine);
  const people = new PeopleView(client);
  const peopleTree = vscode.window.createTreeView('corpus.people', { treeDataProvider: people });
  // Grouping a file's people reads every document: ask only while the view is visible, and
  // once after a burst of changes (typing changes the diagnostics at every keystroke).
  let pendingPeople: ReturnType<typeof setTimeout> | undefined;
  const refreshPeople = (): void => {
    if (!peopleTree.visible) return;
    if (pendingPeople) clearTimeout(pendingPeople);
    pendingPeople = setTimeout(() => void people.refresh(), 300);
  };
  context.subscriptions.push(
    peopleTree,
    peopleTree.onDidChangeVisibility(refreshPeople),
    vscode.commands.registerCommand('corpus.nextMention', (name: string) => people.nextMention(name)),
    vscode.commands.registerCommand('corpus.refreshPeople', () => people.refresh()),
    vscode.window.onDidChangeActiveTextEditor(refreshPeople),
    vscode.languages.onDidChangeDiagnostics(refreshPeople),
  );

  const overview = new OverviewPanel(client, context.extensionUri);
  overview.register(context);

  // Not for every .txt that activates the extension: only once a corpus is in play.
  const started = (host.startWhenCorpusNeeded ? whenCorpusNeeded(context) : Promise.resolve()).then(() => client?.start());
  void started.then(refreshPeople);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return {
    ready: () => started,
    languageStatus: () => ({ text: status.text, detail: status.detail }),
    configStatus: () => configStatus.snapshot(),
    people: async () => {
      await people.refresh();
      return people.snapshot();
    },
    problems: problems.api,
    overview: () => overview.snapshot(),
    overviewOpen: (index) => overview.openDocument(index),
    serverPid: async () => ((await client?.sendRequest(ServerInfoRequest)) ?? { pid: 0 }).pid,
  };
}

/**
 * The server log as a log channel whose level follows `corpus.trace.server`: the
 * language client only traces into a channel whose level is Trace, and a plain
 * setting should be enough to see the messages.
 */
function traceableChannel(channel: vscode.OutputChannel, context: vscode.ExtensionContext): vscode.LogOutputChannel {
  const level = (): vscode.LogLevel => (vscode.workspace.getConfiguration('corpus').get<string>('trace.server', 'off') === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace);
  const changed = new vscode.EventEmitter<vscode.LogLevel>();
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('corpus.trace.server')) changed.fire(level());
    }),
  );
  const line = (tag: string, message: string, args: unknown[]): void => channel.appendLine(`[${new Date().toISOString()}] [${tag}] ${message}${args.length ? ` ${args.map(String).join(' ')}` : ''}`);
  return {
    get name() {
      return channel.name;
    },
    get logLevel() {
      return level();
    },
    onDidChangeLogLevel: changed.event,
    trace: (m: string, ...a: unknown[]) => line('trace', m, a),
    debug: (m: string, ...a: unknown[]) => line('debug', m, a),
    info: (m: string, ...a: unknown[]) => line('info', m, a),
    warn: (m: string, ...a: unknown[]) => line('warning', m, a),
    error: (e: string | Error, ...a: unknown[]) => line('error', e instanceof Error ? (e.stack ?? e.message) : e, a),
    append: (v: string) => channel.append(v),
    appendLine: (v: string) => channel.appendLine(v),
    replace: (v: string) => channel.replace(v),
    clear: () => channel.clear(),
    show: (a?: boolean | vscode.ViewColumn, b?: boolean) => (typeof a === 'boolean' ? channel.show(a) : channel.show(a, b)),
    hide: () => channel.hide(),
    dispose: () => channel.dispose(),
  };
}

/** "Open the other copy" (a quick fix of the copy rules): shows the place the server names, in this file or another. */
async function openLocation(uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (typeof uri !== 'string' || typeof line !== 'number') return;
  const at = new vscode.Position(line, typeof character === 'number' ? character : 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: new vscode.Range(at, at) });
}

/** "Corpus: Go to Document…": a quick pick over the documents of the active corpus file. */
async function goToDocument(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'corpus') {
    void vscode.window.showInformationMessage('Open a corpus file to go to one of its documents.');
    return;
  }
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
  type Item = vscode.QuickPickItem & { symbol: vscode.DocumentSymbol };
  const items: Item[] = symbols.map((s, i) => ({
    label: s.name,
    description: `#${i + 1} · line ${s.range.start.line + 1}`,
    detail: s.detail,
    symbol: s,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Go to Document',
    placeHolder: 'Type to filter the documents by name, date or first words',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const pos = picked.symbol.selectionRange.start;
  editor.selection = new vscode.Selection(pos, picked.symbol.selectionRange.end);
  editor.revealRange(picked.symbol.range, vscode.TextEditorRevealType.AtTop);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
