// People in the editor: mentions per document (cached per document analysis, so
// an edit re-reads only the documents it touches), grouped into persons per file,
// and the features built on them: hover, references, highlights, semantic tokens,
// outline children and the People view. Corpus and people-file text that reaches
// a hover is escaped.

import { modify } from 'jsonc-parser';
import { detectPeople, groupMentions, KnownPerson, Person, PersonMention } from '../people';
import type { CorpusDocument, CorpusModel } from '../model/corpusModel';
import type { DocFacts } from '../model/facts';
import { CancellationToken, NEVER_CANCELLED, Position, Range } from '../model/types';

import { escapeMarkdown } from './hover';

/** The people files' entries, with a version that changes whenever they are reloaded. */
export interface KnownPeople {
  version: number;
  people: readonly KnownPerson[];
}

export const NO_KNOWN_PEOPLE: KnownPeople = { version: 0, people: [] };

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
  const found = detectPeople(body.text, { known: known.people as KnownPerson[], lang: doc.facts.lang });
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
  const persons = groupMentions(mentions.map((list) => list.map((m) => m.mention)), known.people as KnownPerson[]);
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
function personUnder(model: CorpusModel, position: Position, known: KnownPeople, token: CancellationToken): { at: LocatedMention; file: FilePeople; person: Person } | undefined {
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
  const inFile = mentionsOf(file, person);
  const inDoc = inFile.filter((m) => m.docIndex === at.docIndex).length;
  const elsewhere = workspace?.mentionsElsewhere([person.key, ...person.keys]).filter((m) => m.uri !== uri) ?? [];
  const docs = model.documents;
  const lines: string[] = [`**${escapeMarkdown(person.name)}**${person.known ? ' (from your people file)' : ''}`];
  if (person.description) lines.push(escapeMarkdown(person.description));
  const spellings = person.spellings.map((s) => `${escapeMarkdown(s.text)} (${s.count})`).join(', ');
  if (spellings) lines.push(`Spellings seen: ${spellings}`);
  const titles = person.titles.map((t) => escapeMarkdown(t.text)).join(', ');
  if (titles) lines.push(`Titles seen: ${titles}`);
  lines.push(`Mentions: ${inDoc} in this document, ${inFile.length} in this file, ${inFile.length + elsewhere.length} in the workspace`);
  // The first mention in each document (one pass), and at most HOVER_DOCUMENTS links.
  const firstIn = new Map<number, LocatedMention>();
  for (const m of inFile) if (!firstIn.has(m.docIndex)) firstIn.set(m.docIndex, m);
  const docLinks = person.documents.slice(0, HOVER_DOCUMENTS).map((d) => {
    const doc = docs[d.index];
    const line = (firstIn.get(d.index)?.range.start.line ?? doc?.headerLine ?? 0) + 1;
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

/** Mentions of the person under the cursor in this file (for references and highlights). */
export function samePersonMentions(model: CorpusModel, position: Position, known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): { person: Person; mentions: LocatedMention[] } | undefined {
  const under = personUnder(model, position, known, token);
  return under ? { person: under.person, mentions: mentionsOf(under.file, under.person) } : undefined;
}

/** Semantic tokens for the mentions within lines [fromLine, toLine]: only those documents are read. */
export function personTokens(model: CorpusModel, known: KnownPeople, fromLine: number, toLine: number, token: CancellationToken = NEVER_CANCELLED): Range[] {
  const out: Range[] = [];
  for (const doc of model.documents) {
    if (doc.range.end.line < fromLine) continue;
    if (doc.headerLine > toLine) break;
    if (token.isCancellationRequested) return out;
    for (const m of documentPeople(model, doc, known)) {
      if (m.range.end.line < fromLine || m.range.start.line > toLine) continue;
      // Semantic tokens are single-line: a name never spans lines, but stay safe.
      if (m.range.start.line === m.range.end.line) out.push(m.range);
    }
  }
  return out;
}

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
      const mentions = mentionsOf(file, p).map((m) => m.range);
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

/**
 * The change that adds a person to a people file: offsets into the file's text
 * (or the whole text of a new file when there is none yet). Uses jsonc-parser's
 * `modify`, so the rest of the file keeps its formatting.
 */
export function addToPeopleFile(existing: string | undefined, person: { name: string; aliases: string[] }): { start: number; end: number; text: string }[] {
  const entry: { name: string; aliases?: string[] } = { name: person.name };
  const aliases = [...new Set(person.aliases.filter((a) => a !== person.name))];
  if (aliases.length > 0) entry.aliases = aliases;
  if (existing === undefined || existing.trim() === '') {
    return [{ start: 0, end: existing?.length ?? 0, text: `${JSON.stringify({ people: [entry] }, null, 2)}\n` }];
  }
  const edits = modify(existing, ['people', -1], entry, { formattingOptions: { insertSpaces: true, tabSize: 2, eol: existing.includes('\r\n') ? '\r\n' : '\n' } });
  return edits.map((e) => ({ start: e.offset, end: e.offset + e.length, text: e.content }));
}

/** For the "Add … to the people file" action: the person under the cursor, if not known yet. */
export function unknownPersonAt(model: CorpusModel, position: Position, known: KnownPeople): { name: string; aliases: string[]; range: Range } | undefined {
  const at = mentionAt(model, position, known);
  if (!at) return undefined;
  const file = filePeople(model, known);
  const person = file && personOf(file, at.mention);
  if (!person || person.known) return undefined;
  return { name: person.name, aliases: person.spellings.map((s) => s.text), range: at.range };
}
