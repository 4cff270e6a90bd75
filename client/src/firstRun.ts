// What a newcomer meets first: the walkthrough "Get Started with Corpus Files"
// (contributes.walkthroughs in package.json) and the commands its steps offer.
// Each step completes on the real action, through the context keys and commands
// set here when that action happens:
//   open a corpus file     onCommand:corpus.openSample, onContext:editorLangId == corpus
//   see the problems       onView:workbench.panel.markers.view (the Problems panel shown)
//   apply a fix            onCommand:corpus.fixApplied (run by VS Code after it applied a corpus fix)
//   use the Outline        onView:outline, onCommand:corpus.goToDocument
//   hover a person         onContext:corpus.personHovered (a hover shown over a person's name)
//   add a .corpusrc.json   onContext:corpus.hasConfig (one exists in the workspace)
// No format logic: whether a hover is over a person is the server's People answer.

import * as vscode from 'vscode';
import type { LanguageClient, Middleware } from 'vscode-languageclient/node';
import { PeopleRequest } from '../../server/src/lsp/protocol';

export const FIX_APPLIED = 'corpus.fixApplied';

/** What a new .corpusrc.json holds: the two settings most often changed, empty, ready for completion. */
const CONFIG_TEMPLATE = '{\n  "rules": {\n    \n  },\n  "attributes": []\n}\n';

function setContext(key: string, value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

export class FirstRun {
  private client: LanguageClient | undefined;
  private personHovered = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    context.subscriptions.push(
      vscode.commands.registerCommand('corpus.openSample', () => this.openSample()),
      vscode.commands.registerCommand('corpus.openCorpusFile', () => this.openCorpusFile()),
      vscode.commands.registerCommand('corpus.createConfig', () => this.createConfig()),
      // Run by VS Code after it applied a quick fix or "Fix all" of this extension (see the middleware).
      vscode.commands.registerCommand(FIX_APPLIED, () => setContext('corpus.fixApplied', true)),
    );
    this.watchConfig();
  }

  attach(client: LanguageClient): void {
    this.client = client;
  }

  /** The language client's middleware: marks applied fixes, and notices a hover over a person. */
  readonly middleware: Middleware = {
    provideCodeActions: async (document, range, context, token, next) => {
      const actions = await next(document, range, context, token);
      for (const a of actions ?? []) {
        if (!(a instanceof vscode.CodeAction) || a.command || !a.kind) continue;
        if (vscode.CodeActionKind.QuickFix.contains(a.kind) || vscode.CodeActionKind.SourceFixAll.contains(a.kind)) a.command = { title: 'Fix applied', command: FIX_APPLIED };
      }
      return actions;
    },
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (hover && !this.personHovered) void this.noticePerson(document.uri, position);
      return hover;
    },
  };

  private async noticePerson(uri: vscode.Uri, position: vscode.Position): Promise<void> {
    if (!this.client?.isRunning()) return;
    try {
      const people = (await this.client.sendRequest(PeopleRequest, { uri: uri.toString() })) ?? [];
      const inside = (m: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean =>
        new vscode.Range(m.start.line, m.start.character, m.end.line, m.end.character).contains(position);
      if (people.some((p) => p.mentions.some(inside))) {
        this.personHovered = true;
        setContext('corpus.personHovered', true);
      }
    } catch {
      // The server restarted meanwhile: the next hover asks again.
    }
  }

  /** corpus.hasConfig: whether the workspace holds a .corpusrc.json, kept current. */
  private watchConfig(): void {
    const check = async (): Promise<void> => {
      const found = await vscode.workspace.findFiles('**/.corpusrc.json', '**/node_modules/**', 1);
      setContext('corpus.hasConfig', found.length > 0);
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/.corpusrc.json');
    this.context.subscriptions.push(
      watcher,
      watcher.onDidCreate(() => setContext('corpus.hasConfig', true)),
      watcher.onDidDelete(() => void check()),
    );
    void check();
  }

  /** "Open the Sample Corpus": the bundled five articles, as an unsaved copy (nothing is written). */
  private async openSample(): Promise<void> {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.context.extensionUri, 'samples', 'seeds.corpus'));
    const doc = await vscode.workspace.openTextDocument({ language: 'corpus', content: new TextDecoder().decode(bytes) });
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.One });
  }

  /** "Open a Corpus File…": the workspace's corpus files to pick from, else a file dialog. */
  private async openCorpusFile(): Promise<void> {
    const files = await vscode.workspace.findFiles('**/*.corpus', '**/node_modules/**', 500);
    let uri: vscode.Uri | undefined;
    if (files.length > 0) {
      const items = files.map((f) => ({ label: vscode.workspace.asRelativePath(f), uri: f })).sort((a, b) => a.label.localeCompare(b.label));
      uri = (await vscode.window.showQuickPick(items, { title: 'Open a Corpus File', placeHolder: 'Type to filter the corpus files of the workspace' }))?.uri;
    } else {
      uri = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Open Corpus File', filters: { 'Corpus files': ['corpus'], 'All files': ['*'] } }))?.[0];
    }
    if (uri) await vscode.window.showTextDocument(uri, { preview: false });
  }

  /**
   * "Create a .corpusrc.json": in the folder of the active corpus file (when it is saved in
   * the workspace), else in the first workspace folder; an existing one is opened instead.
   */
  private async createConfig(): Promise<void> {
    const active = vscode.window.activeTextEditor?.document;
    const folder = active && active.uri.scheme === 'file' ? vscode.workspace.getWorkspaceFolder(active.uri) : vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
      void vscode.window.showInformationMessage(
        'Open a folder first (File > Open Folder…): a .corpusrc.json applies to the corpus files in its folder and below it, in the editor and for the corpus command.',
      );
      return;
    }
    const dir = active && active.uri.scheme === 'file' ? vscode.Uri.joinPath(active.uri, '..') : folder.uri;
    const uri = vscode.Uri.joinPath(dir, '.corpusrc.json');
    let exists = true;
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      exists = false;
    }
    if (!exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(CONFIG_TEMPLATE));
    setContext('corpus.hasConfig', true);
    const editor = await vscode.window.showTextDocument(uri, { preview: false });
    if (!exists) {
      // Inside "rules", where completion offers every diagnostic code.
      const inRules = new vscode.Position(2, 4);
      editor.selection = new vscode.Selection(inRules, inRules);
      void vscode.commands.executeCommand('editor.action.triggerSuggest');
    }
  }
}
