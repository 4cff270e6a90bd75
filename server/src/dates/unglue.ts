/**
 * Scraped pages glue words together where the page had a line break or a separate element: "By Jane DoeMarch
 * 12, 2024", "PublishedMarch 12, 2024", "12 mars 2024Paris", "Mardi12 mars", "le12 mars". The date parsers need
 * word boundaries, so they read a copy with a space put back at such seams, and every offset they report is
 * mapped back to the original text.
 */

/** A lower-case letter then a capital ("DoeMarch"); a year then a letter ("2024Paris"); a word of two letters
 *  or more then a digit ("Mardi12", "le12"; not the "h" of "10h30"); a time then an ISO date ("Ieri,
 *  13:482017-08-20 13:48:00", a "yesterday" widget glued to the page's timestamp). */
// (each lookahead comes first, so a long run of letters is not scanned back from every position in it)
const SEAM_RE = /(?=\p{Lu})(?<=\p{Ll})|(?=\p{L})(?<=(?<!\d)(?:19|20)\d\d)|(?=\d)(?<=(?<![\p{L}\p{M}\d])[\p{L}\p{M}]{2,})|(?=(?:19|20)\d\d-[01]\d-[0-3]\d)(?<=(?<![\d:])\d{1,2}:\d\d)/gu;

export interface Unglued {
  /** The text with a space at every seam (the same string when there is none). */
  text: string;
  /** Where the spaces were put, as offsets of the original text, in order. */
  seams: readonly number[];
}

export function unglue(text: string): Unglued {
  const seams = Array.from(text.matchAll(SEAM_RE), (m) => m.index);
  if (seams.length === 0) return { text, seams };
  const parts: string[] = [];
  let from = 0;
  for (const s of seams) {
    parts.push(text.slice(from, s), ' ');
    from = s;
  }
  parts.push(text.slice(from));
  return { text: parts.join(''), seams };
}

/** The original offset of an offset of the unglued text: the k-th space stands at `seams[k] + k` there, and stands
 *  for the seam itself. */
export function originalStart(u: Unglued, offset: number): number {
  const seams = u.seams;
  let lo = 0;
  let hi = seams.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seams[mid] + mid < offset) lo = mid + 1;
    else hi = mid;
  }
  // lo spaces stand before the offset; the offset may be the lo-th space itself
  return lo < seams.length && seams[lo] + lo === offset ? seams[lo] : offset - lo;
}

/** The original offset of an end offset of the unglued text (just after the last character it covers). */
export function originalEnd(u: Unglued, offset: number): number {
  return offset <= 0 ? 0 : originalStart(u, offset - 1) + 1;
}
