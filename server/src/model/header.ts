// The header-line parser and the canonical header form (format spec, section 3).
// Hand-written scanners: linear in the line's length, no regular expressions that
// could backtrack, and they never throw. Columns are UTF-16 offsets in the line.
// Which lines open a document is ./lineKinds.ts (re-exported here).

import { BACKSLASH, GT, HeaderFault, headerPrefix, isBlank, isWhite, QUOTE, Span } from './lineKinds';

export { headerPrefix, isBlankLine, isDocumentStart, isEndLine } from './lineKinds';
export type { HeaderFault, HeaderPrefix, Span } from './lineKinds';

export interface ParsedAttribute {
  key: string;
  value: string;
  /** The whole `key=value` text. */
  span: Span;
  keySpan: Span;
  valueSpan: Span;
}

export interface ParsedHeader {
  /** The best name that can be read from the line ('' when there is none). */
  name: string;
  nameSpan: Span;
  attributes: ParsedAttribute[];
  /** The first fault against the exact form; undefined for a valid header. */
  fault?: HeaderFault;
  /** Column of the closing `>>>`, when the header is closed. */
  close?: number;
  /** A broken header whose text holds `date=`: it may carry a date that could not be read. */
  mentionsDate?: boolean;
}

/** Reads a bare token: up to white space, `"` or `>>>`. Returns its end column. */
function scanBare(line: string, i: number): number {
  const n = line.length;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isWhite(c) || c === QUOTE) break;
    if (c === GT && line.charCodeAt(i + 1) === GT && line.charCodeAt(i + 2) === GT) break;
    i++;
  }
  return i;
}

interface QuotedScan {
  value: string;
  end: number;
  fault?: HeaderFault;
}

/** Reads a double-quoted token starting at the opening quote. */
function scanQuoted(line: string, i: number, what: string): QuotedScan {
  const n = line.length;
  const open = i;
  i++;
  let value = '';
  let fault: HeaderFault | undefined;
  let chunk = i;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      value += line.slice(chunk, i);
      return { value, end: i + 1, fault };
    }
    if (c === BACKSLASH) {
      value += line.slice(chunk, i);
      const next = line.charCodeAt(i + 1);
      if (next === QUOTE || next === BACKSLASH) {
        value += line[i + 1];
      } else if (i + 1 < n) {
        fault ??= {
          start: i,
          end: i + 2,
          message: `\`\\${line[i + 1]}\` is not allowed in a quoted ${what}: only \`\\"\` and \`\\\\\` are escapes. Write \`\\\\\` for a backslash.`,
        };
        value += line[i + 1];
      }
      i += 2;
      chunk = i;
      continue;
    }
    i++;
  }
  value += line.slice(chunk, n);
  return {
    value,
    end: n,
    fault: fault ?? {
      start: open,
      end: n,
      message: `The quoted ${what} that starts here has no closing \`"\`. Add \`"\` after the ${what}.`,
    },
  };
}

function isKeyStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45;
}

function quoteForMessage(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return `\`${shown}\``;
}

/**
 * Parses a line that opens a document. Never throws; a line that breaks the exact
 * form gets the first fault found and still yields the best name and attributes.
 */
