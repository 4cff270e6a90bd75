// The overview of the whole workspace ("Corpus: Show Workspace Overview", or "Whole
// workspace" in the overview page): every `*.corpus` file of the workspace folders
// that the workspace index would read (the one walker, the same ignores), in walk
// order, then the open corpus files outside them. An open file counts as its model
// holds it (documents, the diagnostics last computed, the people read); a file that
// is not open is read through the FileSystem and linted by the command line's
// streaming pipeline, 64K characters at a time with a yield between chunks and
// between files, so the server answers other requests meanwhile and a cancelled
// request stops at the next chunk. What an unopened file gives is kept until file
// watching says it changed (or the configuration, the ignores or the people files
// did), so asking again after an edit reads only the open files.
//
// The people are grouped across the whole workspace from each document's tally, so
// a person named in two files is one bar.

import type { CorpusConfig } from '../config';
import { StreamDocument, StreamLinter } from '../diagnostics/stream';
import { applyVerdict } from '../encoding/verdict';
import type { KnownPeople } from '../features/people';
import { FileOverview, OverviewBuilder, OverviewData, overviewDate, OverviewRecord } from '../features/overview';
import { CancellationToken, Diagnostic, NEVER_CANCELLED } from '../model/types';
import { detectPeople, DocumentTally, groupTallies, KnownPerson, tallyDocument } from '../people';
import type { ResolvedConfig } from './configResolver';
import type { FileSystem } from './fileSystem';
import type { Ignores } from './ignores';
import { canonicalUri, relativePath, uriBasename } from './uri';
import { walkFiles } from './walker';
import { isCorpusFile, MAX_INDEXED_FILE_SIZE, OpenDocuments } from './workspaceIndex';
import { yieldToEventLoop } from './yield';

/** At most this many files are counted (the others are left out, and the page says so). */
export const MAX_OVERVIEW_FILES = 10_000;
/** An unopened file is linted in chunks of this many characters, with a yield between them. */
const CHUNK = 64 * 1024;

export interface WorkspaceOverviewOptions {
  fs: FileSystem;
  open: OpenDocuments;
  configFor: (uri: string) => Promise<ResolvedConfig>;
  ignores?: Ignores;
  known: () => KnownPeople;
  /** An open file's part, from its model (undefined when it closed meanwhile). */
  openFile: (uri: string, token: CancellationToken) => Promise<FileOverview | undefined>;
}

interface Cached {
  stamp: string;
  size: number;
  entry: FileOverview;
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file's name as shown: the last segment of its path (`Untitled-1` for `untitled:Untitled-1`). */
function baseName(uri: string): string {
  const base = uriBasename(uri);
  return /^[a-z][\w+.-]*:/i.test(base) ? base.slice(base.indexOf(':') + 1) : base;
}

function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A document of the stream as the overview keeps it, and its people's tally. */
function streamRecord(d: StreamDocument, known: KnownPeople): { record: OverviewRecord; tally: DocumentTally } {
  const record: OverviewRecord = { name: detach(d.name), line: d.headerLine, ...overviewDate(d.facts), chars: Math.max(0, d.facts.bodyEnd - d.facts.bodyStart) };
  if (d.facts.lang !== undefined) record.lang = detach(d.facts.lang);
  const nl = d.text.search(/\r\n|\r|\n/);
  const body = nl < 0 ? '' : d.text.slice(nl + (d.text.startsWith('\r\n', nl) ? 2 : 1));
  const mentions = detectPeople(body, { known: known.people as KnownPerson[], notPeople: known.notPeople as string[], lang: d.facts.lang });
  return {
    record,
    tally: tallyDocument(mentions.map((m) => ({ ...m, text: detach(m.text), key: detach(m.key), canonical: detach(m.canonical), title: m.title === undefined ? undefined : detach(m.title) }))),
  };
}

export class WorkspaceOverview {
  private readonly cache = new Map<string, Cached>();
  /** Bumped when everything read must be read again (configuration, ignores). */
  private generation = 0;

  constructor(private readonly options: WorkspaceOverviewOptions) {}

  /** A file changed, was deleted, or closed (its disk text may differ from what was read before it was opened). */
  forget(uri: string): void {
    this.cache.delete(canonicalUri(uri));
  }

  /** The configuration or the ignores changed: every file is read again when next asked for. */
  clear(): void {
    this.generation++;
    this.cache.clear();
  }

  /** How many unopened files' parts are kept (for tests). */
  get cachedFiles(): number {
    return this.cache.size;
  }

