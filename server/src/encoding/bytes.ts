// What a file's bytes are before they are read as text: UTF-8 (the format's only
// encoding), text in another charset (`not-utf8`), or not text at all
// (`binary-file`). Read from bytes, so only an adapter that has them can ask: the
// command line (every file) and the Node language server (`file:` documents,
// through FileSystem.inspectBytes). A browser editor gets text only.
//
// The same inspector serves both, over a file in chunks or over all its bytes, so
// they find the same first bad byte and guess the charset from the same sample.

/** A charset guess from a sample of bytes (the adapters give jschardet's). */
export interface CharsetGuess {
  /** The name iconv-lite and editors know it by: `windows-1252`, `iso-8859-1`, `utf-16le`, `cp932`, … */
  charset: string;
  /** 0 to 1. */
  confidence: number;
}

export type Guesser = (sample: Uint8Array) => CharsetGuess | undefined;

export type ByteVerdict =
  | { kind: 'utf8' }
  | { kind: 'binary'; why: 'nul' | 'control' }
  /** `line`/`character`: where the first byte that is not UTF-8 lands in the text read as UTF-8 (UTF-16 units). */
  | { kind: 'not-utf8'; guess: CharsetGuess | undefined; line: number; character: number };

/** How much of the start of a file tells text from binary (what git reads). */
export const SNIFF_BYTES = 8000;
/** How many bytes from the first bad one the charset is guessed from. */
export const SAMPLE_BYTES = 16384;

/** `utf-16le`/`utf-16be` when the start of a file is UTF-16 (a byte-order mark, or every other byte zero). */
export function utf16Of(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const n = Math.min(head.length, SNIFF_BYTES) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Why the start of a file is not text (a NUL byte, or more than one byte in ten a control byte), or undefined. */
export function binaryReason(head: Uint8Array): 'nul' | 'control' | undefined {
  const n = Math.min(head.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return 'nul';
    // Tab, line feed, form feed, carriage return and escape are found in text files.
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) control++;
  }
  return control * 10 > n ? 'control' : undefined;
}

/** Past this many bytes in one line, the bad byte's column is not measured (0). */
const MAX_LINE_BYTES = 1 << 22;

/**
 * Reads bytes in order and finds the first that is not UTF-8 (the start of the
 * broken sequence), counting lines up to it. `isValid` is a fast check of a whole
 * chunk (Node's `buffer.isUtf8`); without it every byte is looked at here. The
 * answer does not depend on how the bytes are cut into chunks.
 */
export class Utf8Scanner {
  /** Absolute offset of the start of the first invalid sequence, once found. */
  bad: number | undefined;
  private offset = 0;
  private need = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private seqStart = 0;
  private lines = 0;
  /** The bytes of the current line read so far (undefined past MAX_LINE_BYTES). */
  private line: Uint8Array[] | undefined = [];
  private lineBytes = 0;
  private at: { line: number; character: number } | undefined;

  constructor(private readonly isValid?: (bytes: Uint8Array) => boolean) {}

  push(chunk: Uint8Array): void {
    if (this.bad !== undefined || chunk.length === 0) return;
    let from = 0;
    if (this.need === 0 && this.isValid) {
      // The chunk up to its last complete character, checked at once.
      const cut = completeUpTo(chunk);
      if (cut > 0 && this.isValid(chunk.subarray(0, cut))) from = cut;
    }
    const bad = this.scan(chunk, from);
    const upto = bad === undefined ? chunk.length : Math.max(0, bad - this.offset);
    let lastLf = -1;
    for (let i = chunk.indexOf(10); i !== -1 && i < upto; i = chunk.indexOf(10, i + 1)) {
      this.lines++;
      lastLf = i;
    }
    if (lastLf >= 0) {
      this.line = [];
      this.lineBytes = 0;
    }
    this.keep(chunk.subarray(lastLf + 1, upto));
    if (bad !== undefined) this.found(Math.max(0, this.offset - bad));
    this.offset += chunk.length;
  }

