// People in real VS Code: hover, references, highlights, semantic tokens and the People view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, diagnosticsWhere, hoverText, open, utf8, waitFor, wsUri } from '../helpers';

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

  it('"Not a person" and "Mark … as a person" correct the detector in one step, and the People view follows', async () => {
    const exports = await api();
    // dev/vi-20 of the people development set: the name pass takes the commune of "vụ án Đồng Tâm" (the Đồng Tâm case) for a person
    const text =
      '<<<FILE vi-20.txt date=2020-09-14 lang=vi>>>\nTheo dự kiến, 15 giờ ngà 14/9, HĐXX phiên tòa sơ thẩm vụ án Đồng Tâm sẽ tuyên án 29 bị cáo. Các bị cáo Lê Đình Công, Lê Đình Chức bị đề nghị mức án Tử hình.\nCác bị cáo trong phiên xét xử sơ thẩm vụ Đồng Tâm. (Ảnh: Hùng Anh)\n';
    const uri = wsUri('correct.corpus');
    const peopleUri = wsUri('fixtures', 'people', 'seeds.people.json');
    const original = await vscode.workspace.fs.readFile(peopleUri);
    await vscode.workspace.fs.writeFile(uri, utf8(text));
    try {
      const doc = (await open(uri)).document;
      const names = async () => (await exports.people()).map((p) => p.name);
      await waitFor(async () => ((await names()).includes('Đồng Tâm') ? true : undefined), 'the commune in the People view');
      const pos = find(doc, 'Đồng Tâm', 2);
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(pos, pos))) ?? [];
      const not = actions.find((a) => a.title.startsWith('Not a person: “Đồng Tâm”'));
      assert.ok(not?.edit, actions.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(not.edit));
      if (not.command) await vscode.commands.executeCommand(not.command.command, ...(not.command.arguments ?? []));
      // saved at once, so the server's watcher reloads the people files
      const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(peopleUri));
      assert.deepEqual(JSON.parse(saved).notPeople, ['Đồng Tâm']);
      await waitFor(async () => (!(await names()).includes('Đồng Tâm') ? true : undefined), 'the commune gone from the People view');
      assert.ok((await names()).includes('Lê Đình Công'));
      // "Mark … as a person" on a selection
      const from = find(doc, 'Hùng Anh', 0);
      const sel = new vscode.Range(from, from.translate(0, 'Hùng Anh'.length));
      const marks = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, sel)) ?? [];
      const mark = marks.find((a) => a.title.startsWith('Mark “Hùng Anh” as a person'));
      assert.ok(mark?.edit, marks.map((a) => a.title).join(' | '));
      assert.ok(await vscode.workspace.applyEdit(mark.edit));
      if (mark.command) await vscode.commands.executeCommand(mark.command.command, ...(mark.command.arguments ?? []));
      await waitFor(async () => ((await names()).includes('Hùng Anh') ? true : undefined), 'the marked word in the People view');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.writeFile(peopleUri, original);
      await vscode.workspace.fs.delete(uri);
    }
  });
});
