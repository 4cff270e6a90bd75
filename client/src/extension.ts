// The VS Code client: starts the language server and adds the editor's own
// pieces (language status, "Go to Document…", restart, output channel). No
// format logic lives here: everything comes from the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ServerInfoRequest, StatusRequest } from '../../server/src/lsp/protocol';
import { PeopleView } from './peopleView';
import { registerLargeFiles } from './largeFiles';
import { ProblemsApi, registerProblems } from './problems';
import { registerPeopleFileSave, saveEditedPeopleFiles } from './peopleFileEdits';
import { FirstRun } from './firstRun';

let client: LanguageClient | undefined;

export interface CorpusExtensionApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  /** What the language status item shows now (for tests). */
  languageStatus(): { text: string; detail?: string };
  /** The running server's process id (for the recovery test). */
  serverPid(): Promise<number>;
  /** What the People view lists now (for tests). */
  people(): Promise<{ name: string; count: number }[]>;
  /** Past VS Code's 1,000 per file: the server's diagnostics, what VS Code has, the notice and the view (for tests). */
  problems: ProblemsApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<CorpusExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
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
    // Every diagnostic is kept; VS Code gets at most 1,000 per file, around what is on screen (docs/problems.md).
    diagnosticCollectionProvider: problems.collections,
  };
  client = new LanguageClient('corpus', 'Corpus Language Server', serverOptions, clientOptions);
  firstRun.attach(client);

  const status = vscode.languages.createLanguageStatusItem('corpus.status', { language: 'corpus' });
  status.name = 'Corpus';
  status.text = 'Corpus';
  status.command = { title: 'Go to Document…', command: 'corpus.goToDocument' };

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
    registerPeopleFileSave(),
    vscode.commands.registerCommand('corpus.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('Corpus language server restarted', 3000);
    }),
    vscode.commands.registerCommand('corpus.showOutput', () => output.show()),
  );

  // A `.txt` (or any plain-text file) whose first line is a header is a corpus: VS Code's
  // plain-text language claims `.txt` by extension before `firstLine` is looked at.
  const adopt = (doc: vscode.TextDocument): void => {
    if (doc.languageId === 'plaintext' && doc.lineCount > 0 && /^<<<FILE[ \t]/.test(doc.lineAt(0).text)) {
      void vscode.languages.setTextDocumentLanguage(doc, 'corpus');
    }
  };
  vscode.workspace.textDocuments.forEach(adopt);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(adopt));

  void vscode.commands.executeCommand('setContext', 'corpus.active', true);
  registerLargeFiles(context);
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

  const started = client.start();
  void started.then(refreshPeople);
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return {
    ready: () => started,
    languageStatus: () => ({ text: status.text, detail: status.detail }),
    people: async () => {
      await people.refresh();
      return people.snapshot();
    },
    problems: problems.api,
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
