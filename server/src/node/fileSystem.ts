// The FileSystem of the service over Node's file system, for the adapters that run
// on Node (the language server and the command line). Only `file:` URIs are read;
// any other scheme (an unsaved or virtual document) reads as nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { canonicalUri } from '../index';
import type { DirectoryEntry, FileStat, FileSystem } from '../index';
import { inspectFile } from './encoding';

/** The path of a `file:` URI, or undefined for other schemes and URIs Node cannot read. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The `file:` URI of a path (absolute, or relative to the current folder), spelled as VS Code spells it. */
export function pathToUri(p: string): string {
  return canonicalUri(pathToFileURL(path.resolve(p)).toString());
}

function statOf(s: fs.Stats): FileStat | undefined {
  if (s.isFile()) return { type: 'file', size: s.size };
  if (s.isDirectory()) return { type: 'directory', size: s.size };
  return undefined;
}

export const nodeFileSystem: FileSystem = {
  async readFile(uri) {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    try {
      return await fs.promises.readFile(p, 'utf8');
    } catch {
      return undefined;
    }
  },

  async inspectBytes(uri) {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    try {
      return await inspectFile(p);
    } catch {
      return undefined;
    }
  },

  async stat(uri) {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    try {
      return statOf(await fs.promises.stat(p));
    } catch {
      return undefined;
    }
  },

  async readDirectory(uri) {
    const p = uriToPath(uri);
    if (p === undefined) return undefined;
    let dirents: fs.Dirent[];
    try {
      dirents = await fs.promises.readdir(p, { withFileTypes: true });
    } catch {
      return undefined;
    }
    const out: DirectoryEntry[] = [];
    for (const d of dirents) {
      if (d.isFile()) out.push({ name: d.name, type: 'file' });
      else if (d.isDirectory()) out.push({ name: d.name, type: 'directory' });
      else if (d.isSymbolicLink()) {
        // A link counts as what it points to; a broken link is nothing.
        try {
          const target = statOf(await fs.promises.stat(path.join(p, d.name)));
          if (target) out.push({ name: d.name, type: target.type, link: true });
        } catch {
          // Dangling: left out.
        }
      }
    }
    return out;
  },
};
