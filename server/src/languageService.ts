// The corpus language service as one object: every editor feature, and the work
// across files (configuration lookup, people files, the workspace index) behind
// the FileSystem interface. An adapter creates it with its file system and its
// open documents, forwards the editor's requests and converts the plain answers.
// Nothing here touches the disk, the network or a protocol directly.

import { Background } from './background';
import { configFromSettings, CorpusConfig } from './config';
import { capDiagnostics } from './diagnostics/cap';
import { computeDiagnostics, DiagnosticOptions, textRulesDone } from './diagnostics/compute';
import { FIX_ALL, wanted } from './features/actionKinds';
import { codeActions, fixAll, intersects } from './features/codeActions';
import { completion, CompletionItem } from './features/completion';
import { DocumentSymbol, documentSymbols } from './features/documentSymbols';
import { foldingRanges, FoldingRange } from './features/folding';
import { suppressionActions } from './features/suppress';
import { modelFileOverview, modelOverview, OverviewData } from './features/overview';
import { Hover, hover } from './features/hover';
import { addToPeopleFileAction, markAsPersonAction, notAPersonAction, outlinePeople, peopleView, PeopleViewEntry, personHover, personTokens, samePersonMentions } from './features/people';
import type { WorkspaceSymbol } from './features/workspaceSymbols';
import type { CorpusModel } from './model/corpusModel';
import { OpenFilePasses } from './openFiles';
import { CancellationToken, Diagnostic, NEVER_CANCELLED, Position, Range, WorkspaceCodeAction } from './model/types';
import { ConfigResolver, ResolvedConfig } from './workspace/configResolver';
import { Ignores, isIgnoreFile } from './workspace/ignores';
import type { FileSystem } from './workspace/fileSystem';
import { FileDiagnostics, PeopleFiles } from './workspace/peopleFiles';
import { canonicalUri } from './workspace/uri';
import { isCorpusFile, OpenDocuments, WorkspaceIndex } from './workspace/workspaceIndex';
import { scopeFromSettings, WorkspaceProblems } from './workspace/workspaceProblems';
import { WorkspaceOverview } from './workspace/workspaceOverview';
import { FileChange, LanguageServiceOptions, OUTLINE_PEOPLE_LIMIT, StatusCounts } from './serviceTypes';

export { OUTLINE_PEOPLE_LIMIT };
export type { FileChange, LanguageServiceOptions, StatusCounts };

export class CorpusLanguageService {
  private readonly fs: FileSystem;
  private readonly documents: OpenDocuments;
  private readonly resolver: ConfigResolver;
  private readonly onError: (message: string) => void;
  private readonly people = new PeopleFiles();
  private readonly index: WorkspaceIndex;
  private readonly ignores: Ignores;
  workspaceFolders: readonly string[] = [];
  /** The last diagnostics computed for each open model, counted (the language status reads them). */
  private readonly counts = new WeakMap<CorpusModel, { problems: number; errors: number; warnings: number }>();
  /** The list shown for each list of diagnostics (the same array while the list is the same). */
  private readonly capped = new WeakMap<readonly Diagnostic[], readonly Diagnostic[]>();
  /** Background work: text rules and people of open files, in slices that give way to requests and edits. */
  private readonly background: Background;
  private readonly passes: OpenFilePasses;
  /** Background work on the workspace (indexing), one job after the other; tests wait on it. */
  private work: Promise<void> = Promise.resolve();
  /** The problems of the files that are not open, when `corpus.problems.scope` is `workspace`. */
  readonly workspaceProblems: WorkspaceProblems;
  /** The settings last given, to tell a real change from a repeat. */
  private lastSettings: string | undefined;
  /** The overview of the whole workspace, with what the unopened files gave kept until they change. */
  private readonly workspaceOverviews: WorkspaceOverview;

