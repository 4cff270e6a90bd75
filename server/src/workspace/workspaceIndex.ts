// The workspace index: the documents and people of every corpus file in the
// workspace, open or not, for workspace symbols, references across files and a
// person's mentions elsewhere. Open files come from the adapter's models (never
// from the disk, where they may be older); the others are read through the
// FileSystem, one at a time with a yield between files, so requests are answered
// while a large workspace is indexed. File watching keeps it up to date.

import { symbolDetail } from '../features/documentSymbols';
import { indexPeople, IndexedMention, KnownPeople, mentionsOfKeys, readAllPeople } from '../features/people';
import { IndexedDocument, WorkspaceSymbol, workspaceSymbols } from '../features/workspaceSymbols';
import { CorpusModel } from '../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Range } from '../model/types';
import type { FileSystem } from './fileSystem';
import type { Ignores } from './ignores';
import { canonicalUri, uriBasename } from './uri';
import { walkFiles } from './walker';
import { yieldToEventLoop } from './yield';
import { modelCopiesOf, segmentSignature } from '../duplicates/modelCopies';
import { CopyEntry, ElsewhereCopies, orderElsewhere, WorkspaceCopies } from '../duplicates/workspaceCopies';
import type { DocSignature } from '../duplicates/signature';
import type { CopyElsewhere } from '../rules/types';

/** The files open in the editor, as the adapter holds them. */
export interface OpenDocuments {
  /** The model of an open file, or undefined when it is not open. */
  get(uri: string): CorpusModel | undefined;
  /** The URIs of every open file. */
  uris(): Iterable<string>;
}

/** Past VS Code's own limit for extensions a file is left to the command line's streaming reader. */
export const MAX_INDEXED_FILE_SIZE = 64 * 1024 * 1024;

interface FileEntry {
  documents: IndexedDocument[];
  mentions: IndexedMention[];
}

/** A mention of a person in another file, for a hover's "Elsewhere" links. */
export interface MentionElsewhere {
  uri: string;
  /** The file's name. */
  label: string;
  document: string;
  line: number;
}

function documentsOf(model: CorpusModel): IndexedDocument[] {
  return model.documents.map((d) => ({ name: d.name, detail: symbolDetail(d.facts), range: d.range }));
}

export function isCorpusFile(uri: string): boolean {
  return uri.endsWith('.corpus');
}

export class WorkspaceIndex {
  /** Files that are not open, by canonical URI. */
  private readonly files = new Map<string, FileEntry>();
  /** Bumped on every read or removal of a file: a read that finishes after a newer one is dropped. */
  private readonly tickets = new Map<string, number>();
  /** The documents' signatures of the files that are not open, for the copy rules. */
  private readonly copies = new WorkspaceCopies();
  /** Per open file, the copies found elsewhere for each signature, while what they depend on is unchanged. */
  private readonly copyLookups = new Map<string, { key: string; version: number; exact: WeakMap<DocSignature, CopyElsewhere[]>; near: WeakMap<DocSignature, CopyElsewhere[]> }>();
  private copyLookupVersion = 0;

  constructor(
    private readonly fs: FileSystem,
    private readonly open: OpenDocuments,
    private readonly known: () => KnownPeople,
    /** What is left out (.gitignore, .corpusignore, `ignores`): the very rules of `corpus lint`. */
    private readonly ignores?: Ignores,
    /** Told, for each open file, when the copies of the unopened files changed (its copy diagnostics may have). */
    private readonly onChange?: (e: { uri: string; kind: 'diagnostics' }) => void,
  ) {}

  /** Indexes every `*.corpus` file below the folders that is not open and not ignored; forgets the others. Resolves when done. */
  async indexFolders(roots: readonly string[], token: CancellationToken = NEVER_CANCELLED): Promise<void> {
    const found = new Set<string>();
    for (const root of roots) {
      for await (const uri of walkFiles(this.fs, canonicalUri(root), { accept: isCorpusFile, token, ignores: this.ignores })) {
        found.add(canonicalUri(uri));
        await this.indexFile(uri);
        // Between files, so requests are answered while a large workspace is indexed.
        await yieldToEventLoop();
      }
    }
    if (token.isCancellationRequested) return;
    // A walk again (the ignores changed): files no longer found are forgotten.
    for (const key of [...this.files.keys()]) if (!found.has(key)) this.remove(key);
  }

