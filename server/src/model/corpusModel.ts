// The model of one corpus file, and its text store.
//
// The text is kept as a list of segments (the prelude, then one segment per
// document). An edit splices only the segments it touches and re-analyses them;
// the other segments keep their text and their analysis. So the cost of a
// keystroke grows with the size of the touched document, not of the file, and
// the model is always exactly what a fresh parse of the whole text would give
// (the differential tests check this).

import type { Position, Range } from './types';
import type { DocFacts } from './facts';
import type { RelRange } from './edits';
import type { LocalProblem } from '../rules/types';
import { lineAt, lineLengthAt } from './lines';
import { Segment, splitSegments } from './segment';

export interface CorpusDocument {
  /** Index among the file's documents (0-based). */
  index: number;
  name: string;
  /** The name in the header (or the header line, when the name is missing). */
  nameRange: Range;
  /** The whole document: header line to its last line (end line included). */
  range: Range;
  headerLine: number;
  /** The facts of the document, relative to `headerLine`. */
  facts: DocFacts;
  /** Absolute line of the document's last non-blank line. */
  lastContentLine: number;
}

/** A document's body text and the way back to positions. */
export interface DocumentBody {
  text: string;
  /** Position of an offset in `text`. */
  positionOf(offset: number): Position;
}

/**
 * What one edit did to the list of segments: `removed` segments from index `first`
 * were replaced by `inserted` new ones, and the lines after them moved by
 * `lineDelta`. Caches kept beside the model (diagnostics, people) replay these to
 * redo only the segments an edit touched.
 */
export interface SegmentSplice {
  first: number;
  removed: number;
  inserted: number;
  lineDelta: number;
}

/** How many edits the model remembers for caches that are behind (older ones rebuild from scratch). */
const JOURNAL_LENGTH = 256;

export class CorpusModel {
  private segments: Segment[];
  /** Offset and line at which each segment starts. */
  private segOffsets: number[] = [];
  private segLines: number[] = [];
  private total = 0;
  private endsWithBreak = false;
  private docsCache: CorpusDocument[] | undefined;
  /** Bumped on every change; features use it to cache derived data. */
  generation = 0;
  /** The splices of the last edits: journal[k] took the model from generation journalStart + k to the next. */
  private journal: SegmentSplice[] = [];
  private journalStart = 0;

  private constructor(segments: Segment[]) {
    this.segments = segments;
    this.reindex();
    this.journalStart = this.generation;
  }

  static parse(text: string): CorpusModel {
    return new CorpusModel(splitSegments(text, true));
  }

  /** The whole text (joins the segments: not for the keystroke path). */
  getText(): string {
    return this.segments.map((s) => s.text).join('');
  }

  get length(): number {
    return this.total;
  }

  get lineCount(): number {
    const last = this.segLines.length > 0 ? this.segLines[this.segLines.length - 1] + this.segments[this.segments.length - 1].lineStarts.length : 0;
    return last + (this.total === 0 || this.endsWithBreak ? 1 : 0);
  }

