// The one file walker, with the one skip list: the language server's workspace
// index, the people-file resolver and the command line (lint, stats, people,
// pack) all find files with it. Given `ignores` (./ignores.ts), it also leaves out
// what .gitignore, .corpusignore and the configuration's `ignores` name: the
// command line's lint and the workspace index pass the same rules.
//
// Depth first, each folder's entries in code-point order (so the command line's
// output is the same on every machine). Links to files count as files; links to
// folders are not followed (no loops, nothing outside the tree). It yields to the
// event loop between folders, so a server walking a large workspace still answers.

import { compareCodePoints } from '../pack';
import { CancellationToken, NEVER_CANCELLED } from '../model/types';
import type { FileSystem } from './fileSystem';
import type { Ignores } from './ignores';
import { uriJoin } from './uri';
import { yieldToEventLoop } from './yield';

/** Folders never walked into: dependencies and version control, not corpora. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface WalkOptions {
  /** Which files to yield, by name (default: all). */
  accept?: (name: string) => boolean;
  /** Leave out hidden files and folders (names that start with '.'). */
  skipHidden?: boolean;
  /** Told about each folder that could not be read (the walk goes on). */
  onUnreadable?: (uri: string) => void;
  /** Leave out what .gitignore, .corpusignore and the configuration's `ignores` name. */
  ignores?: Ignores;
  token?: CancellationToken;
}

/** The URIs of the files below the folder `root` (not the folder itself), as described above. */
export async function* walkFiles(fs: FileSystem, root: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const token = options.token ?? NEVER_CANCELLED;
  const entries = await fs.readDirectory(root);
  if (!entries) {
    options.onUnreadable?.(root);
    return;
  }
  entries.sort((a, b) => compareCodePoints(a.name, b.name));
  for (const e of entries) {
    if (token.isCancellationRequested) return;
    if (options.skipHidden && e.name.startsWith('.')) continue;
    const uri = uriJoin(root, e.name);
    if (e.type === 'directory') {
      if (e.link || SKIPPED_FOLDERS.has(e.name)) continue;
      if (options.ignores && (await options.ignores.ignored(uri, true)) !== undefined) continue;
      await yieldToEventLoop();
      yield* walkFiles(fs, uri, options);
    } else if (!options.accept || options.accept(e.name)) {
      if (options.ignores && (await options.ignores.ignored(uri)) !== undefined) continue;
      yield uri;
    }
  }
}

/** Every file below `root` that `walkFiles` yields, in its order. */
export async function listFiles(fs: FileSystem, root: string, options: WalkOptions = {}): Promise<string[]> {
  const out: string[] = [];
  for await (const uri of walkFiles(fs, root, options)) out.push(uri);
  return out;
}
