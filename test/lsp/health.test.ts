// Issue 14's "done when": a corpus with a republished article, a wrong lang= tag, a
// mojibake paragraph, an NFD document, a Latin-1 file and a binary file
// (test/fixtures/health, README there) gets exactly one clear diagnostic for each
// fault, the same from `corpus lint` and from the language server (files opened as
// VS Code opens them: their bytes read as UTF-8), with a fix where one is safe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli/main';
import { MemoryStream } from '../../server/src/cli/io';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

const DIR = path.join(FIXTURES, 'health');
const FILES = ['binary.corpus', 'corpus.corpus', 'latin1.corpus'];
const EXPECTED: Record<string, string[]> = {
  'binary.corpus': ['binary-file'],
  'corpus.corpus': ['lang-mismatch', 'mojibake', 'unnormalized-text', 'near-duplicate-document'],
  'latin1.corpus': ['not-utf8'],
};
let ws: string;
let server: TestServer;

interface Found {
  code: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-health-'));
  for (const n of [...FILES, '.corpusrc.json']) fs.copyFileSync(path.join(DIR, n), path.join(ws, n));
  server = await startServer({ workspace: ws });
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

async function cli(): Promise<Map<string, Found[]>> {
  const stdout = new MemoryStream();
  const stderr = new MemoryStream();
  const code = await main(['lint', '--format', 'json', '.'], { cwd: ws, stdout, stderr, env: {} });
  assert.equal(code, 1, stderr.text); // the not-utf8 and binary-file errors
  const report = JSON.parse(stdout.text) as { files: { path: string; diagnostics: Found[] }[] };
  return new Map(report.files.map((f) => [path.basename(f.path), f.diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }))]));
}

const sorted = (list: Found[]): Found[] => [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.code.localeCompare(b.code));

test('corpus lint: exactly one diagnostic for each of the six faults', async () => {
  const found = await cli();
  for (const f of FILES)
    assert.deepEqual(
      sorted(found.get(f) ?? []).map((d) => d.code),
      EXPECTED[f],
      f,
    );
});

test('the language server reports the same six, with a fix for every fault but the binary file', async () => {
  const found = await cli();
  for (const f of FILES) {
    const uri = fileUri(path.join(ws, f));
    const want = sorted(found.get(f) ?? []);
    // The text rules and the byte check come in the background: wait until the list is complete.
    let got = (await server.open(uri, new TextDecoder('utf-8').decode(fs.readFileSync(path.join(ws, f))))).diagnostics as Found[];
    for (let i = 0; i < 60 && got.length !== want.length; i++) got = (await server.nextDiagnostics(uri)).diagnostics as Found[];
    assert.deepEqual(sorted(got.map((d) => ({ code: String(d.code), message: d.message, range: d.range }))), want, f);
    for (const d of got) {
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d], only: ['quickfix'] },
      })) as { title: string; isPreferred?: boolean; edit?: unknown; command?: { command: string } }[];
      // The fixes, not the actions that turn a code off (offered on every diagnostic).
      const fixes = actions.filter((a) => (a.edit !== undefined || a.command !== undefined) && !/^Turn off /.test(a.title));
      if (d.code === 'binary-file') assert.deepEqual(fixes, [], 'nothing to fix in a binary file');
      else assert.ok(fixes.length > 0, `${f}: a fix for ${String(d.code)}`);
      // "Fix all" may apply a preferred fix without asking: never the removal of a copy.
      if (d.code === 'near-duplicate-document') assert.ok(!fixes.some((a) => a.isPreferred), 'removing a copy is never preferred');
      if (d.code === 'lang-mismatch')
        assert.ok(
          fixes.some((a) => a.isPreferred && /lang=es/.test(a.title)),
          JSON.stringify(fixes.map((a) => a.title)),
        );
    }
  }
});

test('"Fix all" leaves the Latin-1 and the binary file alone: an edit would lose their bytes', async () => {
  for (const f of ['latin1.corpus', 'binary.corpus']) {
    const uri = fileUri(path.join(ws, f));
    const diagnostics = (await server.current(uri)).diagnostics;
    assert.equal(diagnostics.length, 1, `${f} is open and checked`);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as { title: string; edit?: unknown }[];
    assert.deepEqual(actions, [], f);
  }
});
