// People in the editor, the shared part. The people of each document are detected
// once and kept with the document's analysis (its facts object: an edit replaces
// it, so only the documents an edit touched are read again), with a tally per key
// (what grouping needs). The persons of a file are grouped from those tallies,
// once per model generation, and a person's mentions are found through the
// documents that mention it; ranges are computed when asked for. Detection of a
// whole file happens in the background (./pass.ts); a request reads what is known
// and detects at most the document under the cursor (a small file: all of it).

import { detectPeople, groupTallies, KnownPerson, Person, PersonMention, tallyDocument } from '../../people';
import type { DocumentTally, KeyTally } from '../../people';
import type { CorpusDocument, CorpusModel } from '../../model/corpusModel';
import type { DocFacts } from '../../model/facts';
import { lineAt } from '../../model/lines';
import { CancellationToken, NEVER_CANCELLED, Position, Range } from '../../model/types';

/** The people files' entries, with a version that changes whenever they are reloaded. */
export interface KnownPeople {
  version: number;
  people: readonly KnownPerson[];
  /** Spellings the people files list as not people ("notPeople"): never a mention. */
  notPeople: readonly string[];
}

export const NO_KNOWN_PEOPLE: KnownPeople = { version: 0, people: [], notPeople: [] };

/** A document body up to this many characters is read at once when a request needs it (about 50 ms at worst). */
export const SYNC_DOCUMENT_LIMIT = 256 * 1024;
/** A file up to this many characters has all its documents read when a request needs them (a few ms). */
export const SYNC_FILE_LIMIT = 64 * 1024;
/** Past SYNC_DOCUMENT_LIMIT, the background reads a body in pieces of about this size, cut at a line break or a space. */
export const PIECE_CHARS = 16 * 1024;

/** A mention with its place in the file. */
export interface LocatedMention {
  mention: PersonMention;
  range: Range;
  docIndex: number;
}

/** What detection found in one document: the mentions (offsets into the body) and their tally per key. */
export interface DocPeople {
  version: number;
  mentions: PersonMention[];
  tally: DocumentTally;
}

const perDocument = new WeakMap<DocFacts, DocPeople>();
/** A document read piece by piece: where the next piece starts, and the mentions so far. */
const partial = new WeakMap<DocFacts, { version: number; next: number; mentions: PersonMention[] }>();

function factsOf(model: CorpusModel, docIndex: number): DocFacts | undefined {
  return model.segmentAt(docIndex + 1)?.doc;
}

/** The people of a document if they are known (under these people files). */
export function knownDocPeople(model: CorpusModel, docIndex: number, known: KnownPeople): DocPeople | undefined {
  const facts = factsOf(model, docIndex);
  const hit = facts && perDocument.get(facts);
  return hit && hit.version === known.version ? hit : undefined;
}

function store(facts: DocFacts, known: KnownPeople, mentions: PersonMention[]): DocPeople {
  const entry = { version: known.version, mentions, tally: tallyDocument(mentions) };
  perDocument.set(facts, entry);
  partial.delete(facts);
  return entry;
}

/** Where a piece of a long body ends: at a line break (or else a space) before `limit`, so no name is cut. */
function pieceEnd(text: string, from: number, limit: number): number {
  if (limit >= text.length) return text.length;
  const nl = text.lastIndexOf('\n', limit);
  if (nl > from) return nl + 1;
  const sp = text.lastIndexOf(' ', limit);
  return sp > from ? sp + 1 : limit;
}

/**
 * Detects one unit of a document: its whole body, or for a body past
 * SYNC_DOCUMENT_LIMIT the next piece. Returns true when the document is done.
 */
