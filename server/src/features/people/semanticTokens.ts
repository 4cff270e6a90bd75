// Semantic tokens of people: the mentions within a range of lines.

import type { CorpusModel } from '../../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Range } from '../../model/types';
import { documentPeople, KnownPeople } from './cache';

/** Semantic tokens for the mentions within lines [fromLine, toLine]: only those documents are read. */
export function personTokens(model: CorpusModel, known: KnownPeople, fromLine: number, toLine: number, token: CancellationToken = NEVER_CANCELLED): Range[] {
  const out: Range[] = [];
  // The first document that reaches fromLine, then the following ones up to toLine (segment i holds document i - 1).
  let index = Math.max(0, model.segmentIndexAtLine(Math.max(0, Math.floor(fromLine) || 0)) - 1);
  for (let doc = model.documentAt(index); doc; doc = model.documentAt(++index)) {
    if (doc.range.end.line < fromLine) continue;
    if (doc.headerLine > toLine) break;
    if (token.isCancellationRequested) return out;
    for (const m of documentPeople(model, doc, known)) {
      if (m.range.end.line < fromLine || m.range.start.line > toLine) continue;
      // Semantic tokens are single-line: a name never spans lines, but stay safe.
      if (m.range.start.line === m.range.end.line) out.push(m.range);
    }
  }
  return out;
}
