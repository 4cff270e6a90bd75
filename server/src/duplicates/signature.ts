// A document's signature for finding copies: a hash of its text for exact copies
// and a MinHash sketch of its word shingles for near copies, both over the body
// (the date line and end line left out) in NFC.
//
// - Exact: the body with every run of spacing made one space and trimmed, hashed
//   to 53 bits (two 32-bit hashes), so a copy re-wrapped or re-indented is exact.
// - Near: the body case-folded, cut into words (letters, digits and marks; every
//   Chinese, Japanese or Thai character is a word of its own, as those scripts do
//   not space words), so punctuation and case do not count; every run of SHINGLE
//   words is hashed, and one-permutation MinHash keeps the least hash in each of
//   BINS bins (empty bins borrow from the next full one, "densification"). The
//   share of equal bins between two sketches estimates the Jaccard similarity of
//   their shingle sets.
//
// Hashing is plain JavaScript (FNV-1a per word, MurmurHash3's finaliser per
// shingle): measured at about three times the speed of calling xxhash-wasm once per
// word, synchronous, and the same in Node and in the browser's worker.

/** Words per shingle. */
export const SHINGLE = 5;
/** MinHash bins (2^BIN_BITS). */
export const BINS = 128;
/** A document shorter than this (in words) is not compared: short notes repeat without being copies. */
export const MIN_WORDS = 30;

export interface DocSignature {
  /** A 53-bit hash of the spacing-normalised NFC body. */
  readonly exact: number;
  /** Number of shingles (distinct or not). */
  readonly shingles: number;
  /** The sketch: BINS values. */
  readonly mins: Uint32Array;
}

/** Character classes of the BMP: 0 separates words, 1 is part of a word, 2 is a word by itself, 3 is spacing. */
let CLASS: Uint8Array | undefined;
/** The lower case of each BMP character (itself when it has no one-character lower case). */
let LOWER: Uint16Array | undefined;
function tables(): { cls: Uint8Array; lower: Uint16Array } {
  if (CLASS && LOWER) return { cls: CLASS, lower: LOWER };
  const t = new Uint8Array(65536);
  const lower = new Uint16Array(65536);
  const word = /[\p{L}\p{N}\p{M}]/u;
  const space = /\s/u;
  for (let c = 0; c < 65536; c++) {
    lower[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = 1;
      continue;
    }
    const ch = String.fromCharCode(c);
    const l = ch.toLowerCase();
    if (l.length === 1) lower[c] = l.charCodeAt(0);
    if (c < 128) {
      t[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : c === 32 || (c >= 9 && c <= 13) ? 3 : 0;
      continue;
    }
    if (space.test(ch)) {
      t[c] = 3;
      continue;
    }
    if (!word.test(ch)) continue;
    const single = (c >= 0x0e00 && c <= 0x0eff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
    t[c] = single ? 2 : 1;
  }
  CLASS = t;
  LOWER = lower;
  return { cls: t, lower };
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const EMPTY = 0xffffffff;
/** log2(BINS): a shingle's hash gives its bin (high bits) and its value (the others). */
const BIN_BITS = 7;
const VALUE_BITS = 32 - BIN_BITS;
const VALUE_MASK = (1 << VALUE_BITS) - 1;
const FNV = 0x811c9dc5 | 0;

/** The exact-copy hash of a text: NFC, spacing runs made one space, trimmed (the same as signatureOf's). */
export function exactHash(nfc: string): number {
  const cls = tables().cls;
  let h1 = FNV;
  let h2 = 0x2545f491 | 0;
  let space = false;
  let any = false;
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    if (cls[c] === 3) {
      space = any;
      continue;
    }
    if (space) {
      h1 = Math.imul(h1 ^ 32, 16777619);
      h2 = Math.imul(h2 + 32, 0x5bd1e995);
      space = false;
    }
    any = true;
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 + c, 0x5bd1e995);
  }
  return fmix(h1) * 2097152 + (fmix(h2 ^ (h2 >>> 15)) >>> 11);
}

/**
 * The signature of a body text, or undefined when it has fewer than MIN_WORDS words.
 * One pass over the NFC text: the exact hash reads the characters as they are, the
 * words read them in lower case (from a table: the case mappings that keep one code unit).
 */
export function signatureOf(body: string): DocSignature | undefined {
  const nfc = body.normalize('NFC');
  const { cls, lower } = tables();
  const mins = new Uint32Array(BINS).fill(EMPTY);
  // The exact hash (as exactHash computes it).
  let h1 = FNV;
  let h2 = 0x2545f491 | 0;
  let space = false;
  let any = false;
  // The hashes of the last SHINGLE words (w4 the latest), kept in locals: this loop is the rules' whole cost.
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  let w3 = 0;
  let w4 = 0;
  let words = 0;
  let h = FNV;
  let inWord = false;
  const n = nfc.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? nfc.charCodeAt(i) : 32;
    const k = cls[c];
    if (k === 3) {
      space = any;
    } else if (i < n) {
      if (space) {
        h1 = Math.imul(h1 ^ 32, 16777619);
        h2 = Math.imul(h2 + 32, 0x5bd1e995);
        space = false;
      }
      any = true;
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = Math.imul(h2 + c, 0x5bd1e995);
    }
    if (k === 1) {
      h = Math.imul(h ^ lower[c], 16777619);
      inWord = true;
      continue;
    }
    // A word ends here, and (k === 2) this character is a word of its own.
    for (let round = inWord ? 0 : 1; round < (k === 2 ? 2 : 1); round++) {
      if (round === 1) h = Math.imul(FNV ^ lower[c], 16777619);
      w0 = w1;
      w1 = w2;
      w2 = w3;
      w3 = w4;
      w4 = h;
      words++;
      h = FNV;
      if (words < SHINGLE) continue;
      let s = Math.imul(0x9747b28c ^ w0, 0x9e3779b1);
      s = Math.imul(((s << 5) | (s >>> 27)) ^ w1, 0x9e3779b1);
      s = Math.imul(((s << 5) | (s >>> 27)) ^ w2, 0x9e3779b1);
      s = Math.imul(((s << 5) | (s >>> 27)) ^ w3, 0x9e3779b1);
      const x = fmix(((s << 5) | (s >>> 27)) ^ w4);
      const bin = x >>> VALUE_BITS;
      const v = x & VALUE_MASK;
      if (v < mins[bin]) mins[bin] = v;
    }
    inWord = false;
  }
  if (words < MIN_WORDS) return undefined;
  densify(mins);
  return { exact: fmix(h1) * 2097152 + (fmix(h2 ^ (h2 >>> 15)) >>> 11), shingles: words - SHINGLE + 1, mins };
}

