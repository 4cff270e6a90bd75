// Activation: the extension starts for a .txt whose first line is a header and for .corpus files.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, corpusDiagnostics, diagnosticsWhere, extension, open, utf8, waitFor, wsUri } from '../helpers';

const HEADER_TXT = '<<<FILE first-line-header.txt>>>\nA document without a date line.\n';

describe('activation', () => {
  it('a .txt whose first line is a header opens as a corpus and activates the extension', async () => {
    const uri = wsUri('first-line-header.txt');
    await vscode.workspace.fs.writeFile(uri, utf8(HEADER_TXT));
    const editor = await open(uri);
    const languageId = await waitFor(
      () => {
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        return doc?.languageId === 'corpus' ? doc.languageId : undefined;
      },
      `language "corpus" for first-line-header.txt (VS Code chose "${editor.document.languageId}")`,
      10_000,
    );
    assert.equal(languageId, 'corpus');
    await waitFor(() => extension().isActive, 'the extension to be active');
    await api();
    // the language server really handles it: the header-only document has no date
    const diags = await diagnosticsWhere(uri, (d) => d.length > 0, 'diagnostics');
    assert.ok(diags.some((d) => d.code === 'missing-date' || (typeof d.code === 'object' && d.code.value === 'missing-date')));
  });

  it('a .txt without a header stays plain text and gets no corpus diagnostics', async () => {
    const uri = wsUri('plain-notes.txt');
    await vscode.workspace.fs.writeFile(uri, utf8('Just some notes, no <<<FILE header.\n'));
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'plaintext');
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(corpusDiagnostics(uri), []);
  });

  it('a .corpus file opens in the corpus language and the language server is ready', async () => {
    const editor = await open(wsUri('seeds.corpus'));
    assert.equal(editor.document.languageId, 'corpus');
    const exports = await api();
    assert.ok(extension().isActive);
    assert.equal(typeof exports.languageStatus, 'function', 'the test API exposes languageStatus()');
  });
});
