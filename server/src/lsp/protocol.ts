// The corpus server's own requests, typed once for both ends: the language server
// (../server.ts) serves them and the VS Code client (client/src/) sends them. Only
// types of the service cross over; nothing of the server is bundled into the client.

import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { PeopleViewEntry, StatusCounts } from '../index';

export type { PeopleViewEntry, StatusCounts };

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

export interface ServerInfo {
  /** The server's process id (the recovery test kills it). */
  pid: number;
  version: string;
  /** How much background work (text rules, people, the workspace index) is pending: 0 when the server is idle. */
  backgroundWork: number;
}

export const ServerInfoRequest = new RequestType0<ServerInfo, void>('corpus/serverInfo');
