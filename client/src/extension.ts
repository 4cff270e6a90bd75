// The VS Code client: starts the language server and adds the editor's own
// pieces (language status, "Go to Document…", restart, output channel). No
// format logic lives here: everything comes from the server.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export interface CorpusExtensionApi {
  /** Resolves when the language server is running. */
  ready(): Promise<void>;
  /** What the language status item shows now (for tests). */
  languageStatus(): { text: string; detail?: string };
}

export async function activate(context: vscode.ExtensionContext): Promise<CorpusExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const output = vscode.window.createOutputChannel('Corpus Language Server', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'corpus' }],
    synchronize: {
      configurationSection: 'corpus',
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.corpusrc.json'),
        vscode.workspace.createFileSystemWatcher('**/*.corpus'),
        vscode.workspace.createFileSystemWatcher('**/*.people.json'),
      ],
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  client = new LanguageClient('corpus', 'Corpus Language Server', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('corpus.status', { language: 'corpus' });
  status.name = 'Corpus';
  status.text = 'Corpus';
  status.command = { title: 'Go to Document…', command: 'corpus.goToDocument' };

  const updateStatus = async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'corpus') return;
    const uri = editor.document.uri;
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
    const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'corpus');
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const docs = symbols.length;
    status.text = `${docs} document${docs === 1 ? '' : 's'}, ${diags.length} problem${diags.length === 1 ? '' : 's'}`;
    status.detail = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : 'no errors';
    status.severity = errors > 0 ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  };

  context.subscriptions.push(
    status,
    output,
    vscode.languages.onDidChangeDiagnostics(() => void updateStatus()),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.commands.registerCommand('corpus.goToDocument', goToDocument),
    vscode.commands.registerCommand('corpus.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('Corpus language server restarted', 3000);
    }),
    vscode.commands.registerCommand('corpus.showOutput', () => output.show()),
  );

  const started = client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return {
    ready: () => started,
    languageStatus: () => ({ text: status.text, detail: status.detail }),
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
