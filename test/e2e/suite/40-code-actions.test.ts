// Quick fixes: every diagnostic offers one, and applying it clears that diagnostic.
// Note: vscode.executeCodeActionProvider does not hand back CodeAction.diagnostics (VS Code
// drops them when converting the result), so "this fix is for that diagnostic" is checked the
// way a user sees it: apply the fix, and that diagnostic goes away.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureFiles, NO_FIX_FILES } from '../fixtures';
import { codeOf, corpusDiagnostics, diagnosticsWhere, open, summarize, waitFor, wsUri } from '../helpers';

function describeActions(actions: readonly (vscode.CodeAction | vscode.Command)[]): string {
  return actions.map((a) => ('kind' in a ? `${a.kind?.value}: ${a.title}` : `command: ${a.title}`)).join('; ') || 'none';
}

async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  const fixes = actions.filter((a): a is vscode.CodeAction => 'kind' in a && !!a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind));
  // preferred fixes first, as the lightbulb offers them
  return fixes.sort((a, b) => Number(!!b.isPreferred) - Number(!!a.isPreferred));
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" has an edit or a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `the edit of "${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Puts the document back to `text` and saves it, and waits for the original diagnostics. */
async function restore(doc: vscode.TextDocument, text: string, diagCount: number): Promise<void> {
  if (doc.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  await doc.save();
  await diagnosticsWhere(doc.uri, (d) => d.length === diagCount, `the ${diagCount} original diagnostics after undoing`);
}

const samePlace = (a: vscode.Diagnostic, b: vscode.Diagnostic) => codeOf(a) === codeOf(b) && a.range.start.isEqual(b.range.start);

/**
 * Tries the quick fixes offered at the diagnostic's range until one makes it disappear;
 * returns the title of that fix. The document is restored afterwards.
 */
async function fixClears(uri: vscode.Uri, d: vscode.Diagnostic): Promise<string> {
  const doc = (await open(uri)).document;
  const original = doc.getText();
  const count = corpusDiagnostics(uri).length;
  const fixes = await quickFixesAt(uri, d.range);
  assert.ok(fixes.length > 0, `no quick fix offered for ${codeOf(d)} at ${d.range.start.line}:${d.range.start.character}: "${d.message}"`);
  const tried: string[] = [];
  for (const fix of fixes) {
    try {
      await apply(fix);
      await waitFor(() => !corpusDiagnostics(uri).some((x) => samePlace(x, d)), `"${fix.title}" to clear ${codeOf(d)}`, 3000);
      return fix.title;
    } catch {
      tried.push(`${fix.title} -> left: ${summarize(corpusDiagnostics(uri)).join(', ')}`);
    } finally {
      await restore(doc, original, count);
    }
  }
  assert.fail(`no quick fix cleared ${codeOf(d)} at line ${d.range.start.line}; tried: ${tried.join(' | ')}`);
}

describe('code actions', () => {
  it('missing-date on seeds.corpus: the "date" fix clears that diagnostic and no other missing-date', async () => {
    const uri = wsUri('seeds.corpus');
    const doc = (await open(uri)).document;
    const original = doc.getText();
    const before = await diagnosticsWhere(uri, (d) => d.filter((x) => codeOf(x) === 'missing-date').length === 3, 'three missing-date');
    const target = before.filter((x) => codeOf(x) === 'missing-date').sort((a, b) => a.range.start.line - b.range.start.line)[0];
    const fixes = await quickFixesAt(uri, target.range);
    const fix = fixes.find((f) => /date/i.test(f.title));
    assert.ok(fix, `a date fix for missing-date at line ${target.range.start.line} (offered: ${describeActions(fixes)})`);
    try {
      await apply(fix);
      const after = await diagnosticsWhere(uri, (d) => !d.some((x) => samePlace(x, target)), `"${fix.title}" to clear missing-date at line ${target.range.start.line}`);
      assert.equal(after.filter((x) => codeOf(x) === 'missing-date').length, 2, `the two other missing-date remain: ${summarize(after).join(', ')}`);
    } finally {
      await restore(doc, original, before.length);
    }
  });

  for (const file of fixtureFiles()) {
    const code = file.split('.')[0];
    if (NO_FIX_FILES.has(file)) {
      it(`fixtures/codes/${file}: no quick fix is offered for "${code}" (none can be right), only turning it off`, async () => {
        const uri = wsUri('fixtures', 'codes', file);
        await open(uri);
        const diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === code), `a "${code}" diagnostic`);
        for (const d of diags.filter((x) => codeOf(x) === code)) {
          const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
          assert.deepEqual(
            actions.map((a) => a.title),
            [`Turn off \`${code}\` for this document`, `Turn off \`${code}\` in .corpusrc.json`],
            `no fix for ${code} in ${file}, only the suppressions`,
          );
        }
      });
      continue;
    }
    it(`fixtures/codes/${file}: every "${code}" diagnostic has a quick fix that clears it`, async () => {
      const uri = wsUri('fixtures', 'codes', file);
      await open(uri);
      const diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === code), `a "${code}" diagnostic`);
      for (const d of diags.filter((x) => codeOf(x) === code)) await fixClears(uri, d);
    });
  }

  it('source.fixAll.corpus is offered on a malformed header and fixes it', async () => {
    const uri = wsUri('fixtures', 'codes', 'malformed-header.corpus');
    const doc = (await open(uri)).document;
    const original = doc.getText();
    const before = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === 'malformed-header'), 'malformed-header');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.corpus');
    const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.append('corpus').contains(a.kind));
    assert.ok(fixAll, `a source.fixAll.corpus action (got: ${describeActions(actions)})`);
    try {
      await apply(fixAll);
      await diagnosticsWhere(uri, (d) => !d.some((x) => codeOf(x) === 'malformed-header'), `"${fixAll.title}" to fix the header`);
    } finally {
      await restore(doc, original, before.length);
    }
  });
});
