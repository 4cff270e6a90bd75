// When the language server checks open files and publishes their diagnostics.
//
// Validation is scheduled, not run inside the change notification: a burst of
// changes (typing, a paste, an undo) is validated once, after the burst. The
// structural diagnostics are published at once; the text rules (`date-mismatch`
// reads the documents' text) then run in the background, in slices of a few
// milliseconds, and the file is published again when they found something new. An
// edit meanwhile starts a new validation; its slices continue from the cache, so
// no document is read twice. The problems of the `.corpusrc.json` that applies
// are published on that file.

import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { CorpusConfig, CorpusLanguageService, CorpusModel, Diagnostic, FileDiagnostics } from '../index';
import { toLspDiagnostic } from './convert';
import type { CorpusTextDocument } from './textDocuments';

/** How long one slice of the background text-rule pass may run. */
const SLICE_MS = 4;

function mismatches(list: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of list) if (d.code === 'date-mismatch') n++;
  return n;
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export class Validation {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** Files whose text rules are being checked in the background, with the model being checked. */
  private readonly textJobs = new Map<string, CorpusModel>();
  /** How many date-mismatch diagnostics the last publication for a file carried. */
  private readonly publishedMismatches = new Map<string, number>();
  /** Configuration files that currently have diagnostics published. */
  private readonly rcWithDiagnostics = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<CorpusTextDocument>,
    private readonly service: CorpusLanguageService,
  ) {}

  schedule(uri: string): void {
    this.pending.add(uri);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const uris = [...this.pending];
      this.pending.clear();
      for (const u of uris) void this.validate(u);
    });
  }

  /** A file was closed: nothing more is published for it, and its diagnostics are cleared. */
  closed(uri: string): void {
    this.pending.delete(uri);
    this.textJobs.delete(uri);
    this.publishedMismatches.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The configuration changed: every open file is checked again, and the configuration files' diagnostics are redone. */
  revalidateAll(): void {
    for (const uri of this.rcWithDiagnostics) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.rcWithDiagnostics.clear();
    for (const uri of this.documents.keys()) this.schedule(uri);
  }

  /** Publishes the diagnostics of files other than open corpus files (people files). */
  publishFiles(files: readonly FileDiagnostics[]): void {
    for (const f of files) void this.connection.sendDiagnostics({ uri: f.uri, diagnostics: f.diagnostics.map((d) => toLspDiagnostic(f.uri, d)) });
  }

  private async validate(uri: string): Promise<void> {
    if (!this.documents.get(uri)) return;
    try {
      const resolved = await this.service.configFor(uri);
      // Read after the lookup: the file may have changed or closed meanwhile.
      const doc = this.documents.get(uri);
      if (!doc) return;
      const config = resolved.config;
      const textReady = this.service.textRulesDone(uri, config);
      // Until every document's text rules ran, publish the results known so far (no flicker on edits).
      const result = this.service.diagnostics(uri, config, { text: textReady ? true : 'cached' });
      if (!result) return;
      this.publishedMismatches.set(uri, mismatches(result.all));
      if (!textReady) this.checkTextRules(uri, doc.model);
      void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.shown.map((d) => toLspDiagnostic(uri, d)) });
      this.publishRc(this.service.configDiagnostics(resolved));
    } catch (e) {
      this.connection.console.error(`Validating ${uri} failed: ${describe(e)}`);
    }
  }

  private checkTextRules(uri: string, model: CorpusModel): void {
    const running = this.textJobs.has(uri);
    this.textJobs.set(uri, model);
    if (running) return;
    const slice = async (): Promise<void> => {
      const current = this.textJobs.get(uri);
      if (!current || this.documents.get(uri)?.model !== current) {
        this.textJobs.delete(uri);
        return;
      }
      let config: CorpusConfig | undefined;
      try {
        config = (await this.service.configFor(uri)).config;
        if (this.documents.get(uri)?.model !== current) {
          this.textJobs.delete(uri);
          return;
        }
        if (!this.service.checkTextRules(uri, config, SLICE_MS)) {
          setImmediate(() => void slice());
          return;
        }
      } catch (e) {
        this.connection.console.error(`Checking dates in ${uri} failed: ${describe(e)}`);
      }
      this.textJobs.delete(uri);
      if (!config) return;
      // Publish again only when the check found something the last publication lacked.
      const found = this.service.diagnostics(uri, config, { text: 'cached' });
      if (found && mismatches(found.all) !== (this.publishedMismatches.get(uri) ?? 0)) this.schedule(uri);
    };
    setImmediate(() => void slice());
  }

  private publishRc(rc: FileDiagnostics | undefined): void {
    if (!rc) return;
    if (rc.diagnostics.length === 0 && !this.rcWithDiagnostics.has(rc.uri)) return;
    if (rc.diagnostics.length === 0) this.rcWithDiagnostics.delete(rc.uri);
    else this.rcWithDiagnostics.add(rc.uri);
    this.publishFiles([rc]);
  }
}