  /** The end of the bytes: an unfinished character there is invalid too. */
  end(): void {
    if (this.bad === undefined && this.need > 0) {
      this.bad = this.seqStart;
      this.found(this.offset - this.seqStart);
    }
  }

  /** Where the first bad byte lands in the text read as UTF-8 (its BOM dropped), or undefined when there is none. */
  position(): { line: number; character: number } | undefined {
    return this.at;
  }

  private keep(bytes: Uint8Array): void {
    this.lineBytes += bytes.length;
    if (!this.line) return;
    if (this.lineBytes > MAX_LINE_BYTES) this.line = undefined;
    else if (bytes.length > 0) this.line.push(bytes.slice());
  }

  /** The line and column of the bad sequence: the bytes of its line before it, decoded; `drop` of the kept bytes are its own first bytes. */
  private found(drop: number): void {
    let character = 0;
    if (this.line) {
      const before = concat(this.line);
      const kept = before.subarray(0, Math.max(0, before.length - drop));
      // The file's byte-order mark is not in the text (the editor and the command line drop it); a later one is.
      const bom = this.lines === 0 && kept.length >= 3 && kept[0] === 0xef && kept[1] === 0xbb && kept[2] === 0xbf;
      character = new TextDecoder('utf-8', { ignoreBOM: true }).decode(kept.subarray(bom ? 3 : 0)).length;
    }
    this.at = { line: this.lines, character };
  }

  private scan(chunk: Uint8Array, from: number): number | undefined {
    let { need, lower, upper, seqStart } = this;
    for (let i = from; i < chunk.length; i++) {
      const b = chunk[i];
      if (need === 0) {
        if (b < 0x80) continue;
        seqStart = this.offset + i;
        if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) {
          need = 2;
          if (b === 0xe0) lower = 0xa0;
          else if (b === 0xed) upper = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
          need = 3;
          if (b === 0xf0) lower = 0x90;
          else if (b === 0xf4) upper = 0x8f;
        } else return (this.bad = seqStart);
      } else {
        if (b < lower || b > upper) return (this.bad = seqStart);
        lower = 0x80;
        upper = 0xbf;
        need--;
      }
    }
    Object.assign(this, { need, lower, upper, seqStart });
    return undefined;
  }
}

/** The length of the chunk's prefix that ends on a character boundary. */
function completeUpTo(chunk: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const b = chunk[chunk.length - back];
    if (b < 0x80) return chunk.length;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > back ? chunk.length - back : chunk.length;
    }
  }
  return chunk.length;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The verdict on a file's start alone: UTF-16 or binary, else undefined (read on). */
export function headVerdict(head: Uint8Array): ByteVerdict | undefined {
  const utf16 = utf16Of(head);
  if (utf16) return { kind: 'not-utf8', guess: { charset: utf16, confidence: 1 }, line: 0, character: 0 };
  const why = binaryReason(head);
  return why ? { kind: 'binary', why } : undefined;
}

/** The verdict on all of a file's bytes (the Node language server reads them at once). */
export function inspectBytes(bytes: Uint8Array, guess: Guesser | undefined, isValid?: (bytes: Uint8Array) => boolean): ByteVerdict {
  const head = headVerdict(bytes.subarray(0, SNIFF_BYTES));
  if (head) return head;
  const scanner = new Utf8Scanner(isValid);
  scanner.push(bytes);
  scanner.end();
  return scannedVerdict(scanner, (at) => bytes.subarray(at, at + SAMPLE_BYTES), guess);
}

/** The verdict once a scanner has read every byte; `sample(at)` gives SAMPLE_BYTES bytes from offset `at`. */
export function scannedVerdict(scanner: Utf8Scanner, sample: (at: number) => Uint8Array, guess: Guesser | undefined): ByteVerdict {
  const pos = scanner.position();
  if (scanner.bad === undefined || !pos) return { kind: 'utf8' };
  return { kind: 'not-utf8', guess: guess?.(sample(scanner.bad)), ...pos };
}