  /** Segments with their absolute start line and offset (read-only view). */
  forEachSegment(fn: (seg: Segment, startLine: number, startOffset: number, index: number) => void): void {
    for (let i = 0; i < this.segments.length; i++) fn(this.segments[i], this.segLines[i], this.segOffsets[i], i);
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  /** How many documents the file holds (every segment but the prelude). */
  get documentCount(): number {
    return this.segments.length - 1;
  }

  /**
   * The splices made since `generation`, oldest first: empty when nothing changed,
   * undefined when the model no longer remembers that far back.
   */
  changesSince(generation: number): readonly SegmentSplice[] | undefined {
    if (generation === this.generation) return [];
    if (generation < this.journalStart || generation > this.generation) return undefined;
    return this.journal.slice(generation - this.journalStart);
  }

  /** The documents, in order (every one is built: for features that list them all). Cached until the next edit. */
  get documents(): readonly CorpusDocument[] {
    if (this.docsCache) return this.docsCache;
    const docs: CorpusDocument[] = [];
    for (let i = 1; i < this.segments.length; i++) {
      const d = this.documentAt(i - 1);
      if (d) docs.push(d);
    }
    this.docsCache = docs;
    return docs;
  }

  /** One document by its index (segment `index + 1`), built on demand: no walk over the others. */
  documentAt(index: number): CorpusDocument | undefined {
    const i = index + 1;
    const seg = this.segments[i];
    const facts = seg?.doc;
    if (!facts || index < 0) return undefined;
    const base = this.segLines[i];
    return {
      index,
      name: facts.name,
      nameRange: this.nameRangeOf(i),
      range: {
        start: { line: base, character: 0 },
        end: { line: base + facts.lastLine, character: lineLength(seg, facts.lastLine) },
      },
      headerLine: base,
      facts,
      lastContentLine: base + facts.lastContentLine,
    };
  }

  /** The range of the name in the header of the document held by segment `segIndex` (the header line when the name is missing). */
  nameRangeOf(segIndex: number): Range {
    const seg = this.segments[segIndex];
    const base = this.segLines[segIndex];
    const h = seg.doc?.header;
    return h && (h.name !== '' || h.nameSpan.end > h.nameSpan.start)
      ? { start: { line: base, character: h.nameSpan.start }, end: { line: base, character: h.nameSpan.end } }
      : { start: { line: base, character: 0 }, end: { line: base, character: lineLength(seg, 0) } };
  }

  /** The document whose lines include `line`, if any. */
  documentAtLine(line: number): CorpusDocument | undefined {
    const i = this.segmentIndexAtLine(line);
    if (i < 1 || !this.segments[i].doc) return undefined;
    // Segment i holds document number i-1 (segment 0 is the prelude).
    const d = this.documentAt(i - 1);
    return d && line <= d.range.end.line ? d : undefined;
  }

  /** Converts a relative range of segment `segIndex` to an absolute one. */
  toAbsolute(segIndex: number, r: RelRange): Range {
    const base = this.segLines[segIndex];
    return { start: { line: base + r.line, character: r.start }, end: { line: base + r.endLine, character: r.end } };
  }

  problemsOf(segIndex: number): readonly LocalProblem[] {
    return this.segments[segIndex].problems;
  }

  segmentAt(segIndex: number): Segment {
    return this.segments[segIndex];
  }

  segmentStartLine(segIndex: number): number {
    return this.segLines[segIndex];
  }

  /** The index of the segment that holds a line (-1 for none). */
  segmentIndexAtLine(line: number): number {
    const lines = this.segLines;
    if (lines.length === 0) return -1;
    let lo = lineAt(lines, line);
    // Skip empty segments (the empty prelude) that share their start line.
    while (lo + 1 < lines.length && lines[lo + 1] <= line) lo++;
    return lo;
  }

  private segmentIndexAtOffset(offset: number): number {
    return lineAt(this.segOffsets, offset);
  }

  /** LSP position → offset, clamped into the text like the LSP text document does. */
  offsetAt(position: Position): number {
    const line = Math.floor(position.line);
    const character = Math.floor(position.character);
    if (!(line >= 0) || this.total === 0) return 0;
    const lineCount = this.lineCount;
    if (line >= lineCount) return this.total;
    const si = this.segmentIndexAtLine(line);
    const seg = this.segments[si];
    const rel = line - this.segLines[si];
    if (rel >= seg.lineStarts.length) return this.total; // the empty last line
    const start = this.segOffsets[si] + seg.lineStarts[rel];
    const len = lineLength(seg, rel);
    const ch = character > 0 ? character : 0;
    // Clamp to the line's text: a position past the end or inside the line break goes to the line's end.
    return start + Math.min(ch, len);
  }

  /** Offset → LSP position. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.floor(offset) || 0, this.total));
    if (this.total === 0) return { line: 0, character: 0 };
    if (o === this.total && this.endsWithBreak) return { line: this.lineCount - 1, character: 0 };
    let si = this.segmentIndexAtOffset(o);
    while (si > 0 && this.segments[si].text.length === 0) si--;
    const seg = this.segments[si];
    const rel = o - this.segOffsets[si];
    const li = lineAt(seg.lineStarts, rel);
    return { line: this.segLines[si] + li, character: Math.min(rel - seg.lineStarts[li], lineLength(seg, li)) };
  }

  /** The text of a range (or of everything). */
  getTextRange(range: Range): string {
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.slice(a, Math.max(a, b));
  }

  /** The text between two offsets, read from the segments it spans. */
  slice(a: number, b: number): string {
    if (b <= a) return '';
    let si = this.segmentIndexAtOffset(a);
    let out = '';
    let pos = a;
    while (pos < b && si < this.segments.length) {
      const start = this.segOffsets[si];
      const seg = this.segments[si];
      const from = pos - start;
      const to = Math.min(b - start, seg.text.length);
      if (to > from) out += seg.text.slice(from, to);
      pos = start + seg.text.length;
      si++;
    }
    return out;
  }

  /** The text of one line, without its line break. */
  lineText(line: number): string {
    const si = this.segmentIndexAtLine(line);
    if (si < 0) return '';
    const seg = this.segments[si];
    const rel = line - this.segLines[si];
    if (rel < 0 || rel >= seg.lineStarts.length) return '';
    const start = seg.lineStarts[rel];
    return seg.text.slice(start, start + lineLength(seg, rel));
  }

  /**
   * A document's body text (the lines after its header, up to its end line), at
   * most `maxChars` of it, and the way back from an offset in it to a position.
   */
  body(docIndex: number, maxChars = Infinity): DocumentBody {
    const segIndex = docIndex + 1;
    const seg = this.segments[segIndex];
    const facts = seg?.doc;
    if (!facts) return { text: '', positionOf: () => ({ line: 0, character: 0 }) };
    const starts = seg.lineStarts;
    const from = facts.bodyStart;
    const text = seg.text.slice(from, Math.max(from, Math.min(facts.bodyEnd, from + maxChars)));
    const base = this.segLines[segIndex];
    return {
      text,
      positionOf(offset: number): Position {
        const abs = from + offset;
        const li = lineAt(starts, abs);
        return { line: base + li, character: abs - starts[li] };
      },
    };
  }

  /**
   * Replaces the text between two offsets. Only the touched segments (and the one
   * before, whose last line an edit can join) are split and analysed again.
   */
  applyEdit(startOffset: number, endOffset: number, newText: string): void {
    const a = Math.max(0, Math.min(startOffset, this.total));
    const b = Math.max(a, Math.min(endOffset, this.total));
    if (a === b && newText.length === 0) return;
    let first = this.segmentIndexAtOffset(a);
    if (first > 0) first--;
    const last = this.segmentIndexAtOffset(b);
    const regionStart = this.segOffsets[first];
    let region = '';
    for (let i = first; i <= last; i++) region += this.segments[i].text;
    region = region.slice(0, a - regionStart) + newText + region.slice(b - regionStart);
    // The region starts at the file's start or at a document-opening line the edit did not touch.
    const fresh = splitSegments(region, first === 0);
    let lineDelta = 0;
    for (let i = first; i <= last; i++) lineDelta -= this.segments[i].lineStarts.length;
    for (const seg of fresh) lineDelta += seg.lineStarts.length;
    this.segments.splice(first, last - first + 1, ...fresh);
    if (fresh.length !== last - first + 1) {
      // Keep the index arrays aligned with the segments; their values are recomputed from `first` on.
      const filler = new Array<number>(fresh.length).fill(0);
      this.segOffsets.splice(first, last - first + 1, ...filler);
      this.segLines.splice(first, last - first + 1, ...filler);
    }
    this.journal.push({ first, removed: last - first + 1, inserted: fresh.length, lineDelta });
    if (this.journal.length > JOURNAL_LENGTH) {
      this.journal.shift();
      this.journalStart++;
    }
    this.reindex(first);
  }

  /** Recomputes the start offset and line of the segments from `from` on (those before it did not move). */
  private reindex(from = 0): void {
    const n = this.segments.length;
    if (from === 0 || this.segOffsets.length !== n) {
      from = 0;
      this.segOffsets = new Array<number>(n);
      this.segLines = new Array<number>(n);
    }
    let off = from > 0 ? this.segOffsets[from - 1] + this.segments[from - 1].text.length : 0;
    let line = from > 0 ? this.segLines[from - 1] + this.segments[from - 1].lineStarts.length : 0;
    for (let i = from; i < n; i++) {
      this.segOffsets[i] = off;
      this.segLines[i] = line;
      const seg = this.segments[i];
      off += seg.text.length;
      line += seg.lineStarts.length;
    }
    this.total = off;
    let lastText = '';
    for (let i = n - 1; i >= 0; i--) {
      if (this.segments[i].text.length > 0) {
        lastText = this.segments[i].text;
        break;
      }
    }
    const c = lastText.charCodeAt(lastText.length - 1);
    this.endsWithBreak = c === 10 || c === 13;
    this.docsCache = undefined;
    this.generation++;
  }
}

/** Length of a segment's line without its line break. */
export function lineLength(seg: Segment, rel: number): number {
  return lineLengthAt(seg.text, seg.lineStarts, rel);
}
