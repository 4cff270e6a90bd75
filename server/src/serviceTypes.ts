// The plain types of the language service's own interface (./languageService.ts):
// what an adapter gives it, what file watching reports and the language status.

import type { OpenFileChange } from './openFiles';
import type { FileSystem } from './workspace/fileSystem';
import type { OpenDocuments } from './workspace/workspaceIndex';

export interface LanguageServiceOptions {
  /** How the service reads the workspace's files. */
  fileSystem: FileSystem;
  /** The files open in the editor: their models are the truth, never the disk. */
  documents: OpenDocuments;
  /** Told about work in the background that failed (the service goes on); the server logs it. */
  onError?: (message: string) => void;
  /** Told when background work changed an open file's diagnostics (text rules done) or people (every document read). */
  onChange?: (event: OpenFileChange) => void;
}

/** What a file watcher reports. */
export interface FileChange {
  uri: string;
  type: 'created' | 'changed' | 'deleted';
}

/** The language status of one open file: its documents and the problems last computed. */
export interface StatusCounts {
  documents: number;
  /** The diagnostics shown for the file (those of the last publication). */
  problems: number;
  errors: number;
  warnings: number;
  /** The URI of the `.corpusrc.json` in effect for the file, if any (the status item shows and opens it). */
  config?: string;
}

/** Past this many characters the outline lists documents only (reading every article would delay it). */
export const OUTLINE_PEOPLE_LIMIT = 8 * 1024 * 1024;
