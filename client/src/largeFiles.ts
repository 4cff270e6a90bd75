// Corpus files past VS Code's limit for extensions (50 MB: the editor shows them but
// never gives their text to the language server). The extension says so and offers
// to check the file with the command line, as a task whose `$corpus` problem matcher
// puts the problems in the Problems panel.

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** VS Code does not sync files larger than this to extensions. */
export const EDITOR_SYNC_LIMIT = 50 * 1024 * 1024;

export function lintTask(context: vscode.ExtensionContext, file: vscode.Uri): vscode.Task {
  const cli = context.asAbsolutePath(path.join('bin', 'corpus.js'));
  const folder = vscode.workspace.getWorkspaceFolder(file);
  const task = new vscode.Task(
    { type: 'shell', label: `corpus lint ${path.basename(file.fsPath)}` },
    folder ?? vscode.TaskScope.Workspace,
    `corpus lint ${path.basename(file.fsPath)}`,
    'corpus',
    new vscode.ProcessExecution(process.execPath, [cli, 'lint', file.fsPath, '--no-progress'], { cwd: folder?.uri.fsPath ?? path.dirname(file.fsPath) }),
    '$corpus',
  );
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
  return task;
}

/** The file of the active tab, even when VS Code did not give its text to extensions. */
function activeFile(): vscode.Uri | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputText ? input.uri : undefined;
}

export function registerLargeFiles(context: vscode.ExtensionContext): void {
  const warned = new Set<string>();
  const check = (uri: vscode.Uri): void => {
    if (uri.scheme !== 'file' || !uri.fsPath.endsWith('.corpus') || warned.has(uri.fsPath)) return;
    let size = 0;
    try {
      size = fs.statSync(uri.fsPath).size;
    } catch {
      return;
    }
    if (size <= EDITOR_SYNC_LIMIT) return;
    warned.add(uri.fsPath);
    const mb = Math.round(size / (1024 * 1024));
    void vscode.window
      .showInformationMessage(
        `${path.basename(uri.fsPath)} is ${mb} MB: VS Code gives extensions files up to 50 MB, so it is not checked as you type. Check it with the command line instead (its problems appear in the Problems panel).`,
        'Check now',
      )
      .then((choice) => {
        if (choice === 'Check now') void vscode.tasks.executeTask(lintTask(context, uri));
      });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('corpus.lintWithCli', async (uri?: vscode.Uri) => {
      const file = uri instanceof vscode.Uri ? uri : activeFile();
      if (!file || file.scheme !== 'file') {
        void vscode.window.showInformationMessage('Open a corpus file (saved on disk) to check it with the command line.');
        return;
      }
      await vscode.tasks.executeTask(lintTask(context, file));
    }),
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of [...e.opened, ...e.changed]) if (tab.input instanceof vscode.TabInputText) check(tab.input.uri);
    }),
  );
}