  constructor(options: LanguageServiceOptions) {
    this.fs = options.fileSystem;
    this.documents = options.documents;
    this.resolver = new ConfigResolver(this.fs);
    this.onError = options.onError ?? (() => undefined);
    this.ignores = new Ignores(this.fs, this.resolver);
    this.background = new Background({ onError: this.onError, onDone: (key) => this.passes.done(key) });
    this.passes = new OpenFilePasses(this.background, this.documents, () => this.people.known, options.onChange ?? (() => undefined), this.fs);
    this.index = new WorkspaceIndex(this.fs, this.documents, () => this.people.known, this.ignores, options.onChange);
    this.workspaceProblems = new WorkspaceProblems(this.fs, this.documents, (uri) => this.configFor(uri), this.onError, this.ignores);
    const openFile = async (uri: string, token: CancellationToken) => {
      const { config } = await this.configFor(uri);
      const model = this.documents.get(uri);
      return model && modelFileOverview(model, this.diagnostics(uri, config, { text: 'cached' }, token)?.all ?? [], this.people.known, token);
    };
    this.workspaceOverviews = new WorkspaceOverview({ fs: this.fs, open: this.documents, configFor: (uri) => this.configFor(uri), ignores: this.ignores, known: () => this.people.known, openFile });
  }

  // ---------------------------------------------------------------- configuration and workspace

  /** The editor's `corpus.*` settings, as untrusted JSON (bad entries are dropped). */
  setSettings(value: unknown): void {
    this.resolver.setSettings(configFromSettings(value));
    // Settings arrive as parsed JSON, which always turns back into text.
    const key = JSON.stringify(value ?? null);
    // The unopened files are checked again when the settings really changed (their rules may have).
    if (!this.workspaceProblems.setScope(scopeFromSettings(value)) && key !== this.lastSettings) this.workspaceProblems.checkAll();
    if (key !== this.lastSettings) this.workspaceOverviews.clear();
    this.lastSettings = key;
  }

  setWorkspaceFolders(uris: readonly string[]): void {
    this.workspaceFolders = uris.map(canonicalUri);
  }

  configFor(uri: string): Promise<ResolvedConfig> {
    return this.resolver.resolve(uri);
  }

  /** Reads the people files, then indexes the workspace in the background. Resolves with the people files' diagnostics. */
  async start(): Promise<FileDiagnostics[]> {
    const problems = await this.people.load(this.fs, this.workspaceFolders, this.resolver);
    this.indexing(() => this.index.indexFolders(this.workspaceFolders));
    this.workspaceProblems.start(this.workspaceFolders);
    return problems;
  }

  /** Reads the people files again, then (in the background) every indexed file. Resolves with their diagnostics. */
  async reloadPeople(): Promise<FileDiagnostics[]> {
    const problems = await this.people.load(this.fs, this.workspaceFolders, this.resolver);
    this.indexing(() => this.index.reindex());
    return problems;
  }

  /** Resolves when the background work started so far is done (the workspace index, the open files' passes). */
  async idle(): Promise<void> {
    await this.work;
    await this.background.idle();
  }

  /** How much background work is pending (0: none); the server reports it to tests and the benchmark. */
  get backgroundWork(): number {
    return this.background.pending;
  }

  /** A request or an edit came: background work gives way for a moment. The adapter calls it for every message. */
  activity(): void {
    this.background.touch();
  }

  /** The people files read, sorted (the first one gets "Add … to the people file"). */
  peopleFileUris(): string[] {
    return [...this.people.texts.keys()];
  }

