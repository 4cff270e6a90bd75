// The index of copies of the streaming validator (`corpus lint`, and the editor's
// check of files that are not open): the same pairs as CopyIndex, in a fraction of
// its memory, for files of a million documents.
//
// A file is read once and its copies are reported at its end, so this index needs
// no removal and no answer before the end. It keeps, per distinct text (a group),
// only numbers in typed arrays: the exact hash, the number of shingles, the 32 band
// keys (one PagedU32 per band) and the 128 MinHash values (one PagedU32), the last
// two in pages that leave memory past a budget when a spill file is given. The pairs
// are found when first asked for (`nearOf`): per band, the groups are sorted by their
// key, and every two groups of a run of equal keys are compared, from their stored
// values, unless an earlier band already put them together (their keys there are
// computed again from the values read), so nothing is kept per candidate. That is
// exactly CopyIndex's rule (two groups sharing a bucket, kept when their similarity
// reaches FLOOR), with the same similarity figures, so the diagnostics are the same.

import { Float64List } from '../model/growable';
import { FLOOR } from './copyIndex';
import { PagedU32, SpillOpener, SpillPool } from './pagedStore';
import { BANDS, BINS, bandKey, bandKeys, DocSignature, score, Similarity, similarity } from './signature';

/** Group numbers fit in 23 bits beside a 30-bit band key in one double (for sorting a band). */
const GROUP_BITS = 2 ** 23;

export interface CompactIndexOptions {
  /** Where pages go past the budget; without it everything stays in memory. */
  spill?: SpillOpener;
  /** Memory for the MinHash values, in bytes (default 16 MB, 32,768 texts), when there is a spill file. */
  budget?: number;
}

/** Open addressing from a 53-bit exact hash to a group number. */
class ExactTable {
  private keys = new Float64Array(1024).fill(-1);
  private values = new Int32Array(1024);
  private size = 0;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = slot(key, mask); ; at = (at + 1) & mask) {
      const k = this.keys[at];
      if (k === key) return this.values[at];
      if (k === -1) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let at = slot(key, mask);
    while (this.keys[at] !== -1 && this.keys[at] !== key) at = (at + 1) & mask;
    if (this.keys[at] === -1) this.size++;
    this.keys[at] = key;
    this.values[at] = value;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.set(keys[i], values[i]);
  }
}

function slot(key: number, mask: number): number {
  let h = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1);
  h ^= h >>> 15;
  return h & mask;
}

/** A growable typed array of doubles. */
export class CompactCopyIndex {
  private readonly groups = new ExactTable();
  private readonly exacts = new Float64List();
  private readonly shingles = new Float64List();
  private readonly pool: SpillPool | undefined;
  private readonly mins: PagedU32;
  private readonly keys: PagedU32[];
  /** Groups whose pairs are known (the first `settled`). */
  private settled = 0;
  private readonly near = new Map<number, Map<number, Similarity>>();
  /** Similarities computed (the same count as CopyIndex's for the same texts). */
  comparisons = 0;

  constructor(options: CompactIndexOptions = {}) {
    this.pool = options.spill ? new SpillPool(options.spill) : undefined;
    // MinHash values: 2 KB pages (4 texts), read one text at a time when comparing; band keys: 64 KB pages, read in order.
    const minsPage = BINS * 4;
    this.mins = new PagedU32(minsPage, this.pool, Math.max(1, Math.floor((options.budget ?? 16 * 1024 * 1024) / (minsPage * 4))));
    this.keys = Array.from({ length: BANDS }, () => new PagedU32(16384, this.pool, 2));
  }

  /** Distinct texts indexed. */
  get size(): number {
    return this.exacts.length;
  }

  /** Bytes written to the spill file so far. */
  get spilledBytes(): number {
    return this.pool?.written ?? 0;
  }

  /** Bytes of signatures and band keys held in memory (the other per-text arrays are 16 bytes a text and the exact table about as much). */
  get residentBytes(): number {
    return this.mins.residentBytes + this.keys.reduce((a, k) => a + k.residentBytes, 0);
  }

  /** Enters a document's signature (a text already indexed only counts once). */
  add(sig: DocSignature): void {
    if (this.groups.get(sig.exact) >= 0) return;
    this.groups.set(sig.exact, this.exacts.length);
    this.exacts.push(sig.exact);
    this.shingles.push(sig.shingles);
    this.mins.pushAll(sig.mins, 0, BINS);
    const keys = bandKeys(sig);
    for (let b = 0; b < BANDS; b++) this.keys[b].push(keys[b]);
  }

