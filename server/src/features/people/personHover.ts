// The hover on a person: who it is (from the people file), the spellings and
// titles seen, how often it is mentioned, and links to the documents of this file
// and of the rest of the workspace. Corpus and people-file text is escaped.

import type { CorpusModel } from '../../model/corpusModel';
import { CancellationToken, NEVER_CANCELLED, Position, Range } from '../../model/types';
import { escapeMarkdown } from '../hover';
import { KnownPeople, mentionsIn, personUnder } from './cache';

/** How a hover refers to other files of the workspace: counts and a link per document. */
export interface WorkspacePeopleIndex {
  /** Mentions of a person (by any of its keys) in other files: file label, uri, document name, line. */
  mentionsElsewhere(keys: readonly string[]): { uri: string; label: string; document: string; line: number }[];
}

/** How many documents a person's hover links to (the rest are counted). */
const HOVER_DOCUMENTS = 12;

export interface PeopleHover {
  markdown: string;
  range: Range;
}

/** The hover on a person: who it is, the spellings and titles seen, where else the person appears. */
export function personHover(
  model: CorpusModel,
  uri: string,
  position: Position,
  known: KnownPeople,
  workspace?: WorkspacePeopleIndex,
  token: CancellationToken = NEVER_CANCELLED,
): PeopleHover | undefined {
  const under = personUnder(model, position, known, token);
  if (!under) return undefined;
  const { at, file, person } = under;
  const keys = new Set([person.key, ...person.keys]);
  // Counts from the person's tally; only the cursor's document and the linked ones are read.
  const inFile = person.mentionCount;
  const inDoc = mentionsIn(model, at.docIndex, person, known, keys).length;
  const elsewhere = workspace?.mentionsElsewhere([person.key, ...person.keys]).filter((m) => m.uri !== uri) ?? [];
  const lines: string[] = [`**${escapeMarkdown(person.name)}**${person.known ? ' (from your people file)' : ''}`];
  if (person.description) lines.push(escapeMarkdown(person.description));
  const spellings = person.spellings.map((s) => `${escapeMarkdown(s.text)} (${s.count})`).join(', ');
  if (spellings) lines.push(`Spellings seen: ${spellings}`);
  const titles = person.titles.map((t) => escapeMarkdown(t.text)).join(', ');
  if (titles) lines.push(`Titles seen: ${titles}`);
  const reading = file.detected < file.total ? ` (still reading the file: ${file.detected.toLocaleString('en-US')} of ${file.total.toLocaleString('en-US')} documents so far)` : '';
  lines.push(`Mentions: ${inDoc} in this document, ${inFile} in this file, ${inFile + elsewhere.length} in the workspace${reading}`);
  // A link to the first mention in each of at most HOVER_DOCUMENTS documents.
  const docLinks = person.documents.slice(0, HOVER_DOCUMENTS).map((d) => {
    const doc = model.documentAt(d.index);
    const line = (mentionsIn(model, d.index, person, known, keys)[0]?.range.start.line ?? doc?.headerLine ?? 0) + 1;
    return `[${escapeMarkdown(doc?.name || `document ${d.index + 1}`)}](${uri}#L${line}) (${d.count})`;
  });
  const moreDocs = person.documents.length - docLinks.length;
  if (docLinks.length > 0) lines.push(`In this file: ${docLinks.join(' · ')}${moreDocs > 0 ? ` and ${moreDocs} more documents (Find All References lists every mention)` : ''}`);
  if (elsewhere.length > 0) {
    const shown = elsewhere.slice(0, 8).map((m) => `[${escapeMarkdown(m.label)} › ${escapeMarkdown(m.document)}](${m.uri}#L${m.line + 1})`);
    lines.push(`Elsewhere: ${shown.join(' · ')}${elsewhere.length > shown.length ? ` and ${elsewhere.length - shown.length} more` : ''}`);
  }
  return { markdown: lines.join('\n\n'), range: at.range };
}
