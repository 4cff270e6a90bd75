// The facts of one document, read once from its segment's text: where its parts
// are (header, body, end line), its attributes and dates, and what lies outside
// any document. Rules (../rules) read these facts; they never parse text again.

import { isBlankLine, isEndLine, ParsedAttribute, ParsedHeader, Span } from './header';
import { checkIsoDate, IsoCheck } from './isoDate';
import { DateLineRead, readDateLine } from './dateLine';
import { checkAttributeValue, KNOWN_KEYS } from './attributes';
import type { RelRange } from './edits';
import { lineLengthAt, lineText } from './lines';
import { firstWords } from './text';

export type DateSource = 'attribute' | 'line';

export interface DateEntry {
  source: DateSource;
  /** The value as written. */
  text: string;
  /** Where the value is (relative line). */
  range: RelRange;
  check: IsoCheck;
}

/** One attribute of the header, with the earlier one of the same key when it repeats one. */
export interface AttributeFact {
  attr: ParsedAttribute;
  /** The first attribute with the same key, when this one repeats it. */
  repeats?: ParsedAttribute;
  /** Whether the key is one of the format's known keys. */
  known: boolean;
  /** For a known key other than `date`: the problem with its value, if any. */
  valueProblem?: string;
}

/** The first body line read as a date line: what the reader found, and on which line. */
export interface DateLineFact extends DateLineRead {
  line: number;
}

export interface DocFacts {
  header: ParsedHeader;
  name: string;
  /** Length of the header line (line break excluded). */
  headerLength: number;
  /** Relative line of the end line, if the document is closed by one. */
  endLine?: number;
  /** Last line of the document proper (the end line, or the last line before the next header). */
  lastLine: number;
  /** Last non-blank line of the document (header line when the body is blank). */
  lastContentLine: number;
  /** First non-blank body line, if any. */
  firstTextLine?: number;
  attributes: AttributeFact[];
  dates: DateEntry[];
  /** The first body line, when it is a date line or an attempt at one. */
  dateLine?: DateLineFact;
  /** A first body line that tries to be a date line but is not one (reported as invalid-date). */
  dateAttempt: boolean;
  lang?: string;
  /** The first words of the text, for the outline. */
  firstWords: string;
  empty: boolean;
  /** Offsets in the segment's text of the body: from the line after the header to the end line (or the end). */
  bodyStart: number;
  bodyEnd: number;
}

/** The first words of the first non-blank line in [from, stop), or '' when there is none. */
function firstWordsAfter(text: string, lineStarts: readonly number[], from: number, stop: number): string {
  for (let i = from; i < stop; i++) {
    const line = lineText(text, lineStarts, i);
    if (!isBlankLine(line)) return firstWords(line);
  }
  return '';
}

/** Lines outside any document: text runs and end lines, in order. */
export type TrailerItem = { kind: 'end'; line: number; length: number } | { kind: 'text'; line: number; start: number; endLine: number; end: number };