/** Empty bins take the value of the next full bin (circularly), offset by the distance, so both sides of a comparison fill alike. */
function densify(mins: Uint32Array): void {
  for (let j = 0; j < BINS; j++) {
    if (mins[j] !== EMPTY) continue;
    for (let d = 1; d < BINS; d++) {
      const v = mins[(j + d) % BINS];
      if (v === EMPTY || v > VALUE_MASK) continue;
      mins[j] = (v + d * (VALUE_MASK + 1)) >>> 0;
      break;
    }
  }
}

/** How alike two signatures are: the estimated Jaccard similarity and the share of each one's shingles also in the other. */
export interface Similarity {
  jaccard: number;
  /** Share of the first's text also in the second. */
  aInB: number;
  /** Share of the second's text also in the first. */
  bInA: number;
}

export function similarity(a: DocSignature, b: DocSignature): Similarity {
  let eq = 0;
  for (let j = 0; j < BINS; j++) if (a.mins[j] === b.mins[j]) eq++;
  const jaccard = eq / BINS;
  const shared = (jaccard / (1 + jaccard)) * (a.shingles + b.shingles);
  return { jaccard, aInB: Math.min(1, shared / a.shingles), bInA: Math.min(1, shared / b.shingles) };
}

/** The similarity compared with the threshold: the share of the shorter text found in the other. */
export function score(s: Similarity): number {
  return Math.max(s.aInB, s.bInA);
}

/**
 * LSH bands: BANDS bands of ROWS bins each (the first BANDS × ROWS bins; all of them estimate the similarity). Two texts share a bucket with probability
 * 1 - (1 - J^ROWS)^BANDS: 0.97 at a Jaccard similarity J of 0.33 (half of the shorter
 * text in the other), 0.27 at 0.1; unrelated articles (J near 0) almost never.
 */
export const ROWS = 2;
export const BANDS = 32;

/** The bucket keys of a signature, one per band (key b is band b's; 30 bits, so the maps hold small integers). */
export function bandKeys(sig: DocSignature): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) out.push(bandKey(sig, b));
  return out;
}

/** The bucket key of one band. */
export function bandKey(sig: DocSignature, b: number): number {
  let s = (b + 1) | 0;
  for (let r = 0; r < ROWS; r++) s = Math.imul(s ^ sig.mins[b * ROWS + r], 0x9e3779b1) ^ (s >>> 13);
  return fmix(s) >>> 2;
}
