// The desktop entry (package.json `main`; also code-server's and Codespaces' Node
// extension host): the language server runs as a Node process (dist/server.js, over
// IPC), and the command-line check is there. Everything else is shared with the
// browser entry (./browser.ts) in ./extension.ts.

import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { registerCommandLine } from './commandLine';
import { activateCorpus, CorpusExtensionApi } from './extension';

export { deactivate } from './extension';
export type { CorpusExtensionApi };

export function activate(context: vscode.ExtensionContext): Promise<CorpusExtensionApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  return activateCorpus(context, {
    createClient: (id, name, options) =>
      new LanguageClient(
        id,
        name,
        {
          run: { module: serverModule, transport: TransportKind.ipc },
          debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
        },
        options,
      ),
    checkWithCommandLine: registerCommandLine(context),
    startWhenCorpusNeeded: true,
  });
}