  /**
   * What file watching reported. Updates the index in the background and forgets
   * the configuration files read; says whether the configuration or the people
   * files changed (then the adapter checks the open files again, and calls reloadPeople).
   */
  filesChanged(changes: readonly FileChange[]): { configChanged: boolean; peopleChanged: boolean } {
    let configChanged = false;
    let peopleChanged = false;
    let ignoresChanged = false;
    const reread: string[] = [];
    for (const c of changes) {
      if (isIgnoreFile(c.uri)) ignoresChanged = true;
      else if (c.uri.endsWith('.corpusrc.json')) configChanged = true;
      else if (this.people.isPeopleFile(c.uri)) peopleChanged = true;
      else if (isCorpusFile(c.uri) && !this.documents.get(c.uri)) {
        if (c.type === 'deleted') this.index.remove(c.uri);
        else reread.push(c.uri);
        this.workspaceProblems.fileChanged(c.uri, c.type);
        this.workspaceOverviews.forget(c.uri);
      }
    }
    if (configChanged) this.workspaceProblems.checkAll();
    if (reread.length > 0)
      this.indexing(async () => {
        for (const uri of reread) await this.index.indexFile(uri);
      });
    if (configChanged) this.resolver.invalidate();
    if (configChanged || ignoresChanged) {
      // What is ignored may have changed: walk the workspace again.
      this.ignores.clear();
      this.workspaceOverviews.clear();
      this.indexing(() => this.index.indexFolders(this.workspaceFolders));
      if (ignoresChanged) this.workspaceProblems.checkAll();
    }
    return { configChanged, peopleChanged: configChanged || peopleChanged };
  }

  /** A file was opened in the editor: its model counts from now on, not what the disk holds. */
  documentOpened(uri: string): void {
    this.activity();
    if (isCorpusFile(uri)) this.index.remove(uri);
    this.workspaceProblems.documentOpened(uri);
  }

  /** A file was closed in the editor: what the disk holds counts again; its background work stops. */
  documentClosed(uri: string): void {
    this.passes.closed(uri);
    if (isCorpusFile(uri)) this.indexing(() => this.index.indexFile(uri));
    this.workspaceProblems.documentClosed(uri);
    this.workspaceOverviews.forget(uri);
  }

  private indexing(job: () => Promise<void>): void {
    const end = this.background.begin();
    this.work = this.work
      .then(job)
      .catch((e: unknown) => this.onError(`Indexing the workspace failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`))
      .finally(end);
  }

  // ---------------------------------------------------------------- diagnostics

  /**
   * The diagnostics of an open file under a configuration: `all` of them, and those
   * to `show` (at most MAX_DIAGNOSTICS and a note). The status counts follow `shown`.
   */
  diagnostics(
    uri: string,
    config: CorpusConfig,
    options: DiagnosticOptions = {},
    token: CancellationToken = NEVER_CANCELLED,
  ): { all: readonly Diagnostic[]; shown: readonly Diagnostic[] } | undefined {
    const model = this.documents.get(uri);
    if (!model) return undefined;
    const all = this.passes.encodings.adjust(model, uri, computeDiagnostics(model, config, token, { ...options, elsewhere: this.index.copiesFor(uri) }), config);
    if (options.text === 'cached') this.passes.ensure(uri, model, config);
    let shown = this.capped.get(all);
    if (!shown) this.capped.set(all, (shown = capDiagnostics(all, config)));
    let errors = 0;
    let warnings = 0;
    for (const d of shown) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
    this.counts.set(model, { problems: shown.length, errors, warnings });
    return { all, shown };
  }

  /** True when the text rules (date-mismatch, …) know every document of the file. */
  textRulesDone(uri: string, config: CorpusConfig): boolean {
    const model = this.documents.get(uri);
    return !model || textRulesDone(model, config);
  }

  /**
   * Documents and problem counts of an open file: cheap, from the diagnostics last
   * computed (computed now, as the first validation would, when there are none yet).
   */
  async status(uri: string): Promise<StatusCounts | undefined> {
    this.activity();
    if (!this.documents.get(uri)) return undefined;
    const { config, rcUri } = await this.configFor(uri);
    let model = this.documents.get(uri);
    if (model && !this.counts.has(model)) {
      this.diagnostics(uri, config, { text: 'cached' });
      model = this.documents.get(uri);
    }
    const counts = model && this.counts.get(model);
    return model && counts ? { documents: model.segmentCount - 1, ...counts, ...(rcUri !== undefined ? { config: rcUri } : {}) } : undefined;
  }

