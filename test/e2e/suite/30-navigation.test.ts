// Outline (document symbols), folding, hover and workspace symbols through VS Code's
// built-in provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere, headers, hoverText, open, waitFor, wsUri } from '../helpers';

describe('navigation', () => {
  const uri = () => wsUri('seeds.corpus');
  let hs: { line: number; name: string }[] = [];
  let doc: vscode.TextDocument;

  before(async () => {
    doc = (await open(uri())).document;
    hs = headers(doc.getText());
    await diagnosticsWhere(uri(), (d) => d.length > 0, 'diagnostics (server has processed the file)');
  });

  it('document symbols: one per document, named after its header, in order', async () => {
    const syms = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri());
      return s && s.length ? s : undefined;
    }, 'document symbols');
    assert.deepEqual(
      syms.map((s) => s.name),
      hs.map((h) => h.name),
    );
    syms.forEach((s, i) => {
      assert.equal(s.range.start.line, hs[i].line, `symbol ${s.name} starts at its header`);
      const end = i + 1 < hs.length ? hs[i + 1].line - 1 : doc.lineCount - 1;
      assert.ok(s.range.end.line <= end && s.range.end.line >= s.range.start.line, `symbol ${s.name} ends inside its document`);
      assert.ok(s.range.contains(s.selectionRange), `selection range of ${s.name} lies inside its range`);
    });
  });

  it('folding ranges: one per document, from its header', async () => {
    const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri());
    const starts = ranges.map((r) => r.start).sort((a, b) => a - b);
    assert.deepEqual(
      starts,
      hs.map((h) => h.line),
    );
    for (const r of ranges) {
      const next = hs.find((h) => h.line > r.start)?.line ?? doc.lineCount;
      assert.ok(r.end > r.start && r.end < next, `fold ${r.start}-${r.end} stays inside its document (next header ${next})`);
    }
  });

  it('hover on a date line value describes the date', async () => {
    const line = hs[1].line + 1; // 001: " date 2024-12 Le président ..."
    const col = doc.lineAt(line).text.indexOf('2024-12');
    assert.ok(col > 0, 'seed 001 has a date line');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(line, col + 2));
    const text = hoverText(hovers);
    assert.match(text, /2024/, `hover text: ${JSON.stringify(text)}`);
  });

  it('hover on a header name says something about that document', async () => {
    const line = hs[2].line;
    const col = doc.lineAt(line).text.indexOf(hs[2].name);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(line, col + 3));
    assert.ok(hovers.length > 0, 'a hover on the header name');
    assert.ok(hoverText(hovers).trim().length > 0, 'the hover has text');
  });

  it('workspace symbols find documents by name', async () => {
    const syms = await waitFor(async () => {
      const s = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '003_dc61');
      return s.find((x) => x.name === hs[3].name) ? s : undefined;
    }, `a workspace symbol named ${hs[3].name}`);
    const hit = syms.find((x) => x.name === hs[3].name);
    assert.ok(hit);
    assert.equal(hit.location.uri.toString(), uri().toString());
    assert.equal(hit.location.range.start.line, hs[3].line);
    assert.ok(!syms.some((x) => x.name === hs[0].name), 'the query does not match unrelated documents');
  });
});
