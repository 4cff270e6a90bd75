// The LSP adapter: connection, documents, configuration and wiring. All format
// logic lives in the pure service (model/, features/); this file only converts
// between LSP messages and the service's plain data.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction as LspCodeAction,
  CodeActionKind,
  CompletionItemKind,
  DocumentHighlightKind,
  SemanticTokensBuilder,
  createConnection,
  Diagnostic as LspDiagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DocumentSymbol as LspDocumentSymbol,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  MarkupKind,
  ProposedFeatures,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { configFromSettings } from './config';
import { codeActions, fixAll } from './features/codeActions';
import { checkTextRulesStep, computeDiagnostics, textRulesDone } from './diagnostics/compute';
import { completion } from './features/completion';
import {
  addToPeopleFile,
  IndexedMention,
  indexPeople,
  KnownPeople,
  NO_KNOWN_PEOPLE,
  outlinePeople,
  peopleView,
  personHover,
  personTokens,
  samePersonMentions,
  unknownPersonAt,
} from './features/people';
import { KnownPerson, parsePeopleFile } from './people';
import { DocumentSymbol, documentSymbols, symbolDetail } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { IndexedDocument, workspaceSymbols } from './features/workspaceSymbols';
import { CorpusModel } from './model/corpusModel';
import type { Diagnostic, Range, Severity } from './model/types';
import { ConfigResolver, FileSystem, positionInText } from './workspace';
import { documentsConfig } from './lsp/textDocuments';
import { findPeopleFilesIn } from './lsp/peopleFiles';

const nodeFs: FileSystem = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
};

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(documentsConfig);
const resolver = new ConfigResolver(nodeFs);
let workspaceRoots: string[] = [];
let hasConfigurationCapability = false;
/** Documents of corpus files in the workspace that are not open, for workspace symbols. */
const index = new Map<string, IndexedDocument[]>();
/** Mentions of people in corpus files that are not open (hover counts, references, workspace symbols). */
const peopleIndex = new Map<string, IndexedMention[]>();
/** The people files' entries; the version changes on every reload so cached detections are redone. */
let known: KnownPeople = NO_KNOWN_PEOPLE;
/** People files that currently have diagnostics published. */
const peopleFilesWithDiagnostics = new Set<string>();
/** People files loaded, by path: the text is kept for the "Add to people file" edit. */
let peopleFiles = new Map<string, string>();

/** Configuration files that currently have diagnostics published. */
const rcWithDiagnostics = new Set<string>();

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toLspDiagnostic(uri: string, d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'corpus',
    message: d.message,
    relatedInformation: d.related?.map((r) => ({ location: { uri, range: r.range }, message: r.message })),
  };
}

/** At most this many diagnostics are published for one file. */
const MAX_DIAGNOSTICS = 20000;

// Validation is scheduled, not run inside the change notification: a burst of
// changes (typing, a paste, an undo) is validated once, after the burst.
const pending = new Set<string>();
let scheduled = false;

function scheduleValidation(uri: string): void {
  pending.add(uri);
  if (scheduled) return;
  scheduled = true;
  setImmediate(() => {
    scheduled = false;
    const uris = [...pending];
    pending.clear();
    for (const u of uris) validate(u);
  });
}

