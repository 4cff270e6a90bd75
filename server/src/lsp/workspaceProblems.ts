// How the problems of unopened files (`corpus.problems.scope` = `workspace`,
// computed by the service's WorkspaceProblems) reach the editor.
//
// - Pull, where the client can register diagnostic providers dynamically (VS Code):
//   while the scope is `workspace` a provider is registered with
//   `workspaceDiagnostics: true`, and `workspace/diagnostic` answers with the files
//   whose problems changed since the client's `previousResultIds`. The request is
//   held open until something changes (a long poll), so an idle workspace costs
//   nothing. `textDocument/diagnostic` for an open file answers an empty report: the
//   open file's own validation publishes its diagnostics, and this keeps them from
//   showing twice. Turning the scope off unregisters the provider, which clears
//   what it showed.
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

/** The pull provider's identifier (requests carry it, so another provider of the server can be told apart). */
export const WORKSPACE_PROVIDER_ID = 'corpus-workspace';
/** The result id of an open file's empty report, and of a file whose problems are gone. */
const OPEN = 'open';
const GONE = 'gone';
/** After a change, how long to wait for more before answering (a pass finds many files in a row). */
const GATHER_MS = 150;

export class WorkspaceProblemsReporter {
  private readonly pull: boolean;
  private registration: Promise<Disposable> | undefined;
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
    if (this.pull) {
      connection.languages.diagnostics.onWorkspace((params, token) => this.workspaceReport(params.previousResultIds, token));
    }
  }

  /** The settings were read: follow the scope (register or unregister the pull provider). */
  update(): void {
    if (!this.pull) return;
    const on = this.service.workspaceProblems.enabled;
    if (on && !this.registration) {
      this.registration = this.connection.client.register(DocumentDiagnosticRequest.type, {
        documentSelector: [{ language: 'corpus' }],
        identifier: WORKSPACE_PROVIDER_ID,
        interFileDependencies: false,
        workspaceDiagnostics: true,
      });
      this.registration.catch((e: unknown) => this.connection.console.error(`Registering workspace problems failed: ${String(e)}`));
    } else if (!on && this.registration) {
      const r = this.registration;
      this.registration = undefined;
      this.wake();
      void r.then((d) => d.dispose()).catch(() => undefined);
    }
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

  /** Whether a `textDocument/diagnostic` request is for this provider (the server routes it; its identifier says). */
  owns(identifier: string | undefined): boolean {
    return this.pull && identifier === WORKSPACE_PROVIDER_ID;
  }

  /** The answer to `textDocument/diagnostic` for this provider. */
  documentReport(uri: string, previous: string | undefined): DocumentDiagnosticReport {
    if (this.isOpen(uri)) return previous === OPEN ? { kind: 'unchanged', resultId: OPEN } : { kind: 'full', resultId: OPEN, items: [] };
    // A file just closed: what is known of it on disk (the workspace report brings what comes later).
    const f = this.service.workspaceProblems.get(uri);
    return f ? { kind: 'full', resultId: f.resultId, items: f.diagnostics.map((d) => toLspDiagnostic(uri, d)) } : { kind: 'full', items: [] };
  }

  /** The files whose problems changed since the client's result ids; held until there is one. */
  private async workspaceReport(previousResultIds: readonly { uri: string; value: string }[], token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(previousResultIds.map((p) => [canonicalUri(p.uri), p]));
    for (;;) {
      if (token.isCancellationRequested || !this.service.workspaceProblems.enabled) return { items: [] };
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const f of this.service.workspaceProblems.all()) if (previous.get(f.uri)?.value !== f.resultId) items.push(this.lsp(f));
      for (const [key, p] of previous) {
        if (p.value !== GONE && p.value !== OPEN && !this.service.workspaceProblems.get(key) && !this.isOpen(p.uri)) items.push({ kind: 'full', uri: p.uri, version: null, resultId: GONE, items: [] });
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
