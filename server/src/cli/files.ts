// File-system work of the command line: finding the files to check or pack, and
// reading a file as a stream of decoded text chunks.

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { listFiles, WalkOptions } from '../index';
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
}

/** The files below a folder (absolute paths), found by the service's walker (its order and skip list). */
async function walk(dir: string, options: WalkOptions = {}): Promise<string[]> {
  const uris = await listFiles(nodeFileSystem, pathToUri(dir), options);
  return uris.map((u) => uriToPath(u)).filter((p): p is string => p !== undefined);
}

/**
 * The corpus files named by the arguments: a file as given (any extension), a
 * folder as every `*.corpus` below it, a glob as its matches; no argument means
 * the current folder. node_modules and .git are skipped.
 */
export async function findCorpusFiles(cwd: string, args: readonly string[]): Promise<Found> {
  const files: string[] = [];
  const problems: string[] = [];
  const isCorpus = (name: string): boolean => name.endsWith('.corpus');
  for (const arg of args.length > 0 ? args : ['.']) {
    const abs = path.resolve(cwd, arg);
    const st = await statOrUndefined(abs);
    if (st?.isDirectory()) {
      files.push(...(await walk(abs, { accept: isCorpus })));
    } else if (st?.isFile()) {
      files.push(abs);
    } else if (!st && picomatch.scan(arg).isGlob) {
      const matches = await globFiles(cwd, arg);
      if (matches.length === 0) problems.push(`${arg}: no file matches this pattern. Check the pattern (quote it, so the shell does not expand it).`);
      files.push(...matches);
    } else {
      problems.push(`${arg}: no such file or folder. Check the path.`);
    }
  }
  return { files: [...new Set(files)], problems };
}

/**
 * The files a glob matches (`archive/**\/*.corpus`), relative to the current
 * folder or absolute; node_modules, .git and hidden entries are not searched.
 */
async function globFiles(cwd: string, pattern: string): Promise<string[]> {
  const posix = pattern.replace(/\\/g, '/');
  const { base, glob } = picomatch.scan(posix);
  const root = path.resolve(cwd, base === '' ? '.' : base);
  const isMatch = picomatch(glob, { dot: false });
  const out = await walk(root, { skipHidden: true });
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
