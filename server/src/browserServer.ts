// The language server in a Web Worker (vscode.dev, github.dev, the web worker
// extension host of code-server): the same wiring as the Node server (./lsp/serve.ts),
// over the worker's messages. It has no file system of its own: every file (corpus
// files that are not open, people files, .corpusrc.json) is read through the client's
// `workspace.fs` (./lsp/clientFileSystem.ts). Everything it knows (the people lexicons,
// the detector's model, the date words) is bundled into this one script, loaded
// from the extension's own URI, never from the network.

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { describe, serve } from './lsp/serve';
import { installSetImmediate } from './lsp/setImmediate';

// The worker scope, as far as this file uses it (the project compiles without the DOM library).
declare const self: {
  addEventListener(type: 'error', listener: (e: { error?: unknown; message: string; preventDefault(): void }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason?: unknown; preventDefault(): void }) => void): void;
};

installSetImmediate();
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

self.addEventListener('error', (e) => {
  // As on Node: one bad request is logged, the worker goes on.
  connection.console.error(`Unexpected error: ${describe(e.error ?? e.message)}`);
  e.preventDefault();
});
self.addEventListener('unhandledrejection', (e) => {
  connection.console.error(`Unexpected error: ${describe(e.reason)}`);
  e.preventDefault();
});

serve(connection, { pid: 0 });
