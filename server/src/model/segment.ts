// One segment of a corpus file: the text from a line that opens a document up to
// the next such line (or, for the prelude, the text before the first one). Each
// segment is analysed on its own, so an edit re-analyses only the segments it
// touches. Positions here are relative: line 0 is the segment's first line.

import type { Code } from './types';
import { formatHeader, isBlankLine, isDocumentStart, isEndLine, parseHeader, ParsedAttribute, ParsedHeader, Span } from './header';
import { checkIsoDate, IsoCheck } from './isoDate';

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

export interface LocalFix {
  title: string;
  preferred: boolean;
  edits: RelEdit[];
}

export interface LocalProblem extends RelRange {
  code: Code;
  message: string;
  /** For `unknown-attribute`: the key, so configured keys can be let through. */
  key?: string;
  /** Quick fixes, computed only when asked for. */
  fixes?: () => LocalFix[];
}

export type DateSource = 'attribute' | 'line';

export interface DateEntry {
  source: DateSource;
  /** The value as written. */
  text: string;
  /** Where the value is (relative line). */
  range: RelRange;
  check: IsoCheck;
}

export const KNOWN_KEYS: ReadonlySet<string> = new Set(['date', 'lang', 'title', 'source']);

export interface Segment {
  readonly text: string;
  /** Offsets (in `text`) of the lines that start in this segment. */
  readonly lineStarts: number[];
  readonly isPrelude: boolean;
  /** The document this segment holds (undefined for the prelude). */
  readonly doc?: DocFacts;
  readonly problems: LocalProblem[];
  /** The line break this segment uses ('\n' when it has none). */
  readonly eol: string;
}

export interface DocFacts {
  header: ParsedHeader;
  name: string;
  /** Relative line of the end line, if the document is closed by one. */
  endLine?: number;
  /** Last line of the document proper (the end line, or the last line before the next header). */
  lastLine: number;
  /** Last non-blank line of the document (header line when the body is blank). */
  lastContentLine: number;
  /** First non-blank body line, if any. */
  firstTextLine?: number;
  dates: DateEntry[];
  /** A first body line that tries to be a date line but is not one (reported as invalid-date). */
  dateAttempt: boolean;
  lang?: string;
  /** The first words of the text, for the outline. */
  firstWords: string;
  empty: boolean;
}

const CONTROL_OR_REPLACEMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;
const CONTROL_OR_REPLACEMENT_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]+|\uFFFD+/g;

/** Splits text into line start offsets and finds the first line break. */
export function scanLines(text: string): { lineStarts: number[]; eol: string } {
  const lineStarts: number[] = text.length > 0 ? [0] : [];
  let eol = '';
  const n = text.length;
  if (text.indexOf('\r') === -1) {
    let i = text.indexOf('\n');
    if (i !== -1) eol = '\n';
    while (i !== -1) {
      if (i + 1 < n) lineStarts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    return { lineStarts, eol: eol || '\n' };
  }
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        eol ||= '\r\n';
        i++;
      } else {
        eol ||= '\r';
      }
      if (i + 1 < n) lineStarts.push(i + 1);
    } else if (c === 10) {
      eol ||= '\n';
      if (i + 1 < n) lineStarts.push(i + 1);
    }
  }
  return { lineStarts, eol: eol || '\n' };
}

/** The text of line `i` without its line break. */
export function lineText(text: string, lineStarts: readonly number[], i: number): string {
  const start = lineStarts[i];
  let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(start, end);
}

/** Where the segment's line `i` ends, line break excluded. */
function lineEnd(text: string, lineStarts: readonly number[], i: number): number {
  let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
  if (end > lineStarts[i] && text.charCodeAt(end - 1) === 10) end--;
  if (end > lineStarts[i] && text.charCodeAt(end - 1) === 13) end--;
  return end - lineStarts[i];
}

