// Edits relative to a segment (line 0 is the segment's first line), as rules build
// them for their fixes.

import type { ParsedAttribute } from './header';
import { lineLengthAt } from './lines';

/** A range inside a segment (relative line numbers). */
export interface RelRange {
  line: number;
  start: number;
  endLine: number;
  end: number;
}

export interface RelEdit extends RelRange {
  newText: string;
}

/** An edit that inserts a new line after line `i` of the segment. */
export function insertAfterLine(text: string, lineStarts: readonly number[], i: number, newLine: string, eol: string): RelEdit {
  if (i + 1 < lineStarts.length) {
    return { line: i + 1, start: 0, endLine: i + 1, end: 0, newText: newLine + eol };
  }
  const end = lineLengthAt(text, lineStarts, i);
  const fullEnd = text.length - lineStarts[i];
  if (fullEnd > end) {
    // The line ends with a line break and is the segment's last: insert after it.
    return { line: i + 1, start: 0, endLine: i + 1, end: 0, newText: newLine + eol };
  }
  return { line: i, start: end, endLine: i, end, newText: eol + newLine };
}

/** An edit that removes line `i` (of length `len`) with its line break. */
export function removeLineEdit(text: string, lineStarts: readonly number[], i: number, len: number): RelEdit {
  if (i + 1 < lineStarts.length || text.length - lineStarts[i] > len) {
    return { line: i, start: 0, endLine: i + 1, end: 0, newText: '' };
  }
  return { line: i, start: 0, endLine: i, end: len, newText: '' };
}

/** An edit that removes a header attribute and the white space before it. */
export function removeAttributeEdit(text: string, a: ParsedAttribute): RelEdit {
  const line = text.slice(0, a.span.start);
  let start = a.span.start;
  while (start > 0 && (line.charCodeAt(start - 1) === 32 || line.charCodeAt(start - 1) === 9)) start--;
  return { line: 0, start, endLine: 0, end: a.span.end, newText: '' };
}
