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
/** MinHash bins. */
export const BINS = 64;
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

/** Character classes of the BMP: 0 separates words, 1 is part of a word, 2 is a word by itself. */
let CLASS: Uint8Array | undefined;
function classes(): Uint8Array {
  if (CLASS) return CLASS;
  const t = new Uint8Array(65536);
  const word = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c < 128) {
      t[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      t[c] = 1;
      continue;
    }
    if (!word.test(String.fromCharCode(c))) continue;
    const single = (c >= 0x0e00 && c <= 0x0eff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
    t[c] = single ? 2 : 1;
  }
  return (CLASS = t);
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const EMPTY = 0xffffffff;
const VALUE_BITS = 26;
const VALUE_MASK = (1 << VALUE_BITS) - 1;

/** The exact-copy hash of a text: NFC, spacing runs made one space, trimmed. */
export function exactHash(nfc: string): number {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0x2545f491 | 0;
  let space = false;
  let any = false;
  for (let i = 0; i < nfc.length; i++) {
    const c = nfc.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || c === 12 || c === 11) {
      space = any;
      continue;
    }
    if (space) {
      h1 = Math.imul(h1 ^ 32, 16777619);
      h2 = Math.imul(h2 ^ 32, 0x5bd1e995) ^ (h2 >>> 15);
      space = false;
    }
    any = true;
    h1 = Math.imul(h1 ^ c, 16777619);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (fmix(h1) >>> 0) * 2097152 + (fmix(h2) >>> 11);
}

/** The signature of a body text, or undefined when it has fewer than MIN_WORDS words. */
export function signatureOf(body: string): DocSignature | undefined {
  const nfc = body.normalize('NFC');
  const folded = nfc.toLowerCase();
  const cls = classes();
  const mins = new Uint32Array(BINS).fill(EMPTY);
  // The last SHINGLE word hashes (a ring).
  const ring = new Int32Array(SHINGLE);
  let words = 0;
  let h = 0x811c9dc5 | 0;
  let inWord = false;
  const n = folded.length;
  const endWord = (): void => {
    ring[words % SHINGLE] = h;
    words++;
    h = 0x811c9dc5 | 0;
    inWord = false;
    if (words < SHINGLE) return;
    let s = 0x9747b28c | 0;
    for (let k = words - SHINGLE; k < words; k++) s = Math.imul((s << 5) | (s >>> 27), 0x9e3779b1) ^ ring[k % SHINGLE];
    const x = fmix(s);
    const bin = x >>> (32 - 6);
    const v = x & VALUE_MASK;
    if (v < mins[bin]) mins[bin] = v;
  };
  for (let i = 0; i <= n; i++) {
    const c = i < n ? folded.charCodeAt(i) : 32;
    const k = cls[c];
    if (k === 1) {
      h = Math.imul(h ^ c, 16777619);
      inWord = true;
    } else {
      if (inWord) endWord();
      if (k === 2) {
        h = Math.imul(h ^ c, 16777619);
        endWord();
      }
    }
  }
  if (words < MIN_WORDS) return undefined;
  densify(mins);
  return { exact: exactHash(nfc), shingles: words - SHINGLE + 1, mins };
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
 * LSH bands: BANDS bands of ROWS bins each. Two texts share a bucket with probability
 * 1 - (1 - J^ROWS)^BANDS: 0.97 at a Jaccard similarity J of 0.33 (half of the shorter
 * text in the other), 0.27 at 0.1; unrelated articles (J near 0) almost never.
 */
export const ROWS = 2;
export const BANDS = Math.floor(BINS / ROWS);

/** The bucket keys of a signature, one per band (band number in the high part, so bands never share a bucket). */
export function bandKeys(sig: DocSignature): number[] {
  const out: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let s = b | 0;
    for (let r = 0; r < ROWS; r++) s = Math.imul(s ^ sig.mins[b * ROWS + r], 0x9e3779b1) ^ (s >>> 13);
    out.push(b * 4294967296 + fmix(s));
  }
  return out;
}
