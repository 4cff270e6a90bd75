// Workspace problems in real VS Code: with corpus.problems.scope = workspace, the problems of
// corpus files that were never opened are in VS Code's diagnostics (the Problems panel), kept
// current as the files change on disk, shown once when a file is opened, and gone when the
// scope is set back to openFiles; the Corpus Problems view lists them too.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, corpusDiagnostics, diagnosticsWhere, sleep, summarize, utf8, waitFor, wsUri } from '../helpers';

const SCOPE = 'problems.scope';

async function setScope(value: 'workspace' | 'openFiles' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('corpus').update(SCOPE, value, vscode.ConfigurationTarget.Workspace);
}

const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, utf8(text));
const isOpen = (uri: vscode.Uri): boolean => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

describe('workspace problems', () => {
  const never = wsUri('unopened', 'never-opened.corpus');
  const other = wsUri('unopened', 'deep', 'other.corpus');
  const third = wsUri('unopened', 'third.corpus');

  before(async () => {
    await api();
    await write(never, '<<<FILE first.txt>>>\nAn article without a date.\n');
    await write(other, '<<<FILE a.txt date=2024-12-01>>>\nText.\n<<<FILE a.txt date=2024-12-02>>>\nSame name.\n');
    await write(third, '<<<FILE third.txt>>>\nNever opened, from start to end of the suite.\n');
  });

  after(async () => {
    await setScope(undefined);
    await vscode.workspace.fs.delete(wsUri('unopened'), { recursive: true });
  });

  it('openFiles (the default): a file never opened has no diagnostics', async () => {
    await sleep(1000);
    assert.equal(isOpen(never), false);
    assert.deepEqual(summarize(corpusDiagnostics(never)), []);
  });

  it('workspace: the Problems panel gets the problems of files never opened', async () => {
    await setScope('workspace');
    const d = await diagnosticsWhere(never, (x) => x.some((y) => codeOf(y) === 'missing-date'), 'missing-date of a file never opened', 30_000);
    assert.equal(d.length, 1, summarize(d).join(', '));
    assert.match(d[0].message, /The document `first\.txt` has no date/);
    await diagnosticsWhere(other, (x) => x.some((y) => codeOf(y) === 'duplicate-name'), 'duplicate-name of another file never opened', 30_000);
    assert.equal(isOpen(never), false, 'the file was not opened to get them');
    // The workspace's other corpus files are there too (seeds.corpus: its three dates).
    const all = vscode.languages.getDiagnostics().filter(([, ds]) => ds.some((x) => x.source === 'corpus'));
    assert.ok(all.length >= 3, `files with corpus problems: ${all.map(([u]) => vscode.workspace.asRelativePath(u)).join(', ')}`);
  });

  it('workspace: the Corpus Problems view lists the files never opened, grouped by code', async () => {
    const corpus = await api();
    const tree = await corpus.problems.tree();
    const file = tree.find((n) => n.label === 'never-opened.corpus');
    assert.ok(file, `the view lists never-opened.corpus (has: ${tree.map((n) => n.label).join(', ')})`);
    assert.equal(file.description, '1 problem');
    const missing = file.children.find((n) => n.label === 'missing-date');
    assert.ok(missing, `a missing-date group (groups: ${file.children.map((n) => n.label).join(', ')})`);
    // Its outline is not known (the file is not open): the problem is listed under its code directly.
    assert.equal(missing.children.length, 1);
    assert.equal(missing.children[0].command?.command, 'corpus.problems.open');
    assert.ok(
      tree.some((n) => n.label === 'other.corpus'),
      'the file in a subfolder too',
    );
    assert.equal(isOpen(never), false, 'listing them opened nothing');
  });

  it('a change on disk updates them; opening the file shows each problem once', async () => {
    await write(never, '<<<FILE first.txt date=2024-12-12>>>\nNow dated.\n<<<FILE>>>\nNo name.\n');
    const d = await diagnosticsWhere(never, (x) => summarize(x).join() === 'malformed-header:Error@2,missing-date:Warning@2', 'the new problems', 30_000);
    assert.match(d[1].message, /The document on line 3 has no date/);
    const doc = await vscode.workspace.openTextDocument(never);
    await vscode.window.showTextDocument(doc);
    await sleep(1500);
    assert.deepEqual(summarize(corpusDiagnostics(never)), ['malformed-header:Error@2', 'missing-date:Warning@2'], 'not twice: once from the open file, none from the workspace');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await sleep(1500);
    assert.deepEqual(
      summarize(corpusDiagnostics(never)),
      ['malformed-header:Error@2', 'missing-date:Warning@2'],
      'after its editor closed, its problems still show, once (from the workspace, or from the document VS Code keeps open)',
    );
  });

  it('a deleted file loses its problems; openFiles again clears every unopened file', async () => {
    await diagnosticsWhere(third, (x) => x.some((y) => codeOf(y) === 'missing-date'), 'missing-date of a third file never opened', 30_000);
    await vscode.workspace.fs.delete(other);
    await waitFor(() => corpusDiagnostics(other).length === 0, 'the deleted file without problems', 30_000);
    await setScope('openFiles');
    await waitFor(() => corpusDiagnostics(third).length === 0, 'no problems for the file never opened', 30_000);
    // The file whose editor closed (VS Code may still hold its document): with the open files' scope, VS Code
    // shows the problems of the files in editors only.
    await waitFor(() => corpusDiagnostics(never).length === 0, 'no problems for the file whose editor closed', 30_000);
    // The view follows: the provider's collection was replaced when the scope changed.
    const tree = await (await api()).problems.tree();
    assert.ok(!tree.some((n) => n.label === 'third.corpus'), `the view no longer lists third.corpus (has: ${tree.map((n) => n.label).join(', ')})`);
  });
});
