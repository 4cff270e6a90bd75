// The one people-file resolver (format spec, section 7), for the language server
// and the command line alike: the paths or globs of the `people` setting,
// relative to the `.corpusrc.json` that applies at a workspace folder (or to the
// folder when none does), else every `*.people.json`. It stays inside the
// workspace: absolute patterns and `..` are ignored, only the workspace folders
// are walked (with the one walker and its skip list), and at most 1,000 files are
// taken, so no configuration can make the editor read the rest of the disk.
//
// Then the loader: the files' entries as the known people, their texts (for the
// "Add … to the people file" edit) and their problems as diagnostics.

import picomatch from 'picomatch';
import { severityOf } from '../diagnostics/convert';
import { KnownPeople, NO_KNOWN_PEOPLE } from '../features/people';
import { positionInText } from '../model/lines';
import type { Diagnostic } from '../model/types';
import { KnownPerson, parsePeopleFile } from '../people';
import type { ConfigResolver } from './configResolver';
import type { FileSystem } from './fileSystem';
import { canonicalUri, isInside, relativePath, uriDirname, uriJoin } from './uri';
import { walkFiles } from './walker';

export const MAX_PEOPLE_FILES = 1000;

/** What `people` means when it is not set. */
export const DEFAULT_PEOPLE_PATTERNS: readonly string[] = ['**/*.people.json'];

/** A pattern as written, with '/' separators and no leading './'; undefined when it could leave the workspace. */
function insidePattern(pattern: string): string | undefined {
  let p = pattern.replace(/\\/g, '/');
  while (p.startsWith('./')) p = p.slice(2);
  if (p === '' || p.startsWith('/') || /^[A-Za-z]:/.test(p)) return undefined;
  if (p.split('/').includes('..')) return undefined;
  return p;
}

/** What the `people` setting names in one workspace folder. */
export interface PeoplePatterns {
  /** The workspace folder (only files inside it are taken). */
  root: string;
  /** The folder the patterns are relative to: that of the `.corpusrc.json` that sets them, else the workspace folder. */
  base: string;
  /** The patterns that stay inside the workspace, without the leaving-out ones. */
  patterns: string[];
  /** What `!pattern` entries leave out. */
  ignore: string[];
  /** True for a path relative to `base` that names a people file. */
  isMatch: (relative: string) => boolean;
}

/** The people patterns of one workspace folder, or undefined when none can name a file in it. */
export async function peoplePatterns(rootUri: string, resolver: ConfigResolver): Promise<PeoplePatterns | undefined> {
  const root = canonicalUri(rootUri);
  const resolved = await resolver.resolve(uriJoin(root, '.corpus-probe'));
  const base = (resolved.rcUri && uriDirname(resolved.rcUri)) ?? root;
  // The folder of the configuration is the workspace folder or above it.
  if (!isInside(base, root)) return undefined;
  const written = resolved.config.people ?? DEFAULT_PEOPLE_PATTERNS;
  const inside = (list: readonly string[]): string[] => list.map(insidePattern).filter((p): p is string => p !== undefined);
  const patterns = inside(written.filter((p) => !p.startsWith('!')));
  const ignore = inside(written.filter((p) => p.startsWith('!')).map((p) => p.slice(1)));
  if (patterns.length === 0) return undefined;
  return { root, base, patterns, ignore, isMatch: picomatch(patterns, { dot: false, ignore }) };
}

/** True when `uri` is a file the patterns name (inside their workspace folder). */
export function namedBy(p: PeoplePatterns, uri: string): boolean {
  if (!isInside(p.root, uri)) return false;
  const rel = relativePath(p.base, uri);
  return rel !== undefined && p.isMatch(rel);
}

/** The people files that apply in the workspace folders (URIs), sorted, at most MAX_PEOPLE_FILES. */
export async function findPeopleFiles(fs: FileSystem, roots: readonly string[], resolver: ConfigResolver): Promise<string[]> {
  return findFiles(fs, await patternsOf(roots, resolver));
}

async function patternsOf(roots: readonly string[], resolver: ConfigResolver): Promise<PeoplePatterns[]> {
  const out: PeoplePatterns[] = [];
  for (const root of roots) {
    const p = await peoplePatterns(root, resolver);
    if (p) out.push(p);
  }
  return out;
}

