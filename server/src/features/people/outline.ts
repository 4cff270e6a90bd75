// The people of each document as children in the outline.

import type { CorpusDocument, CorpusModel } from '../../model/corpusModel';
import type { Range } from '../../model/types';
import { documentPeople, KnownPeople } from './cache';

/** The people of each document, first mention first: outline children. */
export function outlinePeople(model: CorpusModel, doc: CorpusDocument, known: KnownPeople): { name: string; detail: string; range: Range }[] {
  const seen = new Map<string, { name: string; count: number; range: Range; title?: string }>();
  for (const m of documentPeople(model, doc, known)) {
    const k = m.mention.key;
    const e = seen.get(k);
    if (e) e.count++;
    else seen.set(k, { name: m.mention.canonical, count: 1, range: m.range, title: m.mention.title });
  }
  return [...seen.values()].map((e) => ({ name: e.name, detail: `${e.count} mention${e.count === 1 ? '' : 's'}${e.title ? ` · ${e.title}` : ''}`, range: e.range }));
}
