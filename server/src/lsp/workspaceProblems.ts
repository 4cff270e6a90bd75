// How the problems of unopened files (`corpus.problems.scope` = `workspace`,
// computed by the service's WorkspaceProblems) reach the editor.
//
// - Pull, where the client can register diagnostic providers dynamically (VS Code):
//   the server's one pull provider (`corpus`, open files answered by
//   ./diagnostics.ts) is registered here, dynamically, with `workspaceDiagnostics`
//   following the scope; a change of scope registers it again. One provider, not
//   two, because the client then keeps the problems of a file whose tab closed
//   (VS Code may keep the document open for minutes) until the workspace report
//   takes over, and never shows a file's problems twice. `workspace/diagnostic`
//   answers with the unopened files whose problems changed since the client's
//   `previousResultIds`; it is held open until something changes (a long poll), so
//   an idle workspace costs nothing. `textDocument/diagnostic` for a file that is not
//   open answers what is known of it on disk.
// - Push, for every other client (Neovim, Helix, Emacs): each unopened file's
//   problems are published with `textDocument/publishDiagnostics`, and cleared
//   when the file is opened (its validation takes over), deleted, or the scope is
//   turned off.

import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  Disposable,
  DocumentDiagnosticReport,
  TextDocuments,
  WorkspaceDiagnosticReport,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { DocumentDiagnosticRequest } from 'vscode-languageserver/node';
import { canonicalUri, CorpusLanguageService, FileProblems } from '../index';
import { toLspDiagnostic } from './convert';
import type { CorpusTextDocument } from './textDocuments';

/** The pull provider's identifier. */
export const PROVIDER_ID = 'corpus';
/** The result id of a file whose problems are gone. */
const GONE = 'gone';
/** After a change, how long to wait for more before answering (a pass finds many files in a row). */
const GATHER_MS = 150;

export class WorkspaceProblemsReporter {
  private readonly pull: boolean;
  private registration: Promise<Disposable> | undefined;
  /** The scope the registered provider was made for. */
  private registeredFor: boolean | undefined;
  /** Push: the unopened files whose problems were published. */
  private readonly published = new Set<string>();
  /** Pull: the held requests, woken by a change. */
  private waiters: (() => void)[] = [];

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<CorpusTextDocument>,
    private readonly service: CorpusLanguageService,
    capabilities: ClientCapabilities,
  ) {
    this.pull = capabilities.textDocument?.diagnostic?.dynamicRegistration === true;
    service.workspaceProblems.onDidChange((uris) => (this.pull ? this.wake() : this.publish(uris)));
    if (this.pull) connection.languages.diagnostics.onWorkspace((params, token) => this.workspaceReport(params.previousResultIds, token));
  }

  /** Whether this reporter registers the pull provider (then the server declares none in `initialize`). */
  get registersProvider(): boolean {
    return this.pull;
  }

  /** The settings were read: follow the scope (the provider is registered again when `workspaceDiagnostics` must change). */
  update(): void {
    if (!this.pull) return;
    const on = this.service.workspaceProblems.enabled;
    if (this.registeredFor === on) return;
    const previous = this.registration;
    this.registeredFor = on;
    this.wake();
    if (previous) void previous.then((d) => d.dispose()).catch(() => undefined);
    this.registration = this.connection.client.register(DocumentDiagnosticRequest.type, {
      documentSelector: [{ language: 'corpus' }],
      identifier: PROVIDER_ID,
      interFileDependencies: false,
      workspaceDiagnostics: on,
    });
    this.registration.catch((e: unknown) => this.connection.console.error(`Registering the diagnostics provider failed: ${String(e)}`));
  }

  private isOpen(uri: string): boolean {
    return this.documents.get(uri) !== undefined;
  }

  private lsp(f: FileProblems): WorkspaceDocumentDiagnosticReport {
    return { kind: 'full', uri: f.uri, version: null, resultId: f.resultId, items: f.diagnostics.map((d) => toLspDiagnostic(f.uri, d)) };
  }

  // ---------------------------------------------------------------- push

  private publish(uris: readonly string[]): void {
    for (const uri of uris) {
      const f = this.service.workspaceProblems.get(uri);
      if (f) {
        this.published.add(f.uri);
        void this.connection.sendDiagnostics({ uri: f.uri, diagnostics: f.diagnostics.map((d) => toLspDiagnostic(f.uri, d)) });
      } else if (this.published.delete(canonicalUri(uri)) && !this.isOpen(uri)) {
        // An open file's validation publishes for it: clearing here could wipe what it just sent.
        void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      }
    }
  }

  // ---------------------------------------------------------------- pull

  /** The answer to `textDocument/diagnostic` for a file that is not open: what is known of it on disk. */
  documentReport(uri: string, previous: string | undefined): DocumentDiagnosticReport {
    const f = this.service.workspaceProblems.get(uri);
    if (!f) return { kind: 'full', items: [] };
    if (previous === f.resultId) return { kind: 'unchanged', resultId: f.resultId };
    return { kind: 'full', resultId: f.resultId, items: f.diagnostics.map((d) => toLspDiagnostic(uri, d)) };
  }

  /** The files whose problems changed since the client's result ids; held until there is one. */
  private async workspaceReport(previousResultIds: readonly { uri: string; value: string }[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(previousResultIds.map((p) => [canonicalUri(p.uri), p]));
    for (;;) {
      if (token.isCancellationRequested || !this.service.workspaceProblems.enabled) return { items: [] };
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const f of this.service.workspaceProblems.all()) if (previous.get(f.uri)?.value !== f.resultId) items.push(this.lsp(f));
      for (const [key, p] of previous) {
        if (p.value !== GONE && !this.service.workspaceProblems.get(key) && !this.isOpen(p.uri)) items.push({ kind: 'full', uri: p.uri, version: null, resultId: GONE, items: [] });
      }
      if (items.length > 0) return { items };
      await this.nextChange(token);
      await new Promise((r) => setTimeout(r, GATHER_MS));
    }
  }

  private nextChange(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const cancelled = token.onCancellationRequested(() => done());
      const done = (): void => {
        cancelled.dispose();
        resolve();
      };
      this.waiters.push(done);
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