async function findFiles(fs: FileSystem, all: readonly PeoplePatterns[]): Promise<string[]> {
  const found = new Set<string>();
  for (const { root, base, patterns, ignore } of all) {
    const starts = new Set<string>();
    for (const p of patterns) {
      const scan = picomatch.scan(p);
      const from = scan.base === '' ? base : scan.base.split('/').reduce(uriJoin, base);
      if (!scan.isGlob) {
        // A plain path: one file, if it is inside the workspace.
        if (isInside(root, from) && !picomatch.isMatch(p, ignore) && (await fs.stat(from))?.type === 'file') found.add(from);
      } else if (isInside(root, from)) starts.add(from);
      else if (isInside(from, root)) starts.add(root);
    }
    // Walk each folder once: not one that lies inside another start.
    const walks = [...starts].filter((s) => ![...starts].some((t) => t !== s && isInside(t, s)));
    const skipHidden = !patterns.some((p) => p.split('/').some((s) => s.startsWith('.')));
    const isMatch = picomatch(patterns, { dot: false, ignore });
    for (const start of walks.sort()) {
      for await (const uri of walkFiles(fs, start, { skipHidden })) {
        const rel = relativePath(base, uri);
        if (rel !== undefined && isMatch(rel)) found.add(uri);
        if (found.size >= MAX_PEOPLE_FILES) break;
      }
      if (found.size >= MAX_PEOPLE_FILES) break;
    }
  }
  return [...found].sort().slice(0, MAX_PEOPLE_FILES);
}

/** The diagnostics of one file (a people file, a configuration), to publish or to clear (an empty list). */
export interface FileDiagnostics {
  uri: string;
  diagnostics: Diagnostic[];
}

/** The people files read: their entries, their texts, and which of them have problems. */
export class PeopleFiles {
  /** The entries of every people file; the version changes on every load, so cached detections are redone. */
  known: KnownPeople = NO_KNOWN_PEOPLE;
  /** The text of each file read, by URI (for the "Add … to the people file" edit), in sorted order. */
  texts = new Map<string, string>();
  private withProblems = new Set<string>();
  /** What the `people` setting named at the last load, per workspace folder. */
  private patterns: PeoplePatterns[] = [];

  /**
   * Reads the people files that apply now. Returns the diagnostics to publish: those
   * of every file with problems, and an empty list for each file whose problems are gone.
   */
  async load(fs: FileSystem, roots: readonly string[], resolver: ConfigResolver): Promise<FileDiagnostics[]> {
    const people: KnownPerson[] = [];
    const notPeople: string[] = [];
    const texts = new Map<string, string>();
    const withProblems = new Set<string>();
    const out: FileDiagnostics[] = [];
    const patterns = await patternsOf(roots, resolver);
    for (const uri of await findFiles(fs, patterns)) {
      const text = await fs.readFile(uri);
      if (text === undefined) continue;
      texts.set(uri, text);
      const parsed = parsePeopleFile(text);
      people.push(...parsed.people);
      notPeople.push(...parsed.notPeople);
      // The configuration that applies to the people file says how (or whether) its problems show.
      const severity = severityOf((await resolver.resolve(uri)).config, 'invalid-people-file');
      const problems: Diagnostic[] = severity
        ? parsed.problems.map((p) => ({
            code: 'invalid-people-file',
            severity,
            message: p.message,
            range: { start: positionInText(text, p.start), end: positionInText(text, Math.max(p.end, p.start)) },
          }))
        : [];
      if (problems.length > 0 || this.withProblems.has(uri)) out.push({ uri, diagnostics: problems });
      if (problems.length > 0) withProblems.add(uri);
    }
    for (const uri of this.withProblems) if (!texts.has(uri)) out.push({ uri, diagnostics: [] });
    this.withProblems = withProblems;
    this.patterns = patterns;
    this.texts = texts;
    this.known = { version: this.known.version + 1, people, notPeople };
    return out;
  }

  /** True for a file whose change can change the known people: one read, or one the `people` setting names. */
  isPeopleFile(uri: string): boolean {
    const key = canonicalUri(uri);
    return uri.endsWith('.people.json') || this.texts.has(key) || this.patterns.some((p) => namedBy(p, key));
  }
}
