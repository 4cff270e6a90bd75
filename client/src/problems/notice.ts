// Saying it when a file has more problems than VS Code shows: a language status item
// (while such a file is active) and one information message per file and session,
// both offering the Corpus Problems view.

import * as vscode from 'vscode';
import type { ProblemStore } from './store';
import { VSCODE_LIMIT } from './window';

const n = (x: number): string => x.toLocaleString('en-US');

/** "4,012 problems; VS Code shows 1,000 at a time, nearest to where you are". */
export function overLimitText(total: number): string {
  return `${n(total)} problems; VS Code shows ${n(VSCODE_LIMIT)} at a time, nearest to where you are`;
}

export class ProblemsNotice implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private readonly told = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: ProblemStore,
    /** The command that shows the Corpus Problems view. */
    private readonly showView: string,
  ) {
    this.subscriptions = [store.onDidChange(() => this.later()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
  }

  /** What the status item says now (for tests); undefined when it is not shown. */
  snapshot(): { text: string; detail?: string } | undefined {
    return this.item ? { text: this.item.text, detail: this.item.detail } : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  private later(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 200);
  }

  private update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const total = doc && doc.languageId === 'corpus' ? this.store.all(doc.uri).length : 0;
    if (!doc || total <= VSCODE_LIMIT) {
      this.item?.dispose();
      this.item = undefined;
      return;
    }
    if (!this.item) {
      this.item = vscode.languages.createLanguageStatusItem('corpus.problems', { language: 'corpus' });
      this.item.name = 'Corpus problems';
      this.item.severity = vscode.LanguageStatusSeverity.Warning;
      this.item.command = { title: 'Show All Problems', command: this.showView };
    }
    this.item.text = `${n(total)} problems`;
    this.item.detail = `VS Code shows ${n(VSCODE_LIMIT)} at a time, nearest to where you are`;
    const key = doc.uri.toString();
    if (this.told.has(key)) return;
    this.told.add(key);
    void vscode.window.showInformationMessage(`${doc.uri.path.slice(doc.uri.path.lastIndexOf('/') + 1)} has ${overLimitText(total)}.`, 'Show All Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand(this.showView);
    });
  }
}