function lineRange(line: number, span: Span): RelRange {
  return { line, start: span.start, endLine: line, end: span.end };
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

/** The first line break of a text whose line starts are known ('\n' when it has none). */
function eolOf(text: string, lineStarts: readonly number[]): string {
  const end = lineStarts.length > 1 ? lineStarts[1] : text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 10) return text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
  if (last === 13) return '\r';
  return '\n';
}

/** Analyses one segment. Never throws. */
export function analyseSegment(text: string, isPrelude: boolean, scanned?: { lineStarts: number[]; eol: string }): Segment {
  const { lineStarts, eol } = scanned ?? scanLines(text);
  const problems: LocalProblem[] = [];
  let doc: DocFacts | undefined;
  let trailerFrom = 0; // first line of the part that lies outside any document
  if (isPrelude) {
    trailerFrom = 0;
  } else {
    let headerLine = lineText(text, lineStarts, 0);
    let bom = 0;
    if (headerLine.charCodeAt(0) === 0xfeff) {
      headerLine = headerLine.slice(1);
      bom = 1;
    }
    const header = parseHeader(headerLine);
    if (bom) shiftHeader(header, bom);
    doc = analyseDocument(text, lineStarts, header, eol, problems);
    trailerFrom = doc.endLine !== undefined ? doc.endLine + 1 : lineStarts.length;
  }
  analyseTrailer(text, lineStarts, trailerFrom, isPrelude, eol, problems);
  scanCharacters(text, lineStarts, problems);
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
}

