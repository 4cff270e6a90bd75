// The corpus server's own requests, typed once for both ends: the language server
// (../server.ts) serves them and the VS Code client (client/src/) sends them. Only
// types of the service cross over; nothing of the server is bundled into the client.

import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { DirectoryEntry, FileStat, OverviewData, OverviewDocument, PeopleViewEntry, StatusCounts } from '../index';

export type { OverviewData, OverviewDocument, PeopleViewEntry, StatusCounts };

/** Names an open corpus file. */
export interface FileParams {
  uri: string;
}

/** The People view: the persons of one open corpus file, most mentioned first (empty for a file that is not open). */
export const PeopleRequest = new RequestType<FileParams, PeopleViewEntry[], void>('corpus/people');

/**
 * The language status: documents and problem counts of one open file, from the
 * diagnostics the server last published (cheap: computed only when the file has
 * none yet, as its first validation would). Null for a file that is not open.
 */
export const StatusRequest = new RequestType<FileParams, StatusCounts | null, void>('corpus/status');

/**
 * The overview of one open corpus file (Corpus: Show Overview): its documents with
 * their dates, languages and lengths, its problems by code and its most-named people.
 * Null for a file that is not open.
 */
export const OverviewRequest = new RequestType<FileParams, OverviewData | null, void>('corpus/overview');

/**
 * The overview of the whole workspace (Corpus: Show Workspace Overview): every
 * `*.corpus` file of the workspace folders the workspace index reads (open ones as
 * their models hold them), then the other open corpus files. Read in slices; null
 * when the request was cancelled.
 */
export const WorkspaceOverviewRequest = new RequestType0<OverviewData | null, void>('corpus/workspaceOverview');

export interface ServerInfo {
  /** The server's process id (the recovery test kills it); 0 in a Web Worker, which has none. */
  pid: number;
  version: string;
  /** How much background work (text rules, people, the workspace index) is pending: 0 when the server is idle. */
  backgroundWork: number;
}

export const ServerInfoRequest = new RequestType0<ServerInfo, void>('corpus/serverInfo');

// ---------------------------------------------------------------- the client's file system
// A server that cannot read files itself (in a Web Worker), or that is handed URIs it
// cannot read (a virtual workspace such as github.dev's vscode-vfs://), reads them
// through the client: VS Code's `workspace.fs` (client/src/fileSystemBridge.ts). The
// client says it serves these with `initializationOptions.fileSystem: true`. Each answer
// is null for what does not exist or cannot be read, as the service's FileSystem says.

export type { DirectoryEntry, FileStat };

/** The file's text, decoded as UTF-8 (null when it does not exist or cannot be read). */
export const ReadFileRequest = new RequestType<FileParams, string | null, void>('corpus/fs/readFile');

/** The file's bytes, base64 (null when it does not exist or cannot be read): asked only for an open file whose
 *  text shows damage (replacement characters, NULs), to tell a file that is not UTF-8 or not text. */
export const ReadBytesRequest = new RequestType<FileParams, string | null, void>('corpus/fs/readBytes');

/** What a URI names (null when nothing is there). */
export const StatRequest = new RequestType<FileParams, FileStat | null, void>('corpus/fs/stat');

/** The entries of a folder (null when it is not a readable folder). */
export const ReadDirectoryRequest = new RequestType<FileParams, DirectoryEntry[] | null, void>('corpus/fs/readDirectory');
