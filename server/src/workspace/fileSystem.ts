// The one interface through which the service reads files. Keyed by URI strings
// and asynchronous, like VS Code's `workspace.fs`, so it can be implemented over
// a browser client (requests to the editor) as well as over Node's file system
// (../node/fileSystem.ts, used by the language server and the command line).
// The tests implement it over a map of texts (test/support/memoryFileSystem.ts).
//
// Every method answers `undefined` for what does not exist or cannot be read:
// the service never learns why, and nothing here throws.

import type { ByteVerdict } from '../encoding/bytes';

export type FileType = 'file' | 'directory';

export interface FileStat {
  type: FileType;
  /** Size in bytes. */
  size: number;
}

export interface DirectoryEntry {
  /** The plain (decoded) name. */
  name: string;
  /** What the entry is; a link counts as what it points to. */
  type: FileType;
  /** True when the entry is a symbolic link (the walker does not follow links to folders). */
  link?: boolean;
}

export interface FileSystem {
  /** The file's text (UTF-8), or undefined when it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** What a URI names, or undefined when nothing is there. */
  stat(uri: string): Promise<FileStat | undefined>;
  /** The entries of a folder (in any order), or undefined when it is not a readable folder. */
  readDirectory(uri: string): Promise<DirectoryEntry[] | undefined>;
  /**
   * What the file's bytes are (UTF-8, another charset, not text), for a file system
   * that has bytes: Node's, for `file:` URIs. Absent in the browser, where VS Code
   * hands over text only (../encoding/bytes.ts).
   */
  inspectBytes?(uri: string): Promise<ByteVerdict | undefined>;
}