  /** Reads one file that is not open (again); forgets it when it is gone, too large or open. */
  async indexFile(uri: string): Promise<void> {
    const key = canonicalUri(uri);
    const ticket = (this.tickets.get(key) ?? 0) + 1;
    this.tickets.set(key, ticket);
    if (this.isOpen(key)) {
      this.forget(key);
      return;
    }
    if (this.ignores && (await this.ignores.ignored(key)) !== undefined) {
      if (this.tickets.get(key) === ticket) this.forget(key);
      return;
    }
    const stat = await this.fs.stat(key);
    const text = stat?.type === 'file' && stat.size <= MAX_INDEXED_FILE_SIZE ? await this.fs.readFile(key) : undefined;
    // A newer read or a removal came meanwhile, or the file was opened: the editor's model counts.
    if (this.tickets.get(key) !== ticket) return;
    if (text === undefined || this.isOpen(key)) {
      this.forget(key);
      return;
    }
    try {
      const model = CorpusModel.parse(text);
      const known = this.known();
      // Read once and kept as a flat list (an open file's people are read by its background pass instead).
      readAllPeople(model, known);
      this.files.set(key, { documents: documentsOf(model), mentions: indexPeople(model, known) });
      this.setCopies(key, model);
    } catch {
      this.forget(key);
    }
  }

  /** Forgets a file (deleted, or opened in the editor). */
  remove(uri: string): void {
    const key = canonicalUri(uri);
    this.tickets.set(key, (this.tickets.get(key) ?? 0) + 1);
    this.forget(key);
  }

  private forget(key: string): void {
    this.files.delete(key);
    const before = this.copies.version;
    this.copies.removeFile(key);
    if (this.copies.version !== before) this.copiesChanged();
  }

  private copiesTimer: ReturnType<typeof setTimeout> | undefined;

  /** Tells the open files, once for a burst of changes (indexing a workspace changes the copies file by file). */
  private copiesChanged(): void {
    if (!this.onChange || this.copiesTimer !== undefined) return;
    this.copiesTimer = setTimeout(() => {
      this.copiesTimer = undefined;
      for (const uri of this.open.uris()) this.onChange?.({ uri, kind: 'diagnostics' });
    }, 100);
  }

  private setCopies(key: string, model: CorpusModel): void {
    const docs: CopyEntry[] = [];
    for (let i = 1; i < model.segmentCount; i++) {
      const sig = segmentSignature(model.segmentAt(i), true);
      if (sig) docs.push({ name: model.segmentAt(i).doc?.name ?? '', range: model.nameRangeOf(i), sig });
    }
    const before = this.copies.version;
    this.copies.setFile(key, uriBasename(key), docs);
    if (this.copies.version !== before) this.copiesChanged();
  }

  /** The copies in the files other than `uri`: the unopened ones (as indexed) and the open ones (as they are now). */
  copiesFor(uri: string): ElsewhereCopies {
    const except = canonicalUri(uri);
    const others = [...this.open.uris()].filter((u) => canonicalUri(u) !== except);
    // What the answers depend on: the unopened files' copies and the other open files' texts.
    const key = `${this.copies.version}\u0000${others.map((u) => `${u}\u0000${this.open.get(u)?.generation ?? -1}`).join('\u0000')}`;
    let cache = this.copyLookups.get(except);
    if (!cache || cache.key !== key) {
      cache = { key, version: ++this.copyLookupVersion, exact: new WeakMap(), near: new WeakMap() };
      this.copyLookups.set(except, cache);
    }
    const c = cache;
    return {
      version: c.version,
      // Asked for every document of a file at each check: answered once per signature while nothing changed.
      find: (sig, similar) => {
        const seen = (similar ? c.near : c.exact).get(sig);
        if (seen) return seen;
        const out = this.copies.find(except, sig, similar);
        for (const u of others) {
          const model = this.open.get(u);
          if (model) out.push(...modelCopiesOf(model, u, uriBasename(u), sig, similar));
        }
        const found = orderElsewhere(out);
        (similar ? c.near : c.exact).set(sig, found);
        return found;
      },
    };
  }

  /** Reads every indexed file again (the known people changed, so their mentions may have). */
  async reindex(): Promise<void> {
    for (const uri of [...this.files.keys()]) {
      await this.indexFile(uri);
      await yieldToEventLoop();
    }
  }

  /** The indexed files that are not open (for tests and counts). */
  indexedUris(): string[] {
    return [...this.files.keys()];
  }

  private openKeys(): Map<string, string> {
    const keys = new Map<string, string>();
    for (const uri of this.open.uris()) keys.set(canonicalUri(uri), uri);
    return keys;
  }

