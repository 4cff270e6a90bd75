// The People view's data: the persons of one file, most mentioned first.

import type { CorpusModel } from '../../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Range } from '../../model/types';
import { filePeople, KnownPeople, mentionsOf } from './cache';

/** The People view's data for one file: persons by mention count, with their mentions. */
export interface PeopleViewEntry {
  name: string;
  description?: string;
  known: boolean;
  count: number;
  spellings: string[];
  titles: string[];
  documents: number;
  mentions: Range[];
}

export function peopleView(model: CorpusModel, known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): PeopleViewEntry[] {
  const file = filePeople(model, known, token);
  if (!file) return [];
  return file.persons
    .map((p) => {
      const mentions = mentionsOf(model, p, known).map((m) => m.range);
      return {
        name: p.name,
        description: p.description,
        known: p.known,
        count: mentions.length,
        spellings: p.spellings.map((s) => s.text),
        titles: p.titles.map((t) => t.text),
        documents: p.documents.length,
        mentions,
      };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
