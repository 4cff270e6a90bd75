// The corpus overview ("Corpus: Show Overview" in the editor, `corpus stats --html`
// on the command line): one small table per document (name, date, language, length,
// the codes of its problems) and the most-named people, from the facts the model and
// the stream already hold. The page (client/src/overview/) draws the plots from it;
// both adapters build it here, so the editor and the report show the same numbers.

import type { CorpusModel } from '../model/corpusModel';
import type { DocFacts } from '../model/facts';
import { CancellationToken, Diagnostic, NEVER_CANCELLED } from '../model/types';
import type { DocumentTally } from '../people';
import { docPeople, knownDocPeople, KnownPeople, SYNC_FILE_LIMIT } from './people/cache';

/** One document of the overview. */
export interface OverviewDocument {
  /** Index in `OverviewData.files`. */
  file: number;
  name: string;
  /** The header's line, 0-based. */
  line: number;
  /** The document's date (YYYY, YYYY-MM or YYYY-MM-DD), when it has a valid one. */
  date?: string;
  /** True when the document tries to give a date that is not valid (an invalid date is not "undated"). */
  badDate?: true;
  /** The `lang=` tag, when there is one. */
  lang?: string;
  /** Characters of text (the body, header and end line excluded). */
  chars: number;
}

export interface OverviewPerson {
  name: string;
  mentions: number;
  /** Indexes in `OverviewData.documents` of the documents that name the person. */
  documents: number[];
}

export interface OverviewProblemCode {
  code: string;
  /** How many problems of the code. */
  count: number;
  /** Indexes in `OverviewData.documents` of the documents that have them (-1: outside any document). */
  documents: number[];
}

/** A file of the overview. */
export interface OverviewFile {
  /** As shown: the path from the workspace folder (the workspace overview), or the name given. */
  name: string;
  uri?: string;
  /** Why the file's documents are not counted (too large to read in the background), when they are not. */
  notRead?: string;
}

export interface OverviewData {
  files: OverviewFile[];
  /** Whose overview it is: one file (the default) or the whole workspace. */
  scope?: 'file' | 'workspace';
  /** Files of the workspace past the limit of files counted, left out. */
  filesLeftOut?: number;
  documents: OverviewDocument[];
  problems: OverviewProblemCode[];
  people: OverviewPerson[];
  /** How many people are shown at most, and whether people were looked for at all. */
  peopleLimit: number;
  peopleSearched: boolean;
}

/** The most-named people the overview shows. */
export const OVERVIEW_PEOPLE = 20;

/** The date a document's facts give (the first valid one), and whether it tried to give one. */
export function overviewDate(facts: DocFacts): { date?: string; badDate?: true } {
  const valid = facts.dates.find((d) => d.check.ok);
  if (valid && valid.check.ok) return { date: valid.check.date.text };
  return facts.dates.length > 0 || facts.dateAttempt ? { badDate: true } : {};
}

/** Builds the overview of one or more files, document by document, as the model or the stream gives them. */
export class OverviewBuilder {
  private readonly files: OverviewData['files'] = [];
  private readonly documents: OverviewDocument[] = [];
  /** The first document of each file, and its header lines (ascending), to place problems. */
  private readonly firstDoc: number[] = [];
  private readonly problems: { file: number; line: number; code: string }[] = [];
  private people: OverviewPerson[] = [];
  private peopleSearched = false;

  addFile(name: string, uri?: string, notRead?: string): number {
    this.files.push({ name, ...(uri === undefined ? {} : { uri }), ...(notRead === undefined ? {} : { notRead }) });
    this.firstDoc.push(this.documents.length);
    return this.files.length - 1;
  }

  /** A document of the file last added. */
  addDocument(name: string, headerLine: number, facts: DocFacts): number {
    const file = this.files.length - 1;
    const doc: OverviewDocument = { file, name: copy(name), line: headerLine, ...overviewDate(facts), chars: Math.max(0, facts.bodyEnd - facts.bodyStart) };
    if (facts.lang !== undefined) doc.lang = copy(facts.lang);
    this.documents.push(doc);
    return this.documents.length - 1;
  }

  /** A document of the file last added, as a file's overview holds it (fileOverview, or the workspace's cache). */
  addRecord(record: OverviewRecord): number {
    this.documents.push({ file: this.files.length - 1, ...record });
    return this.documents.length - 1;
  }

  /** A problem of the file last added, at a line. */
  addProblem(code: string, line: number): void {
    this.problems.push({ file: this.files.length - 1, line, code });
  }

