// The language server on Node (stdio, IPC or a socket: `corpus-language-server --stdio`,
// the desktop extension). The wiring is shared with the browser server
// (./browserServer.ts) in ./lsp/serve.ts; this host adds Node's connection, Node's
// file system for `file:` URIs, jschardet to name the charset of bytes read through the
// client (a virtual workspace), and a process that never dies of one bad request.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describe, serve } from './lsp/serve';
import { nodeFileSystem } from './node/fileSystem';
import { guessCharset } from './node/encoding';

const connection = createConnection(ProposedFeatures.all);

process.on('uncaughtException', (e) => {
  // Never die on one bad request: log it; the failing request already got its error.
  connection.console.error(`Unexpected error: ${describe(e)}`);
});

serve(connection, { fileSystem: nodeFileSystem, pid: process.pid, guessCharset });