function validate(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  try {
    const resolved = resolver.resolve(uriToPath(uri));
    const model = doc.model;
    const datesReady = textRulesDone(model, resolved.config);
    // Until every document's text rules ran, publish the results known so far (no flicker on edits).
    const diagnostics = computeDiagnostics(model, resolved.config, undefined, { text: datesReady ? true : 'cached' });
    publishedMismatches.set(uri, diagnostics.filter((d) => d.code === 'date-mismatch').length);
    if (!datesReady) scheduleDateChecks(uri, model);
    const shown = diagnostics.length > MAX_DIAGNOSTICS ? diagnostics.slice(0, MAX_DIAGNOSTICS) : diagnostics;
    const lsp = shown.map((d) => toLspDiagnostic(uri, d));
    if (shown !== diagnostics) {
      // A binary or badly broken file can hold hundreds of thousands of problems: show the first ones and say so.
      lsp.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        source: 'corpus',
        code: 'too-many-problems',
        message: `This file has ${diagnostics.length.toLocaleString('en-US')} problems; only the first ${MAX_DIAGNOSTICS.toLocaleString('en-US')} are shown. Run \`corpus lint\` on it (or "Corpus: Check File with the Command Line") to see them all.`,
      });
    }
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: lsp });
    publishRcProblems(resolved.rcPath, resolved.rcText, resolved.rcProblems);
  } catch (e) {
    connection.console.error(`Validating ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  }
}

// `date-mismatch` reads the documents' text: it runs after the structural
// diagnostics are published, in slices of a few milliseconds, and publishes again
// when done. An edit meanwhile starts a new validation; its slices continue from
// the cache, so no document is read twice.
const dateJobs = new Map<string, CorpusModel>();
/** How many date-mismatch diagnostics the last publication for a file carried. */
const publishedMismatches = new Map<string, number>();

function scheduleDateChecks(uri: string, model: CorpusModel): void {
  const running = dateJobs.has(uri);
  dateJobs.set(uri, model);
  if (running) return;
  const slice = (): void => {
    const current = dateJobs.get(uri);
    const doc = documents.get(uri);
    if (!current || !doc || doc.model !== current) {
      dateJobs.delete(uri);
      return;
    }
    try {
      if (!checkTextRulesStep(current, resolver.resolve(uriToPath(uri)).config, 4)) {
        setImmediate(slice);
        return;
      }
    } catch (e) {
      connection.console.error(`Checking dates in ${uri} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    }
    dateJobs.delete(uri);
    // Publish again only when the check found something the last publication lacked.
    const resolved = resolver.resolve(uriToPath(uri));
    const found = computeDiagnostics(current, resolved.config, undefined, { text: 'cached' }).filter((d) => d.code === 'date-mismatch');
    if (found.length !== (publishedMismatches.get(uri) ?? 0)) scheduleValidation(uri);
  };
  setImmediate(slice);
}

function publishRcProblems(rcPath: string | undefined, rcText: string | undefined, problems: { message: string; start: number; end: number; severity: 'error' | 'warning' }[]): void {
  if (!rcPath || rcText === undefined) return;
  const uri = pathToFileURL(rcPath).toString();
  if (problems.length === 0 && !rcWithDiagnostics.has(uri)) return;
  if (problems.length === 0) rcWithDiagnostics.delete(uri);
  else rcWithDiagnostics.add(uri);
  void connection.sendDiagnostics({
    uri,
    diagnostics: problems.map((p) => ({
      range: { start: positionInText(rcText, p.start), end: positionInText(rcText, p.end) },
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'corpus',
      code: 'invalid-config',
      message: p.message,
    })),
  });
}

function clearRcDiagnostics(): void {
  for (const uri of rcWithDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  rcWithDiagnostics.clear();
}

async function refreshSettings(): Promise<void> {
  if (!hasConfigurationCapability) return;
  try {
    const value: unknown = await connection.workspace.getConfiguration('corpus');
    resolver.setSettings(configFromSettings(value));
  } catch (e) {
    connection.console.warn(`Could not read the corpus settings: ${String(e)}`);
  }
}

function revalidateAll(): void {
  clearRcDiagnostics();
  for (const d of documents.all()) scheduleValidation(d.uri);
}

// ---- workspace index (workspace symbols over files that are not open) ----

function indexEntries(model: CorpusModel): IndexedDocument[] {
  return model.documents.map((d) => ({ name: d.name, detail: symbolDetail(d.facts), range: d.range }));
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

function indexFile(filePath: string): void {
  const uri = pathToFileURL(filePath).toString();
  try {
    const stat = fs.statSync(filePath);
    // Past VS Code's own sync limit a file is indexed by the CLI's streaming reader, not here.
    if (stat.size > 64 * 1024 * 1024) return;
    const model = CorpusModel.parse(fs.readFileSync(filePath, 'utf8'));
    index.set(uri, indexEntries(model));
    peopleIndex.set(uri, indexPeople(model, known));
  } catch {
    index.delete(uri);
    peopleIndex.delete(uri);
  }
}

async function indexWorkspace(): Promise<void> {
  const queue = [...workspaceRoots];
  let files = 0;
  while (queue.length > 0) {
    const dir = queue.shift() as string;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) queue.push(p);
      } else if (e.isFile() && e.name.endsWith('.corpus')) {
        indexFile(p);
        // Yield between files so requests are answered while a large workspace is indexed.
        if (++files % 8 === 0) await new Promise((r) => setImmediate(r));
      }
    }
  }
}

// ---- people files ----

function findPeopleFiles(): string[] {
  return findPeopleFilesIn(workspaceRoots, resolver, (message) => connection.console.warn(message));
}

