// Quick fixes and "fix all": each fix is an edit that leaves the text clean for
// the code it fixes. Fixes come from the problems the parser keeps per segment
// and from the cross-document checks.

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import { formatName } from '../model/header';
import { insertAfterLine } from '../model/segment';
import { CancellationToken, Code, DEFAULT_SEVERITY, NEVER_CANCELLED, Range, TextEdit } from '../model/types';
import { crossDocumentProblems, uniqueName } from './diagnostics';
import { missingDateFixes } from './dates';

export interface CodeAction {
  title: string;
  kind: 'quickfix' | 'source.fixAll.corpus';
  /** The diagnostic it fixes (code and range), for the editor to link them. */
  diagnostic?: { code: Code; range: Range };
  isPreferred: boolean;
  edits: TextEdit[];
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick fixes for the problems that touch `range`. */
export function codeActions(
  model: CorpusModel,
  config: CorpusConfig,
  range: Range,
  token: CancellationToken = NEVER_CANCELLED,
): CodeAction[] {
  const out: CodeAction[] = [];
  const allowed = new Set(config.attributes);
  const enabled = (code: Code) => (config.rules[code] ?? DEFAULT_SEVERITY[code]) !== 'off';
  const firstSeg = Math.max(0, model.segmentIndexAtLine(range.start.line));
  const lastSeg = Math.max(firstSeg, model.segmentIndexAtLine(range.end.line));
  for (let i = firstSeg; i <= lastSeg && i < model.segmentCount; i++) {
    if (token.isCancellationRequested) return [];
    for (const p of model.problemsOf(i)) {
      if (!enabled(p.code) || (p.key !== undefined && allowed.has(p.key))) continue;
      const pr = model.toAbsolute(i, p);
      if (!intersects(pr, range)) continue;
      if (p.code === 'missing-date') out.push(...missingDateFixes(model, config, pr));
      for (const f of p.fixes?.() ?? []) {
        out.push({
          title: f.title,
          kind: 'quickfix',
          diagnostic: { code: p.code, range: pr },
          isPreferred: f.preferred,
          edits: f.edits.map((e) => ({ range: model.toAbsolute(i, e), newText: e.newText })),
        });
      }
    }
  }
  for (const c of crossDocumentProblems(model)) {
    if (!enabled(c.code) || !intersects(c.range, range)) continue;
    out.push(...crossFixes(model, c.code, c.range, c.doc.index));
  }
  return out;
}

function crossFixes(model: CorpusModel, code: Code, range: Range, docIndex: number): CodeAction[] {
  const docs = model.documents;
  const doc = docs[docIndex];
  if (!doc) return [];
  if (code === 'duplicate-name') {
    const taken = new Set(docs.map((d) => d.name));
    const name = uniqueName(doc.name, taken);
    return [{
      title: `Rename this document to \`${name}\``,
      kind: 'quickfix',
      diagnostic: { code, range },
      isPreferred: true,
      edits: [{ range: doc.nameRange, newText: formatName(name) }],
    }];
  }
  if (code === 'unterminated-document') {
    const unclosed = docs.filter((d) => d.facts.endLine === undefined);
    const one = endLineEdit(model, docIndex);
    const actions: CodeAction[] = [{
      title: 'Add an end line `<<<END>>>` after this document',
      kind: 'quickfix',
      diagnostic: { code, range },
      isPreferred: true,
      edits: [one],
    }];
    if (unclosed.length > 1) {
      actions.push({
        title: `Add the missing end lines to all ${unclosed.length} documents`,
        kind: 'quickfix',
        diagnostic: { code, range },
        isPreferred: false,
        edits: unclosed.map((d) => endLineEdit(model, d.index)),
      });
    }
    return actions;
  }
  return [];
}

/** Inserts `<<<END>>>` on a new line after the document's last non-blank line. */
function endLineEdit(model: CorpusModel, docIndex: number): TextEdit {
  const doc = model.documents[docIndex];
  const segIndex = docIndex + 1;
  const seg = model.segmentAt(segIndex);
  const rel = doc.lastContentLine - doc.headerLine;
  const e = insertAfterLine(seg.text, seg.lineStarts, rel, '<<<END>>>', seg.eol);
  return { range: model.toAbsolute(segIndex, e), newText: e.newText };
}

/**
 * "Fix all": the preferred fix of every problem, skipping any edit that would
 * overlap one already taken (a second run fixes what is left).
 */
export function fixAll(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED): TextEdit[] {
  const all: TextEdit[] = [];
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: model.lineCount, character: 0 } };
  const actions = codeActions(model, config, whole, token);
  const seenDiag = new Set<string>();
  let unterminatedDone = false;
  for (const a of actions) {
    if (!a.isPreferred || !a.diagnostic) continue;
    const key = `${a.diagnostic.code}@${a.diagnostic.range.start.line}:${a.diagnostic.range.start.character}`;
    if (seenDiag.has(key)) continue;
    if (a.diagnostic.code === 'unterminated-document') {
      if (unterminatedDone) continue;
      unterminatedDone = true;
      const unclosed = model.documents.filter((d) => d.facts.endLine === undefined);
      seenDiag.add(key);
      all.push(...unclosed.map((d) => endLineEdit(model, d.index)));
      continue;
    }
    seenDiag.add(key);
    all.push(...a.edits);
  }
  return nonOverlapping(all);
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((x, y) => cmp(x.range.start, y.range.start) || cmp(x.range.end, y.range.end));
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && cmp(e.range.start, prev.range.end) < 0) continue;
    if (prev && cmp(e.range.start, prev.range.end) === 0 && cmp(prev.range.start, prev.range.end) === 0 && cmp(e.range.start, e.range.end) === 0) continue;
    out.push(e);
  }
  return out;
}

/** Applies edits (non-overlapping) to a text; for tests and the CLI's --fix. */
export function applyEdits(model: CorpusModel, edits: readonly TextEdit[]): string {
  const withOffsets = edits
    .map((e) => ({ a: model.offsetAt(e.range.start), b: model.offsetAt(e.range.end), t: e.newText }))
    .sort((x, y) => y.a - x.a || y.b - x.b);
  let text = model.getText();
  for (const e of withOffsets) text = text.slice(0, e.a) + e.t + text.slice(e.b);
  return text;
}
