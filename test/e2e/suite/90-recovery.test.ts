// Recovery: when the language server process dies, the client starts a new one and
// the open corpus files get their diagnostics again.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, diagnosticsWhere, open, waitFor, wsUri } from '../helpers';

describe('recovery', () => {
  it('a killed server is restarted and the open files are validated again', async () => {
    const exports = await api();
    const uri = wsUri('seeds.corpus');
    const editor = await open(uri);
    await diagnosticsWhere(uri, (d) => d.length === 4, 'the four seed diagnostics');
    const pid = await exports.serverPid();
    assert.ok(pid && pid > 0, 'the server reports its process id');
    process.kill(pid, 'SIGKILL');
    // After the restart the server knows nothing: an edit must be validated by the new process.
    const newPid = await waitFor(
      async () => {
        const p = await exports.serverPid().catch(() => undefined);
        return p && p !== pid ? p : undefined;
      },
      'a new server process',
      30_000,
    );
    assert.notEqual(newPid, pid);
    const original = editor.document.getText();
    try {
      await editor.edit((e) => e.insert(new vscode.Position(46, 0), 'x'));
      const after = await diagnosticsWhere(
        uri,
        // A pull client clears the list while the new server registers its provider: wait for the new list.
        (d) => d.length > 0 && (d.some((x) => codeOf(x) === 'text-outside-document' || codeOf(x) === 'malformed-header') || d.length !== 4),
        'diagnostics from the new server after an edit',
        30_000,
      );
      assert.ok(after.length > 0);
    } finally {
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), original));
      await diagnosticsWhere(uri, (d) => d.length === 4, 'the four seed diagnostics again');
    }
  });
});
