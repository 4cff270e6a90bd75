// Dates from the text in real VS Code: the missing-date fixes propose the article's own date,
// the date hover writes the date out, and completion after `date=` offers the text's dates.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, hoverText, open, utf8, waitFor, wsUri } from '../helpers';

describe('dates from the text', () => {
  it('the missing-date fixes on seeds.corpus propose 2024-08-29, 2025-03-13 and 2025-01-06 first', async () => {
    const uri = wsUri('seeds.corpus');
    await open(uri);
    const diags = await diagnosticsWhere(uri, (d) => d.filter((x) => codeOf(x) === 'missing-date').length === 3, 'three missing-date');
    const firstTitles: string[] = [];
    for (const d of diags.filter((x) => codeOf(x) === 'missing-date').sort((a, b) => a.range.start.line - b.range.start.line)) {
      const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
      const dated = actions.filter((a) => a.title.startsWith('Insert date '));
      firstTitles.push(dated[0]?.title.slice(0, 22) ?? '(none)');
      assert.ok(
        actions.some((a) => /date line to fill in/.test(a.title)),
        'the skeleton is still offered',
      );
    }
    assert.deepEqual(firstTitles, ['Insert date 2024-08-29', 'Insert date 2025-03-13', 'Insert date 2025-01-06']);
  });

  it('hovering a date line writes the date out with its weekday', async () => {
    const uri = wsUri('seeds.corpus');
    await open(uri);
    const text = await waitFor(async () => {
      const t = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(1, 9))) ?? []);
      return /Thursday 12 December 2024/.test(t) ? t : undefined;
    }, 'a date hover');
    assert.match(text, /day precision/);
  });

  it('completion after date= offers the date the text states', async () => {
    const uri = wsUri('complete-date.corpus');
    await vscode.workspace.fs.writeFile(uri, utf8('<<<FILE a.txt lang=en date=>>>\nThe talks ended on Thursday, March 13, 2025.\n'));
    await open(uri);
    const list = await waitFor(async () => {
      const l = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(0, 27), '=');
      return l && l.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === '2025-03-13') ? l : undefined;
    }, 'a completion with 2025-03-13');
    assert.ok(list.items.length > 0);
  });
});
