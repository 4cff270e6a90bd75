// The client's half of the server's file access (server/src/lsp/clientFileSystem.ts):
// the server asks for a file (its text, or its bytes when the text shows damage), a stat
// or a folder listing, and VS Code's `workspace.fs`
// answers, whatever provides the URI: the disk, github.dev's vscode-vfs://, a browser
// folder. The browser server reads every file this way, the Node server only what
// Node cannot read. Every failure answers null ("nothing there"), never an error.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ReadBytesRequest, ReadDirectoryRequest, ReadFileRequest, StatRequest } from '../../server/src/lsp/protocol';
import type { DirectoryEntry, FileStat } from '../../server/src/lsp/protocol';

/** As Node reads files: UTF-8, a byte-order mark kept (positions count it), bad bytes as U+FFFD. */
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function kind(type: vscode.FileType): 'file' | 'directory' | undefined {
  if (type & vscode.FileType.Directory) return 'directory';
  if (type & vscode.FileType.File) return 'file';
  return undefined;
}

async function readFile(uri: string): Promise<string | null> {
  try {
    return utf8.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true)));
  } catch {
    return null;
  }
}

/** The file's bytes as they are, base64 (`btoa` of workers and of Node alike: no Buffer in the web worker host). */
async function readBytes(uri: string): Promise<string | null> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true));
    const parts: string[] = [];
    for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
    return btoa(parts.join(''));
  } catch {
    return null;
  }
}

async function stat(uri: string): Promise<FileStat | null> {
  try {
    const s = await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    const type = kind(s.type);
    return type ? { type, size: s.size } : null;
  } catch {
    return null;
  }
}

async function readDirectory(uri: string): Promise<DirectoryEntry[] | null> {
  try {
    const out: DirectoryEntry[] = [];
    for (const [name, t] of await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri, true))) {
      const type = kind(t);
      // A link counts as what it points to; a broken one (SymbolicLink | Unknown) is left out.
      if (type) out.push(t & vscode.FileType.SymbolicLink ? { name, type, link: true } : { name, type });
    }
    return out;
  } catch {
    return null;
  }
}

/** Answers the server's file requests (registered before the client starts). */
export function serveFileSystem(client: BaseLanguageClient): void {
  client.onRequest(ReadFileRequest, ({ uri }) => readFile(uri));
  client.onRequest(ReadBytesRequest, ({ uri }) => readBytes(uri));
  client.onRequest(StatRequest, ({ uri }) => stat(uri));
  client.onRequest(ReadDirectoryRequest, ({ uri }) => readDirectory(uri));
}
