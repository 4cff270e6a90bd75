// The first run's commands in real VS Code: "Open the Sample Corpus" (an unsaved copy of the
// bundled sample, checked like any corpus) and "Create a .corpusrc.json" (created once, in the
// workspace folder, then opened again). The walkthrough itself is driven through the UI by
// scripts/e2e/walkthrough.mjs, in a fresh workbench.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, extension, utf8, waitFor, wsUri } from '../helpers';

describe('first run', () => {
  it('the walkthrough and the People view welcome are contributed, and their commands registered', async () => {
    await api();
    const contributes = extension().packageJSON.contributes;
    const steps: { id: string; completionEvents: string[] }[] = contributes.walkthroughs[0].steps;
    assert.deepEqual(
      steps.map((s) => s.id),
      ['open-corpus', 'see-problems', 'apply-fix', 'outline', 'hover-person', 'add-config'],
    );
    assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === 'corpus.people'));
    const all = await vscode.commands.getCommands(true);
    for (const id of ['corpus.openSample', 'corpus.openCorpusFile', 'corpus.createConfig', 'corpus.fixApplied']) assert.ok(all.includes(id), `${id} is registered`);
  });

  it('"Open the Sample Corpus" opens an unsaved copy of the sample, with its problems', async () => {
    await vscode.commands.executeCommand('corpus.openSample');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.isUntitled ? vscode.window.activeTextEditor : undefined), 'the sample in an untitled editor');
    assert.equal(editor.document.languageId, 'corpus');
    assert.match(editor.document.lineAt(0).text, /^<<<FILE 000_49243bdc0dd67178\.txt>>>$/);
    const d = await diagnosticsWhere(editor.document.uri, (x) => x.length >= 4, 'the sample problems');
    assert.deepEqual(d.map((x) => codeOf(x)).sort(), ['missing-date', 'missing-date', 'missing-date', 'partial-date']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('"Create a .corpusrc.json" creates one in the workspace folder, and opens it when it exists', async () => {
    const uri = wsUri('.corpusrc.json');
    const existed = await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
      () => true,
      () => false,
    );
    assert.equal(existed, false, 'the suite workspace has no .corpusrc.json at its root');
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('corpus.createConfig');
      const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined), 'the new .corpusrc.json open');
      assert.deepEqual(JSON.parse(editor.document.getText()), { rules: {}, attributes: [] });
      await vscode.workspace.fs.writeFile(uri, utf8('{ "rules": { "partial-date": "off" } }\n'));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('corpus.createConfig');
      const again = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined), 'the existing .corpusrc.json open');
      // VS Code reloads the document from the disk a moment after the write.
      await waitFor(() => (/partial-date/.test(again.document.getText()) ? true : undefined), 'an existing file opened, not replaced');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