export function parseHeader(line: string): ParsedHeader {
  const prefix = headerPrefix(line) ?? { end: Math.min(7, line.length) };
  let fault: HeaderFault | undefined = prefix.fault;
  const setFault = (f: HeaderFault): void => {
    // A one-character fault on an emoji covers both of its UTF-16 units, never half of it.
    const high = (k: number): boolean => {
      const c = line.charCodeAt(k);
      return c >= 0xd800 && c <= 0xdbff;
    };
    const low = (k: number): boolean => {
      const c = line.charCodeAt(k);
      return c >= 0xdc00 && c <= 0xdfff;
    };
    if (f.end > 0 && f.end < line.length && high(f.end - 1) && low(f.end)) f.end++;
    if (f.start > 0 && high(f.start - 1) && low(f.start)) f.start--;
    fault ??= f;
  };
  const n = line.length;
  let i = prefix.end;
  const attributes: ParsedAttribute[] = [];

  // `<<<FILEname>>>`: the name follows the keyword with no space.
  if (i < n && !isBlank(line.charCodeAt(i)) && !line.startsWith('>>>', i)) {
    const nameEnd = scanBare(line, i);
    setFault({
      start: prefix.end - 4,
      end: Math.max(nameEnd, i + 1),
      message: 'Put a space between `FILE` and the document name.',
    });
  }
  while (i < n && isWhite(line.charCodeAt(i))) i++;

  // The name.
  let name = '';
  let nameSpan: Span = { start: i, end: i };
  if (i >= n || line.startsWith('>>>', i)) {
    setFault({
      start: 0,
      end: n,
      message: 'This header has no document name. Write the name after `<<<FILE `, for example `<<<FILE article-001.txt>>>`.',
    });
  } else if (line.charCodeAt(i) === QUOTE) {
    const q = scanQuoted(line, i, 'name');
    if (q.fault) setFault(q.fault);
    name = q.value;
    nameSpan = { start: i, end: q.end };
    if (q.end === n && line.charCodeAt(n - 1) !== QUOTE) {
      // An unclosed quote swallows the rest of the line: the best name stops before `>>>`.
      const close = name.indexOf('>>>');
      if (close >= 0) name = name.slice(0, close).trimEnd();
    }
    if (q.value.length === 0 && !q.fault) {
      setFault({ start: i, end: q.end, message: 'The document name is empty. Write a name between the quotes.' });
    }
    i = q.end;
    if (i < n && !isWhite(line.charCodeAt(i)) && !line.startsWith('>>>', i)) {
      setFault({ start: i, end: i + 1, message: 'Put a space after the quoted name.' });
    }
  } else if (looksLikeKnownAttribute(line, i)) {
    // `<<<FILE date=2024-12-01>>>`: the name was forgotten and an attribute took its place.
    setFault({
      start: 0,
      end: n,
      message: `This header has no document name: \`${line.slice(i, scanBare(line, i))}\` is an attribute. Write the name first, for example \`<<<FILE article-001.txt ${line.slice(i, scanBare(line, i))}>>>\`.`,
    });
  } else {
    const end = scanBare(line, i);
    name = line.slice(i, end);
    nameSpan = { start: i, end };
    i = end;
    if (i < n && line.charCodeAt(i) === QUOTE) {
      const q = scanQuoted(line, i, 'name');
      setFault({
        start: nameSpan.start,
        end: q.end,
        message: 'A name without quotes cannot contain `"`. Put the whole name in double quotes and write `\\"` for each quote inside it.',
      });
      i = q.end;
      nameSpan = { start: nameSpan.start, end: i };
      name = line.slice(nameSpan.start, i);
    }
  }

  // Attributes up to `>>>`.
  let closed = false;
  let close: number | undefined;
  while (i < n) {
    const wsStart = i;
    while (i < n && isWhite(line.charCodeAt(i))) i++;
    if (i >= n) break;
    if (line.startsWith('>>>', i)) {
      closed = true;
      close = i;
      i += 3;
      break;
    }
    if (i === wsStart && attributes.length > 0) {
      setFault({ start: i, end: i + 1, message: 'Put a space between attributes.' });
    }
    const tokenStart = i;
    const c = line.charCodeAt(i);
    if (c === QUOTE) {
      const q = scanQuoted(line, i, 'text');
      setFault({
        start: tokenStart,
        end: q.end,
        message: `${quoteForMessage(line.slice(tokenStart, q.end))} is not an attribute: after the name a header holds only key=value attributes. Put a name with spaces in quotes as a whole.`,
      });
      i = q.end;
      continue;
    }
    let k = i;
    if (isKeyStart(c)) {
      k++;
      while (k < n && isKeyChar(line.charCodeAt(k))) k++;
    }
    if (k > i && line.charCodeAt(k) === 61 /* = */) {
      const key = line.slice(i, k);
      const valueStart = k + 1;
      let value: string;
      let valueEnd: number;
      if (line.charCodeAt(valueStart) === QUOTE) {
        const q = scanQuoted(line, valueStart, 'value');
        if (q.fault) setFault(q.fault);
        value = q.value;
        valueEnd = q.end;
      } else {
        valueEnd = scanBare(line, valueStart);
        value = line.slice(valueStart, valueEnd);
        if (line.charCodeAt(valueEnd) === QUOTE) {
          const q = scanQuoted(line, valueEnd, 'value');
          setFault({
            start: valueStart,
            end: q.end,
            message: `A value without quotes cannot contain \`"\`. Put the whole value of \`${key}\` in double quotes.`,
          });
          valueEnd = q.end;
          value = line.slice(valueStart, valueEnd);
        }
      }
      attributes.push({
        key,
        value,
        span: { start: tokenStart, end: valueEnd },
        keySpan: { start: tokenStart, end: k },
        valueSpan: { start: valueStart, end: valueEnd },
      });
      i = valueEnd;
      continue;
    }
    // Not key=value: report the token and skip it.
    const end = Math.max(scanBare(line, i), i + 1);
    const token = line.slice(tokenStart, end);
    if (/^>+$/.test(token) && end === n) {
      setFault({
        start: tokenStart,
        end,
        message: `This header ends with \`${token}\` instead of \`>>>\`. Close it with exactly three \`>\`.`,
      });
    } else if (k > i && (k === end || line.charCodeAt(k) !== 61)) {
      setFault({
        start: tokenStart,
        end,
        message: `${quoteForMessage(token)} is not an attribute: write attributes as key=value (for example \`lang=fr\`), and put a name with spaces in double quotes.`,
      });
    } else {
      setFault({
        start: tokenStart,
        end,
        message: `${quoteForMessage(token)} is not a valid attribute: a key starts with a letter and holds only letters, digits, \`_\`, \`.\` or \`-\`, followed by \`=\` and a value.`,
      });
    }
    i = end;
  }

  if (closed) {
    let j = i;
    while (j < n && isBlank(line.charCodeAt(j))) j++;
    if (j < n) {
      setFault({
        start: j,
        end: n,
        message: 'There is text after the closing `>>>` of this header. Move it to the next line or remove it.',
      });
    }
  } else {
    // A closing written short (`x>>`, `date=2024>`): read the last token without it.
    let end = n;
    while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
    let gts = 0;
    while (gts < 2 && end - gts > 0 && line.charCodeAt(end - gts - 1) === GT) gts++;
    const last = attributes[attributes.length - 1];
    if (gts > 0 && last && last.valueSpan.end === end && last.value.endsWith('>'.repeat(gts))) {
      last.value = last.value.slice(0, last.value.length - gts);
      last.valueSpan = { start: last.valueSpan.start, end: end - gts };
      last.span = { start: last.span.start, end: end - gts };
    } else if (gts > 0 && !last && nameSpan.end === end && line.charCodeAt(nameSpan.start) !== QUOTE && name.length > gts) {
      name = name.slice(0, name.length - gts);
      nameSpan = { start: nameSpan.start, end: end - gts };
    } else {
      gts = 0;
    }
    if (gts > 0) {
      setFault({
        start: end - gts,
        end,
        message: `This header ends with \`${'>'.repeat(gts)}\` instead of \`>>>\`. Close it with exactly three \`>\`.`,
      });
    }
    setFault({
      start: 0,
      end: n,
      message: 'This header is not closed: add `>>>` at the end of the line.',
    });
  }

  const parsed: ParsedHeader = { name, nameSpan, attributes, fault };
  if (close !== undefined) parsed.close = close;
  if (fault && line.includes('date=')) parsed.mentionsDate = true;
  return parsed;
}

const KNOWN_ATTRIBUTE_PREFIX = ['date=', 'lang=', 'title=', 'source='];

/** True when the token at `i` reads as a known attribute (`date=…`), not as a name. */
function looksLikeKnownAttribute(line: string, i: number): boolean {
  for (const p of KNOWN_ATTRIBUTE_PREFIX) if (line.startsWith(p, i)) return true;
  return false;
}

/** A name written as the canonical header form wants it: bare when possible, else quoted. */
export function formatName(name: string): string {
  if (name.length > 0 && scanBare(name, 0) === name.length && !/[\s"]/.test(name)) return name;
  return `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The canonical header line for a name and attributes. */
export function formatHeader(name: string, attributes: readonly { key: string; value: string }[]): string {
  const parts = [`<<<FILE ${formatName(name)}`];
  for (const a of attributes) parts.push(`${a.key}=${formatName(a.value)}`);
  return `${parts.join(' ')}>>>`;
}