function analyseDocument(
  text: string,
  lineStarts: number[],
  header: ParsedHeader,
  eol: string,
  problems: LocalProblem[],
): DocFacts {
  const headerLen = lineEnd(text, lineStarts, 0);
  const headerRange: RelRange = { line: 0, start: 0, endLine: 0, end: headerLen };
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
    if (firstTextLine === undefined) {
      if (!isBlankLine(lineText(text, lineStarts, i))) {
        firstTextLine = i;
        lastContentLine = i;
      }
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

  if (header.fault) {
    const f = header.fault;
    const name = header.name;
    const attrs = dedupeAttributes(header.attributes);
    problems.push({
      code: 'malformed-header',
      message: f.message,
      ...lineRange(0, f),
      fixes: () => {
        const fixedName = name !== '' ? name : 'untitled.txt';
        const newText = formatHeader(fixedName, attrs);
        return [{
          title: `Rewrite the header as \`${short(newText)}\``,
          preferred: name !== '',
          edits: [{ ...headerRange, newText }],
        }];
      },
    });
  }

  // Attributes.
  const seen = new Map<string, ParsedAttribute>();
  const dates: DateEntry[] = [];
  let lang: string | undefined;
  for (const a of header.attributes) {
    const first = seen.get(a.key);
    const removal = (): LocalFix[] => [{
      title: `Remove the attribute \`${short(text.slice(a.span.start, a.span.end))}\``,
      preferred: true,
      edits: [removeAttributeEdit(text, a)],
    }];
    if (first) {
      problems.push({
        code: 'duplicate-attribute',
        message: `\`${a.key}\` is given twice in this header (first as \`${short(first.key + '=' + first.value)}\`). Keep one and remove the other.`,
        ...lineRange(0, a.span),
        fixes: removal,
      });
      continue;
    }
    seen.set(a.key, a);
    if (!KNOWN_KEYS.has(a.key)) {
      problems.push({
        code: 'unknown-attribute',
        message: `\`${a.key}\` is not a known header attribute (date, lang, title, source). Remove it, or allow it with "attributes" in .corpusrc.json or the corpus.attributes setting.`,
        ...lineRange(0, a.keySpan),
        key: a.key,
        fixes: removal,
      });
      continue;
    }
    const valueRange = lineRange(0, a.value === '' ? a.span : a.valueSpan);
    if (a.key === 'date') {
      dates.push({ source: 'attribute', text: a.value, range: valueRange, check: checkIsoDate(a.value) });
    } else {
      const bad = checkAttributeValue(a.key, a.value);
      if (bad) {
        problems.push({ code: 'invalid-attribute', message: bad, ...valueRange, fixes: removal });
      } else if (a.key === 'lang') {
        lang = a.value;
      }
    }
  }

  // The date line: the first non-blank body line.
  let dateAttempt = false;
  let firstWordsFrom: { line: number; col: number } | undefined;
  if (firstTextLine !== undefined) {
    const line = lineText(text, lineStarts, firstTextLine);
    const d = readDateLine(line);
    if (d) {
      const range: RelRange = { line: firstTextLine, start: d.valueStart, endLine: firstTextLine, end: d.valueEnd };
      if (d.attempt) {
        dateAttempt = true;
        const attemptRange: RelRange = { line: firstTextLine, start: d.keywordStart, endLine: firstTextLine, end: d.valueEnd };
        const check = checkIsoDate(d.value);
        const iso = check.ok ? check.date.text : check.normalized;
        problems.push({
          code: 'invalid-date',
          message: `${d.attempt} A date line reads \`date YYYY-MM-DD\` (or \`date YYYY-MM\`, \`date YYYY\`).`,
          ...attemptRange,
          fixes: iso
            ? () => [{
                title: `Rewrite as \`date ${iso}\``,
                preferred: true,
                edits: [{ ...attemptRange, newText: `date ${iso}` }],
              }]
            : undefined,
        });
      } else {
        dates.push({ source: 'line', text: d.value, range, check: checkIsoDate(d.value) });
      }
      firstWordsFrom = { line: firstTextLine, col: d.valueEnd };
    } else {
      firstWordsFrom = { line: firstTextLine, col: 0 };
    }
  }

  // Date diagnostics.
  for (const d of dates) {
    const where = d.source === 'attribute' ? 'The `date=` attribute' : 'The date line';
    if (!d.check.ok) {
      const { reason, normalized } = d.check;
      const placeholder = d.text === 'YYYY-MM-DD';
      problems.push({
        code: 'invalid-date',
        message: placeholder
          ? `${where} still holds the placeholder YYYY-MM-DD. Replace it with the article's date.`
          : d.text === ''
            ? `${where} has no value. Write the date as YYYY-MM-DD, YYYY-MM or YYYY.`
            : `${where} is not a valid date: ${reason}.${normalized ? ` Write ${normalized}.` : ' Write the date as YYYY-MM-DD, YYYY-MM or YYYY.'}`,
        ...d.range,
        fixes: normalized
          ? () => [{ title: `Change the date to ${normalized}`, preferred: true, edits: [{ ...d.range, newText: normalized }] }]
          : undefined,
      });
    } else if (d.check.date.precision !== 'day') {
      problems.push({
        code: 'partial-date',
        message: `${where} gives only the ${d.check.date.precision === 'month' ? 'month' : 'year'} (${d.text}). If the article states its day, write the full date as YYYY-MM-DD.`,
        ...d.range,
      });
    }
  }
  const attr = dates.find((d) => d.source === 'attribute');
  const dline = dates.find((d) => d.source === 'line');
  if (attr && dline && attr.check.ok && dline.check.ok && attr.text !== dline.text) {
    problems.push({
      code: 'date-conflict',
      message: `The date line says ${dline.text} but the header's \`date=\` says ${attr.text}. Keep one date, or make them agree.`,
      ...dline.range,
      fixes: () => [
        { title: `Use ${attr.text} (from the header) in the date line`, preferred: false, edits: [{ ...dline.range, newText: attr.text }] },
        { title: `Use ${dline.text} (from the date line) in the header`, preferred: false, edits: [{ ...attr.range, newText: dline.text }] },
      ],
    });
  }
  // A broken header may hold a date that could not be read: then its fault is the one to fix first.
  const unreadableDate = header.fault !== undefined && text.slice(0, headerLen).includes('date=');
  if (dates.length === 0 && !dateAttempt && !unreadableDate) {
    const nameRange = lineRange(0, header.name !== '' ? header.nameSpan : { start: 0, end: headerLen });
    problems.push({
      code: 'missing-date',
      message: `The document ${header.name !== '' ? `\`${short(header.name)}\`` : 'here'} has no date. Add a first body line \`date YYYY-MM-DD\` or a \`date=\` attribute in its header.`,
      ...nameRange,
      fixes: () => [{
        title: 'Insert a date line to fill in (date YYYY-MM-DD)',
        preferred: false,
        edits: [insertAfterLine(text, lineStarts, 0, 'date YYYY-MM-DD', eol)],
      }],
    });
  }

  const empty = firstTextLine === undefined;
  if (empty) {
    const last = endLine ?? nLines - 1;
    problems.push({
      code: 'empty-document',
      message: `The document ${header.name !== '' ? `\`${short(header.name)}\`` : 'here'} has no text. Add its text below the header, or remove the header.`,
      ...headerRange,
      fixes: () => [{
        title: 'Remove this empty document (its header and blank lines)',
        preferred: false,
        // Up to the start of what follows (the next header), or to the end of the text
        // (the end of the last line when the file does not end with a line break).
        edits: [last + 1 < nLines || text.length - lineStarts[last] > lineEnd(text, lineStarts, last)
          ? { line: 0, start: 0, endLine: last + 1, end: 0, newText: '' }
          : { line: 0, start: 0, endLine: last, end: lineEnd(text, lineStarts, last), newText: '' }],
      }],
    });
  }

  return {
    header,
    name: header.name,
    endLine,
    lastLine,
    lastContentLine,
    firstTextLine,
    dates,
    dateAttempt,
    lang,
    // Read only when the outline or a hover asks (most documents of a large file never are).
    get firstWords(): string {
      const value = firstWordsFrom ? firstWords(lineText(text, lineStarts, firstWordsFrom.line).slice(firstWordsFrom.col)) : '';
      Object.defineProperty(this, 'firstWords', { value, enumerable: true });
      return value;
    },
    empty,
  };
}

interface DateLineRead {
  keywordStart: number;
  value: string;
  valueStart: number;
  valueEnd: number;
  /** Set when the line tries to be a date line but has the wrong form: the reason. */
  attempt?: string;
}

/**
 * Reads a first body line as a date line. `date <value>` is a date line (its value
 * is checked later). `Date 2024-…`, `DATE 2024-…`, `date: …` or a bare `date` are
 * attempts of the wrong form. Other lines (`Date palms grow…`, `dated …`) are text.
 */
export function readDateLine(line: string): DateLineRead | undefined {
  let j = 0;
  while (j < line.length && (line.charCodeAt(j) === 32 || line.charCodeAt(j) === 9)) j++;
  const word = line.slice(j, j + 4);
  if (word.toLowerCase() !== 'date') return undefined;
  const after = j + 4;
  const c = line.charCodeAt(after);
  const isWs = c === 32 || c === 9;
  if (after < line.length && !isWs && c !== 58 /* : */) return undefined;
  let k = after;
  if (c === 58) k++;
  while (k < line.length && (line.charCodeAt(k) === 32 || line.charCodeAt(k) === 9)) k++;
  let e = k;
  while (e < line.length && line.charCodeAt(e) !== 32 && line.charCodeAt(e) !== 9) e++;
  const value = line.slice(k, e);
  const base = { keywordStart: j, value, valueStart: k, valueEnd: e };
  if (word === 'date' && isWs && value !== '') return base;
  if (c === 58) {
    return { ...base, valueEnd: Math.max(e, after + 1), attempt: 'This date line has a colon after `date`; write it without one.' };
  }
  if (after >= line.length || value === '') {
    return { ...base, valueEnd: Math.max(e, after), attempt: 'This date line has no date after `date`.' };
  }
  // Another case: an attempt only when a date-looking value follows.
  if (/^\d/.test(value)) {
    return { ...base, attempt: `\`${word}\` must be written in lower case: \`date\`.` };
  }
  return undefined;
}

