// What a rule is. Every diagnostic code is one module in this folder that exports
// one rule object: its metadata (code, default severity, description, whether it
// can be fixed) with its check and its fixes. The registry (./index.ts) lists
// them; settings, schemas, SARIF and the docs index are derived from it.
//
// Three kinds of rules, by what they read:
// - segment rules read one segment's facts (../model/facts) while the segment is
//   analysed, so only the documents an edit touches are checked again;
// - text rules read a document's text (its lead, its words). They are slower, so
//   the editor runs them in the background and caches their result per segment;
//   the command line runs them inline. Both get exactly the same answer;
// - file rules look across the documents of a file, from a table of small facts
//   per document (names, end lines), never from the text.
// Auxiliary codes (configuration and people files, the problem cap) have metadata
// only: they are reported by the adapters.

import type { DocFacts, TrailerItem, CharRun } from '../model/facts';
import type { RelEdit, RelRange } from '../model/edits';
import type { Range, Severity, TextEdit } from '../model/types';
import type { Similarity } from '../duplicates/signature';

export interface RuleMeta {
  /** The diagnostic code, kebab-case. */
  code: string;
  /** Default severity. */
  severity: Severity;
  /** One line for a corpus editor: what the rule finds. */
  description: string;
  /** Whether a quick fix is offered (`some`: only where the right edit is clear). */
  fixable: boolean | 'some';
  /** Where the rule's findings are reported. */
  scope: 'document' | 'file' | 'configuration';
  /** The address of the rule's page, when it is not `docs/rules/<code>.md` of the repository (see docsUrl). */
  docs?: string;
}

/** A fix of a problem, relative to the problem's segment. */
export interface LocalFix {
  title: string;
  preferred: boolean;
  edits: RelEdit[];
}

/** What a rule knows when it builds fixes on request (a code action, "Fix all", `corpus lint --fix`). */
export interface FixContext {
  /** Where a date fix writes the date: a date line or a `date=` attribute. */
  dateStyle: 'line' | 'attribute';
  /** False when preferred date fixes are turned off: every date proposal is then offered, none preferred. */
  preferDateFixes: boolean;
  /** The dates of the nearest dated documents before and after this one (ISO), computed on request. */
  neighbourDates(): { previousDate?: string; nextDate?: string };
}

/** A problem found in one segment, relative to it (line 0 is the segment's first line). */
export interface LocalProblem extends RelRange {
  code: string;
  message: string;
  /**
   * The message for the document whose header is on line `line` (1-based, of the
   * file): for a document without a name, named by where it is. The segment does
   * not know its place in the file; the diagnostic made from the problem does.
   */
  messageAt?: (line: number) => string;
  /** For `unknown-attribute`: the key, so configured keys can be let through. */
  key?: string;
  related?: { range: RelRange; message: string }[];
  /** Quick fixes, computed only when asked for. */
  fixes?: (ctx: FixContext) => LocalFix[];
}

/** What a segment rule reads. */
export interface SegmentContext {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly eol: string;
  readonly isPrelude: boolean;
  /** The document the segment holds (undefined for the prelude). */
  readonly doc: DocFacts | undefined;
  /** The lines after the document (or of the prelude) that lie outside any document. */
  readonly trailer: readonly TrailerItem[];
  /** Runs of control and replacement characters (computed once, on the first call). */
  charRuns(): readonly CharRun[];
  report(problem: LocalProblem): void;
}

export interface SegmentRule {
  kind: 'segment';
  meta: RuleMeta;
  check(ctx: SegmentContext): void;
}

/** What a text rule reads: a segment whose facts are known. */
export interface TextRuleInput {
  readonly text: string;
  readonly lineStarts: readonly number[];
  readonly doc: DocFacts;
}

export interface TextRule {
  kind: 'text';
  meta: RuleMeta;
  check(input: TextRuleInput): LocalProblem[];
}

/**
 * The documents of a file as file rules see them: small facts per document,
 * kept by the editor's model and by the command line's stream alike.
 */
export interface DocumentTable {
  readonly count: number;
  /** Documents closed by an end line. */
  readonly closedCount: number;
  /** Names held by two or more documents (0 means no duplicate: nothing to walk). */
  readonly duplicatedNames: number;
  name(i: number): string;
  isClosed(i: number): boolean;
  headerLine(i: number): number;
  nameRange(i: number): Range;
  /** The file's copies (duplicate-document, near-duplicate-document), when the table knows the documents' signatures. */
  copies?: CopyView;
}

/** What the copy rules read: each document's exact-copy group and the groups alike (../duplicates/copyIndex.ts). */
export interface CopyView {
  /** The share of the shorter text found in the other from which two documents are near copies (0.3–1). */
  threshold: number;
  /** The exact-copy group of document i; undefined when it is too short to compare (or not known yet). */
  group(i: number): number | undefined;
  /** The groups alike to a group (with this group first in each similarity). */
  nearOf(group: number): ReadonlyMap<number, Similarity>;
  /** The copies of a group in the other files of the workspace, if any are known. */
  elsewhere?(group: number, similar: boolean): readonly CopyElsewhere[];
}

/** A document of another file holding a copy. */
export interface CopyElsewhere {
  uri: string;
  /** The file's name, for messages. */
  label: string;
  name: string;
  range: Range;
  /** Undefined for an exact copy; the other document first. */
  similarity?: Similarity;
}

/** A problem across documents, at an absolute range. */
export interface FileProblem {
  code: string;
  message: string;
  range: Range;
  related?: { range: Range; message: string; uri?: string }[];
  /** The document it is about. */
  doc: number;
}

/** What a file rule's fixes may ask of the file. */
export interface FileFixContext {
  /** Every document name of the file. */
  names(): ReadonlySet<string>;
  /** Documents not closed by an end line. */
  unclosed(): number[];
  /** The edit that adds `<<<END>>>` after a document's last line. */
  endLineEdit(doc: number): TextEdit;
  /** The edit that removes a document (its header line up to the next header), where the whole file is at hand. */
  removeDocumentEdit?(doc: number): TextEdit;
  /** For "Fix all": whether the rule is on in a document (off there: leave it alone). Default: everywhere. */
  on?(doc: number): boolean;
  /** For "Fix all" over a stream: give only the edits of this document (the one being written). */
  only?: number;
}

export interface FileFix {
  title: string;
  preferred: boolean;
  edits: TextEdit[];
  /** "Fix all" takes this fix once for all the rule's problems (the rule's edits already cover them all). */
  once?: boolean;
}

export interface FileRule {
  kind: 'file';
  meta: RuleMeta;
  check(table: DocumentTable, report: (p: FileProblem) => void): void;
  fixes?(problem: FileProblem, ctx: FileFixContext, table: DocumentTable): FileFix[];
  /** The fix "Fix all" applies for every problem of the rule at once, if any. */
  fixAll?(ctx: FileFixContext, table: DocumentTable): TextEdit[];
}

export interface AuxiliaryRule {
  kind: 'auxiliary';
  meta: RuleMeta;
}

export type Rule = SegmentRule | TextRule | FileRule | AuxiliaryRule;
