// "Corpus: Show Overview" and "Corpus: Show Workspace Overview": a webview of the
// overview of the active corpus file, or of every corpus file of the workspace (plots
// of dates, languages, lengths, problems and people; client/webview/overview.ts draws
// them, with a "This file" / "Whole workspace" switch). The data comes from the
// server (corpus/overview, corpus/workspaceOverview) and is asked for again one
// second after what it shows changed; a click on a document in the page opens it
// here, in whichever file it is.
// The page runs under a strict Content Security Policy: its own script (with a
// nonce) and style sheet from the extension, nothing remote, nothing inline.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewRequest, WorkspaceOverviewRequest } from '../../server/src/lsp/protocol';
import type { OverviewData } from '../../server/src/lsp/protocol';

export type OverviewScope = 'file' | 'workspace';

/** What the tests read of the panel. */
export interface OverviewSnapshot {
  open: boolean;
  scope?: OverviewScope;
  uri?: string;
  documents?: number;
  /** The files shown, with how many documents each has. */
  files?: { name: string; uri?: string; documents: number }[];
}

/** What the page sends: it is ready, a document was clicked, or the switch was turned. */
interface PageMessage {
  type?: string;
  uri?: string;
  line?: number;
  scope?: string;
}

function isCorpus(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc?.languageId === 'corpus';
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export class OverviewPanel {
  private panel: vscode.WebviewPanel | undefined;
  private scope: OverviewScope = 'file';
  /** The file of the file overview (kept while the workspace is shown, so the switch can go back). */
  private uri: vscode.Uri | undefined;
  private data: OverviewData | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;
  /** The request running, cancelled when a newer one starts (the workspace's can take a while). */
  private running: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  register(context: vscode.ExtensionContext): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.corpus');
    const diskChanged = (): void => {
      if (this.panel && this.scope === 'workspace') this.refreshSoon();
    };
    context.subscriptions.push(
      vscode.commands.registerCommand('corpus.showOverview', () => this.show('file')),
      vscode.commands.registerCommand('corpus.showWorkspaceOverview', () => this.show('workspace')),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!this.panel || !isCorpus(e.document)) return;
        if (this.scope === 'workspace' || e.document.uri.toString() === this.uri?.toString()) this.refreshSoon();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isCorpus(d)) diskChanged();
      }),
      watcher,
      watcher.onDidCreate(diskChanged),
      watcher.onDidChange(diskChanged),
      watcher.onDidDelete(diskChanged),
      { dispose: () => this.panel?.dispose() },
    );
  }

  /** The corpus file the file overview is about: the active editor's, else a visible one. */
  private activeCorpus(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    return isCorpus(active) ? active : vscode.window.visibleTextEditors.find((e) => isCorpus(e.document))?.document;
  }

  /** Shows an overview; `fromPage`: the page's switch asked (the file overview is then of the file last shown when none is active). */
  async show(scope: OverviewScope, fromPage = false): Promise<void> {
    if (scope === 'file') {
      const uri = this.activeCorpus()?.uri ?? (fromPage ? this.uri : undefined);
      if (!uri) {
        const choice = await vscode.window.showInformationMessage(
          'Open a corpus file first: the overview shows the corpus file of the active editor. The workspace overview shows every corpus file of the workspace.',
          'Show Workspace Overview',
        );
        if (choice) await this.show('workspace');
        return;
      }
      this.uri = uri;
    } else {
      // The file to go back to with the switch, when one is open.
      this.uri = this.activeCorpus()?.uri ?? this.uri;
    }
    this.scope = scope;
    this.data = undefined;
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel(
        'corpus.overview',
        this.title(),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [media] },
      );
      this.panel.webview.html = this.html(this.panel.webview, media);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.running?.cancel();
      });
      this.panel.webview.onDidReceiveMessage((m: PageMessage) => void this.message(m));
    } else {
      this.panel.title = this.title();
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.post();
    await this.refresh();
  }

  private title(): string {
    return this.scope === 'workspace' ? 'Overview: workspace' : `Overview: ${this.uri ? nameOf(this.uri) : 'corpus'}`;
  }

  snapshot(): OverviewSnapshot {
    const data = this.data;
    const files = data?.files.map((f, i) => ({ name: f.name, uri: f.uri, documents: data.documents.filter((d) => d.file === i).length }));
    return { open: this.panel !== undefined, scope: this.scope, uri: this.uri?.toString(), documents: data?.documents.length, files };
  }

  /** What a click on the n-th document of the page does (for tests). */
  async openDocument(index: number): Promise<void> {
    const d = this.data?.documents[index];
    const uri = d && this.data?.files[d.file]?.uri;
    if (d && uri) await this.message({ type: 'open', uri, line: d.line });
  }

  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 1000);
  }

  private async refresh(): Promise<void> {
    if (!this.panel) return;
    this.running?.cancel();
    const source = (this.running = new vscode.CancellationTokenSource());
    const scope = this.scope;
    let data: OverviewData | undefined;
    try {
      if (scope === 'workspace') {
        data =
          (await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Corpus: reading the workspace for the overview' }, () =>
            this.client.sendRequest(WorkspaceOverviewRequest, source.token),
          )) ?? undefined;
      } else if (this.uri) {
        data = (await this.client.sendRequest(OverviewRequest, { uri: this.uri.toString() }, source.token)) ?? undefined;
      }
    } catch {
      data = undefined;
    }
    // A newer request, or the other scope, took over meanwhile.
    if (source.token.isCancellationRequested || scope !== this.scope) return;
    this.running = undefined;
    source.dispose();
    this.data = data;
    this.post();
  }

  /** Sends the page the data (when there is some) and what the switch offers. */
  private post(): void {
    const canFile = this.uri !== undefined || this.activeCorpus() !== undefined;
    void this.panel?.webview.postMessage({ type: 'data', data: this.data, scope: this.scope, canFile, workspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0 });
  }

  private async message(m: PageMessage): Promise<void> {
    if (m.type === 'ready') return this.post();
    if (m.type === 'scope' && (m.scope === 'file' || m.scope === 'workspace')) return this.show(m.scope, true);
    if (m.type !== 'open' || typeof m.uri !== 'string' || typeof m.line !== 'number') return;
    const position = new vscode.Position(m.line, 0);
    await vscode.window.showTextDocument(vscode.Uri.parse(m.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
  }

  private html(webview: vscode.Webview, media: vscode.Uri): string {
    const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'overview.css'));
    const csp = `default-src 'none'; img-src ${webview.cspSource} data:; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; font-src ${webview.cspSource};`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Corpus overview</title>
</head>
<body>
<nav id="scope" hidden></nav>
<main id="overview"><p class="hint">Reading the corpus…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