  // ---------------------------------------------------------------- one file

  documentSymbols(uri: string, token: CancellationToken = NEVER_CANCELLED): DocumentSymbol[] {
    this.activity();
    const model = this.documents.get(uri);
    if (!model) return [];
    const symbols = documentSymbols(model, token);
    // People as children of each document, for files up to OUTLINE_PEOPLE_LIMIT (the People view and hovers work past it).
    if (model.length <= OUTLINE_PEOPLE_LIMIT) {
      const docs = model.documents;
      const known = this.people.known;
      symbols.forEach((sym, i) => {
        if (token.isCancellationRequested || !docs[i]) return;
        sym.children = outlinePeople(model, docs[i], known).map((p) => ({ name: p.name, detail: p.detail, kind: 'person' as const, range: p.range, selectionRange: p.range, children: [] }));
      });
    }
    return symbols;
  }

  foldingRanges(uri: string, token: CancellationToken = NEVER_CANCELLED): FoldingRange[] {
    this.activity();
    const model = this.documents.get(uri);
    return model ? foldingRanges(model, token) : [];
  }

  /** The hover: on a person (with the mentions in the rest of the workspace), a date or a document name. */
  hover(uri: string, position: Position, token: CancellationToken = NEVER_CANCELLED): Hover | undefined {
    this.activity();
    const model = this.documents.get(uri);
    if (!model) return undefined;
    const workspace = { mentionsElsewhere: (keys: readonly string[]) => this.index.mentionsElsewhere(keys, uri) };
    return personHover(model, uri, position, this.people.known, workspace, token) ?? hover(model, position, token);
  }

  async completion(uri: string, position: Position, token: CancellationToken = NEVER_CANCELLED): Promise<CompletionItem[]> {
    this.activity();
    if (!this.documents.get(uri)) return [];
    const { config } = await this.configFor(uri);
    const model = this.documents.get(uri);
    return model ? completion(model, config, position, token) : [];
  }

  /**
   * Code actions for a range: quick fixes of the problems there, "Add … to the
   * people file" for an unknown person under the cursor, and "Fix all" when asked
   * for (`only` holds LSP code action kinds).
   */
  async codeActions(uri: string, range: Range, only?: readonly string[], token: CancellationToken = NEVER_CANCELLED): Promise<WorkspaceCodeAction[]> {
    this.activity();
    if (!this.documents.get(uri)) return [];
    const { config, rcUri, rcText } = await this.configFor(uri);
    const model = this.documents.get(uri);
    if (!model) return [];
    const want = wanted(only);
    const out: WorkspaceCodeAction[] = [];
    if (want.quickFix) {
      // The problems shown there (a file that is not UTF-8 or not text shows only its one), their fixes, then the actions that turn a code off.
      const here = this.passes.encodings
        .adjust(model, uri, computeDiagnostics(model, config, token, { text: 'cached', elsewhere: this.index.copiesFor(uri) }), config)
        .filter((d) => !d.suppressed && intersects(d.range, range));
      for (const a of this.passes.encodings.fixesShown(model, codeActions(model, config, range, token, { uri, elsewhere: this.index.copiesFor(uri) }), here)) {
        out.push({ title: a.title, kind: 'quickfix', diagnostic: a.diagnostic, isPreferred: a.isPreferred, changes: a.edits.length > 0 ? [{ uri, edits: a.edits }] : [], command: a.command });
      }
      out.push(...this.passes.encodings.actions(model, range, here));
      const targets = here.map((d) => ({ code: d.code, range: d.range, document: model.segmentAt(model.segmentIndexAtLine(d.range.start.line)).doc?.name }));
      out.push(...suppressionActions(targets, { uri, rcUri, rcText, roots: this.workspaceFolders }));
    }
    if (want.refactor) {
      const add = addToPeopleFileAction(model, range.start, this.people.known, this.people.texts, this.workspaceFolders);
      if (add) out.push(add);
      const not = notAPersonAction(model, range, this.people.known, this.people.texts, this.workspaceFolders);
      if (not) out.push(not);
      const mark = markAsPersonAction(model, range, this.people.known, this.people.texts, this.workspaceFolders);
      if (mark) out.push(mark);
    }
    if (!this.passes.encodings.fixable(model)) return out; // "Fix all" never rewrites a file whose bytes are not UTF-8 text
    if (want.fixAll) {
      const edits = fixAll(model, config, token);
      if (edits.length > 0) out.push({ title: 'Fix all corpus problems that have a clear fix', kind: FIX_ALL, changes: [{ uri, edits }] });
    }
    for (const code of want.fixAllOf) {
      const edits = fixAll(model, config, token, code);
      if (edits.length > 0) out.push({ title: `Fix all ${code} problems that have a clear fix`, kind: `${FIX_ALL}.${code}`, changes: [{ uri, edits }] });
    }
    return out;
  }

