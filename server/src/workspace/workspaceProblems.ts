// The problems of the corpus files that are not open, for `corpus.problems.scope`
// = `workspace` (ESLint and rust-analyzer show a whole workspace's problems too).
// When on, every `*.corpus` file of the workspace folders (the one walker, its
// skip list) is checked in the background, one at a time: read through the
// FileSystem, linted by the command line's streaming pipeline in chunks with a
// yield between them, so requests are answered meanwhile. Open files are left to
// the editor's own validation. File watching keeps the results current; a change
// of the configuration checks every file again; turning the scope off (or a new
// pass) cancels the running pass.
//
// Cost is bounded: a file over MAX_CHECKED_FILE_SIZE is listed with one
// `unchecked-file` note instead of being read, at most MAX_CHECKED_FILES files are
// checked, and each keeps at most MAX_FILE_DIAGNOSTICS diagnostics (with a
// `too-many-problems` note past that).

import { capDiagnostics } from '../diagnostics/cap';
import { applyVerdict } from '../encoding/verdict';
import { severityOf } from '../diagnostics/convert';
import { StreamLinter } from '../diagnostics/stream';
import { CancellationToken, Diagnostic } from '../model/types';
import type { ResolvedConfig } from './configResolver';
import type { FileSystem } from './fileSystem';
import { canonicalUri } from './uri';
import type { Ignores } from './ignores';
import { walkFiles } from './walker';
import { isCorpusFile, OpenDocuments } from './workspaceIndex';
import { yieldToEventLoop } from './yield';

export type ProblemsScope = 'openFiles' | 'workspace';

/** Files larger than this (bytes) are listed, not checked, while they are not open. */
export const MAX_CHECKED_FILE_SIZE = 16 * 1024 * 1024;
/** At most this many unopened files are checked. */
export const MAX_CHECKED_FILES = 10_000;
/** At most this many diagnostics are kept for one unopened file. */
export const MAX_FILE_DIAGNOSTICS = 1000;
/** The text is linted in chunks of this many characters, with a yield between them. */
const CHUNK = 64 * 1024;

/** The problems of one unopened file; `resultId` changes whenever they may have. */
export interface FileProblems {
  uri: string;
  resultId: string;
  diagnostics: readonly Diagnostic[];
}

