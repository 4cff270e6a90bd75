// The outline: one symbol per document, named by its header name, with the date,
// the language and the first words as detail.

import type { CorpusModel } from '../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Range } from '../model/types';

export interface DocumentSymbol {
  name: string;
  detail: string;
  kind: 'document' | 'person';
  range: Range;
  selectionRange: Range;
  children: DocumentSymbol[];
}

export function documentSymbols(model: CorpusModel, token: CancellationToken = NEVER_CANCELLED): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const d of model.documents) {
    if ((d.index & 1023) === 0 && token.isCancellationRequested) return [];
    out.push({
      name: d.name !== '' ? d.name : `(unnamed document, line ${d.headerLine + 1})`,
      detail: symbolDetail(d.facts),
      kind: 'document',
      range: d.range,
      selectionRange: d.nameRange,
      children: [],
    });
  }
  return out;
}

export function symbolDetail(facts: { dates: { text: string; check: { ok: boolean } }[]; lang?: string; firstWords: string }): string {
  const date = facts.dates.find((x) => x.check.ok)?.text ?? 'no date';
  return [date, facts.lang, facts.firstWords].filter((x) => x !== undefined && x !== '').join(' · ');
}