function loadPeopleFiles(): void {
  const people: KnownPerson[] = [];
  const texts = new Map<string, string>();
  const withProblems = new Set<string>();
  for (const file of findPeopleFiles()) {
    const uri = pathToFileURL(file).toString();
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    texts.set(file, text);
    const parsed = parsePeopleFile(text);
    people.push(...parsed.people);
    if (parsed.problems.length > 0 || peopleFilesWithDiagnostics.has(uri)) {
      void connection.sendDiagnostics({
        uri,
        diagnostics: parsed.problems.map((p) => ({
          range: { start: positionInText(text, p.start), end: positionInText(text, Math.max(p.end, p.start)) },
          severity: DiagnosticSeverity.Error,
          source: 'corpus',
          code: 'invalid-people-file',
          message: p.message,
        })),
      });
    }
    if (parsed.problems.length > 0) withProblems.add(uri);
  }
  for (const uri of peopleFilesWithDiagnostics) if (!withProblems.has(uri) && !texts.has(uriToPath(uri) ?? '')) void connection.sendDiagnostics({ uri, diagnostics: [] });
  peopleFilesWithDiagnostics.clear();
  for (const u of withProblems) peopleFilesWithDiagnostics.add(u);
  peopleFiles = texts;
  known = { version: known.version + 1, people };
}

function reloadPeople(): void {
  loadPeopleFiles();
  for (const [uri] of peopleIndex) {
    const p = uriToPath(uri);
    if (p && !documents.get(uri)) indexFile(p);
  }
  if (semanticTokensRefresh) void connection.sendRequest('workspace/semanticTokens/refresh').catch(() => undefined);
}

let semanticTokensRefresh = false;

/** Mentions elsewhere in the workspace (files not open are read from the index). */
function mentionsElsewhere(keys: readonly string[], exceptUri: string): { uri: string; label: string; document: string; line: number }[] {
  const wanted = new Set(keys);
  const out: { uri: string; label: string; document: string; line: number }[] = [];
  const open = new Map<string, IndexedMention[]>();
  for (const d of documents.all()) if (d.uri !== exceptUri) open.set(d.uri, indexPeople(d.model, known));
  for (const source of [open, peopleIndex]) {
    for (const [uri, list] of source) {
      if (uri === exceptUri || (source === peopleIndex && documents.get(uri))) continue;
      const label = path.basename(uriToPath(uri) ?? uri);
      for (const m of list) if (m.keys.some((k) => wanted.has(k))) out.push({ uri, label, document: m.document, line: m.line });
    }
  }
  return out;
}

// ---- LSP wiring ----

connection.onInitialize((params: InitializeParams): InitializeResult => {
  hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
  semanticTokensRefresh = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
  workspaceRoots = (params.workspaceFolders ?? [])
    .map((f) => uriToPath(f.uri))
    .filter((p): p is string => p !== undefined);
  if (workspaceRoots.length === 0 && params.rootUri) {
    const p = uriToPath(params.rootUri);
    if (p) workspaceRoots = [p];
  }
  const settings = params.initializationOptions?.settings;
  if (settings) resolver.setSettings(configFromSettings(settings));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: { label: 'Corpus documents' },
      foldingRangeProvider: true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['=', ' '] },
      referencesProvider: true,
      documentHighlightProvider: true,
      // Range only: the editor asks for the lines on screen, so a 50 MB corpus costs what the viewport shows.
      semanticTokensProvider: { legend: { tokenTypes: ['person'], tokenModifiers: [] }, range: true },
      workspaceSymbolProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.corpus'] },
      workspace: { workspaceFolders: { supported: true } },
    },
    serverInfo: { name: 'corpus-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  connection.console.info(`Corpus language server started (workspace: ${workspaceRoots.join(', ') || 'none'}).`);
  if (hasConfigurationCapability) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'corpus' });
    await refreshSettings();
    revalidateAll();
  }
  loadPeopleFiles();
  void indexWorkspace().catch((e) => connection.console.error(`Indexing the workspace failed: ${String(e)}`));
});