const BCP47 = /^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?(?:-(?:[A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z\d]{2,8})+)*(?:-x(?:-[A-Za-z\d]{1,8})+)?|x(?:-[A-Za-z\d]{1,8})+)$/;

/** The problem with a known attribute's value, or undefined when it is fine. */
export function checkAttributeValue(key: string, value: string): string | undefined {
  switch (key) {
    case 'lang': {
      if (value === '') return '`lang=` is empty. Give a language tag such as `en`, `fr`, `vi`, `ar` or `pt-BR`.';
      if (!BCP47.test(value)) {
        const guess = languageTagFor(value);
        return `\`lang=${short(value)}\` is not a language tag. Use a BCP 47 tag such as ${guess ? `\`${guess}\`` : '`en`, `fr`, `vi` or `ar`'}.`;
      }
      return undefined;
    }
    case 'source': {
      let ok = false;
      try {
        const u = new URL(value);
        ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
      } catch {
        ok = false;
      }
      return ok ? undefined : `\`source=${short(value)}\` is not a web address. Give the full address, starting with https:// or http://.`;
    }
    case 'title':
      return value.trim() === '' ? '`title=` is empty. Write the title in double quotes, or remove the attribute.' : undefined;
    default:
      return undefined;
  }
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en', french: 'fr', français: 'fr', francais: 'fr', vietnamese: 'vi', 'tiếng việt': 'vi', arabic: 'ar',
  العربية: 'ar', spanish: 'es', español: 'es', espanol: 'es', german: 'de', deutsch: 'de', portuguese: 'pt',
  chinese: 'zh', japanese: 'ja', russian: 'ru', italian: 'it', korean: 'ko', thai: 'th', indonesian: 'id',
};

