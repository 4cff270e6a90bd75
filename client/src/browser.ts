// The browser entry (package.json `browser`): vscode.dev, github.dev, and the web
// worker extension host of code-server and Codespaces. The language server runs in
// a Web Worker (dist/browser/server.js, the same wiring and service as on Node) and
// reads files through this client (./fileSystemBridge.ts). There is no command line
// here: its command is hidden, and a corpus past 50 MB gets a notice saying where
// to check it (./largeFiles.ts). Everything else is shared in ./extension.ts.

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateCorpus, CorpusExtensionApi } from './extension';

export { deactivate } from './extension';
export type { CorpusExtensionApi };

// The worker API, as far as this file uses it (the project compiles without the DOM library).
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string) => ServerWorker;

/**
 * Starts the server's worker from the extension's own files. code-server serves them
 * from vscode-remote:// URIs, from which a worker cannot be created ("Creating workers
 * from remote extensions is currently not supported"); its extension host's fetch
 * resolves them, so the worker starts from the address fetch ended at.
 */
async function startWorker(uri: vscode.Uri): Promise<ServerWorker> {
  try {
    return new Worker(uri.toString(true));
  } catch (first) {
    const response = await fetch(uri.toString(true)).catch(() => undefined);
    if (!response?.ok) throw first;
    return new Worker(response.url);
  }
}

export function activate(context: vscode.ExtensionContext): Promise<CorpusExtensionApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  let worker: ServerWorker | undefined;
  context.subscriptions.push({ dispose: () => worker?.terminate() });
  return activateCorpus(context, {
    createClient: (id, name, options) =>
      new LanguageClient(
        id,
        name,
        async () => {
          // A restart starts a new worker; the old one is ended, not left running.
          worker?.terminate();
          worker = await startWorker(script);
          // The transports, not the worker: the host's Worker is a wrapper, so the client's
          // `instanceof Worker` check fails on what it creates.
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        },
        options,
      ),
    startWhenCorpusNeeded: false,
  });
}
