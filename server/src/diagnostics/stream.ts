// The streaming validator: the same diagnostics as
// `computeDiagnostics(CorpusModel.parse(text), config, token, { text: true })`, computed from the text
// given in chunks of any size, so a file far larger than one JavaScript string
// (V8 strings stop at about 512 MB) is checked in bounded memory.
//
// It cuts the text into the very segments `splitSegments` makes (the prelude,
// then one segment per document-opening line), analyses each with
// `analyseSegment` as soon as it is complete, runs the text rules on it, and
// forgets its text. Only small per-document facts are kept for the file rules
// (duplicate names, unterminated documents), which run at the end. Line breaks split across chunks ("\r" | "\n") and a
// byte-order mark at the file's start are handled as the model handles them.
// Pure: no I/O, never throws on any text.

import type { CorpusConfig } from '../config';
import { isDocumentStart } from '../model/header';
import type { DocFacts } from '../model/facts';
import { Int32List } from '../model/growable';
import { lineLengthAt } from '../model/lines';
import { analyseSegment, Segment } from '../model/segment';
import type { Diagnostic, Range } from '../model/types';
import type { DocumentTable, TextRule } from '../rules/types';
import { activeTextRules, allowedKeys, pushProblems, runTextRule } from './convert';
import { pushFileDiagnostics } from './fileRules';
import { CompactCopyIndex } from '../duplicates/compactIndex';
import { comparedBody, copiesOn, elsewhereOf, thresholdOf } from '../duplicates/modelCopies';
import type { SpillOpener } from '../duplicates/pagedStore';
import type { ElsewhereCopies } from '../duplicates/workspaceCopies';
import { signatureOf } from '../duplicates/signature';
import type { CopyView } from '../rules/types';

/** What the validator tells about each document as it passes. */
export interface StreamDocument {
  /** Index among the file's documents (0-based). */
  index: number;
  name: string;
  headerLine: number;
  nameRange: Range;
  /** The document's facts (relative lines, as in the model). Their strings may share memory with the text: copy what you keep. */
  facts: DocFacts;
  /** Length of the document's text in UTF-16 code units (header line and end line included). */
  length: number;
  /** Number of lines that start in the document's segment. */
  lineCount: number;
  /** The segment's text (header line first), valid during the call: do not keep it. */
  text: string;
}

export interface StreamLintOptions {
  /** Called once per document, in order, when its segment is complete. */
  onDocument?: (doc: StreamDocument) => void;
  /** Run the text rules (`date-mismatch`, …): true unless false is given, as the editor reports them. */
  text?: boolean;
  /**
   * Called once per segment (the prelude, then each document), in order, with the
   * analysed segment, its first line in the file and its document's index (none for
   * the prelude): `corpus lint --fix` rewrites the file segment by segment from here.
   */
  onSegment?: (segment: Segment, base: number, doc: number | undefined) => void;
  /** Where the index of copies puts its pages past its memory budget (the command line's temporary file); none: in memory. */
  spill?: SpillOpener;
  /** The index's memory budget for signatures with a spill file, in bytes (default 16 MB). */
  copyBudget?: number;
}

/** A copy of a string that shares no memory with the (possibly huge) text it was cut from. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** A growable list of 32-bit integers (compact per-document facts). */
export class StreamLinter {
  private readonly config: CorpusConfig;
  private readonly allowed: ReadonlySet<string> | undefined;
  private readonly textRules: readonly TextRule[];
  private readonly onDocument: ((doc: StreamDocument) => void) | undefined;
  private readonly onSegment: StreamLintOptions['onSegment'];

  /** The incomplete last line (no line break inside, except possibly a final "\r"). */
  private pending: string[] = [];
  private pendingEndsWithCR = false;
  /** The text of the segment being read (complete lines only). */
  private segParts: string[] = [];
  private isPrelude = true;
  /** Absolute line of the segment being read. */
  private lineBase = 0;
  private firstLineSeen = false;
  private ended = false;

