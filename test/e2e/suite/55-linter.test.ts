// The linter's user-visible parts: the "Turn off …" quick fixes write .corpusrc.json
// and the finding goes away; the status item shows the .corpusrc.json in effect and
// opens it (or creates one); corpus.adoptTextFiles keeps header-first .txt files plain.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, open, waitFor, wsUri } from '../helpers';

const seeds = () => wsUri('seeds.corpus');
const rc = () => wsUri('.corpusrc.json');
const missing = (d: vscode.Diagnostic[]) => d.filter((x) => codeOf(x) === 'missing-date');

async function removeRc(): Promise<void> {
  // Close its editor first, so no dirty copy outlives the file.
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === rc().toString()) await vscode.window.tabGroups.close(tab, true);
  if (fs.existsSync(rc().fsPath)) await vscode.workspace.fs.delete(rc());
  await diagnosticsWhere(seeds(), (d) => missing(d).length === 3, 'the three missing-date findings again after deleting .corpusrc.json');
}

describe('linter: suppression and the configuration in effect', () => {
  before(async () => {
    await api();
    await open(seeds());
    await diagnosticsWhere(seeds(), (d) => missing(d).length === 3, 'the default seed diagnostics');
  });
  afterEach(removeRc);

  it('"Turn off `missing-date` for this document" writes an override and that finding alone goes away', async () => {
    const [first, ...others] = missing(await diagnosticsWhere(seeds(), (d) => missing(d).length === 3, 'missing-date'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', seeds(), first.range, vscode.CodeActionKind.QuickFix.value);
    const off = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.title === 'Turn off `missing-date` for this document');
    assert.ok(off?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    // As the light bulb applies it: a refactoring, saved by files.refactoring.autoSave.
    assert.ok(await vscode.workspace.applyEdit(off.edit, { isRefactoring: true }));
    await waitFor(() => fs.existsSync(rc().fsPath) && fs.readFileSync(rc().fsPath, 'utf8').includes('missing-date'), '.corpusrc.json written to disk');
    const written = JSON.parse(fs.readFileSync(rc().fsPath, 'utf8')) as { overrides: { files: string[]; documents: string[]; rules: Record<string, string> }[] };
    assert.deepEqual(written.overrides[0].files, ['seeds.corpus']);
    assert.deepEqual(written.overrides[0].rules, { 'missing-date': 'off' });
    const left = await diagnosticsWhere(seeds(), (d) => missing(d).length === 2, 'two missing-date findings left');
    assert.deepEqual(
      missing(left).map((d) => d.range.start.line),
      others.map((d) => d.range.start.line),
    );
  });

  it('"Turn off `missing-date` in .corpusrc.json" turns the rule off for the whole folder', async () => {
    const [first] = missing(await diagnosticsWhere(seeds(), (d) => missing(d).length === 3, 'missing-date'));
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', seeds(), first.range, vscode.CodeActionKind.QuickFix.value);
    const off = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.title === 'Turn off `missing-date` in .corpusrc.json');
    assert.ok(off?.edit, `offered: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(off.edit, { isRefactoring: true }));
    await diagnosticsWhere(seeds(), (d) => missing(d).length === 0 && d.length > 0, 'no missing-date finding, the others kept');
  });

  it('the status item names the .corpusrc.json in effect and opens it; without one it offers to create one', async () => {
    const corpus = await api();
    await open(seeds());
    await waitFor(() => corpus.configStatus().text === 'No .corpusrc.json', 'the status item without a configuration');
    fs.writeFileSync(rc().fsPath, '{\n  "rules": { "partial-date": "hint" }\n}\n');
    const shown = await waitFor(() => (corpus.configStatus().config === rc().toString() ? corpus.configStatus() : undefined), 'the status item naming .corpusrc.json');
    assert.equal(shown.text, '$(gear) .corpusrc.json');
    await vscode.commands.executeCommand('corpus.openConfig');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === rc().toString(), 'the .corpusrc.json in the editor');
    // Back to the corpus; remove the file: "No .corpusrc.json", and the command creates one.
    await removeRc();
    await open(seeds());
    await waitFor(() => corpus.configStatus().text === 'No .corpusrc.json', 'the status item once .corpusrc.json is deleted');
    await vscode.commands.executeCommand('corpus.openConfig');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === rc().toString() && fs.existsSync(rc().fsPath), 'a new .corpusrc.json, open');
    assert.deepEqual(JSON.parse(fs.readFileSync(rc().fsPath, 'utf8')), { rules: {}, attributes: [] }, 'the template of Corpus: Create a .corpusrc.json');
    await open(seeds());
    await waitFor(() => corpus.configStatus().config === rc().toString(), 'the status item naming the new file');
  });

  it('corpus.adoptTextFiles off: a .txt whose first line is a header stays plain text', async () => {
    const config = vscode.workspace.getConfiguration('corpus');
    const uri = wsUri('not-adopted.txt');
    fs.writeFileSync(uri.fsPath, '<<<FILE not-adopted.txt>>>\nA document without a date line.\n');
    try {
      await config.update('adoptTextFiles', false, vscode.ConfigurationTarget.Workspace);
      const editor = await open(uri);
      // Adoption happens on open; give it the time it takes when on.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(editor.document.languageId, 'plaintext');
    } finally {
      await config.update('adoptTextFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      fs.rmSync(uri.fsPath, { force: true });
    }
  });
});
