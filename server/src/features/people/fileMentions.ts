// The mentions of a whole file, as the workspace index keeps them for files that
// are not open (hover counts, references and workspace symbols across files), and
// the same questions asked of an open file through its persons.

import type { CorpusModel } from '../../model/corpusModel';
import type { Range } from '../../model/types';
import { filePeople, knownDocPeople, KnownPeople, mentionRange, mentionsOf } from './cache';

/** One mention, as the workspace index keeps it for files that are not open. */
export interface IndexedMention {
  /** Every key of the person the mention belongs to (shared between the person's mentions). */
  keys: readonly string[];
  person: string;
  document: string;
  line: number;
  range: Range;
}

/** The mentions of a whole file, for the workspace index (the documents read so far). */
const indexCache = new WeakMap<CorpusModel, { generation: number; version: number; detected: number; result: IndexedMention[] }>();

export function indexPeople(model: CorpusModel, known: KnownPeople): IndexedMention[] {
  const file = filePeople(model, known);
  if (!file) return [];
  const hit = indexCache.get(model);
  if (hit && hit.generation === model.generation && hit.version === known.version && hit.detected === file.detected) return hit.result;
  const keysOf = file.persons.map((p) => [p.key, ...p.keys]);
  const out: IndexedMention[] = [];
  for (let d = 0; d < model.documentCount; d++) {
    const entry = knownDocPeople(model, d, known);
    if (!entry || entry.mentions.length === 0) continue;
    const name = model.segmentAt(d + 1).doc?.name ?? '';
    for (const m of entry.mentions) {
      const i = file.byKey.get(m.key);
      if (i === undefined) continue;
      const range = mentionRange(model, d, m);
      out.push({ keys: keysOf[i], person: file.persons[i].name, document: name, line: range.start.line, range });
    }
  }
  indexCache.set(model, { generation: model.generation, version: known.version, detected: file.detected, result: out });
  return out;
}

/**
 * The mentions, in an open file, of whoever has one of `keys` there (the persons
 * of that file that share a key, each mention once), without a flat index.
 */
export function mentionsOfKeys(model: CorpusModel, known: KnownPeople, keys: readonly string[]): { document: string; line: number; range: Range }[] {
  const file = filePeople(model, known);
  if (!file) return [];
  const persons = new Set<number>();
  for (const k of keys) {
    const i = file.byKey.get(k);
    if (i !== undefined) persons.add(i);
  }
  const out: { document: string; line: number; range: Range; order: number }[] = [];
  for (const i of persons) {
    for (const m of mentionsOf(model, file.persons[i], known)) {
      out.push({ document: model.segmentAt(m.docIndex + 1).doc?.name ?? '', line: m.range.start.line, range: m.range, order: m.docIndex * 1e9 + m.mention.start });
    }
  }
  // In file order, as the flat index gives them.
  out.sort((a, b) => a.order - b.order);
  return out.map(({ document, line, range }) => ({ document, line, range }));
}
