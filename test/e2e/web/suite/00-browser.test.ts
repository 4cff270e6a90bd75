// What is true only in the browser: the extension runs in the web worker extension
// host, its server in a Web Worker; the workspace is virtual, read through
// workspace.fs; the command line is not offered. Runs first, before any other
// suite opens a file, so "unopened" means unopened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, extension, open, waitFor, workspaceRoot } from '../../helpers';

describe('in the browser', () => {
  it('the extension runs in the web worker extension host of a web workbench', async () => {
    await api();
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'a web workbench');
    // A browser extension runs beside the UI (ExtensionKind.UI); on a Node host it would be Workspace.
    assert.equal(extension().extensionKind, vscode.ExtensionKind.UI, 'the web worker extension host');
  });

  it('the language server runs in a Web Worker (it has no process id)', async () => {
    assert.equal(await (await api()).serverPid(), 0);
  });

  it('the workspace is virtual, and workspace symbols find documents in files that are not open', async () => {
    assert.notEqual(workspaceRoot().scheme, 'file', `the workspace folder is ${workspaceRoot().toString()}`);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'fixtures', 'unicode', 'positions.corpus').toString();
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === target), 'positions.corpus is not open');
    const hits = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Tô Lâm');
      return s.filter((x) => x.location.uri.toString() === target).length > 0 ? s : undefined;
    }, 'a workspace symbol from fixtures/unicode/positions.corpus');
    assert.ok(hits.length > 0);
  });

  it('a file that is not UTF-8 gets its one not-utf8 error: its bytes come through workspace.fs', async () => {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'fixtures', 'codes', 'not-utf8.corpus');
    await open(uri);
    const diags = await diagnosticsWhere(uri, (d) => d.length === 1 && codeOf(d[0]) === 'not-utf8', 'the one not-utf8 error');
    assert.equal(diags[0].severity, vscode.DiagnosticSeverity.Error);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the command-line check is not there: no command, hidden from the menus', async () => {
    await api();
    const all = await vscode.commands.getCommands(true);
    assert.ok(!all.includes('corpus.lintWithCli'), 'corpus.lintWithCli is not registered in the browser');
    const menus = extension().packageJSON.contributes.menus as Record<string, { command: string; when?: string }[]>;
    for (const place of ['commandPalette', 'explorer/context']) {
      const entry = menus[place].find((m) => m.command === 'corpus.lintWithCli');
      assert.match(entry?.when ?? '', /corpus\.commandLine/, `${place} shows it only where the command line runs`);
    }
  });
});