  private isOpen(key: string): boolean {
    for (const uri of this.open.uris()) if (canonicalUri(uri) === key) return true;
    return false;
  }

  /**
   * Every file's entries: each indexed file in index order, an open one with its
   * model's entries instead, then the open files the index does not hold.
   */
  private eachFile<T>(fromModel: (model: CorpusModel) => T, fromEntry: (e: FileEntry) => T): [string, T][] {
    const openKeys = this.openKeys();
    const out: [string, T][] = [];
    const seen = new Set<string>();
    const openEntry = (uri: string): [string, T] | undefined => {
      const model = this.open.get(uri);
      return model ? [uri, fromModel(model)] : undefined;
    };
    for (const [key, entry] of this.files) {
      const openUri = openKeys.get(key);
      if (openUri === undefined) out.push([key, fromEntry(entry)]);
      else {
        seen.add(openUri);
        const e = openEntry(openUri);
        if (e) out.push(e);
      }
    }
    for (const uri of openKeys.values()) {
      if (seen.has(uri)) continue;
      const e = openEntry(uri);
      if (e) out.push(e);
    }
    return out;
  }

  /**
   * The mentions of a person (by any of its keys) in every file but `exceptUri`,
   * ordered by the file's path (decoded, code unit by code unit), so a hover lists
   * the same files in the same order whatever was opened or closed before.
   */
  private mentionsBut(keys: readonly string[], exceptUri: string): [string, { document: string; line: number; range: Range }[]][] {
    const except = canonicalUri(exceptUri);
    const wanted = new Set(keys);
    const known = this.known();
    const openKeys = this.openKeys();
    const out: [string, string, { document: string; line: number; range: Range }[]][] = [];
    for (const [key, uri] of openKeys) {
      const model = this.open.get(uri);
      if (key !== except && model) out.push([key, uri, mentionsOfKeys(model, known, keys)]);
    }
    for (const [key, entry] of this.files) if (key !== except && !openKeys.has(key)) out.push([key, key, entry.mentions.filter((m) => m.keys.some((k) => wanted.has(k)))]);
    const path = new Map(out.map(([key]) => [key, decodedPath(key)]));
    out.sort((a, b) => compareCodeUnits(path.get(a[0]) ?? a[0], path.get(b[0]) ?? b[0]) || compareCodeUnits(a[0], b[0]));
    return out.map(([, uri, mentions]) => [uri, mentions]);
  }

  /** Mentions of a person (by any of its keys) in the other files of the workspace. */
  mentionsElsewhere(keys: readonly string[], exceptUri: string): MentionElsewhere[] {
    const out: MentionElsewhere[] = [];
    for (const [uri, list] of this.mentionsBut(keys, exceptUri)) {
      const label = uriBasename(uri);
      for (const m of list) out.push({ uri, label, document: m.document, line: m.line });
    }
    return out;
  }

  /** Where a person (by any of its keys) is mentioned in the other files. */
  referencesElsewhere(keys: readonly string[], exceptUri: string): { uri: string; range: Range }[] {
    const out: { uri: string; range: Range }[] = [];
    for (const [uri, list] of this.mentionsBut(keys, exceptUri)) for (const m of list) out.push({ uri, range: m.range });
    return out;
  }

  /** Documents, then people (one symbol per person and file, at the first mention), matching a query. */
  workspaceSymbols(query: string): WorkspaceSymbol[] {
    const documents = new Map(this.eachFile(documentsOf, (e) => e.documents));
    const found = workspaceSymbols(documents, query, uriBasename);
    const known = this.known();
    const people = new Map(
      this.eachFile(
        (m) => personSymbols(indexPeople(m, known)),
        (e) => personSymbols(e.mentions),
      ),
    );
    const persons = workspaceSymbols(people, query, uriBasename).map((s) => ({ ...s, kind: 'person' as const }));
    return [...found, ...persons];
  }
}

/** A URI with its percent-escapes decoded, for ordering files as a person reads their paths. */
function decodedPath(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One entry per person of a file, at its first mention, with the document as detail. */
function personSymbols(mentions: readonly IndexedMention[]): IndexedDocument[] {
  const seen = new Set<string>();
  const out: IndexedDocument[] = [];
  for (const m of mentions) {
    if (seen.has(m.person)) continue;
    seen.add(m.person);
    out.push({ name: m.person, detail: m.document, range: m.range });
  }
  return out;
}
