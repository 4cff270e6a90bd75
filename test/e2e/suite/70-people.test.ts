// People in real VS Code: hover, references, highlights, semantic tokens and the People view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, hoverText, open, waitFor, wsUri } from '../helpers';

function find(doc: vscode.TextDocument, needle: string, offset: number): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `${needle} is in the text`);
  return doc.positionAt(i + offset);
}

describe('people', () => {
  it('hovering "Cường" in "President Cường" shows Lương Cường, the spellings and the documents 000, 001, 003', async () => {
    const uri = wsUri('seeds.corpus');
    const doc = (await open(uri)).document;
    await diagnosticsWhere(uri, (d) => d.length >= 4, 'the seed diagnostics');
    const pos = find(doc, 'President Cường', 11);
    const text = await waitFor(async () => {
      const t = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? []);
      return /Lương Cường/.test(t) ? t : undefined;
    }, 'a hover naming Lương Cường');
    assert.match(text, /Luong Cuong/);
    for (const d of ['000', '001', '003']) assert.match(text, new RegExp(`${d}\\\\?_`), `document ${d} is listed`);
    assert.doesNotMatch(text, /002\\?_|004\\?_/);
  });

  it('hovering "فام مينه تشينه" shows Phạm Minh Chính (the workspace people file gives the Latin name)', async () => {
    const uri = wsUri('seeds.corpus');
    const doc = (await open(uri)).document;
    const pos = find(doc, 'فام مينه تشينه', 3);
    let last = '';
    const text = await waitFor(
      async () => {
        last = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? []);
        return /Phạm Minh Chính/.test(last) ? last : undefined;
      },
      'a hover naming Phạm Minh Chính',
      20_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}; last hover at ${pos.line}:${pos.character}: ${last.slice(0, 300)}`);
    });
    assert.match(text, /Prime Minister/);
  });

  it('references and highlights list every mention; semantic tokens mark people', async () => {
    const uri = wsUri('seeds.corpus');
    const doc = (await open(uri)).document;
    const pos = find(doc, 'Lương Cường', 1);
    const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, pos)) ?? [];
    assert.equal(refs.filter((r) => r.uri.toString() === uri.toString()).length, 8);
    const highlights = (await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', uri, pos)) ?? [];
    assert.equal(highlights.length, 8);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentRangeSemanticTokensLegend', uri);
    assert.deepEqual(legend?.tokenTypes, ['person']);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentRangeSemanticTokens', uri, new vscode.Range(0, 0, doc.lineCount, 0));
    assert.ok(tokens && tokens.data.length >= 5 * 25, `person tokens (got ${tokens?.data.length})`);
  });

  it('the People view lists the people of the active corpus, most mentioned first', async () => {
    const exports = await api();
    await open(wsUri('seeds.corpus'));
    const people = await waitFor(async () => {
      const p = await exports.people();
      return p.length > 0 ? p : undefined;
    }, 'people in the view');
    assert.deepEqual(people.slice(0, 2), [
      { name: 'Lương Cường', count: 8 },
      { name: 'Tô Lâm', count: 7 },
    ]);
    await vscode.commands.executeCommand('corpus.nextMention', 'Lương Cường');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.getText(editor.selection), 'Lương Cường');
  });
});
