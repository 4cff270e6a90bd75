// A unified diff of two texts given as streams of chunks, in bounded memory, for
// `corpus lint --fix-dry-run` on files of any size. Equal lines stream through;
// where the texts differ, a window of lines of each side is compared (longest
// common subsequence) and the diff resumes at the first long run of equal lines.
// The fixes change a few lines here and there, so windows stay small. Lines are
// split at "\n" (a "\r" before it is part of the line, as GNU diff shows it), and a
// last line without a line break gets "\ No newline at end of file". The output
// applies with `git apply` or `patch -p1`.

interface Line {
  text: string;
  /** Ends with "\n". */
  nl: boolean;
}

/** Lines from chunks. */
class LineReader {
  private readonly it: AsyncIterator<string>;
  private rest = '';
  private done = false;
  private readonly ready: Line[] = [];
  constructor(chunks: AsyncIterable<string>) {
    this.it = chunks[Symbol.asyncIterator]();
  }

  /** Fills `into` with lines until it holds `n` (fewer at the end). */
  async fill(into: Line[], n: number): Promise<void> {
    while (into.length < n) {
      if (this.ready.length > 0) {
        into.push(this.ready.shift() as Line);
        continue;
      }
      if (this.done) return;
      const next = await this.it.next();
      if (next.done) {
        this.done = true;
        if (this.rest !== '') this.ready.push({ text: this.rest, nl: false });
        this.rest = '';
        continue;
      }
      const parts = (this.rest + next.value).split('\n');
      this.rest = parts.pop() ?? '';
      for (const p of parts) this.ready.push({ text: p, nl: true });
    }
  }
}

const CONTEXT = 3;
/** Lines of each side compared where the texts differ: a few first, more when they do not meet again within them. */
const WINDOWS = [16, 64, 256, 1024];

type Op = { kind: '=' | '-' | '+'; line: Line };

/** The edit script of two windows of lines (longest common subsequence). */
function script(a: readonly Line[], b: readonly Line[]): Op[] {
  const n = a.length;
  const m = b.length;
  const eq = (i: number, j: number): boolean => a[i].text === b[j].text && a[i].nl === b[j].nl;
  // lcs[i][j]: the LCS length of a[i..] and b[j..].
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i][j] = eq(i, j) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && eq(i, j)) {
      out.push({ kind: '=', line: a[i++] });
      j++;
    } else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) out.push({ kind: '-', line: a[i++] });
    else out.push({ kind: '+', line: b[j++] });
  }
  return out;
}

/** Builds hunks from a stream of operations, with CONTEXT lines around each change. */
class Hunks {
  private aNo = 1;
  private bNo = 1;
  private pre: { line: Line; a: number; b: number }[] = [];
  private hunk: { a: number; b: number; aLen: number; bLen: number; lines: string[] } | undefined;
  private tail: Line[] = [];
  constructor(private readonly emit: (text: string) => Promise<void>) {}

  private static show(prefix: string, l: Line): string {
    return `${prefix}${l.text}\n${l.nl ? '' : '\\ No newline at end of file\n'}`;
  }

  private commit(l: Line): void {
    if (!this.hunk) return;
    this.hunk.lines.push(Hunks.show(' ', l));
    this.hunk.aLen++;
    this.hunk.bLen++;
  }

  async op(o: Op): Promise<void> {
    if (o.kind === '=') {
      if (!this.hunk) {
        this.pre.push({ line: o.line, a: this.aNo, b: this.bNo });
        if (this.pre.length > CONTEXT) this.pre.shift();
      } else {
        this.tail.push(o.line);
        if (this.tail.length > 2 * CONTEXT) await this.close(this.aNo, this.bNo);
      }
      this.aNo++;
      this.bNo++;
      return;
    }
    if (!this.hunk) {
      const first = this.pre[0];
      this.hunk = { a: first ? first.a : this.aNo, b: first ? first.b : this.bNo, aLen: 0, bLen: 0, lines: [] };
      for (const p of this.pre) this.commit(p.line);
      this.pre = [];
    } else {
      for (const l of this.tail) this.commit(l);
      this.tail = [];
    }
    if (o.kind === '-') {
      this.hunk.lines.push(Hunks.show('-', o.line));
      this.hunk.aLen++;
      this.aNo++;
    } else {
      this.hunk.lines.push(Hunks.show('+', o.line));
      this.hunk.bLen++;
      this.bNo++;
    }
  }

