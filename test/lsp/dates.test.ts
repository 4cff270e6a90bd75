// Dates from the text over the protocol: real articles of the dates development
// set (dev part), packed undated into one corpus file as a user would have them.
// The editor gets the same missing-date fixes the service computes: the page's
// own stated date preferred, a day whose year comes from elsewhere offered
// unpreferred, nothing concrete where the text gives nothing; and the
// `dateFixes: "ask"` setting turns every preferred date off.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, CodeActionRequest, DidChangeConfigurationNotification, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer, fileUri } from '../support/lspClient';
import { FIXTURES } from '../support/fixtures';

const DEV = path.join(FIXTURES, 'dates', 'dev', 'dev');
// [article, what the editor must offer first, whether it is preferred]
const CASES: [string, 'truth' | 'a date to check' | 'nothing', boolean][] = [
  ['de-04', 'truth', true], // a byline "26. Dezember 2023 | Quelle: dpa"
  ['fr-05', 'truth', true], // "publié le 22/04/2017 à 17:04"
  ['vi-08', 'truth', true], // a timestamp
  ['ar-07', 'truth', true], // a timestamp with its weekday
  ['pt-09', 'truth', false], // a full date at the top of the page, not in a byline or the lead: offered to check
  ['en-07', 'a date to check', false], // a day of the lead ("Sept. 10"), its year only from elsewhere in the text
  ['es-05', 'nothing', false], // only an earlier event: no concrete date
];

let server: TestServer;
let ws: string;
let uri: string;
let diagnostics: Diagnostic[] = [];
const truth = new Map<string, string>();

before(async () => {
  ws = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lsp-dates-'));
  const parts: string[] = [];
  for (const [id] of CASES) {
    const meta = JSON.parse(fs.readFileSync(path.join(DEV, `${id}.json`), 'utf8')) as { truth: string; lang: string; storeDateLine?: string };
    let text = fs.readFileSync(path.join(DEV, `${id}.txt`), 'utf8');
    if (meta.storeDateLine && text.startsWith(meta.storeDateLine)) text = text.slice(meta.storeDateLine.length);
    truth.set(id, meta.truth);
    // a body line that would read as a header, an end line or a date line is indented, as a corpus tool would
    const body = text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => (/^(<<<FILE|<<<END>>>)/.test(l) || /^\s*date[\s:]/i.test(l) ? ` ${l}` : l))
      .join('\n');
    parts.push(`<<<FILE ${id}.txt lang=${meta.lang}>>>\n${body.replace(/\s*$/, '')}\n`);
  }
  uri = fileUri(path.join(ws, 'articles.corpus'));
  server = await startServer({ workspace: ws });
  diagnostics = (await server.open(uri, parts.join(''))).diagnostics.filter((d) => d.code === 'missing-date');
});

after(async () => {
  await server.stop();
  fs.rmSync(ws, { recursive: true, force: true });
});

async function dateActions(index: number): Promise<CodeAction[]> {
  const d = diagnostics[index];
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  return actions.filter((a) => a.diagnostics?.some((x) => x.code === 'missing-date'));
}

const isoOf = (a: CodeAction): string | undefined => /^Insert date (\d{4}-\d{2}-\d{2})/.exec(a.title)?.[1];

test("every undated article gets missing-date, and its first fix is the page's own date or nothing", async () => {
  assert.equal(diagnostics.length, CASES.length);
  for (const [i, [id, expect, preferred]] of CASES.entries()) {
    const actions = await dateActions(i);
    assert.match(actions[actions.length - 1].title, /date line to fill in/, `${id}: the skeleton comes last`);
    if (expect === 'nothing') {
      assert.deepEqual(actions.map(isoOf).filter(Boolean), [], `${id}: no concrete date`);
      continue;
    }
    if (expect === 'a date to check') {
      assert.ok(isoOf(actions[0]), `${id}: a date is offered`);
      assert.match(actions[0].title, /— check\)$/, `${id}: its title says to check it`);
    } else assert.equal(isoOf(actions[0]), truth.get(id), `${id}: ${actions[0].title}`);
    assert.equal(actions[0].isPreferred ?? false, preferred, `${id}: preferred`);
    assert.ok(actions.filter((a) => a.isPreferred).length <= 1);
  }
});

test('dateFixes "ask" in the settings: the same dates are offered, none preferred', async () => {
  server.settings = { dateFixes: 'ask' };
  // The setting changes fixes, not diagnostics: wait until the server has taken it in.
  const applied = server.configurationApplied();
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await applied;
  for (const [i, [id, expect]] of CASES.entries()) {
    const actions = await dateActions(i);
    assert.equal(actions.filter((a) => a.isPreferred).length, 0, id);
    if (expect === 'truth') assert.equal(isoOf(actions[0]), truth.get(id), id);
  }
  server.settings = {};
});
