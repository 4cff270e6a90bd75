// Past VS Code's 1,000 diagnostics per file, in real VS Code: a 10 MB corpus (the seeds,
// words reversed, repeated: about 2,000 problems and the copies within the file) whose undated document in the middle shows its squiggle
// once scrolled to; the language status says how many there are; the Corpus Problems view
// lists them all and a click opens one; "Fix all <code> in this file" from the view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, codeOf, corpusDiagnostics, diagnosticsWhere, headers, open, TreeSnapshot, waitFor, wsUri } from '../helpers';

const MB = 1024 * 1024;

/**
 * A line with its words in reverse order (a date line keeps `date <value>` first): the same
 * problems, but no longer the seeds' text, so that seeds.corpus gets no copy in this file.
 * (The file is deleted at the end, but VS Code may keep its document open for minutes.)
 */
function reversed(line: string): string {
  if (line.startsWith('<<<')) return line;
  const date = /^\s*date \S+/.exec(line)?.[0] ?? '';
  const words = line.slice(date.length).trim().split(' ').reverse().join(' ');
  return date && words ? `${date} ${words}` : date + words;
}

/** The seeds (their lines' words reversed) repeated to `bytes`, each copy's documents renamed `<name>-<copy>.txt`. */
function repeatSeeds(seeds: string, bytes: number): { text: string; copies: number } {
  const docs = seeds
    .split('\n')
    .map(reversed)
    .join('\n')
    .split(/(?=^<<<FILE )/m);
  const parts: string[] = [];
  let size = 0;
  let copies = 0;
  while (size < bytes) {
    for (const d of docs) {
      const s = d.replace(/^<<<FILE (\S+?)\.txt/, (_, name: string) => `<<<FILE ${name}-${String(copies).padStart(5, '0')}.txt`);
      parts.push(s.endsWith('\n') ? s : `${s}\n`);
      size += s.length;
    }
    copies++;
  }
  return { text: parts.join(''), copies };
}

function leaves(nodes: readonly TreeSnapshot[]): TreeSnapshot[] {
  return nodes.flatMap((n) => (n.children.length > 0 ? leaves(n.children) : [n]));
}

