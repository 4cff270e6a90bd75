// The language status item, "Corpus: Go to Document…", "Corpus: Restart Language Server"
// and the server log setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, extension, headers, open, sleep, waitFor, wsUri } from '../helpers';

interface CommandContribution {
  command: string;
  title: string;
  category?: string;
}

describe('commands and status', () => {
  it('the commands are contributed with their titles and registered', async () => {
    const contributed: CommandContribution[] = extension().packageJSON.contributes?.commands ?? [];
    const label = (id: string) => {
      const c = contributed.find((x) => x.command === id);
      return c ? (c.category ? `${c.category}: ${c.title}` : c.title) : undefined;
    };
    assert.equal(label('corpus.goToDocument'), 'Corpus: Go to Document…');
    assert.equal(label('corpus.restartServer'), 'Corpus: Restart Language Server');
    await api();
    const all = await vscode.commands.getCommands(true);
    for (const id of ['corpus.goToDocument', 'corpus.restartServer']) assert.ok(all.includes(id), `${id} is registered`);
  });

  it('the language status shows the document and problem counts of the active corpus', async () => {
    const exports = await api();
    await open(wsUri('seeds.corpus'));
    await diagnosticsWhere(wsUri('seeds.corpus'), (d) => d.length === 4, 'the four seed diagnostics');
    const status = await waitFor(
      () => {
        const s = exports.languageStatus();
        const all = `${s.text} ${s.detail ?? ''}`;
        return /\b5\s+doc/i.test(all) && /\b4\s+(problem|issue)/i.test(all) ? s : undefined;
      },
      `a status naming 5 documents and 4 problems (now ${JSON.stringify(exports.languageStatus())})`,
    );
    assert.ok(status.text.length > 0);
    // it follows the active editor
    await open(wsUri('fixtures', 'codes', 'duplicate-name.corpus'));
    await waitFor(() => !/\b5\s+doc/i.test(`${exports.languageStatus().text} ${exports.languageStatus().detail ?? ''}`), 'the status to follow the active editor');
  });

  it('Go to Document… moves the cursor to the chosen document', async () => {
    const editor = await open(wsUri('seeds.corpus'));
    const hs = headers(editor.document.getText());
    const startLine = editor.document.lineCount - 2;
    editor.selection = new vscode.Selection(startLine, 0, startLine, 0);
    assert.ok(!hs.some((h) => h.line === startLine));
    const done = vscode.commands.executeCommand('corpus.goToDocument');
    await sleep(800); // the quick pick opens
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await done;
    const line = await waitFor(() => {
      const l = vscode.window.activeTextEditor?.selection.active.line;
      return l !== undefined && l !== startLine ? l + 1 : undefined; // +1: line 0 is falsy
    }, 'the cursor to move');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), wsUri('seeds.corpus').toString());
    assert.ok(
      hs.some((h) => h.line === line - 1),
      `cursor on a header line (${line - 1}; headers ${hs.map((h) => h.line).join(', ')})`,
    );
  });

  it('Restart Language Server brings the server back with the same diagnostics', async () => {
    await api();
    await vscode.commands.executeCommand('corpus.restartServer');
    const exports = await api();
    await exports.ready();
    const uri = wsUri('seeds.corpus');
    await open(uri);
    await diagnosticsWhere(uri, (d) => d.filter((x) => codeOf(x) === 'missing-date').length === 3, 'three missing-date after the restart');
    const syms = await waitFor(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri))?.length, 'symbols after the restart');
    assert.equal(syms, 5);
  });

  it('corpus.trace.server is a setting (off by default) and can be turned on without breaking the server', async () => {
    const config = vscode.workspace.getConfiguration('corpus');
    const inspect = config.inspect<string>('trace.server');
    assert.equal(inspect?.defaultValue, 'off');
    try {
      await config.update('trace.server', 'verbose', vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('corpus.restartServer');
      await (await api()).ready();
      const uri = wsUri('seeds.corpus');
      await open(uri);
      await diagnosticsWhere(uri, (d) => d.length === 4, 'the seed diagnostics with tracing on');
    } finally {
      await config.update('trace.server', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
