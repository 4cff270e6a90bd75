// File-system work of the command line: finding the files to check or pack, and
// reading a file as a stream of decoded text chunks.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ConfigResolver, Ignores, listFiles, WalkOptions } from '../index';
import { nodeFileSystem, pathToUri, uriToPath } from '../node/fileSystem';

/** A path as shown to the user: relative to the current folder when inside it. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absolute;
}

export interface Found {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** Arguments that could not be read, with the reason. */
  problems: string[];
  /** Files named on the command line that an ignore file leaves out, with the reason (they are not checked). */
  ignored: string[];
  /** Whether every argument was a file that an ignore file leaves out (a commit hook given only ignored files). */
  onlyIgnoredFiles: boolean;
}

export interface FindOptions {
  /** What to leave out (.gitignore, .corpusignore, `ignores`); null: nothing. Default: the rules the editor uses. */
  ignores?: Ignores | null;
}

/** The files below a folder (absolute paths), found by the service's walker (its order, skip list and ignores). */
async function walk(dir: string, options: WalkOptions = {}): Promise<string[]> {
  const uris = await listFiles(nodeFileSystem, pathToUri(dir), options);
  return uris.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined);
}

/** True when a file's first line is a corpus header (`<<<FILE `), as the editor adopts a `.txt` file. */
async function startsWithHeader(file: string): Promise<boolean> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const buf = Buffer.alloc(11);
    const { bytesRead } = await handle.read(buf, 0, 11, 0);
    const head = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /^<<<FILE[ \t]/.test(head);
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

const isCorpusName = (name: string): boolean => name.endsWith('.corpus');

/**
 * The corpus files named by the arguments: a file as given (any extension), a
 * folder as every `*.corpus` below it, a glob as its matches that are corpus files
 * (`*.corpus`, or a first line that is a header); `!glob` leaves matches out; no
 * argument means the current folder. node_modules and .git are skipped, and so is
 * what the ignore files and the configuration's `ignores` name.
 */
export async function findCorpusFiles(cwd: string, args: readonly string[], options: FindOptions = {}): Promise<Found> {
  const files: string[] = [];
  const problems: string[] = [];
  const ignored: string[] = [];
  let ignoredFiles = 0;
  const ignores = options.ignores === undefined ? new Ignores(nodeFileSystem, new ConfigResolver(nodeFileSystem)) : (options.ignores ?? undefined);
  const positive = args.filter((a) => !a.startsWith('!'));
  const negative = args.filter((a) => a.startsWith('!') && a.length > 1).map((a) => a.slice(1).replace(/\\/g, '/').replace(/^\.\//, ''));
  for (const arg of positive.length > 0 ? positive : ['.']) {
    const abs = path.resolve(cwd, arg);
    const st = await statOrUndefined(abs);
    if (st?.isDirectory()) {
      const why = ignores ? await ignores.ignored(pathToUri(abs), true) : undefined;
      if (why !== undefined) {
        ignored.push(`${arg}: this folder is ignored (${ignoredBy(why, cwd)}); --no-ignore checks it.`);
        continue;
      }
      files.push(...(await walk(abs, { accept: isCorpusName, ignores })));
    } else if (st?.isFile()) {
      const why = ignores ? await ignores.ignored(pathToUri(abs)) : undefined;
      if (why !== undefined) {
        ignored.push(`${arg}: this file is ignored (${ignoredBy(why, cwd)}); --no-ignore checks it.`);
        ignoredFiles++;
      } else files.push(abs);
    } else if (!st && picomatch.scan(arg).isGlob) {
      const matches = await globFiles(cwd, arg, ignores);
      const corpora: string[] = [];
      for (const m of matches) if (isCorpusName(m) || (await startsWithHeader(m))) corpora.push(m);
      if (corpora.length === 0) problems.push(`${arg}: no ${matches.length === 0 ? 'file' : 'corpus file'} matches this pattern. Check the pattern (quote it, so the shell does not expand it).`);
      files.push(...corpora);
    } else {
      problems.push(`${arg}: no such file or folder. Check the path.`);
    }
  }
  const left = negative.length > 0 ? picomatch(negative, { dot: true }) : undefined;
  const kept = left ? files.filter((f) => !left(path.relative(cwd, f).split(path.sep).join('/'))) : files;
  return { files: [...new Set(kept)], problems, ignored, onlyIgnoredFiles: positive.length > 0 && ignoredFiles === positive.length };
}

/** The ignore file whose pattern leaves a path out (its URI), as the user would name it. */
function ignoredBy(why: string, cwd: string): string {
  const p = uriToPath(why);
  return p ? `by ${displayPath(cwd, p)}` : 'by an ignore file';
}

/**
 * The files a glob matches (`archive/**\/*.corpus`), relative to the current
 * folder or absolute; node_modules, .git, hidden entries and ignored files are not searched.
 */
async function globFiles(cwd: string, pattern: string, ignores: Ignores | undefined): Promise<string[]> {
  const posix = pattern.replace(/\\/g, '/');
  const { base, glob } = picomatch.scan(posix);
  const root = path.resolve(cwd, base === '' ? '.' : base);
  const isMatch = picomatch(glob, { dot: false });
  const out = await walk(root, { skipHidden: true, ignores });
  return out.filter((f) => isMatch(path.relative(root, f).split(path.sep).join('/')));
}

/** Reads a file in chunks, decoded as UTF-8 (invalid bytes become U+FFFD; a leading BOM is dropped, as the editor does). */
export async function* readTextChunks(file: string, onBytes?: (n: number) => Promise<void> | void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 16 });
  for await (const buf of stream as AsyncIterable<Buffer>) {
    if (onBytes) await onBytes(buf.length);
    const text = decoder.decode(buf, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

export interface PackInput {
  /** The document name (relative path with "/", or base name). */
  name: string;
  file: string;
}

/**
 * The files to pack: a folder's files (recursively; hidden files and folders,
 * node_modules and .git skipped) named by their path relative to it, and files
 * given one by one named by their base name. A `.corpus` file among them is
 * refused: a corpus inside a corpus could not be read back.
 */
export async function findPackInputs(cwd: string, args: readonly string[]): Promise<{ inputs: PackInput[]; problems: string[] }> {
  const inputs: PackInput[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const st = await statOrUndefined(abs);
    if (st?.isDirectory()) {
      const unreadable: string[] = [];
      const found = await walk(abs, { skipHidden: true, onUnreadable: (u) => unreadable.push(uriToPath(u) ?? u) });
      for (const u of unreadable) problems.push(`${displayPath(cwd, u)}: this folder cannot be read.`);
      for (const f of found) inputs.push({ name: path.relative(abs, f).split(path.sep).join('/'), file: f });
    } else if (st?.isFile()) {
      inputs.push({ name: path.basename(abs), file: abs });
    } else {
      problems.push(`${arg}: no such file or folder. Check the path.`);
    }
  }
  return { inputs, problems };
}

/** The file's stats, or undefined when it does not exist or cannot be read. */
async function statOrUndefined(p: string): Promise<fs.Stats | undefined> {
  try {
    return await fs.promises.stat(p);
  } catch {
    return undefined;
  }
}
