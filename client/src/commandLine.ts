// The command line from the editor, on the Node host only: "Corpus: Check File with
// the Command Line" runs `corpus lint` as a task whose `$corpus` problem matcher puts
// the problems in the Problems panel (for files past the editor's 50 MB limit, see
// ./largeFiles.ts). The context key `corpus.commandLine` shows the command in the
// menus; the browser entry never sets it, so there the command is hidden.

import * as path from 'node:path';
import * as vscode from 'vscode';

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

/** Registers the command and returns the check the large-file notice offers. */
export function registerCommandLine(context: vscode.ExtensionContext): (file: vscode.Uri) => Promise<void> {
  const check = async (file: vscode.Uri): Promise<void> => {
    await vscode.tasks.executeTask(lintTask(context, file));
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('corpus.lintWithCli', async (uri?: vscode.Uri) => {
      const file = uri instanceof vscode.Uri ? uri : activeFile();
      if (!file || file.scheme !== 'file') {
        void vscode.window.showInformationMessage('Open a corpus file (saved on disk) to check it with the command line.');
        return;
      }
      await check(file);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'corpus.commandLine', true);
  return check;
}