/** The tag for a language written out by name (`english` → `en`), if known. */
export function languageTagFor(value: string): string | undefined {
  return LANGUAGE_NAMES[value.toLowerCase()];
}

function analyseTrailer(
  text: string,
  lineStarts: number[],
  from: number,
  isPrelude: boolean,
  eol: string,
  problems: LocalProblem[],
): void {
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart < 0) return;
    const startLine = runStart;
    const endLine = runEnd;
    const line = lineText(text, lineStarts, startLine);
    const col = line.length - line.trimStart().length;
    const range: RelRange = { line: startLine, start: col, endLine, end: lineEnd(text, lineStarts, endLine) };
    problems.push({
      code: 'text-outside-document',
      message: isPrelude
        ? 'This text comes before the first header, so it belongs to no document. Put a header line `<<<FILE name>>>` above it, or remove it.'
        : 'This text comes after an end line `<<<END>>>`, so it belongs to no document. Put a header line `<<<FILE name>>>` above it, or remove it.',
      ...range,
      fixes: () => [{
        title: 'Insert a header above this text',
        preferred: true,
        edits: [{ line: startLine, start: 0, endLine: startLine, end: 0, newText: `<<<FILE untitled.txt>>>${eol}` }],
      }],
    });
    runStart = -1;
  };
  for (let i = from; i < lineStarts.length; i++) {
    const line = lineText(text, lineStarts, i);
    if (isEndLine(line)) {
      flush();
      const lineNo = i;
      const len = line.length;
      problems.push({
        code: 'stray-end',
        message: isPrelude
          ? 'This end line `<<<END>>>` comes before any header, so it closes nothing. Remove it.'
          : 'This end line `<<<END>>>` comes after the document was already closed. Remove it.',
        line: i,
        start: 0,
        endLine: i,
        end: 9,
        fixes: () => [{
          title: 'Remove this end line',
          preferred: true,
          edits: [removeLineEdit(text, lineStarts, lineNo, len)],
        }],
      });
      continue;
    }
    if (!isBlankLine(line)) {
      if (runStart < 0) runStart = i;
      runEnd = i;
    }
  }
  flush();
}

