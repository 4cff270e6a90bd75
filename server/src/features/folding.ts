// Folding: one range per document, from its header to its last non-blank line.

import type { CorpusModel } from '../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED } from '../model/types';

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export function foldingRanges(model: CorpusModel, token: CancellationToken = NEVER_CANCELLED): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const d of model.documents) {
    if ((d.index & 1023) === 0 && token.isCancellationRequested) return [];
    // A document whose only line is its header still gets a range, so every document can be folded alike.
    out.push({ startLine: d.headerLine, endLine: Math.max(d.headerLine, d.lastContentLine) });
  }
  return out;
}