/** The facts of a document whose header (line 0 of the segment) is already parsed. */
export function documentFacts(text: string, lineStarts: readonly number[], header: ParsedHeader): DocFacts {
  const headerLength = lineLengthAt(text, lineStarts, 0);
  const nLines = lineStarts.length;

  // Body: lines 1.. up to the first end line.
  let endLine: number | undefined;
  let firstTextLine: number | undefined;
  let lastContentLine = 0;
  for (let i = 1; i < nLines; i++) {
    const s = lineStarts[i];
    if (text.charCodeAt(s) === 60 && text.startsWith('<<<END>>>', s) && isEndLine(lineText(text, lineStarts, i))) {
      endLine = i;
      lastContentLine = i;
      break;
    }
    if (firstTextLine === undefined && !isBlankLine(lineText(text, lineStarts, i))) {
      firstTextLine = i;
      lastContentLine = i;
    }
  }
  const lastLine = endLine ?? Math.max(0, nLines - 1);
  if (endLine === undefined && firstTextLine !== undefined) {
    // Last non-blank line: walk back from the end (cheap: only trailing blank lines are read).
    for (let i = nLines - 1; i >= firstTextLine; i--) {
      if (!isBlankLine(lineText(text, lineStarts, i))) {
        lastContentLine = i;
        break;
      }
    }
  }

  // Attributes: the first of each key counts; known keys have their values checked.
  const seen = new Map<string, ParsedAttribute>();
  const attributes: AttributeFact[] = [];
  const dates: DateEntry[] = [];
  let lang: string | undefined;
  for (const a of header.attributes) {
    const first = seen.get(a.key);
    const known = KNOWN_KEYS.has(a.key);
    if (first) {
      attributes.push({ attr: a, repeats: first, known });
      continue;
    }
    seen.set(a.key, a);
    const fact: AttributeFact = { attr: a, known };
    if (known && a.key === 'date') {
      dates.push({ source: 'attribute', text: a.value, range: spanRange(0, a.value === '' ? a.span : a.valueSpan), check: checkIsoDate(a.value) });
    } else if (known) {
      fact.valueProblem = checkAttributeValue(a.key, a.value);
      if (!fact.valueProblem && a.key === 'lang') lang = a.value;
    }
    attributes.push(fact);
  }

  // The date line: the first non-blank body line.
  let dateLine: DateLineFact | undefined;
  let firstWordsFrom: { line: number; col: number } | undefined;
  if (firstTextLine !== undefined) {
    const d = readDateLine(lineText(text, lineStarts, firstTextLine));
    if (d) {
      dateLine = { ...d, line: firstTextLine };
      if (!d.attempt) {
        dates.push({ source: 'line', text: d.value, range: { line: firstTextLine, start: d.valueStart, endLine: firstTextLine, end: d.valueEnd }, check: checkIsoDate(d.value) });
      }
      firstWordsFrom = { line: firstTextLine, col: d.valueEnd };
    } else {
      firstWordsFrom = { line: firstTextLine, col: 0 };
    }
  }

  const bodyStart = nLines > 1 ? lineStarts[1] : text.length;
  const bodyEnd = endLine !== undefined ? lineStarts[endLine] : text.length;
  return {
    header,
    name: header.name,
    headerLength,
    endLine,
    lastLine,
    lastContentLine,
    firstTextLine,
    attributes,
    dates,
    dateLine,
    dateAttempt: dateLine?.attempt !== undefined,
    lang,
    // Read only when the outline or a hover asks (most documents of a large file never are).
    get firstWords(): string {
      let value = firstWordsFrom ? firstWords(lineText(text, lineStarts, firstWordsFrom.line).slice(firstWordsFrom.col)) : '';
      // A date line that stands alone (what the missing-date fix writes): the words are on the next non-blank line.
      if (value === '' && firstWordsFrom && dateLine) value = firstWordsAfter(text, lineStarts, firstWordsFrom.line + 1, endLine ?? nLines);
      Object.defineProperty(this, 'firstWords', { value, enumerable: true });
      return value;
    },
    empty: firstTextLine === undefined,
    bodyStart,
    bodyEnd: Math.max(bodyStart, bodyEnd),
  };
}

/** The lines from `from` on that lie outside any document: runs of text and end lines. */
export function trailerFacts(text: string, lineStarts: readonly number[], from: number): TrailerItem[] {
  const out: TrailerItem[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart < 0) return;
    const line = lineText(text, lineStarts, runStart);
    out.push({ kind: 'text', line: runStart, start: line.length - line.trimStart().length, endLine: runEnd, end: lineLengthAt(text, lineStarts, runEnd) });
    runStart = -1;
  };
  for (let i = from; i < lineStarts.length; i++) {
    const line = lineText(text, lineStarts, i);
    if (isEndLine(line)) {
      flush();
      out.push({ kind: 'end', line: i, length: line.length });
      continue;
    }
    if (!isBlankLine(line)) {
      if (runStart < 0) runStart = i;
      runEnd = i;
    }
  }
  flush();
  return out;
}

/**
 * A run of control characters, of replacement characters (U+FFFD), of byte-order
 * marks (U+FEFF), or of combining marks (accents written apart from their letter,
 * U+0300–U+036F, the Arabic madda and hamza marks, Hangul conjoining jamo: what text
 * that is not NFC holds; found in the same scan, so that rule costs nothing on other text).
 */
export interface CharRun {
  kind: 'control' | 'replacement' | 'bom' | 'combining';
  line: number;
  start: number;
  end: number;
  text: string;
}

// Combining marks on purpose: U+FEFF then U+0300 in one class reads to the linter as one combined character.
// eslint-disable-next-line no-misleading-character-class
const CONTROL_OR_REPLACEMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD\uFEFF\u0300-\u036F\u0653-\u0655\u1100-\u11FF]/;
const CONTROL_OR_REPLACEMENT_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]+|\uFFFD+|\uFEFF+|[\u0300-\u036F\u0653-\u0655\u1100-\u11FF]+/g;

const kindOf = (c: number): CharRun['kind'] => (c === 0xfffd ? 'replacement' : c === 0xfeff ? 'bom' : c >= 0x300 ? 'combining' : 'control');

/** The runs of control, replacement, byte-order-mark and combining characters of a segment. */
export function characterRuns(text: string, lineStarts: readonly number[], lineAtOffset: (offset: number) => number): CharRun[] {
  if (!CONTROL_OR_REPLACEMENT.test(text)) return [];
  const out: CharRun[] = [];
  CONTROL_OR_REPLACEMENT_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONTROL_OR_REPLACEMENT_G.exec(text)) !== null) {
    const line = lineAtOffset(m.index);
    out.push({
      kind: kindOf(m[0].charCodeAt(0)),
      line,
      start: m.index - lineStarts[line],
      end: m.index + m[0].length - lineStarts[line],
      text: m[0],
    });
  }
  return out;
}

export function spanRange(line: number, span: Span): RelRange {
  return { line, start: span.start, endLine: line, end: span.end };
}
