// The command line as a VS Code task: "Corpus: Check File with the Command Line" runs
// `corpus lint` with the `$corpus` problem matcher, so its problems land in the
// Problems panel, even for files the language server never sees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, wsUri } from '../helpers';

describe('command line task', () => {
  it('runs corpus lint with the $corpus problem matcher on a file that is not open', async () => {
    await api();
    const uri = wsUri('cli-task.corpus');
    fs.writeFileSync(uri.fsPath, '<<<END>>>\n<<<FILE a.txt>>>\nText without a date.\n');
    const ended = new Promise<number | undefined>((resolve) => {
      const sub = vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution.task.source === 'corpus') {
          sub.dispose();
          resolve(e.exitCode);
        }
      });
    });
    await vscode.commands.executeCommand('corpus.lintWithCli', uri);
    assert.equal(await ended, 1, 'corpus lint exits 1 when the file has errors');
    const diags = await diagnosticsWhere(uri, (d) => d.length >= 2, 'the problems the task found');
    const found = diags.map((d) => `${codeOf(d)}:${vscode.DiagnosticSeverity[d.severity]}:${d.range.start.line + 1}`).sort();
    assert.deepEqual(found, ['missing-date:Warning:2', 'stray-end:Error:1']);
  });
});