/** The scope the editor's settings ask for (`corpus.problems.scope`), from untrusted JSON. */
export function scopeFromSettings(value: unknown): ProblemsScope {
  const problems = (value as { problems?: { scope?: unknown } } | null | undefined)?.problems;
  return problems?.scope === 'workspace' ? 'workspace' : 'openFiles';
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export class WorkspaceProblems {
  private scope: ProblemsScope = 'openFiles';
  private roots: readonly string[] = [];
  /** Nothing is checked before the service starts (the adapter is not ready to report yet). */
  private started = false;
  /** The problems of each unopened file checked, by canonical URI. */
  private readonly files = new Map<string, FileProblems>();
  /** Bumped on every check or removal of a file: a check that ends after a newer one is dropped. */
  private readonly tickets = new Map<string, number>();
  /** Bumped when the pass is cancelled (scope off, configuration changed): older work stops. */
  private generation = 0;
  private counter = 0;
  private work: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(uris: readonly string[]) => void>();

  constructor(
    private readonly fs: FileSystem,
    private readonly open: OpenDocuments,
    private readonly configFor: (uri: string) => Promise<ResolvedConfig>,
    private readonly onError: (message: string) => void,
    /** What .gitignore, .corpusignore and `ignores` leave out (./ignores.ts), as the workspace index does. */
    private readonly ignores?: Ignores,
  ) {}

  get enabled(): boolean {
    return this.scope === 'workspace';
  }

  /** Starts checking (when the scope asks for it) below these folders. */
  start(roots: readonly string[]): void {
    this.roots = roots;
    this.started = true;
    this.checkAll();
  }

  /** Turns the background checking on or off; true when the scope changed. */
  setScope(scope: ProblemsScope): boolean {
    if (scope === this.scope) return false;
    this.scope = scope;
    if (scope === 'workspace') this.checkAll();
    else this.clear();
    return true;
  }

  /** Checks every file again (the configuration changed), cancelling the pass that runs. */
  checkAll(): void {
    if (!this.enabled || !this.started) return;
    const generation = ++this.generation;
    this.queue(() => this.pass(generation));
  }

  /** Told when the problems of files changed (or are gone: `get` then answers undefined). */
  onDidChange(listener: (uris: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(uri: string): FileProblems | undefined {
    return this.files.get(canonicalUri(uri));
  }

  /** Every unopened file's problems known now. */
  all(): FileProblems[] {
    return [...this.files.values()];
  }

  /** Resolves when the checks queued so far are done. */
  idle(): Promise<void> {
    return this.work;
  }

  /** What file watching reported about corpus files. */
  fileChanged(uri: string, type: 'created' | 'changed' | 'deleted'): void {
    if (!this.enabled || !this.started || !isCorpusFile(uri)) return;
    if (type === 'deleted') this.remove(uri);
    else this.checkLater(uri);
  }

  /** A file was opened: the editor's validation reports it from now on. */
  documentOpened(uri: string): void {
    if (this.enabled && isCorpusFile(uri)) this.remove(uri);
  }

  /** A file was closed: what the disk holds is checked again. */
  documentClosed(uri: string): void {
    if (this.enabled && this.started && isCorpusFile(uri)) this.checkLater(uri);
  }

  private checkLater(uri: string): void {
    const generation = this.generation;
    this.queue(async () => {
      if (this.ignores && (await this.ignores.ignored(canonicalUri(uri))) !== undefined) return;
      await this.check(canonicalUri(uri), generation);
    });
  }

  private queue(job: () => Promise<void>): void {
    this.work = this.work.then(job).catch((e: unknown) => this.onError(`Checking the workspace's files failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  }

  private token(generation: number): CancellationToken {
    const current = (): number => this.generation;
    return {
      get isCancellationRequested() {
        return generation !== current();
      },
    };
  }

  private async pass(generation: number): Promise<void> {
    const token = this.token(generation);
    const seen = new Set<string>();
    let count = 0;
    for (const root of this.roots) {
      for await (const uri of walkFiles(this.fs, canonicalUri(root), { accept: isCorpusFile, token, ignores: this.ignores })) {
        if (token.isCancellationRequested) return;
        if (++count > MAX_CHECKED_FILES) {
          this.onError(`Workspace problems: more than ${MAX_CHECKED_FILES.toLocaleString('en-US')} corpus files; the others are not checked until they are opened.`);
          break;
        }
        seen.add(uri);
        await this.check(uri, generation);
        await yieldToEventLoop();
      }
    }
    if (token.isCancellationRequested) return;
    // Files checked before that the walk no longer finds (deleted while the scope was on).
    const gone = [...this.files.keys()].filter((u) => !seen.has(u));
    for (const u of gone) this.files.delete(u);
    if (gone.length > 0) this.notify(gone);
  }

  private isOpen(key: string): boolean {
    for (const uri of this.open.uris()) if (canonicalUri(uri) === key) return true;
    return false;
  }

  private remove(uri: string): void {
    const key = canonicalUri(uri);
    this.tickets.set(key, (this.tickets.get(key) ?? 0) + 1);
    if (this.files.delete(key)) this.notify([key]);
  }

  private clear(): void {
    this.generation++;
    const uris = [...this.files.keys()];
    this.files.clear();
    this.tickets.clear();
    if (uris.length > 0) this.notify(uris);
  }

  /** Checks one unopened file and records its problems (or forgets it: gone, opened, cancelled). */
  private async check(key: string, generation: number): Promise<void> {
    const token = this.token(generation);
    const ticket = (this.tickets.get(key) ?? 0) + 1;
    this.tickets.set(key, ticket);
    const stale = (): boolean => token.isCancellationRequested || this.tickets.get(key) !== ticket;
    if (this.isOpen(key)) return this.forget(key);
    const stat = await this.fs.stat(key);
    if (stale()) return;
    if (stat?.type !== 'file') return this.forget(key);
    const { config } = await this.configFor(key);
    let diagnostics: readonly Diagnostic[];
    if (stat.size > MAX_CHECKED_FILE_SIZE) {
      const severity = severityOf(config, 'unchecked-file');
      diagnostics = severity
        ? [
            {
              code: 'unchecked-file',
              severity,
              message: `This file is not checked while it is not open: at ${formatSize(stat.size)} it is over the ${formatSize(MAX_CHECKED_FILE_SIZE)} limit for background checks. Open it, or run \`corpus lint\` on it, to see its problems.`,
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            },
          ]
        : [];
    } else {
      const text = await this.fs.readFile(key);
      if (stale()) return;
      if (text === undefined) return this.forget(key);
      const linter = new StreamLinter(config);
      const all: Diagnostic[] = [];
      for (let i = 0; i < text.length; i += CHUNK) {
        for (const d of linter.push(text.slice(i, i + CHUNK))) all.push(d);
        if (i + CHUNK < text.length) {
          await yieldToEventLoop();
          if (stale()) return;
        }
      }
      for (const d of linter.end()) all.push(d);
      // Damage in the text: the bytes may not be UTF-8, or not text (one diagnostic then, as corpus lint gives).
      const verdict = this.fs.inspectBytes && (text.includes('\uFFFD') || text.includes('\0')) ? await this.fs.inspectBytes(key) : undefined;
      if (stale()) return;
      diagnostics = capDiagnostics(verdict ? applyVerdict(all, verdict, config) : all, config, MAX_FILE_DIAGNOSTICS);
    }
    // Opened, changed again or cancelled meanwhile: this result is not the one that counts.
    if (stale() || this.isOpen(key)) return;
    this.files.set(key, { uri: key, resultId: `w${++this.counter}`, diagnostics });
    this.notify([key]);
  }

  private forget(key: string): void {
    if (this.files.delete(key)) this.notify([key]);
  }

  private notify(uris: readonly string[]): void {
    for (const l of this.listeners) {
      try {
        l(uris);
      } catch (e) {
        this.onError(`Reporting workspace problems failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}