  // Per-document facts for the file rules.
  private docCount = 0;
  private closedCount = 0;
  private readonly docLine = new Int32List();
  private readonly nameStart = new Int32List();
  private readonly nameEnd = new Int32List();
  /** 1 when the document is closed by an end line. */
  private readonly closed = new Int32List();
  private readonly names: string[] = [];
  private readonly nameCount = new Map<string, number>();
  private duplicated = 0;
  /** The copies (when the copy rules are on): the index, and each document's exact-copy group (NaN: not compared). */
  private readonly copies: CompactCopyIndex | undefined;
  private readonly copyGroups: number[] = [];
  /** The copies in other files (`corpus lint` over several files), if known. */
  elsewhere: ElsewhereCopies | undefined;

  constructor(config: CorpusConfig, options: StreamLintOptions = {}) {
    this.config = config;
    this.allowed = allowedKeys(config);
    this.textRules = options.text === false ? [] : activeTextRules(config);
    this.onDocument = options.onDocument;
    this.onSegment = options.onSegment;
    this.copies = options.text !== false && copiesOn(config) ? new CompactCopyIndex({ spill: options.spill, budget: options.copyBudget }) : undefined;
  }

  /** Documents seen so far. */
  get documentCount(): number {
    return this.docCount;
  }

  /** Feeds the next piece of text; returns the diagnostics of the segments it completed. */
  push(chunk: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (this.ended || chunk.length === 0) return out;
    if (!this.pendingEndsWithCR && chunk.indexOf('\n') === -1 && chunk.indexOf('\r') === -1) {
      // No line break: the chunk only lengthens the current line.
      this.pending.push(chunk);
      return out;
    }
    const text = this.pending.length > 0 ? this.pending.join('') + chunk : chunk;
    this.pending = [];
    this.pendingEndsWithCR = false;
    this.process(text, false, out);
    return out;
  }

  /** Ends the text; returns the remaining diagnostics (the last segment's, then those of the file rules). */
  end(): Diagnostic[] {
    const out: Diagnostic[] = [];
    if (this.ended) return out;
    const text = this.pending.join('');
    this.pending = [];
    this.process(text, true, out);
    this.flushSegment(out);
    this.ended = true;
    try {
      pushFileDiagnostics(this.table(), this.config, out, detach);
    } finally {
      this.copies?.close();
    }
    return out;
  }

  /** The documents seen so far, as the file rules read them (small facts per document). */
  table(): DocumentTable {
    return {
      count: this.docCount,
      closedCount: this.closedCount,
      duplicatedNames: this.duplicated,
      name: (i) => this.names[i] ?? '',
      isClosed: (i) => this.closed.get(i) === 1,
      headerLine: (i) => this.docLine.get(i),
      nameRange: (i) => this.nameRangeOf(i),
      copies: this.copyView(),
    };
  }

  private copyView(): CopyView | undefined {
    const index = this.copies;
    if (!index) return undefined;
    return {
      threshold: thresholdOf(this.config),
      group: (i) => {
        const g = this.copyGroups[i];
        return g === undefined || Number.isNaN(g) ? undefined : g;
      },
      nearOf: (g) => index.nearOf(g),
      elsewhere: this.elsewhere ? elsewhereOf(index, this.elsewhere) : undefined,
    };
  }

  /** The document's signature enters the index of copies. */
  private indexCopies(text: string, lineStarts: readonly number[], facts: DocFacts): void {
    if (!this.copies) return;
    let sig;
    try {
      sig = facts.empty ? undefined : signatureOf(comparedBody(text, lineStarts, facts));
    } catch {
      sig = undefined;
    }
    this.copyGroups.push(sig ? sig.exact : NaN);
    if (sig) this.copies.add(sig);
  }

  private nameRangeOf(i: number): Range {
    const line = this.docLine.get(i);
    return { start: { line, character: this.nameStart.get(i) }, end: { line, character: this.nameEnd.get(i) } };
  }

