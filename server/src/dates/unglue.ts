/**
 * Scraped pages glue words together where the page had a line break or a separate element: "By Jane DoeMarch
 * 12, 2024", "PublishedMarch 12, 2024", "12 mars 2024Paris", "Mardi12 mars", "le12 mars". The date parsers need
 * word boundaries, so they read a copy with a space put back at such seams, and every offset they report is
 * mapped back to the original text.
 */

/** A lower-case letter then a capital ("DoeMarch"); a year then a letter ("2024Paris"); a word of two letters
 *  or more then a digit ("Mardi12", "le12"; not the "h" of "10h30"). */
// (each lookahead comes first, so a long run of letters is not scanned back from every position in it)
const SEAM_RE = /(?=\p{Lu})(?<=\p{Ll})|(?=\p{L})(?<=(?<!\d)(?:19|20)\d\d)|(?=\d)(?<=(?<![\p{L}\p{M}\d])[\p{L}\p{M}]{2,})/gu;

export interface Unglued {
  /** The text with a space at every seam (the same string when there is none). */
  text: string;
  /** The original offset of each offset of `text` (undefined when nothing was inserted). */
  map: Int32Array | undefined;
}

export function unglue(text: string): Unglued {
  SEAM_RE.lastIndex = 0;
  if (!SEAM_RE.test(text)) return { text, map: undefined };
  const seams: number[] = [];
  SEAM_RE.lastIndex = 0;
  for (let m = SEAM_RE.exec(text); m !== null; m = SEAM_RE.exec(text)) {
    seams.push(m.index);
    SEAM_RE.lastIndex = m.index + 1; // zero-width: step on
  }
  const parts: string[] = [];
  const map = new Int32Array(text.length + seams.length + 1);
  let from = 0;
  let at = 0;
  for (const s of seams) {
    parts.push(text.slice(from, s), ' ');
    for (let k = from; k < s; k++) map[at++] = k;
    map[at++] = s; // the inserted space stands for the seam
    from = s;
  }
  parts.push(text.slice(from));
  for (let k = from; k <= text.length; k++) map[at++] = k;
  return { text: parts.join(''), map };
}

/** The original offset of a start offset of the unglued text. */
export function originalStart(u: Unglued, offset: number): number {
  return u.map === undefined ? offset : u.map[Math.min(offset, u.map.length - 1)];
}

/** The original offset of an end offset of the unglued text (just after the last character it covers). */
export function originalEnd(u: Unglued, offset: number): number {
  if (u.map === undefined) return offset;
  if (offset <= 0) return 0;
  return u.map[Math.min(offset - 1, u.map.length - 1)] + 1;
}
