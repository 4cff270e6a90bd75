// References and highlights of a person: the mentions of the person under the
// cursor in its file (the workspace index adds those of other files).

import type { Person } from '../../people';
import type { CorpusModel } from '../../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Position } from '../../model/types';
import { KnownPeople, LocatedMention, mentionsOf, personUnder } from './cache';

/** Mentions of the person under the cursor in this file (for references and highlights). */
export function samePersonMentions(model: CorpusModel, position: Position, known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): { person: Person; mentions: LocatedMention[] } | undefined {
  const under = personUnder(model, position, known, token);
  return under ? { person: under.person, mentions: mentionsOf(model, under.person, known) } : undefined;
}
