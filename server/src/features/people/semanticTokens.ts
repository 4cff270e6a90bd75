// Semantic tokens of people: the mentions within a range of lines.

import type { CorpusModel } from '../../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Range } from '../../model/types';
import { documentPeople, KnownPeople } from './cache';

/** Semantic tokens for the mentions within lines [fromLine, toLine]: only those documents are read. */
export function personTokens(model: CorpusModel, known: KnownPeople, fromLine: number, toLine: number, token: CancellationToken = NEVER_CANCELLED): Range[] {
  const out: Range[] = [];
  for (const doc of model.documents) {
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
