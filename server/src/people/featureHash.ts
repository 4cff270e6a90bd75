// Features as the model sees them: a template with one or two values
// ("w" + "macron", "prev2" + "the" + "CAP"), hashed to 32 bits without building
// the feature's string. The detector and the training script both collect them
// with HashEmitter, so the weights are stored by the very hashes the detector
// computes.

import { Int32List } from '../model/growable';

/** 32-bit FNV-1a hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes one more 32-bit value into a hash (MurmurHash3's round). */
function mix(h: number, x: number): number {
  let k = Math.imul(x, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const NONE = 0x5bd1e995;

/** The hash of a feature from its parts' hashes. */
export function combine(name: number, a: number, b: number): number {
  return mix(mix(name, a), b);
}

const valueCache = new Map<string, number>();

/** The hash of a value (cached: most values are words that repeat). */
export function valueHash(v: string | undefined): number {
  if (v === undefined) return NONE;
  let h = valueCache.get(v);
  if (h === undefined) {
    h = hashString(v);
    if (valueCache.size > 200_000) valueCache.clear();
    valueCache.set(v, h);
  }
  return h;
}

/** Collects feature hashes: `hashes` holds every token's, `offsets[t]` where token t's begin. */
export class HashEmitter {
  private readonly list = new Int32List(4096);
  offsets: number[] = [];

  /** Every feature hash so far (the first `length` entries). */
  get hashes(): Int32Array {
    return this.list.data;
  }

  get length(): number {
    return this.list.length;
  }

  reset(): void {
    this.list.clear();
    this.offsets.length = 0;
  }

  next(): void {
    this.offsets.push(this.length);
  }

  /** A feature from its template's and values' hashes. */
  add(template: number, a: number, b: number): void {
    this.addHash(combine(template, a, b));
  }

  /** A feature whose hash is already combined. */
  addHash(h: number): void {
    this.list.push(h);
  }

  /** Token t's features: [from, to) in `hashes`. */
  range(t: number): [number, number] {
    return [this.offsets[t], t + 1 < this.offsets.length ? this.offsets[t + 1] : this.length];
  }
}