function scanCharacters(text: string, lineStarts: number[], problems: LocalProblem[]): void {
  if (!CONTROL_OR_REPLACEMENT.test(text)) return;
  CONTROL_OR_REPLACEMENT_G.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CONTROL_OR_REPLACEMENT_G.exec(text)) !== null) {
    const startOffset = m.index;
    const endOffset = m.index + m[0].length;
    const line = lineAt(lineStarts, startOffset);
    const start = startOffset - lineStarts[line];
    const end = endOffset - lineStarts[line];
    const replacement = m[0].charCodeAt(0) === 0xfffd;
    const count = m[0].length;
    if (replacement) {
      problems.push({
        code: 'replacement-character',
        message: `${count === 1 ? 'A replacement character �' : `${count} replacement characters �`} here ${count === 1 ? 'marks' : 'mark'} text that was damaged when it was converted to UTF-8. Restore the original characters from the source.`,
        line,
        start,
        endLine: line,
        end,
      });
    } else {
      const codes = [...new Set(m[0])].slice(0, 3).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      problems.push({
        code: 'control-character',
        message: `${count === 1 ? 'An invisible control character' : `${count} invisible control characters`} (${codes.join(', ')}) ${count === 1 ? 'is' : 'are'} here. Such characters usually come from a broken copy or conversion; remove ${count === 1 ? 'it' : 'them'}.`,
        line,
        start,
        endLine: line,
        end,
        fixes: () => [{
          title: count === 1 ? 'Remove the control character' : 'Remove the control characters',
          preferred: true,
          edits: [{ line, start, endLine: line, end, newText: '' }],
        }],
      });
    }
  }
}

/** The line (index into lineStarts) that holds an offset. */
export function lineAt(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function dedupeAttributes(attrs: readonly ParsedAttribute[]): { key: string; value: string }[] {
  const seen = new Set<string>();
  const out: { key: string; value: string }[] = [];
  for (const a of attrs) {
    if (seen.has(a.key)) continue;
    seen.add(a.key);
    out.push({ key: a.key, value: a.value });
  }
  return out;
}

function removeAttributeEdit(text: string, a: ParsedAttribute): RelEdit {
  // Remove the attribute and the white space before it.
  const line = text.slice(0, a.span.start);
  let start = a.span.start;
  while (start > 0 && (line.charCodeAt(start - 1) === 32 || line.charCodeAt(start - 1) === 9)) start--;
  return { line: 0, start, endLine: 0, end: a.span.end, newText: '' };
}

/** An edit that inserts a new line after line `i` of the segment. */
export function insertAfterLine(text: string, lineStarts: readonly number[], i: number, newLine: string, eol: string): RelEdit {
  if (i + 1 < lineStarts.length) {
    return { line: i + 1, start: 0, endLine: i + 1, end: 0, newText: newLine + eol };
  }
  const end = lineEnd(text, lineStarts as number[], i);
  const fullEnd = text.length - lineStarts[i];
  if (fullEnd > end) {
    // The line ends with a line break and is the segment's last: insert after it.
    return { line: i + 1, start: 0, endLine: i + 1, end: 0, newText: newLine + eol };
  }
  return { line: i, start: end, endLine: i, end, newText: eol + newLine };
}

function removeLineEdit(text: string, lineStarts: readonly number[], i: number, len: number): RelEdit {
  if (i + 1 < lineStarts.length || text.length - lineStarts[i] > len) {
    return { line: i, start: 0, endLine: i + 1, end: 0, newText: '' };
  }
  return { line: i, start: 0, endLine: i, end: len, newText: '' };
}

function firstWords(line: string): string {
  // Only the first 60 characters of the cleaned line matter: clean a prefix that
  // is long enough (more than 61 cleaned characters, so trimming its end cannot
  // change the first 60), not a whole first paragraph of every document.
  for (let n = 256; n < line.length; n *= 4) {
    const head = line.slice(0, n).replace(/\s+/g, ' ').trim();
    if (head.length > 61) return cutWords(head);
  }
  return cutWords(line.replace(/\s+/g, ' ').trim());
}

function cutWords(clean: string): string {
  if (clean.length <= 60) return clean;
  const cut = clean.slice(0, 60);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > 30 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}

export function short(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
