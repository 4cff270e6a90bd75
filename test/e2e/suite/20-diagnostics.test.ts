// Diagnostics as VS Code shows them (vscode.languages.getDiagnostics), on the seeds and on
// one fixture per diagnostic code (fixtures/codes/<code>.corpus, copied from test/fixtures).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SEVERITY, fixtureFiles } from '../fixtures';
import { codeOf, diagnosticsWhere, headers, open, severityName, summarize, wsUri } from '../helpers';

describe('diagnostics', () => {
  it('seeds.corpus: three missing-date warnings (002, 003, 004), one partial-date information (001), nothing else', async () => {
    const uri = wsUri('seeds.corpus');
    const editor = await open(uri);
    const hs = headers(editor.document.getText());
    assert.equal(hs.length, 5, 'seeds.corpus has five headers');
    const docOf = (line: number) =>
      hs
        .filter((h) => h.line <= line)
        .pop()
        ?.name.slice(0, 3);
    const diags = await diagnosticsWhere(uri, (d) => d.length >= 4, 'four diagnostics');
    // give a late extra diagnostic a moment to show up before asserting "nothing else"
    await new Promise((r) => setTimeout(r, 300));
    const got = vscode.languages
      .getDiagnostics(uri)
      .map((d) => `${d.source}/${codeOf(d)}/${severityName(d.severity)}/${docOf(d.range.start.line)}`)
      .sort();
    assert.deepEqual(
      got,
      ['corpus/missing-date/Warning/002', 'corpus/missing-date/Warning/003', 'corpus/missing-date/Warning/004', 'corpus/partial-date/Information/001'],
      `diagnostics: ${summarize(diags).join(', ')}`,
    );
    for (const d of diags) assert.ok(d.message.trim().length > 10, `a plain-words message for ${codeOf(d)}: "${d.message}"`);
  });

  it('there is a fixture for every diagnostic code of the spec', async () => {
    const entries = await vscode.workspace.fs.readDirectory(wsUri('fixtures', 'codes'));
    const have = new Set(entries.map(([n]) => n.replace(/\.corpus$/, '')));
    const missing = Object.keys(DEFAULT_SEVERITY).filter((c) => !have.has(c));
    assert.deepEqual(missing, [], `test/fixtures/codes/ lacks fixtures for: ${missing.join(', ')}`);
  });

  // every fixture: fixtures/codes/<code>[.<variant>].corpus shows <code> at its default severity
  for (const file of fixtureFiles()) {
    const code = file.split('.')[0];
    const severity = DEFAULT_SEVERITY[code];
    it(`fixtures/codes/${file} shows "${code}" as ${severityName(severity)}`, async () => {
      const uri = wsUri('fixtures', 'codes', file);
      await open(uri);
      const diags = await diagnosticsWhere(uri, (d) => d.some((x) => codeOf(x) === code), `a "${code}" diagnostic`);
      for (const d of diags.filter((x) => codeOf(x) === code)) {
        assert.equal(severityName(d.severity), severityName(severity), `severity of ${code} at line ${d.range.start.line}`);
        assert.equal(d.source, 'corpus');
      }
    });
  }

  it('fixtures/codes/clean.corpus has no diagnostics', async () => {
    const uri = wsUri('fixtures', 'codes', 'clean.corpus');
    await open(uri);
    // the server publishes for every opened document; wait for a possible late one, then expect none
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(summarize(vscode.languages.getDiagnostics(uri)), []);
  });
});