  /** The people, with the documents (indexes given by addDocument) that name them: the most mentioned are kept, in one order for every adapter. */
  setPeople(people: readonly OverviewPerson[]): void {
    this.peopleSearched = true;
    this.people = [...people].sort((a, b) => b.mentions - a.mentions || b.documents.length - a.documents.length || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).slice(0, OVERVIEW_PEOPLE);
  }

  result(scope?: 'file' | 'workspace'): OverviewData {
    const byCode = new Map<string, { count: number; docs: Set<number> }>();
    for (const p of this.problems) {
      const doc = this.documentAt(p.file, p.line);
      let entry = byCode.get(p.code);
      if (!entry) byCode.set(p.code, (entry = { count: 0, docs: new Set() }));
      entry.count++;
      entry.docs.add(doc);
    }
    const problems = [...byCode].map(([code, e]) => ({ code, count: e.count, documents: [...e.docs].sort((a, b) => a - b) })).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
    const data: OverviewData = { files: this.files, documents: this.documents, problems, people: this.people, peopleLimit: OVERVIEW_PEOPLE, peopleSearched: this.peopleSearched };
    if (scope) data.scope = scope;
    return data;
  }

  /** The document of a file whose header is at or above a line (-1 above the first header). */
  documentAt(file: number, line: number): number {
    let lo = this.firstDoc[file];
    let hi = (file + 1 < this.firstDoc.length ? this.firstDoc[file + 1] : this.documents.length) - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.documents[mid].line <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** A copy that shares no memory with the (possibly huge) text it was cut from. */
function copy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** What the overview reads of a person of the People view: the name and where it is mentioned. */
export interface MentionedPerson {
  name: string;
  mentions: readonly { start: { line: number } }[];
}

/** The overview of an open file, from its model, the diagnostics last computed and its people (most mentioned first). */
export function modelOverview(
  model: CorpusModel,
  diagnostics: readonly Diagnostic[],
  people: readonly MentionedPerson[] | undefined,
  file: { name: string; uri?: string },
  token: CancellationToken = NEVER_CANCELLED,
): OverviewData {
  const b = new OverviewBuilder();
  b.addFile(file.name, file.uri);
  for (const d of model.documents) {
    if (token.isCancellationRequested) break;
    b.addDocument(d.name, d.headerLine, d.facts);
  }
  for (const d of diagnostics) if (!d.suppressed) b.addProblem(d.code, d.range.start.line);
  if (people) b.setPeople(people.map((p) => personOf(p, (line) => b.documentAt(0, line))));
  return b.result();
}

/** A person with the documents of its mentions, placed by line. */
export function personOf(p: MentionedPerson, documentAt: (line: number) => number): OverviewPerson {
  const docs = new Set<number>();
  for (const m of p.mentions) {
    const doc = documentAt(m.start.line);
    if (doc >= 0) docs.add(doc);
  }
  return { name: p.name, mentions: p.mentions.length, documents: [...docs].sort((a, c) => a - c) };
}

/** A document of a file's overview, before it is placed among the files. */
export type OverviewRecord = Omit<OverviewDocument, 'file'>;

/** What one file gives the workspace overview: its documents, problems (by line) and each document's people tally. */
export interface FileOverview {
  documents: OverviewRecord[];
  problems: { code: string; line: number }[];
  /** One per document, in order (an empty tally for a document whose people are not read yet). */
  tallies: DocumentTally[];
  /** Set when the file was not read (then the lists are empty). */
  notRead?: string;
}

const NO_TALLY: DocumentTally = new Map();

/** An open file's part of the workspace overview, from its model, its diagnostics and the people read so far (a small file: all now). */
export function modelFileOverview(model: CorpusModel, diagnostics: readonly Diagnostic[], known: KnownPeople, token: CancellationToken = NEVER_CANCELLED): FileOverview {
  const documents: OverviewRecord[] = [];
  const tallies: DocumentTally[] = [];
  const small = model.length <= SYNC_FILE_LIMIT;
  for (const d of model.documents) {
    if ((d.index & 1023) === 0 && token.isCancellationRequested) break;
    const record: OverviewRecord = { name: copy(d.name), line: d.headerLine, ...overviewDate(d.facts), chars: Math.max(0, d.facts.bodyEnd - d.facts.bodyStart) };
    if (d.facts.lang !== undefined) record.lang = copy(d.facts.lang);
    documents.push(record);
    tallies.push((small ? docPeople(model, d.index, known) : knownDocPeople(model, d.index, known))?.tally ?? NO_TALLY);
  }
  const problems = diagnostics.filter((d) => !d.suppressed).map((d) => ({ code: d.code, line: d.range.start.line }));
  return { documents, problems, tallies };
}
