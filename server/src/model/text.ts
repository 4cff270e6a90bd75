// Small text helpers for messages and the outline.

/** A text cut to `max` characters with an ellipsis, for messages. */
export function short(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The first words of a line, for the outline: at most 60 characters, cut at a word. */
export function firstWords(line: string): string {
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
