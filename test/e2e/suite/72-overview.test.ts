// "Corpus: Show Overview" in real VS Code: the command opens the overview webview on the
// active corpus file, with the server's data (the UI test checks what the page draws).
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
});