export function detectStep(model: CorpusModel, docIndex: number, known: KnownPeople): boolean {
  const facts = factsOf(model, docIndex);
  if (!facts) return true;
  if (knownDocPeople(model, docIndex, known)) return true;
  const body = model.body(docIndex).text;
  const options = { known: known.people as KnownPerson[], notPeople: known.notPeople as string[], lang: facts.lang };
  if (body.length <= SYNC_DOCUMENT_LIMIT) {
    store(facts, known, detectPeople(body, options));
    return true;
  }
  let p = partial.get(facts);
  if (!p || p.version !== known.version) partial.set(facts, (p = { version: known.version, next: 0, mentions: [] }));
  const end = pieceEnd(body, p.next, p.next + PIECE_CHARS);
  for (const m of detectPeople(body.slice(p.next, end), options)) p.mentions.push({ ...m, start: m.start + p.next, end: m.end + p.next });
  p.next = end;
  if (end < body.length) return false;
  store(facts, known, p.mentions);
  return true;
}

/** The people of a document: known, or detected now when its body is small enough; undefined otherwise (the background will read it). */
export function docPeople(model: CorpusModel, docIndex: number, known: KnownPeople): DocPeople | undefined {
  const hit = knownDocPeople(model, docIndex, known);
  if (hit) return hit;
  const facts = factsOf(model, docIndex);
  if (!facts || facts.bodyEnd - facts.bodyStart > SYNC_DOCUMENT_LIMIT) return undefined;
  detectStep(model, docIndex, known);
  return knownDocPeople(model, docIndex, known);
}

/** The range of a mention (offsets into its document's body), computed from the segment's lines. */
export function mentionRange(model: CorpusModel, docIndex: number, m: PersonMention): Range {
  const seg = model.segmentAt(docIndex + 1);
  const from = seg.doc?.bodyStart ?? 0;
  const base = model.segmentStartLine(docIndex + 1);
  const pos = (offset: number): Position => {
    const abs = from + offset;
    const li = lineAt(seg.lineStarts, abs);
    return { line: base + li, character: abs - seg.lineStarts[li] };
  };
  return { start: pos(m.start), end: pos(m.end) };
}

function locate(model: CorpusModel, docIndex: number, m: PersonMention): LocatedMention {
  return { mention: m, range: mentionRange(model, docIndex, m), docIndex };
}

/**
 * The mentions of one document: the same array until the document or the people
 * files change (for a long body not read yet: a copy of the pieces read so far).
 */
export function docMentions(model: CorpusModel, docIndex: number, known: KnownPeople): readonly PersonMention[] {
  const entry = docPeople(model, docIndex, known);
  if (entry) return entry.mentions;
  const facts = factsOf(model, docIndex);
  const p = facts && partial.get(facts);
  return p && p.version === known.version ? p.mentions.slice() : [];
}

/** The people mentioned in one document, with their ranges (for a long body not read yet: the pieces read so far). */
export function documentPeople(model: CorpusModel, doc: CorpusDocument, known: KnownPeople): LocatedMention[] {
  return docMentions(model, doc.index, known).map((m) => locate(model, doc.index, m));
}

/** Reads the people of every document now (a file that is not open, read once for the workspace index). */
export function readAllPeople(model: CorpusModel, known: KnownPeople): void {
  for (let i = 0; i < model.documentCount; i++) while (!detectStep(model, i, known));
}

export interface FilePeople {
  persons: Person[];
  /** Mention key → index into `persons`. */
  byKey: Map<string, number>;
  /** Documents whose people are known, of `total` (the grouping is of those only until they are all read). */
  detected: number;
  total: number;
}

interface FileGrouping {
  generation: number;
  version: number;
  result: FilePeople;
  /** The tally of each document the grouping was made from. */
  tallies: DocumentTally[];
}

const perFile = new WeakMap<CorpusModel, FileGrouping>();

function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** Do two tallies give the same grouping: the same keys in the same order, with the same counts, spellings, titles and best spelling? */
function sameTally(a: DocumentTally, b: DocumentTally): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  const bi = b.values();
  for (const x of a.values()) {
    const y = bi.next().value as KeyTally;
    if (x.key !== y.key || x.count !== y.count || !sameCounts(x.spellings, y.spellings) || !sameCounts(x.titles, y.titles)) return false;
    if ((x.best === null) !== (y.best === null) || (x.best && y.best && (x.best.text !== y.best.text || x.best.score !== y.best.score))) return false;
  }
  return true;
}

