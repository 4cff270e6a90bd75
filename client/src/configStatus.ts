// A second language status item: the `.corpusrc.json` in effect for the active
// corpus file (the server says which, in its corpus/status answer). Clicking it
// opens that file; without one, it offers to create one (the one "Corpus: Create a
// .corpusrc.json" command of firstRun.ts, so there is one template).

import * as vscode from 'vscode';

export interface ConfigStatus {
  /** Shows the configuration of `fileUri` (undefined: none applies). */
  update(fileUri: vscode.Uri, configUri: string | undefined): void;
  /** What the item shows now (for tests). */
  snapshot(): { text: string; detail?: string; config?: string };
}

/** `refresh` asks the server again; it is called when a `.corpusrc.json` is created, changed or deleted. */
export function registerConfigStatus(context: vscode.ExtensionContext, refresh: () => void): ConfigStatus {
  const item = vscode.languages.createLanguageStatusItem('corpus.config', { language: 'corpus' });
  item.name = 'Corpus configuration';
  let config: vscode.Uri | undefined;
  const show = (): void => {
    if (config) {
      item.text = `$(gear) ${vscode.workspace.asRelativePath(config)}`;
      item.detail = 'rules in effect';
      item.command = { title: 'Open', command: 'corpus.openConfig', tooltip: `Open ${config.fsPath || config.toString()}` };
    } else {
      item.text = 'No .corpusrc.json';
      item.detail = 'settings and defaults';
      item.command = { title: 'Create', command: 'corpus.openConfig', tooltip: 'Create a .corpusrc.json beside this corpus file' };
    }
  };
  show();
  const open = async (): Promise<void> => {
    if (config) await vscode.window.showTextDocument(config, { preview: false });
    else await vscode.commands.executeCommand('corpus.createConfig');
  };
  // The server hears of the change through the client's own watcher: ask a moment later.
  const watcher = vscode.workspace.createFileSystemWatcher('**/.corpusrc.json');
  const later = (): void => void setTimeout(refresh, 500);
  context.subscriptions.push(item, watcher, watcher.onDidCreate(later), watcher.onDidChange(later), watcher.onDidDelete(later), vscode.commands.registerCommand('corpus.openConfig', open));
  return {
    update(_fileUri, configUri) {
      config = configUri === undefined ? undefined : vscode.Uri.parse(configUri);
      show();
    },
    snapshot: () => ({ text: item.text, detail: item.detail, config: config?.toString() }),
  };
}
