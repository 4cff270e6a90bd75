// The mentions of a whole file, as the workspace index keeps them for files that
// are not open (hover counts, references and workspace symbols across files).

import type { CorpusModel } from '../../model/corpusModel';
import type { Range } from '../../model/types';
import { filePeople, KnownPeople } from './cache';

/** One mention, as the workspace index keeps it for files that are not open. */
export interface IndexedMention {
  /** Every key of the person the mention belongs to (shared between the person's mentions). */
  keys: readonly string[];
  person: string;
  document: string;
  line: number;
  range: Range;
}

/** The mentions of a whole file, for the workspace index. */
const indexCache = new WeakMap<CorpusModel, { generation: number; version: number; result: IndexedMention[] }>();

export function indexPeople(model: CorpusModel, known: KnownPeople): IndexedMention[] {
  const hit = indexCache.get(model);
  if (hit && hit.generation === model.generation && hit.version === known.version) return hit.result;
  const result = buildIndex(model, known);
  indexCache.set(model, { generation: model.generation, version: known.version, result });
  return result;
}

function buildIndex(model: CorpusModel, known: KnownPeople): IndexedMention[] {
  const file = filePeople(model, known);
  if (!file) return [];
  const docs = model.documents;
  const keysOf = file.persons.map((p) => [p.key, ...p.keys]);
  const out: IndexedMention[] = [];
  for (const list of file.mentions) {
    for (const m of list) {
      const i = file.byKey.get(m.mention.key);
      if (i === undefined) continue;
      out.push({ keys: keysOf[i], person: file.persons[i].name, document: docs[m.docIndex]?.name ?? '', line: m.range.start.line, range: m.range });
    }
  }
  return out;
}
