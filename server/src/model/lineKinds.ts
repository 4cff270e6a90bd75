// Line classification (format spec, section 2): blank lines, end lines, and the
// lines that open a document — the exact `<<<FILE` and the near misses a person
// clearly meant as a header. Hand-written scanners: linear, never throw.

export interface Span {
  start: number;
  end: number;
}

export interface HeaderFault extends Span {
  message: string;
}

const TAB = 9;
const SPACE = 32;
export const QUOTE = 34;
const LT = 60;
export const GT = 62;
export const BACKSLASH = 92;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** True for any white space a line can hold (spaces, tabs and other Unicode spaces). */
export function isWhite(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isWhite(line.charCodeAt(i))) return false;
  return true;
}

/** `<<<END>>>` with only spaces or tabs after it. */
export function isEndLine(line: string): boolean {
  if (!line.startsWith('<<<END>>>')) return false;
  for (let i = 9; i < line.length; i++) if (!isBlank(line.charCodeAt(i))) return false;
  return true;
}

/**
 * The prefix of a line that opens a document: the exact `<<<FILE`, or a near
 * miss a person clearly meant as a header (`<<<file`, `<<FILE`, `<<<<FILE`,
 * `<<< FILE`, an indented `<<<FILE`). Returns undefined for ordinary lines.
 */
export interface HeaderPrefix {
  /** Column just after the `FILE` keyword. */
  end: number;
  /** Why the prefix is not the exact `<<<FILE` at column 0, if it is not. */
  fault?: HeaderFault;
}

export function headerPrefix(line: string): HeaderPrefix | undefined {
  if (line.startsWith('<<<FILE')) return { end: 7 };
  const n = line.length;
  let i = 0;
  while (i < n && isBlank(line.charCodeAt(i))) i++;
  const indent = i;
  const ltStart = i;
  while (i < n && line.charCodeAt(i) === LT) i++;
  const lts = i - ltStart;
  if (lts < 2) return undefined;
  const gapStart = i;
  while (i < n && isBlank(line.charCodeAt(i))) i++;
  const gap = i - gapStart;
  if (i + 4 > n || line.slice(i, i + 4).toUpperCase() !== 'FILE') return undefined;
  const keyword = line.slice(i, i + 4);
  const end = i + 4;
  // After the keyword a near miss must look like a header: white space, `>`, `"` or the line's end.
  if (end < n) {
    const c = line.charCodeAt(end);
    if (!isBlank(c) && c !== GT && c !== QUOTE) return undefined;
  }
  let message: string;
  if (indent > 0) {
    message = `This header is indented: \`<<<FILE\` must start at the very beginning of the line. Remove the ${indent === 1 ? 'space' : `${indent} spaces or tabs`} before it.`;
  } else if (lts !== 3) {
    message = `A header starts with exactly three \`<\`, but this line has ${lts}. Write \`<<<FILE\`.`;
  } else if (gap > 0) {
    message = 'There is a space between `<<<` and `FILE`. Write `<<<FILE` as one word.';
  } else {
    message = `\`${keyword}\` must be written in capitals: a header starts with \`<<<FILE\`.`;
  }
  return { end, fault: { start: 0, end, message } };
}

/** True when the line opens a document (a header or a malformed header). */
export function isDocumentStart(line: string): boolean {
  return headerPrefix(line) !== undefined;
}
