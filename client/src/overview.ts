// "Corpus: Show Overview": a webview of the active corpus file's overview (plots of
// dates, languages, lengths, problems and people; client/webview/overview.ts draws
// them). The data comes from the server (corpus/overview) and is asked for again
// after the file changes; a click on a document in the page opens it here.
// The page runs under a strict Content Security Policy: its own script (with a
// nonce) and style sheet from the extension, nothing remote, nothing inline.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { OverviewRequest } from '../../server/src/lsp/protocol';
import type { OverviewData } from '../../server/src/lsp/protocol';

/** What the tests read of the panel. */
export interface OverviewSnapshot {
  open: boolean;
  uri?: string;
  documents?: number;
}

export class OverviewPanel {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private data: OverviewData | undefined;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly extensionUri: vscode.Uri,
  ) {}

  register(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.commands.registerCommand('corpus.showOverview', () => this.show()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.uri && e.document.uri.toString() === this.uri.toString()) this.refreshSoon();
      }),
      { dispose: () => this.panel?.dispose() },
    );
  }

  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document.languageId === 'corpus' ? editor.document : vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'corpus')?.document;
    if (!doc) {
      void vscode.window.showInformationMessage('Open a corpus file first: the overview shows the corpus file of the active editor.');
      return;
    }
    this.uri = doc.uri;
    const name = doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1);
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'dist');
      this.panel = vscode.window.createWebviewPanel(
        'corpus.overview',
        `Overview: ${name}`,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [media] },
      );
      this.panel.webview.html = this.html(this.panel.webview, media);
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: { type?: string; uri?: string; line?: number }) => void this.message(m));
    } else {
      this.panel.title = `Overview: ${name}`;
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  snapshot(): OverviewSnapshot {
    return { open: this.panel !== undefined, uri: this.uri?.toString(), documents: this.data?.documents.length };
  }

  private refreshSoon(): void {
    if (this.pending) clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), 1000);
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.uri) return;
    try {
      this.data = (await this.client.sendRequest(OverviewRequest, { uri: this.uri.toString() })) ?? undefined;
    } catch {
      this.data = undefined;
    }
    if (this.data) void this.panel.webview.postMessage({ type: 'data', data: this.data });
  }

  private async message(m: { type?: string; uri?: string; line?: number }): Promise<void> {
    if (m.type === 'ready') {
      if (this.data) void this.panel?.webview.postMessage({ type: 'data', data: this.data });
      return;
    }
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
<main id="overview"><p class="hint">Reading the corpus…</p></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }
}