connection.onDidChangeConfiguration(async (change) => {
  if (hasConfigurationCapability) await refreshSettings();
  else resolver.setSettings(configFromSettings((change.settings as { corpus?: unknown } | undefined)?.corpus));
  revalidateAll();
});

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  let peopleChanged = false;
  for (const c of params.changes) {
    const p = uriToPath(c.uri);
    if (!p) continue;
    if (p.endsWith('.corpusrc.json')) configChanged = true;
    else if (p.endsWith('.json') && (p.endsWith('.people.json') || peopleFiles.has(p))) peopleChanged = true;
    else if (p.endsWith('.corpus') && !documents.get(c.uri)) {
      if (c.type === FileChangeType.Deleted) index.delete(c.uri);
      else indexFile(p);
    }
  }
  if (configChanged) {
    resolver.invalidate();
    revalidateAll();
  }
  if (configChanged || peopleChanged) reloadPeople();
});

documents.onDidOpen((e) => scheduleValidation(e.document.uri));
documents.onDidChangeContent((e) => scheduleValidation(e.document.uri));
documents.onDidClose((e) => {
  pending.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  const p = uriToPath(e.document.uri);
  if (p && p.endsWith('.corpus')) indexFile(p);
});

const OUTLINE_PEOPLE_LIMIT = 8 * 1024 * 1024;

const SYMBOL_KIND = { document: SymbolKind.File, person: SymbolKind.Constant } as const;

function toLspSymbol(s: DocumentSymbol): LspDocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children.map(toLspSymbol),
  };
}

connection.onDocumentSymbol((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const symbols = documentSymbols(doc.model, token);
  // People as children of each document. Past OUTLINE_PEOPLE_LIMIT characters the
  // outline lists documents only (reading every article would delay it); the
  // People view and hovers still work there.
  if (doc.model.length <= OUTLINE_PEOPLE_LIMIT) {
    const docs = doc.model.documents;
    symbols.forEach((sym, i) => {
      if (token.isCancellationRequested || !docs[i]) return;
      sym.children = outlinePeople(doc.model, docs[i], known).map((p) => ({ name: p.name, detail: p.detail, kind: 'person' as const, range: p.range, selectionRange: p.range, children: [] }));
    });
  }
  return symbols.map(toLspSymbol);
});

connection.onFoldingRanges((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? foldingRanges(doc.model, token).map((r) => ({ startLine: r.startLine, endLine: r.endLine, kind: 'region' })) : [];
});

connection.onHover((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const ph = personHover(doc.model, params.textDocument.uri, params.position, known, { mentionsElsewhere: (keys) => mentionsElsewhere(keys, params.textDocument.uri) }, token);
  if (ph) return { contents: { kind: MarkupKind.Markdown, value: ph.markdown }, range: ph.range };
  const h = hover(doc.model, params.position, token);
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
});

connection.onCodeAction((params, token) => {
  const uri = params.textDocument.uri;
  const doc = documents.get(uri);
  if (!doc) return [];
  const config = resolver.resolve(uriToPath(uri)).config;
  const only = params.context.only;
  const out: LspCodeAction[] = [];
  const wantsQuickFix = !only || only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(k));
  const wantsFixAll = only?.some((k) => 'source.fixAll.corpus'.startsWith(k) && k !== '') ?? false;
  if (wantsQuickFix) {
    const lspDiags = params.context.diagnostics;
    for (const a of codeActions(doc.model, config, params.range, token)) {
      const target = a.diagnostic;
      const diag = target
        ? lspDiags.find((d) => d.code === target.code && d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character)
        : undefined;
      out.push({
        title: a.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: diag ? [diag] : undefined,
        isPreferred: a.isPreferred,
        edit: { changes: { [uri]: a.edits } },
      });
    }
  }
  if (wantsQuickFix || only?.some((k) => k === 'refactor' || k === CodeActionKind.Refactor)) {
    const person = unknownPersonAt(doc.model, params.range.start, known);
    if (person) {
      const target = [...peopleFiles.keys()][0] ?? (workspaceRoots[0] ? path.join(workspaceRoots[0], 'people.people.json') : undefined);
      if (target) {
        const existing = peopleFiles.get(target);
        const targetUri = pathToFileURL(target).toString();
        const edits = addToPeopleFile(existing, person).map((e) => ({
          range: existing === undefined
            ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
            : { start: positionInText(existing, e.start), end: positionInText(existing, e.end) },
          newText: e.text,
        }));
        out.push({
          title: `Add “${person.name}” to ${path.basename(target)}${existing === undefined ? ' (new file)' : ''}`,
          kind: CodeActionKind.QuickFix,
          edit: existing === undefined
            ? { documentChanges: [{ kind: 'create', uri: targetUri, options: { ignoreIfExists: true } }, { textDocument: { uri: targetUri, version: null }, edits }] }
            : { changes: { [targetUri]: edits } },
        });
      }
    }
  }
  if (wantsFixAll) {
    const edits = fixAll(doc.model, config, token);
    if (edits.length > 0) {
      out.push({ title: 'Fix all corpus problems that have a clear fix', kind: 'source.fixAll.corpus', edit: { changes: { [uri]: edits } } });
    }
  }
  return out;
});