  /** Ends the open hunk with CONTEXT lines of its tail; the rest of the tail becomes the next hunk's context. */
  private async close(aNext: number, bNext: number): Promise<void> {
    const h = this.hunk;
    if (!h) return;
    const keep = this.tail.slice(0, CONTEXT);
    for (const l of keep) this.commit(l);
    const range = (start: number, len: number): string => (len === 1 ? `${start}` : `${len === 0 ? start - 1 : start},${len}`);
    await this.emit(`@@ -${range(h.a, h.aLen)} +${range(h.b, h.bLen)} @@\n${h.lines.join('')}`);
    const rest = this.tail.slice(CONTEXT);
    // The equal lines after the kept context, numbered back from the next line (aNext/bNext are this op's own numbers).
    this.pre = rest.slice(-CONTEXT).map((line, k, arr) => ({ line, a: aNext - (arr.length - 1 - k), b: bNext - (arr.length - 1 - k) }));
    this.hunk = undefined;
    this.tail = [];
  }

  async finish(): Promise<void> {
    if (this.hunk) {
      this.tail = this.tail.slice(0, CONTEXT);
      await this.close(this.aNo, this.bNo);
    }
  }
}

/** Where to stop taking operations: at the first run of more than 2 × CONTEXT equal lines after a change (else all). */
function resumeAt(ops: readonly Op[]): number {
  let run = 0;
  let seenChange = false;
  for (let k = 0; k < ops.length; k++) {
    if (ops[k].kind !== '=') {
      seenChange = true;
      run = 0;
    } else if (seenChange && ++run > 2 * CONTEXT) return k - run + 1;
  }
  return ops.length;
}

/** Writes the unified diff of `before` and `after` (nothing when they are equal). Returns true when they differ. */
export async function unifiedDiff(before: AsyncIterable<string>, after: AsyncIterable<string>, name: string, emit: (text: string) => Promise<void>): Promise<boolean> {
  const ra = new LineReader(before);
  const rb = new LineReader(after);
  let headed = false;
  const hunks = new Hunks(async (text) => {
    if (!headed) {
      headed = true;
      await emit(`--- a/${name}\n+++ b/${name}\n`);
    }
    await emit(text);
  });
  let a: Line[] = [];
  let b: Line[] = [];
  for (;;) {
    await ra.fill(a, 1);
    await rb.fill(b, 1);
    if (a.length === 0 && b.length === 0) break;
    if (a.length > 0 && b.length > 0 && a[0].text === b[0].text && a[0].nl === b[0].nl) {
      await hunks.op({ kind: '=', line: a.shift() as Line });
      b.shift();
      continue;
    }
    let ops: Op[] = [];
    let cut = 0;
    for (const window of WINDOWS) {
      await ra.fill(a, window);
      await rb.fill(b, window);
      const wa = a.slice(0, window);
      const wb = b.slice(0, window);
      ops = script(wa, wb);
      // Resume after the changes, at the first run of equal lines long enough to end a hunk.
      cut = resumeAt(ops);
      const atEnd = wa.length === a.length && wb.length === b.length && a.length < window && b.length < window;
      if (cut < ops.length || atEnd) break;
      if (window === WINDOWS[WINDOWS.length - 1]) {
        // No resynchronisation within the largest window: take it whole up to its last equal line (or all of it).
        let last = ops.length;
        while (last > 0 && ops[last - 1].kind !== '=') last--;
        cut = last > 0 ? last : ops.length;
      }
    }
    let usedA = 0;
    let usedB = 0;
    for (let k = 0; k < cut; k++) {
      const o = ops[k];
      if (o.kind !== '+') usedA++;
      if (o.kind !== '-') usedB++;
      await hunks.op(o);
    }
    a = a.slice(usedA);
    b = b.slice(usedB);
  }
  await hunks.finish();
  return headed;
}
