// Lines of a text: where they start, what they hold, where they end. Line breaks
// are LF, CRLF or a lone CR, as LSP and VS Code count them (format spec, section 1).

/** Splits text into line start offsets and finds the first line break ('\n' when it has none). */
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

/** The first line break of a text whose line starts are known ('\n' when it has none). */
export function eolOf(text: string, lineStarts: readonly number[]): string {
  const end = lineStarts.length > 1 ? lineStarts[1] : text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 10) return text.charCodeAt(end - 2) === 13 ? '\r\n' : '\n';
  if (last === 13) return '\r';
  return '\n';
}

/** Where line `i` ends (offset in `text`), line break excluded. */
export function lineEndOffset(text: string, lineStarts: readonly number[], i: number): number {
  const start = lineStarts[i];
  let end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** The length of line `i`, line break excluded (its last column). */
export function lineLengthAt(text: string, lineStarts: readonly number[], i: number): number {
  if (lineStarts[i] === undefined) return 0;
  return lineEndOffset(text, lineStarts, i) - lineStarts[i];
}

/** The text of line `i` without its line break. */
export function lineText(text: string, lineStarts: readonly number[], i: number): string {
  return text.slice(lineStarts[i], lineEndOffset(text, lineStarts, i));
}

/** The line (index into `lineStarts`) that holds an offset: a binary search over any sorted list of starts. */
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

/** Offset → line/character in a small text (configuration and people files). */
export function positionInText(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}
