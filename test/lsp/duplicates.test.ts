// The copy rules over the protocol: a copy in another (unopened) file of the
// workspace is reported with related information in that file, and its quick fixes
// are "Remove this copy" (never preferred) and "Open the other copy" (a command the
// client runs); a copy in the same file names the earlier document.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, Diagnostic } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer } from '../support/lspClient';
import { waitFor } from '../support/waitFor';

const ARTICLE =
  'The harbour authority opened a new ferry terminal on the east quay, replacing a building that had served passengers for more than sixty years. Officials said the terminal would handle twice as many travellers and cut waiting times during the summer season, when queues often reached the old car park.';
const OTHER =
  'The city library will stay open until ten in the evening from next month, after a survey found that most students wanted quieter places to work late. The longer hours will be paid for by closing two small branches that are rarely used, the council said.';

const dirs: string[] = [];
after(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

test('a copy in an unopened file is reported, pointing at it, with "Remove this copy" and "Open the other copy"', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lsp-copies-'));
  dirs.push(dir);
  const a = path.join(dir, 'a.corpus');
  const b = path.join(dir, 'b.corpus');
  const aText = `<<<FILE library.txt date=2024-03-05>>>\n${OTHER}\n<<<FILE harbour.txt date=2024-03-04>>>\n${ARTICLE}\n`;
  fs.writeFileSync(a, aText);
  fs.writeFileSync(b, `<<<FILE first.txt date=2024-03-01>>>\nSomething else entirely, too short to compare.\n<<<FILE harbour-copy.txt date=2024-03-04>>>\n${ARTICLE.replace(/ /g, '\n')}\n`);
  const server = await startServer({ workspace: dir, pull: false });
  try {
    const uri = fileUri(a);
    await server.open(uri, aText);
    // The workspace is indexed in the background: the copy appears once b.corpus is read.
    const d = await waitFor(() => server.latest.get(uri)?.diagnostics.find((x) => x.code === 'duplicate-document'), 'the duplicate-document of a.corpus');
    assert.equal(d.range.start.line, 2);
    assert.match(String(d.message), /same text as `harbour-copy\.txt` of b\.corpus \(line 3\)/);
    assert.deepEqual(
      d.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[fileUri(b), 2]],
    );
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d as Diagnostic] } })) as CodeAction[];
    const remove = actions.find((x) => x.title.startsWith('Remove this copy'));
    assert.ok(remove?.edit?.changes?.[uri], 'Remove this copy edits this file');
    assert.notEqual(remove?.isPreferred, true, 'removing a copy is never preferred');
    const open = actions.find((x) => x.title === 'Open the other copy');
    assert.deepEqual(open?.command, { title: 'Open the other copy', command: 'corpus.openLocation', arguments: [fileUri(b), 2, 8] });
    assert.equal(open?.edit, undefined, 'opening the other copy edits nothing');

    // In one file: the later copy names the earlier one; the earlier one names the copies of the other files.
    const c = fileUri(path.join(dir, 'c.corpus'));
    const cText = `<<<FILE one.txt date=2024-03-04>>>\n${OTHER}\n<<<FILE two.txt date=2024-03-04>>>\n${OTHER}\n`;
    await server.open(c, cText);
    // Signatures of a file just opened are computed by the background pass: the list follows.
    const found = await waitFor(() => {
      const list = server.latest.get(c)?.diagnostics.filter((x) => x.code === 'duplicate-document') ?? [];
      return list.length === 2 ? list.map((x) => [x.range.start.line, x.relatedInformation?.[0].location.uri]) : undefined;
    }, 'both copies of c.corpus');
    assert.deepEqual(found, [
      [0, uri],
      [2, c],
    ]);
  } finally {
    await server.stop();
  }
});
