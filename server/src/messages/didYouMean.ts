// "Did you mean …?": the closest of a list of known words to a word that is not
// one of them (a mistyped setting, rule code or severity), for messages. Close
// means a few typing slips: letters swapped, missing, doubled or wrong, a case
// slip, or an abbreviation such as "info" for "information".

/** Edit distance with adjacent swaps (optimal string alignment), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** The known word a mistyped `word` most likely meant, or undefined when none (or more than one) is close enough. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const w = word.trim().toLowerCase();
  if (w === '') return undefined;
  const parts = w
    .split(/[-_ ]+/)
    .sort()
    .join('-');
  let best: string[] = [];
  let bestScore = Infinity;
  for (const k of known) {
    const kl = k.toLowerCase();
    let score: number;
    if (kl === w) score = 0;
    // The same words in another order ("date-missing"), or an abbreviation of at least three letters ("info", "warn").
    else if (
      kl
        .split(/[-_ ]+/)
        .sort()
        .join('-') === parts ||
      (w.length >= 3 && kl.startsWith(w))
    )
      score = 1;
    else {
      const allowed = Math.max(1, Math.floor(kl.length / 4));
      score = editDistance(w, kl, allowed);
      if (score > allowed) continue;
    }
    if (score < bestScore) {
      best = [k];
      bestScore = score;
    } else if (score === bestScore) best.push(k);
  }
  return best.length === 1 ? best[0] : undefined;
}

/** " Did you mean "x"?" for a message, or "" when no known word is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const k = closest(word, known);
  return k === undefined || k === word ? '' : ` Did you mean "${k}"?`;
}
