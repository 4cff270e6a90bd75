// Which files every search for corpus files leaves out (docs/format.md, "Leaving
// files out"): the `.gitignore` files of the git repository, the `.corpusignore`
// files (same syntax, any folder), and the `ignores` of the `.corpusrc.json` that
// applies. The gitignore semantics are the `ignore` library's: patterns relative
// to the file's folder, `!` takes a pattern back, a deeper file wins over a higher
// one, and nothing below an ignored folder can be taken back. The walker asks this
// for each entry, so the command line and the workspace index skip the same files.

import ignore, { Ignore } from 'ignore';
import type { CorpusConfig } from '../config';
import type { ConfigResolver } from './configResolver';
import type { FileSystem } from './fileSystem';
import { relativePath, uriBasename, uriDirname, uriJoin } from './uri';

export interface IgnoreOptions {
  /** Read the `.gitignore` files of the repository (default true). */
  gitignore?: boolean;
}

/** One set of patterns and the folder they are relative to. */
interface Level {
  base: string;
  rules: Ignore;
  /** The file the patterns come from, for messages. */
  source: string;
}

export const IGNORE_FILE_NAME = '.corpusignore';

/** Files that change what is ignored (the server reads the workspace again when one changes). */
export function isIgnoreFile(uri: string): boolean {
  const name = uriBasename(uri);
  return name === IGNORE_FILE_NAME || name === '.gitignore';
}

export class Ignores {
  /** The levels a folder adds (its .gitignore, its .corpusignore), by folder URI. */
  private readonly folderLevels = new Map<string, Promise<Level[]>>();
  /** Whether a folder is the root of a git repository (holds `.git`). */
  private readonly gitRoots = new Map<string, Promise<boolean>>();
  /** Why a folder is ignored (undefined: it is not), by folder URI. */
  private readonly folders = new Map<string, Promise<string | undefined>>();
  private readonly rcLevels = new WeakMap<CorpusConfig, Level | undefined>();

  constructor(
    private readonly fs: FileSystem,
    private readonly resolver: ConfigResolver | undefined,
    private readonly options: IgnoreOptions = {},
  ) {}

  /** Forgets what was read (an ignore file or a configuration changed). */
  clear(): void {
    this.folderLevels.clear();
    this.gitRoots.clear();
    this.folders.clear();
  }

  /** Why a file or folder is left out (the file whose pattern says so), or undefined when it is not. */
  async ignored(uri: string, isFolder = false): Promise<string | undefined> {
    if (isFolder) return this.folderIgnored(uri);
    const parent = uriDirname(uri);
    if (parent === undefined) return undefined;
    return (await this.folderIgnored(parent)) ?? this.decide(uri, false);
  }

  private folderIgnored(uri: string): Promise<string | undefined> {
    const hit = this.folders.get(uri);
    if (hit) return hit;
    const pending = (async () => {
      const parent = uriDirname(uri);
      if (parent === undefined || parent === uri) return undefined;
      return (await this.folderIgnored(parent)) ?? this.decide(uri, true);
    })();
    this.folders.set(uri, pending);
    return pending;
  }

  /** The decision for one path, its folders not ignored: every level from the top down, the last that speaks wins. */
  private async decide(uri: string, isFolder: boolean): Promise<string | undefined> {
    let why: string | undefined;
    for (const level of await this.levelsAbove(uri)) {
      const rel = relativePath(level.base, uri);
      if (rel === undefined || rel === '') continue;
      let r: { ignored: boolean; unignored: boolean };
      try {
        r = level.rules.test(isFolder ? `${rel}/` : rel);
      } catch {
        continue; // a path the library refuses (such as one from the root of the disk) is not named by its patterns
      }
      if (r.ignored) why = level.source;
      else if (r.unignored) why = undefined;
    }
    return why;
  }

  /** The levels that apply to a path: the folders' files from the top down, then the configuration's `ignores`. */
  private async levelsAbove(uri: string): Promise<Level[]> {
    const chain: string[] = [];
    for (let d = uriDirname(uri); d !== undefined; d = uriDirname(d)) {
      chain.unshift(d);
    }
    // .gitignore files count from the repository's root down (none outside a repository).
    let gitTop = -1;
    if (this.options.gitignore !== false) {
      for (let i = chain.length - 1; i >= 0; i--) {
        if (await this.isGitRoot(chain[i])) {
          gitTop = i;
          break;
        }
      }
    }
    const out: Level[] = [];
    for (let i = 0; i < chain.length; i++) {
      for (const level of await this.levelsOf(chain[i])) {
        if (level.source.endsWith('/.gitignore') && (gitTop < 0 || i < gitTop)) continue;
        out.push(level);
      }
    }
    const rc = this.resolver ? await this.rcLevel(uri) : undefined;
    if (rc) out.push(rc);
    return out;
  }

  private async rcLevel(uri: string): Promise<Level | undefined> {
    const resolved = await this.resolver?.resolve(uri);
    const config = resolved?.config;
    if (!config?.ignores || config.ignores.length === 0 || config.base === undefined || resolved?.rcUri === undefined) return undefined;
    if (!this.rcLevels.has(config)) this.rcLevels.set(config, { base: config.base, rules: ignore({ allowRelativePaths: true }).add(config.ignores), source: resolved.rcUri });
    return this.rcLevels.get(config);
  }

  private levelsOf(folder: string): Promise<Level[]> {
    const hit = this.folderLevels.get(folder);
    if (hit) return hit;
    const pending = (async () => {
      const out: Level[] = [];
      for (const name of ['.gitignore', IGNORE_FILE_NAME]) {
        if (name === '.gitignore' && this.options.gitignore === false) continue;
        const source = uriJoin(folder, name);
        const text = await this.fs.readFile(source);
        if (text !== undefined && text.trim() !== '') out.push({ base: folder, rules: ignore({ allowRelativePaths: true }).add(text), source });
      }
      return out;
    })();
    this.folderLevels.set(folder, pending);
    return pending;
  }

  private isGitRoot(folder: string): Promise<boolean> {
    const hit = this.gitRoots.get(folder);
    if (hit) return hit;
    const pending = this.fs.stat(uriJoin(folder, '.git')).then((s) => s !== undefined);
    this.gitRoots.set(folder, pending);
    return pending;
  }
}
