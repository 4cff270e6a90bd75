// The people-file actions ("Add … to the people file", "Not a person", "Mark … as
// a person") edit a JSON file the server reads from disk. VS Code applies a
// workspace edit to a file that is not open by opening it, dirty, in the
// background; the correction would then wait for a save the user does not know
// is needed. So each such action also runs a command that saves the people files
// it edited: one step, and the server's file watcher picks the change up at once.
// (Other editors get the plain edit from the server, unchanged.)
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const SAVE_PEOPLE_FILES = 'corpus.savePeopleFiles';

/** Saves the open documents among `uris` (URI strings). */
async function save(uris: string[]): Promise<void> {
  for (const uri of uris) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc?.isDirty) await doc.save();
  }
}

export function registerPeopleFileSave(): vscode.Disposable {
  return vscode.commands.registerCommand(SAVE_PEOPLE_FILES, (uris: unknown) => save(Array.isArray(uris) ? uris.filter((u): u is string => typeof u === 'string') : []));
}

/** Code-action middleware: an action whose edit touches JSON files (the people files) saves them afterwards. */
export const saveEditedPeopleFiles: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  if (!actions) return actions;
  for (const a of actions) {
    if (!(a instanceof vscode.CodeAction) || !a.edit || a.command) continue;
    const json = a.edit
      .entries()
      .map(([uri]) => uri)
      .filter((uri) => uri.path.endsWith('.json'));
    if (json.length > 0) a.command = { title: 'Save the people file', command: SAVE_PEOPLE_FILES, arguments: [json.map((u) => u.toString())] };
  }
  return actions;
};
