// The people of each document as children in the outline.

import type { PersonMention } from '../../people';
import type { CorpusDocument, CorpusModel } from '../../model/corpusModel';
import type { Range } from '../../model/types';
import { docMentions, KnownPeople, mentionRange } from './cache';

interface OutlinePerson {
  name: string;
  count: number;
  first: PersonMention;
  title?: string;
}

/**
 * One entry per person of a document's mentions, cached with the mentions (an
 * edit replaces them, so only the documents it touched are summed up again).
 */
const summaries = new WeakMap<readonly PersonMention[], OutlinePerson[]>();

function summarise(mentions: readonly PersonMention[]): OutlinePerson[] {
  const hit = summaries.get(mentions);
  if (hit) return hit;
  const seen = new Map<string, OutlinePerson>();
  for (const m of mentions) {
    const e = seen.get(m.key);
    if (e) e.count++;
    else seen.set(m.key, { name: m.canonical, count: 1, first: m, title: m.title });
  }
  const out = [...seen.values()];
  summaries.set(mentions, out);
  return out;
}

/** The people of a document, first mention first: outline children (only the first mention's range is computed). */
export function outlinePeople(model: CorpusModel, doc: CorpusDocument, known: KnownPeople): { name: string; detail: string; range: Range }[] {
  return summarise(docMentions(model, doc.index, known)).map((e) => ({
    name: e.name,
    detail: `${e.count} mention${e.count === 1 ? '' : 's'}${e.title ? ` · ${e.title}` : ''}`,
    range: mentionRange(model, doc.index, e.first),
  }));
}
