// The service's FileSystem over the client: each call is one typed request
// (./protocol.ts) that VS Code answers from `workspace.fs` (client/src/fileSystemBridge.ts).
// The browser server reads every file this way; the Node server only the URIs Node
// cannot read (a virtual workspace: vscode-vfs://, vscode-test-web://, …).
//
// As the interface says, nothing here throws: a client that does not serve the
// requests, a failed request or an answer of the wrong shape reads as nothing.

import type { Connection } from 'vscode-languageserver';
import { inspectBytes } from '../index';
import type { DirectoryEntry, FileStat, FileSystem, Guesser } from '../index';
import { ReadBytesRequest, ReadDirectoryRequest, ReadFileRequest, StatRequest } from './protocol';

function isStat(v: unknown): v is FileStat {
  const s = v as FileStat | null;
  return typeof s === 'object' && s !== null && (s.type === 'file' || s.type === 'directory') && typeof s.size === 'number';
}

function isEntry(v: unknown): v is DirectoryEntry {
  const e = v as DirectoryEntry | null;
  return typeof e === 'object' && e !== null && typeof e.name === 'string' && (e.type === 'file' || e.type === 'directory');
}

/** Base64 to bytes, with the `atob` of workers and of Node alike (no Buffer in a Web Worker). */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * Reads through the client while `served()` is true (the client said so in its
 * initialization options); before that, or when it is false, every read is nothing.
 * A file's bytes come through the client too, so a browser tells a file that is not
 * UTF-8 as the desktop does; `guess` names its charset where the host has a detector
 * (the browser bundle has none: the diagnostic then names no charset).
 */
export function clientFileSystem(connection: Connection, served: () => boolean, guess?: Guesser): FileSystem {
  async function ask<T>(request: () => Promise<unknown>, valid: (v: unknown) => v is T): Promise<T | undefined> {
    if (!served()) return undefined;
    try {
      const answer = await request();
      return valid(answer) ? answer : undefined;
    } catch {
      return undefined;
    }
  }
  return {
    readFile: (uri) =>
      ask(
        () => connection.sendRequest(ReadFileRequest, { uri }),
        (v): v is string => typeof v === 'string',
      ),
    stat: (uri) => ask(() => connection.sendRequest(StatRequest, { uri }), isStat),
    readDirectory: (uri) =>
      ask(
        () => connection.sendRequest(ReadDirectoryRequest, { uri }),
        (v): v is DirectoryEntry[] => Array.isArray(v) && v.every(isEntry),
      ),
    inspectBytes: async (uri) => {
      const text = await ask(
        () => connection.sendRequest(ReadBytesRequest, { uri }),
        (v): v is string => typeof v === 'string',
      );
      if (text === undefined) return undefined;
      try {
        return inspectBytes(fromBase64(text), guess);
      } catch {
        return undefined; // not base64
      }
    },
  };
}

/** `file:` URIs through `local` (Node's file system), every other scheme through `other` (the client's). */
export function byScheme(local: FileSystem, other: FileSystem): FileSystem {
  const pick = (uri: string): FileSystem => (uri.startsWith('file:') ? local : other);
  return {
    readFile: (uri) => pick(uri).readFile(uri),
    stat: (uri) => pick(uri).stat(uri),
    readDirectory: (uri) => pick(uri).readDirectory(uri),
    inspectBytes: (uri) => pick(uri).inspectBytes?.(uri) ?? Promise.resolve(undefined),
  };
}
