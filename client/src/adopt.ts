// When the extension does anything at all. VS Code's plain-text language claims
// `.txt` by extension before `firstLine` is looked at, so a `.txt` whose first line
// is a header is adopted as a corpus here (unless `corpus.adoptTextFiles` is off).
// The language server starts only once a corpus is in play — a corpus file open,
// or one in the workspace — never for an ordinary `.txt`. The `corpus.active`
// context is true while a corpus file is open, `corpus.workspaceHasCorpus` once the
// workspace is known to hold one; the People view shows when either is.

import * as vscode from 'vscode';

const HEADER = /^<<<FILE[ \t]/;

function adoptsTextFiles(doc: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('corpus', doc.uri).get<boolean>('adoptTextFiles', true);
}

/** Registers the adoption of header-first plain-text files and the `corpus.active` context. */
export function registerAdoption(context: vscode.ExtensionContext): void {
  const adopt = (doc: vscode.TextDocument): void => {
    if (doc.languageId === 'plaintext' && doc.lineCount > 0 && HEADER.test(doc.lineAt(0).text) && adoptsTextFiles(doc)) {
      void vscode.languages.setTextDocumentLanguage(doc, 'corpus');
    }
  };
  let active: boolean | undefined;
  const updateActive = (): void => {
    const now = vscode.workspace.textDocuments.some((d) => d.languageId === 'corpus' && !d.isClosed);
    if (now === active) return;
    active = now;
    void vscode.commands.executeCommand('setContext', 'corpus.active', now);
  };
  vscode.workspace.textDocuments.forEach(adopt);
  updateActive();
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      adopt(doc);
      updateActive();
    }),
    // A closed document leaves textDocuments only after the event: look again on the next turn.
    vscode.workspace.onDidCloseTextDocument(() => setTimeout(updateActive, 0)),
  );
}

/**
 * Resolves when the language server is needed: at once when a corpus file is open
 * or the workspace holds a `*.corpus` or `.corpusrc.json` file, else when a corpus
 * file is opened (a `.txt` with a header line counts, once adopted).
 */
export function whenCorpusNeeded(context: vscode.ExtensionContext): Promise<void> {
  return new Promise((resolve) => {
    const isCorpus = (d: vscode.TextDocument): boolean => d.languageId === 'corpus';
    if (vscode.workspace.textDocuments.some(isCorpus)) return resolve();
    const listener = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!isCorpus(d)) return;
      listener.dispose();
      resolve();
    });
    context.subscriptions.push(listener);
    void Promise.all(['**/*.corpus', '**/.corpusrc.json'].map((glob) => vscode.workspace.findFiles(glob, '**/node_modules/**', 1))).then(
      (found) => {
        if (!found.some((list) => list.length > 0)) return;
        // The People view (and its welcome, with the walkthrough's buttons) shows in a corpus workspace
        // even before a corpus file is opened.
        void vscode.commands.executeCommand('setContext', 'corpus.workspaceHasCorpus', true);
        listener.dispose();
        resolve();
      },
      // No file search (a virtual workspace): wait for a corpus file to be opened.
      () => undefined,
    );
  });
}
