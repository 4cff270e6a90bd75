// Quick fixes and "Fix all". Every fix comes from the rule that found the problem
// (../rules): segment rules keep theirs with each problem, file rules build theirs
// from the file's document table. This file only gathers them for a range and
// makes their edits absolute.

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import { insertAfterLine } from '../model/edits';
import { CancellationToken, CodeAction, NEVER_CANCELLED, Range, TextEdit } from '../model/types';
import { FILE_RULES } from '../rules';
import type { FileFixContext, FixContext } from '../rules/types';
import { allowedKeys, severityOf } from '../diagnostics/convert';
import { modelDocumentTable } from '../diagnostics/fileRules';
import { fixableTextProblems } from '../diagnostics/textPass';

/** True when two ranges overlap or touch (a cursor inside or at either end of a diagnostic). */
export function intersects(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function isoOf(model: CorpusModel, segIndex: number): string | undefined {
  const d = model.segmentAt(segIndex).doc?.dates.find((x) => x.check.ok);
  return d && d.check.ok ? d.check.date.text : undefined;
}

/** What the rules' fixes may ask about the document held by segment `segIndex`. */
export function fixContext(model: CorpusModel, config: CorpusConfig, segIndex: number): FixContext {
  return {
    dateStyle: config.dateStyle,
    preferDateFixes: config.dateFixes !== 'ask',
    neighbourDates() {
      let previousDate: string | undefined;
      let nextDate: string | undefined;
      for (let i = segIndex - 1; i >= 1 && previousDate === undefined; i--) previousDate = isoOf(model, i);
      for (let i = segIndex + 1; i < model.segmentCount && nextDate === undefined; i++) nextDate = isoOf(model, i);
      return { previousDate, nextDate };
    },
  };
}

/** What file rules' fixes read; `on` says in which documents the rule is on ("Fix all" fixes only those). */
function fileFixContext(model: CorpusModel, on?: (doc: number) => boolean): FileFixContext {
  return {
    on,
    names: () => new Set(model.documents.map((d) => d.name)),
    unclosed: () => model.documents.filter((d) => d.facts.endLine === undefined).map((d) => d.index),
    endLineEdit: (doc) => endLineEdit(model, doc),
  };
}

/** Inserts `<<<END>>>` on a new line after the document's last non-blank line. */
function endLineEdit(model: CorpusModel, docIndex: number): TextEdit {
  const segIndex = docIndex + 1;
  const seg = model.segmentAt(segIndex);
  const facts = seg.doc;
  const e = insertAfterLine(seg.text, seg.lineStarts, facts ? facts.lastContentLine : 0, '<<<END>>>', seg.eol);
  return { range: model.toAbsolute(segIndex, e), newText: e.newText };
}

/** Quick fixes for the problems that touch `range`. */
export function codeActions(model: CorpusModel, config: CorpusConfig, range: Range, token: CancellationToken = NEVER_CANCELLED): CodeAction[] {
  const out: CodeAction[] = [];
  const allowed = allowedKeys(config);
  const firstSeg = Math.max(0, model.segmentIndexAtLine(range.start.line));
  const lastSeg = Math.max(firstSeg, model.segmentIndexAtLine(range.end.line));
  for (let i = firstSeg; i <= lastSeg && i < model.segmentCount; i++) {
    if (token.isCancellationRequested) return [];
    const name = model.segmentAt(i).doc?.name;
    const seg = model.segmentAt(i);
    for (const p of [...model.problemsOf(i), ...fixableTextProblems(seg, config)]) {
      if (!severityOf(config, p.code, name) || (p.key !== undefined && allowed?.has(p.key)) || !p.fixes) continue;
      const pr = model.toAbsolute(i, p);
      if (!intersects(pr, range)) continue;
      for (const f of p.fixes(fixContext(model, config, i))) {
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
  const table = modelDocumentTable(model);
  let ctx: FileFixContext | undefined;
  for (const rule of FILE_RULES) {
    if (!rule.fixes) continue;
    const fixes = rule.fixes.bind(rule);
    rule.check(table, (p) => {
      if (!intersects(p.range, range) || !severityOf(config, p.code, table.name(p.doc))) return;
      for (const f of fixes(p, (ctx ??= fileFixContext(model)), table)) {
        out.push({ title: f.title, kind: 'quickfix', diagnostic: { code: p.code, range: p.range }, isPreferred: f.preferred, edits: f.edits });
      }
    });
  }
  return out;
}

/**
 * "Fix all": the preferred fix of every problem, skipping any edit that would
 * overlap one already taken (a second run fixes what is left). A file rule with a
 * fix for all its problems at once (end lines) gives that fix once. With `code`,
 * only the problems of that code ("Fix all <code> in this file"), by the same rules.
 */
export function fixAll(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED, code?: string): TextEdit[] {
  const all: TextEdit[] = [];
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: model.lineCount, character: 0 } };
  const once = new Set(FILE_RULES.filter((r) => r.fixAll).map((r) => r.meta.code));
  const onceDone = new Set<string>();
  const seenDiag = new Set<string>();
  for (const a of codeActions(model, config, whole, token)) {
    if (!a.isPreferred || !a.diagnostic || (code !== undefined && a.diagnostic.code !== code)) continue;
    const { code: ofDiag } = a.diagnostic;
    const key = `${ofDiag}@${a.diagnostic.range.start.line}:${a.diagnostic.range.start.character}`;
    if (seenDiag.has(key)) continue;
    seenDiag.add(key);
    if (once.has(ofDiag)) {
      if (onceDone.has(ofDiag)) continue;
      onceDone.add(ofDiag);
      const rule = FILE_RULES.find((r) => r.meta.code === ofDiag);
      const table = modelDocumentTable(model);
      all.push(
        ...(rule?.fixAll?.(
          fileFixContext(model, (d) => severityOf(config, ofDiag, table.name(d)) !== undefined),
          table,
        ) ?? []),
      );
      continue;
    }
    all.push(...a.edits);
  }
  return nonOverlapping(all);
}

function cmp(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

/** The edits sorted by position, leaving out any that overlaps one already taken (as "Fix all" does). */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
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

/** Applies edits (non-overlapping) to a model's text; for tests and the command line. */
export function applyEdits(model: CorpusModel, edits: readonly TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ a: model.offsetAt(e.range.start), b: model.offsetAt(e.range.end), t: e.newText })).sort((x, y) => y.a - x.a || y.b - x.b);
  let text = model.getText();
  for (const e of withOffsets) text = text.slice(0, e.a) + e.t + text.slice(e.b);
  return text;
}
