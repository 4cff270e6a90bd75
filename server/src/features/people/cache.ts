// People in the editor, the shared part: mentions per document (cached per
// document analysis, so an edit re-reads only the documents it touches) and the
// persons of a file (grouped across its documents, cached per model generation).
// Every people feature (hover, references, tokens, outline, view, index) reads
// through these caches.

import { detectPeople, groupMentions, KnownPerson, Person, PersonMention } from '../../people';
import type { CorpusDocument, CorpusModel } from '../../model/corpusModel';
import type { DocFacts } from '../../model/facts';
import { CancellationToken, NEVER_CANCELLED, Position, Range } from '../../model/types';

/** The people files' entries, with a version that changes whenever they are reloaded. */
export interface KnownPeople {
  version: number;
  people: readonly KnownPerson[];
  /** Spellings the people files list as not people ("notPeople"): never a mention. */
  notPeople: readonly string[];
}

export const NO_KNOWN_PEOPLE: KnownPeople = { version: 0, people: [], notPeople: [] };

/** A mention with its place in the file. */
export interface LocatedMention {
  mention: PersonMention;
  range: Range;
  docIndex: number;
}

interface DocPeople {
  version: number;
  mentions: LocatedMention[];
}

const perDocument = new WeakMap<DocFacts, DocPeople>();

/** The people mentioned in one document (cached until the document or the people files change). */
export function documentPeople(model: CorpusModel, doc: CorpusDocument, known: KnownPeople): LocatedMention[] {
  const hit = perDocument.get(doc.facts);
  // Ranges are kept relative to the header line, which moves when lines are added above.
  if (hit && hit.version === known.version) return rebase(hit, doc);
  const body = model.body(doc.index);
  const found = detectPeople(body.text, { known: known.people as KnownPerson[], notPeople: known.notPeople as string[], lang: doc.facts.lang });
  const mentions = found.map((m) => ({
    mention: m,
    // Stored relative to the header line.
    range: { start: rel(body.positionOf(m.start), doc.headerLine), end: rel(body.positionOf(m.end), doc.headerLine) },
    docIndex: doc.index,
  }));
  const entry = { version: known.version, mentions };
  perDocument.set(doc.facts, entry);
  return rebase(entry, doc);
}

function rel(p: Position, base: number): Position {
  return { line: p.line - base, character: p.character };
}

function rebase(entry: DocPeople, doc: CorpusDocument): LocatedMention[] {
  const base = doc.headerLine;
  return entry.mentions.map((m) => ({
    mention: m.mention,
    range: { start: { line: m.range.start.line + base, character: m.range.start.character }, end: { line: m.range.end.line + base, character: m.range.end.character } },
    docIndex: doc.index,
  }));
}

export interface FilePeople {
  persons: Person[];
  /** Mentions per document, in document order. */
  mentions: LocatedMention[][];
  /** Mention key → index into `persons`. */
  byKey: Map<string, number>;
}

const perFile = new WeakMap<CorpusModel, { generation: number; version: number; result: FilePeople }>();

/** Every person of a file, grouped across its documents. */
export function filePeople(model: CorpusModel, known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): FilePeople | undefined {
  const hit = perFile.get(model);
  if (hit && hit.generation === model.generation && hit.version === known.version) return hit.result;
  const mentions: LocatedMention[][] = [];
  for (const doc of model.documents) {
    if (token.isCancellationRequested) return undefined;
    mentions.push(documentPeople(model, doc, known));
  }
  const persons = groupMentions(
    mentions.map((list) => list.map((m) => m.mention)),
    known.people as KnownPerson[],
  );
  const byKey = new Map<string, number>();
  persons.forEach((p, i) => {
    byKey.set(p.key, i);
    for (const k of p.keys) if (!byKey.has(k)) byKey.set(k, i);
  });
  const result = { persons, mentions, byKey };
  perFile.set(model, { generation: model.generation, version: known.version, result });
  return result;
}

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

/** The mention under the cursor, if any (only the cursor's document is read). */
export function mentionAt(model: CorpusModel, position: Position, known: KnownPeople): LocatedMention | undefined {
  const doc = model.documentAtLine(position.line);
  if (!doc) return undefined;
  return documentPeople(model, doc, known).find((m) => contains(m.range, position));
}

/** The mention under the cursor, the file's people and the person it belongs to. */
export function personUnder(model: CorpusModel, position: Position, known: KnownPeople, token: CancellationToken): { at: LocatedMention; file: FilePeople; person: Person } | undefined {
  const at = mentionAt(model, position, known);
  const file = at && filePeople(model, known, token);
  const person = file && personOf(file, at.mention);
  return at && file && person ? { at, file, person } : undefined;
}

/** The person a mention belongs to within the file. */
export function personOf(file: FilePeople, mention: PersonMention): Person | undefined {
  const i = file.byKey.get(mention.key);
  return i === undefined ? undefined : file.persons[i];
}

/** Every mention of a person in the file. */
export function mentionsOf(file: FilePeople, person: Person): LocatedMention[] {
  const keys = new Set([person.key, ...person.keys]);
  const out: LocatedMention[] = [];
  for (const list of file.mentions) for (const m of list) if (keys.has(m.mention.key)) out.push(m);
  return out;
}
