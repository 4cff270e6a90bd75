// Corpus files past VS Code's limit for extensions (50 MB: the editor shows them but
// never gives their text to the language server). The extension says so, in the
// desktop and in the browser alike. Where the command line can run (the Node host,
// a file on disk) the notice offers to check the file with it (./commandLine.ts);
// elsewhere (vscode.dev, github.dev, a virtual workspace) it says where to run it.

import * as vscode from 'vscode';

/** VS Code does not sync files larger than this to extensions. */
export const EDITOR_SYNC_LIMIT = 50 * 1024 * 1024;

/** The notice for a corpus file of `bytes` bytes, and whether it offers "Check now". */
export function largeFileNotice(name: string, bytes: number, canCheck: boolean): string {
  const mb = Math.round(bytes / (1024 * 1024));
  const head = `${name} is ${mb} MB: VS Code gives extensions files up to 50 MB, so it is not checked as you type.`;
  if (canCheck) return `${head} Check it with the command line instead (its problems appear in the Problems panel).`;
  return `${head} The command line cannot run here: check it with \`corpus lint ${name}\` in a terminal, on a copy on disk (for a repository, a clone).`;
}

export function registerLargeFiles(context: vscode.ExtensionContext, checkWithCommandLine?: (file: vscode.Uri) => Promise<void>): void {
  const warned = new Set<string>();
  const check = async (uri: vscode.Uri): Promise<void> => {
    const key = uri.toString();
    if (!uri.path.endsWith('.corpus') || warned.has(key)) return;
    warned.add(key);
    let size: number;
    try {
      size = (await vscode.workspace.fs.stat(uri)).size;
    } catch {
      warned.delete(key);
      return;
    }
    if (size <= EDITOR_SYNC_LIMIT) {
      warned.delete(key);
      return;
    }
    const canCheck = checkWithCommandLine !== undefined && uri.scheme === 'file';
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const choice = await vscode.window.showInformationMessage(largeFileNotice(name, size, canCheck), ...(canCheck ? ['Check now'] : []));
    if (choice === 'Check now') await checkWithCommandLine?.(uri);
  };
  context.subscriptions.push(
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of [...e.opened, ...e.changed]) if (tab.input instanceof vscode.TabInputText) void check(tab.input.uri);
    }),
  );
  // Tabs open before the extension started (a file opened with the window, a restored session).
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) void check(tab.input.uri);
  }
}
