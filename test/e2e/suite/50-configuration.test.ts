// Settings (corpus.rules) and .corpusrc.json change the diagnostics while VS Code runs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, open, severityName, utf8, wsUri } from '../helpers';

const uri = () => wsUri('seeds.corpus');
const ofCode = (d: vscode.Diagnostic[], code: string) => d.filter((x) => codeOf(x) === code);
const allAre = (d: vscode.Diagnostic[], code: string, n: number, sev: vscode.DiagnosticSeverity) => ofCode(d, code).length === n && ofCode(d, code).every((x) => x.severity === sev);
const defaults = (d: vscode.Diagnostic[]) => allAre(d, 'missing-date', 3, vscode.DiagnosticSeverity.Warning) && allAre(d, 'partial-date', 1, vscode.DiagnosticSeverity.Information);

describe('configuration', () => {
  before(async () => {
    await open(uri());
    await diagnosticsWhere(uri(), defaults, 'the default seed diagnostics');
  });

  it('corpus.rules setting: turning missing-date off, then to error, then back', async () => {
    const config = () => vscode.workspace.getConfiguration('corpus', uri());
    try {
      await config().update('rules', { 'missing-date': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhere(uri(), (d) => ofCode(d, 'missing-date').length === 0 && ofCode(d, 'partial-date').length === 1, 'missing-date off');
      await config().update('rules', { 'missing-date': 'error', 'partial-date': 'hint' }, vscode.ConfigurationTarget.Workspace);
      const d = await diagnosticsWhere(
        uri(),
        (x) => allAre(x, 'missing-date', 3, vscode.DiagnosticSeverity.Error) && allAre(x, 'partial-date', 1, vscode.DiagnosticSeverity.Hint),
        'missing-date as error, partial-date as hint',
      );
      assert.equal(severityName(ofCode(d, 'missing-date')[0].severity), 'Error');
    } finally {
      await config().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhere(uri(), defaults, 'the defaults again after removing the setting');
  });

  it('.corpusrc.json: creating, editing and deleting it changes the diagnostics', async () => {
    const rc = wsUri('.corpusrc.json');
    const write = (rules: Record<string, string>) => vscode.workspace.fs.writeFile(rc, utf8(JSON.stringify({ rules }, null, 2)));
    try {
      await write({ 'partial-date': 'off' });
      await diagnosticsWhere(uri(), (d) => ofCode(d, 'partial-date').length === 0 && ofCode(d, 'missing-date').length === 3, 'partial-date off via .corpusrc.json');
      await write({ 'missing-date': 'information' });
      await diagnosticsWhere(
        uri(),
        (d) => allAre(d, 'missing-date', 3, vscode.DiagnosticSeverity.Information) && ofCode(d, 'partial-date').length === 1,
        'missing-date as information after editing .corpusrc.json',
      );
    } finally {
      await vscode.workspace.fs.delete(rc);
    }
    await diagnosticsWhere(uri(), defaults, 'the defaults again after deleting .corpusrc.json');
  });
});
