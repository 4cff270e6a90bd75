// The diagnostic collection vscode-languageclient writes into (given to it through
// its `diagnosticCollectionProvider` option, for the pull and the push model). It
// keeps every diagnostic the server sent, and hands VS Code's own collection at most
// VSCODE_LIMIT per file, chosen by ./window.ts around what the user sees. Reading it
// back (get, forEach) gives the full lists, as the language client expects.

import * as vscode from 'vscode';
import { chooseWindow, sameWindow, Spot, View, VSCODE_LIMIT } from './window';

interface Entry {
  uri: vscode.Uri;
  all: readonly vscode.Diagnostic[];
  /** The indices VS Code has now (undefined: not set yet). */
  shown?: number[];
}

const spot = (d: vscode.Diagnostic): Spot => ({ startLine: d.range.start.line, endLine: d.range.end.line, error: d.severity === vscode.DiagnosticSeverity.Error });

export class WindowedCollection implements vscode.DiagnosticCollection {
  private readonly real: vscode.DiagnosticCollection;
  private readonly entries = new Map<string, Entry>();

  constructor(
    readonly name: string,
    /** What the user sees of a file now. */
    private readonly viewOf: (uri: vscode.Uri) => View,
    /** Told when a file's full list changed (set, delete, clear). */
    private readonly changed: (uri: vscode.Uri) => void,
  ) {
    this.real = vscode.languages.createDiagnosticCollection(name);
  }

  set(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[] | undefined): void;
  set(entries: ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[] | undefined]>): void;
  set(a: vscode.Uri | ReadonlyArray<[vscode.Uri, readonly vscode.Diagnostic[] | undefined]>, b?: readonly vscode.Diagnostic[]): void {
    if (a instanceof vscode.Uri) {
      this.put(a, b);
      return;
    }
    // As VS Code's collection does: entries of one file are appended; an undefined list resets it.
    const merged = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] | undefined }>();
    for (const [uri, list] of a) {
      const key = uri.toString();
      const m = merged.get(key) ?? { uri, list: [] };
      m.list = list === undefined ? undefined : [...(m.list ?? []), ...list];
      merged.set(key, m);
    }
    for (const m of merged.values()) this.put(m.uri, m.list);
  }

  delete(uri: vscode.Uri): void {
    if (!this.entries.delete(uri.toString())) return;
    this.real.delete(uri);
    this.changed(uri);
  }

  clear(): void {
    const uris = [...this.entries.values()].map((e) => e.uri);
    this.entries.clear();
    this.real.clear();
    for (const u of uris) this.changed(u);
  }

  forEach(callback: (uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[], collection: vscode.DiagnosticCollection) => unknown, thisArg?: unknown): void {
    for (const e of this.entries.values()) callback.call(thisArg, e.uri, e.all, this);
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] | undefined {
    return this.entries.get(uri.toString())?.all;
  }

  has(uri: vscode.Uri): boolean {
    return this.entries.has(uri.toString());
  }

  dispose(): void {
    this.entries.clear();
    this.real.dispose();
  }

  *[Symbol.iterator](): IterableIterator<[uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]]> {
    for (const e of [...this.entries.values()]) yield [e.uri, e.all];
  }

  /** The files this collection holds. */
  uris(): vscode.Uri[] {
    return [...this.entries.values()].map((e) => e.uri);
  }

  /** How many diagnostics VS Code has of the file now. */
  shownCount(uri: vscode.Uri): number {
    const e = this.entries.get(uri.toString());
    return e ? (e.shown?.length ?? 0) : 0;
  }

  /** Chooses the file's window again (the user scrolled or moved); VS Code is told only if it changed. */
  rewindow(uri: vscode.Uri): void {
    const e = this.entries.get(uri.toString());
    if (!e || e.all.length <= VSCODE_LIMIT) return;
    this.show(e);
  }

  private put(uri: vscode.Uri, list: readonly vscode.Diagnostic[] | undefined): void {
    const key = uri.toString();
    if (list === undefined) {
      this.delete(uri);
      return;
    }
    const e: Entry = { uri, all: list };
    this.entries.set(key, e);
    this.show(e);
    this.changed(uri);
  }

  private show(e: Entry): void {
    if (e.all.length <= VSCODE_LIMIT) {
      e.shown = Array.from({ length: e.all.length }, (_, i) => i);
      this.real.set(e.uri, e.all);
      return;
    }
    const next = chooseWindow(e.all, spot, this.viewOf(e.uri));
    if (sameWindow(e.shown, next)) return;
    e.shown = next;
    this.real.set(
      e.uri,
      next.map((i) => e.all[i]),
    );
  }
}
