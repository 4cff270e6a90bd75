// The .vsix, installed into a fresh VS Code, activates and works from its minified bundle.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, extension, open, waitFor, wsUri } from '../helpers';

describe('installed .vsix', () => {
  it('is installed from the extensions folder, not loaded from the source tree', () => {
    const ext = extension();
    const dir = process.env.E2E_EXTENSIONS_DIR;
    assert.ok(dir, 'E2E_EXTENSIONS_DIR is set by the runner');
    assert.equal(path.dirname(ext.extensionPath), dir, `extension path ${ext.extensionPath}`);
    assert.equal(ext.packageJSON.main, './dist/client.js');
  });

  it('activates on a .corpus file and publishes the seed diagnostics and outline', async () => {
    const uri = wsUri('seeds.corpus');
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'corpus');
    await waitFor(() => extension().isActive, 'activation');
    await api();
    const d = await diagnosticsWhere(uri, (x) => x.length === 4, 'four diagnostics');
    assert.deepEqual(d.map((x) => codeOf(x)).sort(), ['missing-date', 'missing-date', 'missing-date', 'partial-date']);
    const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.equal(syms.length, 5);
  });
});
