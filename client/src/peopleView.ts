// The "People" view in the Explorer: the people of the active corpus file, most
// mentioned first. Clicking a person walks through its mentions. The data comes
// from the server (corpus/people); tree items show text only (no markdown).

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// The request and the shape of its answer, shared with the server (nothing of the service is bundled here).
import { PeopleRequest, PeopleViewEntry as PersonEntry } from '../../server/src/lsp/protocol';

export class PeopleView implements vscode.TreeDataProvider<PersonEntry> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private entries: PersonEntry[] = [];
  private uri: vscode.Uri | undefined;
  private readonly next = new Map<string, number>();

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const corpusOpen = vscode.window.visibleTextEditors.some((e) => e.document.languageId === 'corpus');
    // The view's welcome text (package.json viewsWelcome) differs when no corpus file is open.
    void vscode.commands.executeCommand('setContext', 'corpus.corpusOpen', corpusOpen);
    if (!corpusOpen && this.entries.length > 0) {
      this.entries = [];
      this.uri = undefined;
      this.changed.fire();
    }
    if (!editor || editor.document.languageId !== 'corpus') return;
    this.uri = editor.document.uri;
    try {
      this.entries = (await this.client.sendRequest(PeopleRequest, { uri: this.uri.toString() })) ?? [];
    } catch {
      this.entries = [];
    }
    this.next.clear();
    this.changed.fire();
  }

  /** People shown now (for tests). */
  snapshot(): { name: string; count: number }[] {
    return this.entries.map((e) => ({ name: e.name, count: e.count }));
  }

  getTreeItem(e: PersonEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.None);
    item.description = `${e.count} mention${e.count === 1 ? '' : 's'} in ${e.documents} document${e.documents === 1 ? '' : 's'}`;
    // A plain string tooltip: corpus text is shown as text, never rendered.
    item.tooltip = [e.name, e.description, e.titles.length ? `Titles: ${e.titles.join(', ')}` : undefined, `Spellings: ${e.spellings.join(', ')}`].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(e.known ? 'person' : 'account');
    item.command = { title: 'Next mention', command: 'corpus.nextMention', arguments: [e.name] };
    return item;
  }

  getChildren(e?: PersonEntry): PersonEntry[] {
    return e ? [] : this.entries;
  }

  /** Reveals the person's next mention (each click goes one further, then wraps). */
  async nextMention(name: string): Promise<void> {
    const e = this.entries.find((x) => x.name === name);
    if (!e || !this.uri || e.mentions.length === 0) return;
    const i = (this.next.get(name) ?? 0) % e.mentions.length;
    this.next.set(name, i + 1);
    const m = e.mentions[i];
    const range = new vscode.Range(m.start.line, m.start.character, m.end.line, m.end.character);
    const editor = await vscode.window.showTextDocument(this.uri, { preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    void vscode.window.setStatusBarMessage(`${name}: mention ${i + 1} of ${e.mentions.length}`, 3000);
  }
}