describe('past 1,000 problems per file (10 MB corpus)', function () {
  this.timeout(180_000);
  const uri = wsUri('big-10mb.corpus');
  let middle = -1;
  let middleName = '';

  before(async () => {
    const seeds = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri('seeds.corpus')));
    const { text, copies } = repeatSeeds(seeds, 10 * MB);
    // Document 002 of the seeds has no date: take its copy in the middle of the file.
    middleName = `002_e77d50c1257fff65-${String(Math.floor(copies / 2)).padStart(5, '0')}.txt`;
    const h = headers(text).find((x) => x.name === middleName);
    assert.ok(h, `${middleName} is in the corpus`);
    middle = h.line;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  });

  // The corpus repeats the seeds: while it is in the workspace, every document of seeds.corpus has copies in it
  // (duplicate-document), which the later suites do not expect.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
  });

  it('after scrolling to an undated document in the middle, its squiggle is shown', async () => {
    const corpus = await api();
    const editor = await open(uri);
    const counts = await waitFor(
      () => {
        const c = corpus.problems.counts(uri);
        return c.all > 1500 ? c : undefined;
      },
      'the server to send the 10 MB corpus problems',
      120_000,
    );
    // At the top of the file: VS Code has at most 1,000, and not the one in the middle.
    await diagnosticsWhere(uri, (d) => d.length > 0, 'squiggles at the top', 60_000);
    assert.ok(corpusDiagnostics(uri).length <= 1000, `VS Code has ${corpusDiagnostics(uri).length}`);
    assert.ok(!corpusDiagnostics(uri).some((d) => d.range.start.line === middle), `before scrolling, line ${middle} (${middleName}, of ${counts.all} problems) has no squiggle`);
    // Scroll there (the view moves; the cursor stays at the top).
    editor.revealRange(new vscode.Range(middle, 0, middle, 0), vscode.TextEditorRevealType.InCenter);
    const diags = await diagnosticsWhere(uri, (d) => d.some((x) => x.range.start.line === middle && codeOf(x) === 'missing-date'), `missing-date on line ${middle}`);
    assert.ok(diags.length <= 1000, `VS Code has ${diags.length}`);
    // The editor draws squiggles for the first 500 markers of a file only: the one on screen is among them.
    const at = corpusDiagnostics(uri).findIndex((x) => x.range.start.line === middle && codeOf(x) === 'missing-date');
    assert.ok(at >= 0 && at < 500, `the squiggle on screen is marker ${at} of ${corpusDiagnostics(uri).length} (drawn: the first 500)`);
    // Every problem of the documents on screen is shown.
    const visible = editor.visibleRanges[0];
    assert.ok(visible.contains(new vscode.Position(middle, 0)), 'the document is on screen');
    // The language status says how many there are.
    const notice = await waitFor(() => corpus.problems.notice(), 'the "too many problems" language status');
    assert.equal(notice.text, `${counts.all.toLocaleString('en-US')} problems`);
    assert.equal(notice.detail, 'VS Code shows 1,000 at a time, nearest to where you are');
  });

  it('the Corpus Problems view lists every problem, grouped by code, and a click opens one', async () => {
    const corpus = await api();
    // The server's background passes (the copies within the file) may still be adding problems: the view and
    // the store are compared once they hold the same list (each read at the same moment).
    let seen = '';
    const { file, all } = await waitFor(
      async () => {
        const tree = await corpus.problems.tree();
        const all = corpus.problems.counts(uri).all;
        const file = tree.find((n) => n.label === 'big-10mb.corpus');
        seen = `store ${all}; view: ${tree.map((n) => `${n.label} ${n.description}`).join(', ')}`;
        return file && file.description === `${all.toLocaleString('en-US')} problems` ? { file, all } : undefined;
      },
      'the view to list big-10mb.corpus with as many problems as the store',
      60_000,
    ).catch((e: unknown) => assert.fail(`${String(e)} (${seen})`));
    const missing = file.children.find((n) => n.label === 'missing-date');
    assert.ok(missing, `a missing-date group (groups: ${file.children.map((n) => `${n.label} ${n.description}`).join(', ')})`);
    const items = leaves(file.children);
    assert.equal(items.length, all, 'every problem is in the view');
    // The group of the document in the middle, under missing-date; a click on its problem opens it.
    const doc = missing.children.find((n) => n.label === middleName);
    assert.ok(doc, `a ${middleName} group under missing-date`);
    assert.equal(doc.description, '1 problem');
    const click = doc.children[0].command;
    assert.ok(click, 'a problem has a command');
    // Away from it first, then the click.
    const editor = await open(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0));
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    await waitFor(() => vscode.window.activeTextEditor?.selection.start.line === middle, `the cursor on line ${middle}`);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await diagnosticsWhere(uri, (d) => d.some((x) => x.range.start.line === middle), `the squiggle on line ${middle} after the click`);
  });

  it('"Fix all control-character in this file" fixes those and leaves the others', async () => {
    const corpus = await api();
    const fixture = wsUri('fixtures', 'codes', 'control-character.corpus');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture));
    const copy = wsUri('fix-one-code.corpus');
    // The control character's document, and one undated document whose missing-date has no sure fix.
    await vscode.workspace.fs.writeFile(copy, new TextEncoder().encode(`${text}<<<FILE undated.txt>>>\nNo date here.\n`));
    await open(copy);
    await diagnosticsWhere(copy, (d) => d.some((x) => codeOf(x) === 'control-character') && d.some((x) => codeOf(x) === 'missing-date'), 'both problems');
    const tree = await corpus.problems.tree();
    const groups = tree.find((n) => n.label === 'fix-one-code.corpus')?.children.map((n) => n.label);
    assert.deepEqual(groups?.sort(), ['control-character', 'missing-date']);
    await vscode.commands.executeCommand('corpus.problems.fixAllOfCode', { uri: copy, code: 'control-character' });
    await diagnosticsWhere(copy, (d) => !d.some((x) => codeOf(x) === 'control-character') && d.some((x) => codeOf(x) === 'missing-date'), 'only missing-date left');
    assert.ok(!vscode.window.activeTextEditor?.document.getText().includes('\u0007'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