connection.onCompletion((params, token) => {
  const uri = params.textDocument.uri;
  const doc = documents.get(uri);
  if (!doc) return [];
  const config = resolver.resolve(uriToPath(uri)).config;
  const KIND = { property: CompletionItemKind.Property, value: CompletionItemKind.EnumMember, date: CompletionItemKind.Value } as const;
  return completion(doc.model, config, params.position, token).map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    sortText: c.sortText,
    preselect: c.preselect,
    textEdit: { range: { start: { line: params.position.line, character: c.from }, end: params.position }, newText: c.insertText },
  }));
});

connection.onReferences((params, token) => {
  const uri = params.textDocument.uri;
  const doc = documents.get(uri);
  if (!doc) return [];
  const same = samePersonMentions(doc.model, params.position, known, token);
  if (!same) return [];
  const here = same.mentions.map((m) => ({ uri, range: m.range }));
  const keys = new Set([same.person.key, ...same.person.keys]);
  const elsewhere: { uri: string; range: Range }[] = [];
  for (const d of documents.all()) {
    if (d.uri === uri) continue;
    for (const m of indexPeople(d.model, known)) if (m.keys.some((k) => keys.has(k))) elsewhere.push({ uri: d.uri, range: m.range });
  }
  for (const [u, list] of peopleIndex) {
    if (u === uri || documents.get(u)) continue;
    for (const m of list) if (m.keys.some((k) => keys.has(k))) elsewhere.push({ uri: u, range: m.range });
  }
  return [...here, ...elsewhere];
});

connection.onDocumentHighlight((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const same = samePersonMentions(doc.model, params.position, known, token);
  return same ? same.mentions.map((m) => ({ range: m.range, kind: DocumentHighlightKind.Read })) : [];
});

function personSemanticTokens(model: CorpusModel, fromLine: number, toLine: number, token: { isCancellationRequested: boolean }) {
  const builder = new SemanticTokensBuilder();
  for (const r of personTokens(model, known, fromLine, toLine, token)) builder.push(r.start.line, r.start.character, r.end.character - r.start.character, 0, 0);
  return builder.build();
}

connection.languages.semanticTokens.onRange((params, token) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? personSemanticTokens(doc.model, params.range.start.line, params.range.end.line, token) : { data: [] };
});

/** The People view: the persons of one open corpus file, most mentioned first. */
connection.onRequest('corpus/people', (params: { uri: string }, token) => {
  const doc = documents.get(params?.uri);
  return doc ? peopleView(doc.model, known, token) : [];
});

connection.onWorkspaceSymbol((params) => {
  const all = new Map(index);
  for (const d of documents.all()) all.set(d.uri, indexEntries(d.model));
  const docsFound = workspaceSymbols(all, params.query, (uri) => path.basename(uriToPath(uri) ?? uri));
  // People: one symbol per person and file, at the first mention.
  const people = new Map<string, IndexedDocument[]>();
  const sources = new Map(peopleIndex);
  for (const d of documents.all()) sources.set(d.uri, indexPeople(d.model, known));
  for (const [uri, list] of sources) {
    const seen = new Set<string>();
    const entries: IndexedDocument[] = [];
    for (const m of list) {
      if (seen.has(m.person)) continue;
      seen.add(m.person);
      entries.push({ name: m.person, detail: m.document, range: m.range });
    }
    people.set(uri, entries);
  }
  const peopleFound = workspaceSymbols(people, params.query, (uri) => path.basename(uriToPath(uri) ?? uri)).map((x) => ({ ...x, kind: 'person' as const }));
  return [...docsFound, ...peopleFound].map((s) => ({
    name: s.name,
    kind: SYMBOL_KIND[s.kind],
    location: { uri: s.uri, range: s.range },
    containerName: s.containerName,
  }));
});

connection.onRequest('corpus/serverInfo', () => ({ pid: process.pid, version: '0.1.0' }));

process.on('uncaughtException', (e) => {
  // Never die on one bad request: log it; the failing request already got its error.
  connection.console.error(`Unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
});

documents.listen(connection);
connection.listen();