  /** The mentions of the person under the cursor in this file, to highlight. */
  highlights(uri: string, position: Position, token: CancellationToken = NEVER_CANCELLED): Range[] {
    this.activity();
    const model = this.documents.get(uri);
    const same = model && samePersonMentions(model, position, this.people.known, token);
    return same ? same.mentions.map((m) => m.range) : [];
  }

  /** Every mention of the person under the cursor: in this file, then in the other files of the workspace. */
  references(uri: string, position: Position, token: CancellationToken = NEVER_CANCELLED): { uri: string; range: Range }[] {
    this.activity();
    const model = this.documents.get(uri);
    const same = model && samePersonMentions(model, position, this.people.known, token);
    if (!same) return [];
    const here = same.mentions.map((m) => ({ uri, range: m.range }));
    return [...here, ...this.index.referencesElsewhere([same.person.key, ...same.person.keys], uri)];
  }

  /** The people's mentions within lines [fromLine, toLine], for semantic colouring. */
  semanticTokens(uri: string, fromLine: number, toLine: number, token: CancellationToken = NEVER_CANCELLED): Range[] {
    this.activity();
    const model = this.documents.get(uri);
    return model ? personTokens(model, this.people.known, fromLine, toLine, token) : [];
  }

  /** The People view: the persons of one open file, most mentioned first. */
  peopleView(uri: string, token: CancellationToken = NEVER_CANCELLED): PeopleViewEntry[] {
    this.activity();
    const model = this.documents.get(uri);
    return model ? peopleView(model, this.people.known, token) : [];
  }

  /** The overview of an open file (Corpus: Show Overview): its documents, problems by code and most-named people. */
  overview(uri: string, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED): OverviewData | undefined {
    const model = this.documents.get(uri);
    return model && modelOverview(model, this.diagnostics(uri, config, { text: 'cached' }, token)?.all ?? [], this.peopleView(uri, token), { name: uri.slice(uri.lastIndexOf('/') + 1), uri }, token);
  }

  // ---------------------------------------------------------------- the workspace

  /** The overview of every corpus file of the workspace (Corpus: Show Workspace Overview); undefined when cancelled. */
  workspaceOverview(token: CancellationToken = NEVER_CANCELLED): Promise<OverviewData | undefined> {
    this.activity();
    return this.workspaceOverviews.build(this.workspaceFolders, token);
  }

  /** Documents and people of every corpus file in the workspace, open or not, matching a query. */
  workspaceSymbols(query: string): WorkspaceSymbol[] {
    this.activity();
    return this.index.workspaceSymbols(query);
  }
}

/** The language service over a file system and the adapter's open documents. */
export function createLanguageService(options: LanguageServiceOptions): CorpusLanguageService {
  return new CorpusLanguageService(options);
}
