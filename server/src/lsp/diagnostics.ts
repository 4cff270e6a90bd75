// How the language server hands diagnostics to the client, in one of two models.
//
// - Pull (LSP 3.17 `textDocument/diagnostic`), when the client supports it (VS
//   Code's does): the client asks after every change; the answer is `unchanged`
//   (just the resultId) when the list is the one the client already has, so a
//   keystroke that changes no diagnostic costs a few bytes, not the whole list.
//   When background work changes a list (the text rules' pass over a file just
//   opened), the server asks the client to pull again (`workspace/diagnostic/refresh`).
// - Push (`publishDiagnostics`) otherwise: one publication per version with
//   everything known by then, and none when the list did not change.
//
// The service returns the same array while a file's list is the same, so "did it
// change" is an identity test. The problems of the `.corpusrc.json` that applies
// are published on that file (push) in both models. One file of the protocol's
// conversions (convert.ts) turns the service's diagnostics into LSP's, each once.

import { ResponseError, LSPErrorCodes } from 'vscode-languageserver';
import type { CancellationToken, ClientCapabilities, Connection, Diagnostic as LspDiagnostic, DocumentDiagnosticReport, TextDocuments } from 'vscode-languageserver';
import { configDiagnostics } from '../index';
import type { CorpusLanguageService, Diagnostic, FileDiagnostics } from '../index';
import { toLspDiagnostic } from './convert';
import type { CorpusTextDocument } from './textDocuments';

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** What the client holds for one file: the service's list it was given, and the report's id. */
interface Held {
  shown: readonly Diagnostic[];
  resultId: string;
}

/** The LSP form of each of the service's diagnostics, converted once (the service shares unchanged objects). */
const converted = new WeakMap<Diagnostic, { uri: string; lsp: LspDiagnostic }>();

function toLsp(uri: string, list: readonly Diagnostic[]): LspDiagnostic[] {
  const out = new Array<LspDiagnostic>(list.length);
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    let c = converted.get(d);
    if (!c || c.uri !== uri) converted.set(d, (c = { uri, lsp: toLspDiagnostic(uri, d) }));
    out[i] = c.lsp;
  }
  return out;
}

export class DiagnosticsChannel {
  private pull = false;
  private refreshSupport = false;
  private readonly held = new Map<string, Held>();
  /** Result ids are unique to this process, so an id a client kept from an earlier server never matches. */
  private readonly idPrefix = `${Date.now().toString(36)}-`;
  private nextId = 1;
  private readonly pending = new Set<string>();
  private scheduled = false;
  private refreshScheduled = false;
  /** Configuration files that currently have diagnostics published. */
  private readonly rcWithDiagnostics = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<CorpusTextDocument>,
    private readonly service: CorpusLanguageService,
  ) {}

  /** Chooses the model from the client's capabilities; true for pull (then the server offers `diagnosticProvider`). */
  configure(capabilities: ClientCapabilities): boolean {
    this.pull = capabilities.textDocument?.diagnostic !== undefined;
    this.refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    return this.pull;
  }

  get pulls(): boolean {
    return this.pull;
  }

  /** A file was opened or changed: a push client gets its new list (if it changed) after the burst of changes. */
  changed(uri: string): void {
    if (!this.pull) this.schedule(uri);
  }

  /** A file was closed: its diagnostics are cleared and forgotten. */
  closed(uri: string): void {
    this.pending.delete(uri);
    const had = this.held.get(uri);
    this.held.delete(uri);
    if (!this.pull && had && had.shown.length > 0) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The configuration changed: every open file is checked again, and the configuration files' diagnostics are redone. */
  revalidateAll(): void {
    for (const uri of this.rcWithDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.rcWithDiagnostics.clear();
    for (const uri of this.documents.keys()) this.backgroundChanged(uri);
  }

  /**
   * Background work may have changed a file's list (the text rules' pass is done):
   * a push client gets it if it changed; a pull client is asked to pull again.
   */
  backgroundChanged(uri: string): void {
    if (!this.pull) {
      this.schedule(uri);
      return;
    }
    void this.refreshIfChanged(uri);
  }

  /** Publishes the diagnostics of files other than open corpus files (people files, configuration files). */
  publishFiles(files: readonly FileDiagnostics[]): void {
    for (const f of files) void this.connection.sendDiagnostics({ uri: f.uri, diagnostics: f.diagnostics.map((d) => toLspDiagnostic(f.uri, d)) });
  }

  /** The answer to `textDocument/diagnostic`. */
  async report(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    if (!this.documents.get(uri)) return { kind: 'full', items: [] };
    const resolved = await this.service.configFor(uri);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
    const result = this.service.diagnostics(uri, resolved.config, { text: 'cached' }, token);
    this.publishRc(configDiagnostics(resolved));
    if (!result) return { kind: 'full', items: [] };
    const held = this.hold(uri, result.shown);
    if (previousResultId !== undefined && previousResultId === held.resultId) return { kind: 'unchanged', resultId: held.resultId };
    return { kind: 'full', resultId: held.resultId, items: toLsp(uri, result.shown) };
  }

  /** Records what the client gets; a new id when the list changed. */
  private hold(uri: string, shown: readonly Diagnostic[]): Held {
    const held = this.held.get(uri);
    if (held && held.shown === shown) return held;
    const next = { shown, resultId: this.idPrefix + String(this.nextId++) };
    this.held.set(uri, next);
    return next;
  }

  private async refreshIfChanged(uri: string): Promise<void> {
    if (!this.documents.get(uri)) return;
    try {
      const resolved = await this.service.configFor(uri);
      const result = this.service.diagnostics(uri, resolved.config, { text: 'cached' });
      this.publishRc(configDiagnostics(resolved));
      const held = this.held.get(uri);
      if (result && held && result.shown !== held.shown) this.refresh();
    } catch (e) {
      this.connection.console.error(`Refreshing the diagnostics of ${uri} failed: ${describe(e)}`);
    }
  }

  /** Asks the client to pull again: once for all the files whose lists changed in this turn of the event loop. */
  private refresh(): void {
    if (!this.refreshSupport || this.refreshScheduled) return;
    this.refreshScheduled = true;
    setImmediate(() => {
      this.refreshScheduled = false;
      this.connection.languages.diagnostics.refresh().catch((e: unknown) => this.connection.console.warn(`The client did not refresh its diagnostics: ${describe(e)}`));
    });
  }

  private schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) void this.publish(u);
    });
  }

  private async publish(uri: string): Promise<void> {
    if (!this.documents.get(uri)) return;
    try {
      const resolved = await this.service.configFor(uri);
      // Read after the lookup: the file may have changed or closed meanwhile.
      const doc = this.documents.get(uri);
      if (!doc) return;
      const result = this.service.diagnostics(uri, resolved.config, { text: 'cached' });
      this.publishRc(configDiagnostics(resolved));
      if (!result) return;
      const before = this.held.get(uri);
      if (before && before.shown === result.shown) return;
      this.hold(uri, result.shown);
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: toLsp(uri, result.shown) });
    } catch (e) {
      this.connection.console.error(`Validating ${uri} failed: ${describe(e)}`);
    }
  }

  private publishRc(rc: FileDiagnostics | undefined): void {
    if (!rc) return;
    if (rc.diagnostics.length === 0 && !this.rcWithDiagnostics.has(rc.uri)) return;
    if (rc.diagnostics.length === 0) this.rcWithDiagnostics.delete(rc.uri);
    else this.rcWithDiagnostics.add(rc.uri);
    this.publishFiles([rc]);
  }
}