/**
 * A complete grouping still holds after edits that replaced documents one for one and left each one's tally as it
 * was (typing anywhere but in a name): the edited documents are read now (each one small enough), and the
 * grouping is kept. Undefined when it cannot be kept.
 */
function keptAfterEdits(model: CorpusModel, known: KnownPeople, hit: FileGrouping): FilePeople | undefined {
  const splices = model.changesSince(hit.generation);
  if (!splices || model.documentCount !== hit.tallies.length) return undefined;
  const touched = new Set<number>();
  for (const s of splices) {
    if (s.removed !== s.inserted) return undefined;
    // Segment i holds document i - 1 (segment 0: the text before the first header).
    for (let k = Math.max(1, s.first); k < s.first + s.inserted; k++) touched.add(k - 1);
  }
  if (touched.size > 64) return undefined;
  const fresh: [number, DocumentTally][] = [];
  for (const i of touched) {
    const entry = docPeople(model, i, known);
    if (!entry || !sameTally(hit.tallies[i], entry.tally)) return undefined;
    fresh.push([i, entry.tally]);
  }
  for (const [i, t] of fresh) hit.tallies[i] = t;
  hit.generation = model.generation;
  return hit.result;
}

/** Every person of a file, grouped across the documents read so far (a small file is read now). */
export function filePeople(model: CorpusModel, known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): FilePeople | undefined {
  const hit = perFile.get(model);
  if (hit && hit.generation === model.generation && hit.version === known.version && hit.result.detected === hit.result.total) return hit.result;
  if (hit && hit.version === known.version && hit.result.detected === hit.result.total) {
    const kept = keptAfterEdits(model, known, hit);
    if (kept) return kept;
  }
  const n = model.documentCount;
  const small = model.length <= SYNC_FILE_LIMIT;
  const tallies: DocumentTally[] = new Array<DocumentTally>(n);
  let detected = 0;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) return undefined;
    const entry = small ? docPeople(model, i, known) : knownDocPeople(model, i, known);
    tallies[i] = entry ? entry.tally : EMPTY_TALLY;
    if (entry) detected++;
  }
  // Nothing read since the last grouping of this generation: the same answer.
  if (hit && hit.generation === model.generation && hit.version === known.version && hit.result.detected === detected) return hit.result;
  const persons = groupTallies(tallies, known.people as KnownPerson[]);
  const byKey = new Map<string, number>();
  persons.forEach((p, i) => {
    byKey.set(p.key, i);
    for (const k of p.keys) if (!byKey.has(k)) byKey.set(k, i);
  });
  const result = { persons, byKey, detected, total: n };
  perFile.set(model, { generation: model.generation, version: known.version, result, tallies });
  return result;
}

const EMPTY_TALLY: DocumentTally = new Map();

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

/** The mentions of a person in one document (in text order). */
export function mentionsIn(model: CorpusModel, docIndex: number, person: Person, known: KnownPeople, keys: ReadonlySet<string> = new Set(person.keys)): LocatedMention[] {
  const entry = knownDocPeople(model, docIndex, known);
  const out: LocatedMention[] = [];
  if (entry) for (const m of entry.mentions) if (keys.has(m.key)) out.push(locate(model, docIndex, m));
  return out;
}

/** Every mention of a person in the file: only the documents that mention it are read. */
export function mentionsOf(model: CorpusModel, person: Person, known: KnownPeople): LocatedMention[] {
  const keys = new Set([person.key, ...person.keys]);
  const out: LocatedMention[] = [];
  for (const d of person.documents) for (const m of mentionsIn(model, d.index, person, known, keys)) out.push(m);
  return out;
}
