// "Corpus: Show Overview" in real VS Code: the command opens the overview webview on the
// active corpus file, with the server's data (the UI test checks what the page draws);
// "Corpus: Show Workspace Overview" counts the documents of every corpus file of the
// workspace, the open one and those only on disk, and a click on a document of another
// file opens that file at the document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, open, waitFor, wsUri } from '../helpers';

describe('overview', () => {
  it('"Corpus: Show Overview" opens a webview with the five documents of seeds.corpus', async () => {
    const uri = wsUri('seeds.corpus');
    await open(uri);
    await diagnosticsWhere(uri, (d) => d.length >= 4, 'the seed diagnostics');
    await vscode.commands.executeCommand('corpus.showOverview');
    const snap = await waitFor(async () => {
      const s = (await api()).overview();
      return s.open && s.documents !== undefined ? s : undefined;
    }, 'the overview panel with its data');
    assert.equal(snap.uri, uri.toString());
    assert.equal(snap.documents, 5);
    const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const tab = await waitFor(async () => tabs().find((t) => t.label === 'Overview: seeds.corpus'), 'a tab named "Overview: seeds.corpus"').catch((e: Error) => {
      throw new Error(`${e.message}; tabs: ${JSON.stringify(tabs().map((t) => t.label))}`);
    });
    assert.ok(tab.input instanceof vscode.TabInputWebview);
    await vscode.window.tabGroups.close(tab);
    await waitFor(async () => ((await api()).overview().open ? undefined : true), 'the panel closed');
  });

  it('"Corpus: Show Workspace Overview" counts the documents of seeds.corpus and of a file only on disk; a click opens the other file', async () => {
    const seeds = wsUri('seeds.corpus');
    const second = wsUri('fixtures', 'overview', 'second.corpus');
    await open(seeds);
    await vscode.commands.executeCommand('corpus.showWorkspaceOverview');
    const snap = await waitFor(
      async () => {
        const s = (await api()).overview();
        return s.open && s.scope === 'workspace' && s.files !== undefined ? s : undefined;
      },
      'the workspace overview with its data',
      60_000,
    );
    const files = snap.files ?? [];
    const count = (uri: vscode.Uri): number | undefined => files.find((f) => f.uri === uri.toString())?.documents;
    assert.equal(count(seeds), 5, JSON.stringify(files.map((f) => [f.name, f.documents])));
    assert.equal(count(second), 3);
    assert.equal(files.find((f) => f.uri === second.toString())?.name, 'fixtures/overview/second.corpus');
    // Every document counted once, in its own file.
    assert.equal(
      snap.documents,
      files.reduce((n, f) => n + f.documents, 0),
    );
    assert.ok(files.length > 2);
    const tabs = (): vscode.Tab[] => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    await waitFor(async () => tabs().find((t) => t.label === 'Overview: workspace'), 'a tab named "Overview: workspace"');
    // h.txt, the second document of second.corpus (line 3), as a click in the page opens it.
    const index =
      files
        .slice(
          0,
          files.findIndex((f) => f.uri === second.toString()),
        )
        .reduce((n, f) => n + f.documents, 0) + 1;
    await (await api()).overviewOpen(index);
    const editor = await waitFor(async () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === second.toString() ? e : undefined;
    }, 'second.corpus opened by the click');
    assert.equal(editor.selection.active.line, 2);
    // Back to the file overview, of the file now active.
    await vscode.commands.executeCommand('corpus.showOverview');
    const file = await waitFor(async () => {
      const s = (await api()).overview();
      return s.scope === 'file' && s.documents !== undefined ? s : undefined;
    }, 'the file overview again');
    assert.equal(file.uri, second.toString());
    assert.equal(file.documents, 3);
    const tab = tabs().find((t) => t.input instanceof vscode.TabInputWebview);
    if (tab) await vscode.window.tabGroups.close(tab);
    await waitFor(async () => ((await api()).overview().open ? undefined : true), 'the panel closed');
  });
});
