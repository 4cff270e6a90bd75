// Every diagnostic the language server sent, per file, and the squiggles VS Code is
// given of them: at most 1,000 per file, around what the user sees (./window.ts),
// chosen again when the user scrolls, jumps or opens another editor of the file.
//
// The store is handed to vscode-languageclient as its `diagnosticCollectionProvider`:
// the client converts and files the server's reports as always (pull with
// `unchanged` result ids, or push), and every list lands in a WindowedCollection.
// See docs/problems.md for why this and not a middleware.

import * as vscode from 'vscode';
import type { DiagnosticCollectionProvider } from 'vscode-languageclient/node';
import { WindowedCollection } from './collection';
import { NO_VIEW, View } from './window';

/** Scrolling fires many events: the window is chosen again at most this often while they come. */
const SCROLL_DEBOUNCE_MS = 80;

export class ProblemStore implements vscode.Disposable {
  private readonly collections = new Set<WindowedCollection>();
  /** The last view of each file seen on screen: a file in a background tab keeps the window it had. */
  private readonly views = new Map<string, View>();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Fired when a file's full list changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscriptions.push(
      this.emitter,
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.moved(e.textEditor.document.uri)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.moved(e.textEditor.document.uri)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.moved(e.document.uri))),
    );
  }

  /** For the language client's `diagnosticCollectionProvider` option. */
  readonly provider: DiagnosticCollectionProvider = {
    create: (name) => {
      const c = new WindowedCollection(
        name ?? 'corpus',
        (uri) => this.viewOf(uri),
        (uri) => this.emitter.fire(uri),
      );
      this.collections.add(c);
      return c;
    },
    // The client disposes a provider's collection when the server registers it again (the
    // problems scope changed) or stops: its files' lists are gone, and the view and notice are told.
    dispose: (collection) => {
      const gone = collection instanceof WindowedCollection ? collection.uris() : [];
      if (collection instanceof WindowedCollection) this.collections.delete(collection);
      collection.dispose();
      for (const uri of gone) this.emitter.fire(uri);
    },
  };

  /** Every diagnostic of the file, as the server sent them. */
  all(uri: vscode.Uri): vscode.Diagnostic[] {
    const out: vscode.Diagnostic[] = [];
    for (const c of this.collections) out.push(...(c.get(uri) ?? []));
    return out;
  }

  /** How many of them VS Code has now. */
  shown(uri: vscode.Uri): number {
    let n = 0;
    for (const c of this.collections) n += c.shownCount(uri);
    return n;
  }

  /** The files with diagnostics. */
  uris(): vscode.Uri[] {
    const seen = new Map<string, vscode.Uri>();
    for (const c of this.collections) for (const u of c.uris()) seen.set(u.toString(), u);
    return [...seen.values()];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }

  /** What the user sees of the file: every visible editor's ranges and cursors, else what was last seen. */
  private viewOf(uri: vscode.Uri): View {
    const key = uri.toString();
    const editors = vscode.window.visibleTextEditors.filter((e) => e.document.uri.toString() === key);
    if (editors.length === 0) return this.views.get(key) ?? NO_VIEW;
    const view: View = {
      ranges: editors.flatMap((e) => e.visibleRanges.map((r) => ({ start: r.start.line, end: r.end.line }))),
      cursors: editors.flatMap((e) => e.selections.map((s) => s.active.line)),
    };
    this.views.set(key, view);
    return view;
  }

  private moved(uri: vscode.Uri): void {
    this.pending.add(uri.toString());
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const keys = new Set(this.pending);
      this.pending.clear();
      for (const c of this.collections) for (const u of c.uris()) if (keys.has(u.toString())) c.rewindow(u);
    }, SCROLL_DEBOUNCE_MS);
  }
}