  /** The overview of every corpus file below `roots` and every open one; undefined when cancelled. */
  async build(roots: readonly string[], token: CancellationToken = NEVER_CANCELLED): Promise<OverviewData | undefined> {
    const { fs, open, ignores } = this.options;
    const b = new OverviewBuilder();
    const tallies: DocumentTally[] = [];
    const openKeys = new Map<string, string>();
    for (const uri of open.uris()) openKeys.set(canonicalUri(uri), uri);
    const seen = new Set<string>();
    let count = 0;
    let left = 0;
    const add = (name: string, uri: string, part: FileOverview): void => {
      b.addFile(name, uri, part.notRead);
      part.documents.forEach((d, i) => {
        b.addRecord(d);
        tallies.push(part.tallies[i] ?? new Map());
      });
      for (const p of part.problems) b.addProblem(p.code, p.line);
    };
    const canonicalRoots = roots.map(canonicalUri);
    for (const root of canonicalRoots) {
      for await (const uri of walkFiles(fs, root, { accept: isCorpusFile, token, ignores })) {
        if (token.isCancellationRequested) return undefined;
        const key = canonicalUri(uri);
        if (seen.has(key)) continue;
        if (++count > MAX_OVERVIEW_FILES) {
          left++;
          continue;
        }
        seen.add(key);
        const openUri = openKeys.get(key);
        const part = openUri !== undefined ? await this.options.openFile(openUri, token) : await this.unopened(key, token);
        if (token.isCancellationRequested) return undefined;
        if (part) add(this.shownName(key, root, canonicalRoots), openUri ?? key, part);
        await yieldToEventLoop();
      }
    }
    // Open corpus files the walk does not find (outside the folders, untitled, a .txt opened as a corpus) count too; an ignored *.corpus file does not.
    const walked = (key: string): boolean => isCorpusFile(key) && canonicalRoots.some((r) => relativePath(r, key) !== undefined);
    const others = [...openKeys].filter(([key]) => !seen.has(key) && !walked(key)).sort((a, c) => (a[0] < c[0] ? -1 : a[0] > c[0] ? 1 : 0));
    for (const [, uri] of others) {
      const part = await this.options.openFile(uri, token);
      if (token.isCancellationRequested) return undefined;
      if (part) add(baseName(uri), uri, part);
    }
    if (token.isCancellationRequested) return undefined;
    const known = this.options.known();
    const persons = groupTallies(tallies, known.people as KnownPerson[]);
    b.setPeople(persons.map((p) => ({ name: p.name, mentions: p.mentionCount, documents: p.documents.map((d) => d.index) })));
    const data = b.result('workspace');
    if (left > 0) data.filesLeftOut = left;
    return data;
  }

  /** The path from its workspace folder (with the folder's name when there are several). */
  private shownName(key: string, root: string, roots: readonly string[]): string {
    const rel = relativePath(root, key) ?? uriBasename(key);
    return roots.length > 1 ? `${uriBasename(root)}/${rel}` : rel;
  }

  /** An unopened file's part: kept from before, or read and linted now; undefined when it is gone or the request was cancelled. */
  private async unopened(key: string, token: CancellationToken): Promise<FileOverview | undefined> {
    const { fs } = this.options;
    const stamp = `${this.generation}:${this.options.known().version}`;
    const stat = await fs.stat(key);
    if (stat?.type !== 'file') return undefined;
    const hit = this.cache.get(key);
    if (hit && hit.stamp === stamp && hit.size === stat.size) return hit.entry;
    let entry: FileOverview | undefined;
    if (stat.size > MAX_INDEXED_FILE_SIZE) {
      entry = {
        documents: [],
        problems: [],
        tallies: [],
        notRead: `${formatSize(stat.size)}, over the ${formatSize(MAX_INDEXED_FILE_SIZE)} the editor reads in the background: open it, or run \`corpus stats --html\` on it`,
      };
    } else {
      const text = await fs.readFile(key);
      if (text === undefined || token.isCancellationRequested) return undefined;
      const { config } = await this.options.configFor(key);
      entry = await this.lint(key, text, config, token);
    }
    // Kept only when nothing that it depends on changed meanwhile.
    if (entry && stamp === `${this.generation}:${this.options.known().version}`) this.cache.set(key, { stamp, size: stat.size, entry });
    return entry;
  }

  private async lint(key: string, text: string, config: CorpusConfig, token: CancellationToken): Promise<FileOverview | undefined> {
    const known = this.options.known();
    const documents: OverviewRecord[] = [];
    const tallies: DocumentTally[] = [];
    const linter = new StreamLinter(config, {
      onDocument: (d) => {
        const { record, tally } = streamRecord(d, known);
        documents.push(record);
        tallies.push(tally);
      },
    });
    const all: Diagnostic[] = [];
    for (let i = 0; i < text.length; i += CHUNK) {
      for (const d of linter.push(text.slice(i, i + CHUNK))) all.push(d);
      if (i + CHUNK < text.length) {
        await yieldToEventLoop();
        if (token.isCancellationRequested) return undefined;
      }
    }
    for (const d of linter.end()) all.push(d);
    // Bytes that are not UTF-8, or not text: one diagnostic, as the Problems panel and `corpus lint` give.
    const verdict = this.options.fs.inspectBytes && (text.includes('\uFFFD') || text.includes('\0')) ? await this.options.fs.inspectBytes(key) : undefined;
    const shown = verdict ? applyVerdict(all, verdict, config) : all;
    return { documents, problems: shown.filter((d) => !d.suppressed).map((d) => ({ code: d.code, line: d.range.start.line })), tallies };
  }
}
