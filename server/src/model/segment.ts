// One segment of a corpus file: the text from a line that opens a document up to
// the next such line (or, for the prelude, the text before the first one). Each
// segment is analysed on its own — its facts read once (./facts), then every
// segment rule of the registry run over them — so an edit re-analyses only the
// segments it touches. Positions here are relative: line 0 is the segment's first line.

import { isDocumentStart, parseHeader, ParsedHeader, Span } from './header';
import { CharRun, characterRuns, DocFacts, documentFacts, TrailerItem, trailerFacts } from './facts';
import { eolOf, lineAt, lineText, scanLines } from './lines';
import { SEGMENT_RULES } from '../rules';
import type { LocalProblem, SegmentContext } from '../rules/types';

export interface Segment {
  readonly text: string;
  /** Offsets (in `text`) of the lines that start in this segment. */
  readonly lineStarts: number[];
  readonly isPrelude: boolean;
  /** The document this segment holds (undefined for the prelude). */
  readonly doc?: DocFacts;
  /** What the segment rules found, in text order. */
  readonly problems: LocalProblem[];
  /** The line break this segment uses ('\n' when it has none). */
  readonly eol: string;
}

/**
 * Splits text that starts at a line start into segments. With `atFileStart`, the
 * first segment is the prelude (possibly empty) and a leading byte-order mark is
 * ignored when classifying the first line. Without it, the text must begin with
 * a document-opening line and no prelude is returned.
 */
export function splitSegments(text: string, atFileStart: boolean): Segment[] {
  const { lineStarts } = scanLines(text);
  const starts: number[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const s = lineStarts[i];
    const c = text.charCodeAt(s);
    // Cheap pre-check: a document-opening line starts with `<`, a blank or a BOM.
    if (c !== 60 && c !== 32 && c !== 9 && c !== 0xfeff) continue;
    let line = lineText(text, lineStarts, i);
    if (i === 0 && atFileStart && c === 0xfeff) line = line.slice(1);
    if (isDocumentStart(line)) starts.push(s);
  }
  // Without a file start the text begins with a document-opening line; keep every
  // character even if it does not (the caller's contract was broken).
  if (!atFileStart && (starts.length === 0 || starts[0] !== 0)) starts.unshift(0);
  const segments: Segment[] = [];
  // Each segment's line starts are taken from the ones already found (the text is scanned once).
  let li = 0;
  const piece = (from: number, end: number, isPrelude: boolean): Segment => {
    while (li < lineStarts.length && lineStarts[li] < from) li++;
    const rel: number[] = [];
    for (let j = li; j < lineStarts.length && lineStarts[j] < end; j++) rel.push(lineStarts[j] - from);
    const body = text.slice(from, end);
    return analyseSegment(body, isPrelude, { lineStarts: rel, eol: eolOf(body, rel) });
  };
  if (atFileStart) segments.push(piece(0, starts.length > 0 ? starts[0] : text.length, true));
  for (let k = 0; k < starts.length; k++) segments.push(piece(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length, false));
  return segments;
}

/** Analyses one segment: its facts, then the segment rules. Never throws. */
export function analyseSegment(text: string, isPrelude: boolean, scanned?: { lineStarts: number[]; eol: string }): Segment {
  const { lineStarts, eol } = scanned ?? scanLines(text);
  let doc: DocFacts | undefined;
  let trailerFrom = 0; // first line of the part that lies outside any document
  if (!isPrelude) {
    let headerLine = lineText(text, lineStarts, 0);
    let bom = 0;
    if (headerLine.charCodeAt(0) === 0xfeff) {
      headerLine = headerLine.slice(1);
      bom = 1;
    }
    const header = parseHeader(headerLine);
    if (bom) shiftHeader(header, bom);
    doc = documentFacts(text, lineStarts, header);
    trailerFrom = doc.endLine !== undefined ? doc.endLine + 1 : lineStarts.length;
  }
  const problems: LocalProblem[] = [];
  let runs: CharRun[] | undefined;
  const trailer: TrailerItem[] = trailerFacts(text, lineStarts, trailerFrom);
  const ctx: SegmentContext = {
    text,
    lineStarts,
    eol,
    isPrelude,
    doc,
    trailer,
    charRuns: () => (runs ??= characterRuns(text, lineStarts, (offset) => lineAt(lineStarts, offset))),
    report: (p) => problems.push(p),
  };
  for (const rule of SEGMENT_RULES) rule.check(ctx);
  if (problems.length > 1) problems.sort((a, b) => a.line - b.line || a.start - b.start);
  return { text, lineStarts, isPrelude, doc, problems, eol };
}

function shiftHeader(h: ParsedHeader, by: number): void {
  const shift = (s: Span): void => {
    s.start += by;
    s.end += by;
  };
  shift(h.nameSpan);
  for (const a of h.attributes) {
    shift(a.span);
    shift(a.keySpan);
    shift(a.valueSpan);
  }
  if (h.fault) shift(h.fault);
  if (h.close !== undefined) h.close += by;
}