  /** The groups alike to a group (by its exact hash), with how alike (this group first). */
  nearOf(group: number): ReadonlyMap<number, Similarity> {
    this.settle();
    return this.near.get(group) ?? NONE;
  }

  /** The signature of a group (read back from the store). */
  signatureOf(group: number): DocSignature | undefined {
    const g = this.groups.get(group);
    return g < 0 ? undefined : this.signatureAt(g, new Uint32Array(BINS));
  }

  /** Closes and deletes the spill file. */
  close(): void {
    this.pool?.close();
  }

  private signatureAt(g: number, into: Uint32Array): DocSignature {
    this.mins.read(g * BINS, BINS, into);
    return { exact: this.exacts.data[g], shingles: this.shingles.data[g], mins: into };
  }

  /**
   * Finds the pairs of the groups added since the last call: per band, the groups
   * sorted by key, and every two in a run of equal keys compared, unless they share
   * an earlier band too (then that band compared them). Nothing is kept per
   * candidate, so a corpus with many candidates costs time, not memory.
   */
  private settle(): void {
    const n = this.exacts.length;
    if (this.settled === n) return;
    const from = this.settled;
    this.settled = n;
    const pair = new PairReader(this);
    for (let b = 0; b < BANDS; b++) {
      const runs = sortedBand(this.keys[b], n);
      for (let i = 0; i < n;) {
        let j = i + 1;
        while (j < n && runs.key(j) === runs.key(i)) j++;
        for (let x = i + 1; x < j; x++) {
          const later = runs.group(x);
          if (later < from) continue;
          for (let y = i; y < x; y++) this.compare(pair, later, runs.group(y), b);
        }
        i = j;
      }
    }
  }

  /** Compares two groups found in one band's bucket (`later` added after `earlier`), once over all bands. */
  private compare(pair: PairReader, later: number, earlier: number, band: number): void {
    const a = pair.later(later);
    const o = pair.earlier(earlier);
    if (band > 0 && sharesBandBefore(pair.laterKeys(), o, band)) return;
    this.comparisons++;
    const s = similarity(a, o);
    if (score(s) < FLOOR) return;
    this.link(this.exacts.data[later], this.exacts.data[earlier], s);
    this.link(this.exacts.data[earlier], this.exacts.data[later], { jaccard: s.jaccard, aInB: s.bInA, bInA: s.aInB });
  }

  /** @internal The signature of group number `g`, read into `into`. */
  readSignature(g: number, into: Uint32Array): DocSignature {
    return this.signatureAt(g, into);
  }

  private link(group: number, other: number, s: Similarity): void {
    let m = this.near.get(group);
    if (!m) this.near.set(group, (m = new Map()));
    m.set(other, s);
  }
}

const NONE: ReadonlyMap<number, Similarity> = new Map();

/** Whether a signature's key in a band before `band` equals the one in `keys` (the keys computed as bandKeys does, up to the first equal one). */
function sharesBandBefore(keys: readonly number[], sig: DocSignature, band: number): boolean {
  for (let b = 0; b < band; b++) if (bandKey(sig, b) === keys[b]) return true;
  return false;
}

/** The two signatures of a comparison, read into two buffers (the later one kept while it stays the same). */
class PairReader {
  private readonly a = new Uint32Array(BINS);
  private readonly o = new Uint32Array(BINS);
  private current = -1;
  private sig: DocSignature | undefined;
  private keys: number[] | undefined;
  constructor(private readonly index: CompactCopyIndex) {}
  later(g: number): DocSignature {
    if (g !== this.current || !this.sig) {
      this.sig = this.index.readSignature(g, this.a);
      this.current = g;
      this.keys = undefined;
    }
    return this.sig;
  }
  laterKeys(): number[] {
    if (!this.sig) throw new Error('no signature read');
    return (this.keys ??= bandKeys(this.sig));
  }
  earlier(g: number): DocSignature {
    return this.index.readSignature(g, this.o);
  }
}

/** One band's groups sorted by their key (then by number): the key and the group at each place. */
function sortedBand(keys: PagedU32, n: number): { key: (i: number) => number; group: (i: number) => number } {
  if (n < GROUP_BITS) {
    const sorted = new Float64Array(n);
    for (let g = 0; g < n; g++) sorted[g] = keys.get(g) * GROUP_BITS + g;
    sorted.sort();
    return { key: (i) => Math.floor(sorted[i] / GROUP_BITS), group: (i) => sorted[i] % GROUP_BITS };
  }
  const ids = Array.from({ length: n }, (_, g) => g).sort((x, y) => keys.get(x) - keys.get(y) || x - y);
  return { key: (i) => keys.get(ids[i]), group: (i) => ids[i] };
}
