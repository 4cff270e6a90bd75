// A second language status item: the `.corpusrc.json` in effect for the active
// corpus file (the server says which, in its corpus/status answer). Clicking it
// opens that file; without one, it offers to create one in the workspace folder.

import * as vscode from 'vscode';

const CREATED = '{\n  "rules": {}\n}\n';

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
  let file: vscode.Uri | undefined;
  const show = (): void => {
    if (config) {
      item.text = `$(gear) ${vscode.workspace.asRelativePath(config)}`;
      item.detail = 'rules in effect';
      item.command = { title: 'Open', command: 'corpus.openConfig', tooltip: `Open ${config.fsPath || config.toString()}` };
    } else {
      item.text = 'No .corpusrc.json';
      item.detail = 'settings and defaults';
      item.command = { title: 'Create', command: 'corpus.openConfig', tooltip: 'Create a .corpusrc.json in the workspace folder' };
    }
  };
  show();
  const open = async (): Promise<void> => {
    let target = config;
    if (!target) {
      const folder = file ? vscode.workspace.getWorkspaceFolder(file) : vscode.workspace.workspaceFolders?.[0];
      if (!folder) {
        void vscode.window.showInformationMessage('Open a folder to give its corpus files a .corpusrc.json.');
        return;
      }
      target = vscode.Uri.joinPath(folder.uri, '.corpusrc.json');
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(CREATED) });
      await vscode.workspace.applyEdit(edit);
    }
    await vscode.window.showTextDocument(target, { preview: false });
  };
  // The server hears of the change through the client's own watcher: ask a moment later.
  const watcher = vscode.workspace.createFileSystemWatcher('**/.corpusrc.json');
  const later = (): void => void setTimeout(refresh, 500);
  context.subscriptions.push(item, watcher, watcher.onDidCreate(later), watcher.onDidChange(later), watcher.onDidDelete(later), vscode.commands.registerCommand('corpus.openConfig', open));
  return {
    update(fileUri, configUri) {
      file = fileUri;
      config = configUri === undefined ? undefined : vscode.Uri.parse(configUri);
      show();
    },
    snapshot: () => ({ text: item.text, detail: item.detail, config: config?.toString() }),
  };
}