  /**
   * Reads `text`, which starts at a line start. Without `final`, the last line is
   * kept pending unless its line break is certain (a final "\r" may still be
   * followed by "\n" in the next chunk).
   */
  private process(text: string, final: boolean, out: Diagnostic[]): void {
    let cut = text.length;
    if (!final) {
      let end = text.length;
      if (text.charCodeAt(end - 1) === 13) end--;
      cut = 0;
      if (end > 0) cut = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
      if (cut < text.length) {
        this.pending.push(text.slice(cut));
        this.pendingEndsWithCR = text.charCodeAt(text.length - 1) === 13;
      }
    }
    if (cut === 0) return;
    let segFrom = 0;
    const hasCR = text.indexOf('\r') !== -1 && text.lastIndexOf('\r', cut - 1) !== -1;
    let s = 0; // start of the current line
    while (s < cut) {
      // The end of this line (before its break) and the start of the next one.
      let e: number;
      let next: number;
      if (!hasCR) {
        const nl = text.indexOf('\n', s);
        if (nl === -1 || nl >= cut) {
          e = cut;
          next = cut;
        } else {
          e = nl;
          next = nl + 1;
        }
      } else {
        e = s;
        while (e < cut) {
          const c = text.charCodeAt(e);
          if (c === 10 || c === 13) break;
          e++;
        }
        next = e;
        if (e < cut) next = text.charCodeAt(e) === 13 && text.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
      }
      const c = text.charCodeAt(s);
      const fileFirst = !this.firstLineSeen;
      this.firstLineSeen = true;
      if (c === 60 || c === 32 || c === 9 || c === 0xfeff) {
        let line = text.slice(s, e);
        if (fileFirst && c === 0xfeff) line = line.slice(1);
        if (isDocumentStart(line)) {
          if (s > segFrom) this.segParts.push(text.slice(segFrom, s));
          this.flushSegment(out);
          segFrom = s;
        }
      }
      s = next;
    }
    if (cut > segFrom) this.segParts.push(text.slice(segFrom, cut));
  }

  /** Analyses the segment read so far and starts a new one. */
  private flushSegment(out: Diagnostic[]): void {
    const text = this.segParts.length === 1 ? this.segParts[0] : this.segParts.join('');
    this.segParts = [];
    const seg = analyseSegment(text, this.isPrelude);
    this.isPrelude = false;
    const base = this.lineBase;
    this.lineBase += seg.lineStarts.length;
    const facts = seg.doc;
    pushProblems(seg.problems, base, this.config, this.allowed, out, detach, facts?.name);
    if (!facts) {
      this.onSegment?.(seg, base, undefined);
      return;
    }
    if (!facts.empty) {
      for (const rule of this.textRules) pushProblems(runTextRule(rule, { text, lineStarts: seg.lineStarts, doc: facts }), base, this.config, this.allowed, out, detach, facts.name);
    }
    const h = facts.header;
    const hasName = h.name !== '' || h.nameSpan.end > h.nameSpan.start;
    const start = hasName ? h.nameSpan.start : 0;
    const end = hasName ? h.nameSpan.end : lineLengthAt(text, seg.lineStarts, 0);
    const index = this.docCount++;
    this.indexCopies(text, seg.lineStarts, facts);
    this.docLine.push(base);
    this.nameStart.push(start);
    this.nameEnd.push(end);
    const isClosed = facts.endLine !== undefined;
    this.closed.push(isClosed ? 1 : 0);
    if (isClosed) this.closedCount++;
    const name = detach(facts.name);
    this.names.push(name);
    if (name !== '') {
      const count = (this.nameCount.get(name) ?? 0) + 1;
      this.nameCount.set(name, count);
      if (count === 2) this.duplicated++;
    }
    this.onSegment?.(seg, base, index);
    this.onDocument?.({
      index,
      name: facts.name,
      headerLine: base,
      nameRange: this.nameRangeOf(index),
      facts,
      length: text.length,
      lineCount: seg.lineStarts.length,
      text,
    });
  }
}

/** Validates a whole text through the streaming validator, cut into chunks of the given sizes (cycled). */
export function streamLintText(text: string, config: CorpusConfig, chunkSizes: readonly number[] = [1 << 16]): Diagnostic[] {
  const linter = new StreamLinter(config);
  const out: Diagnostic[] = [];
  let i = 0;
  let k = 0;
  while (i < text.length) {
    const size = Math.max(1, chunkSizes[k++ % chunkSizes.length]);
    for (const d of linter.push(text.slice(i, i + size))) out.push(d);
    i += size;
  }
  for (const d of linter.end()) out.push(d);
  return out;
}
