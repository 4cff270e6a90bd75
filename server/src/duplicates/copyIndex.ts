// The index of copies: documents grouped by their exact hash (a group is one
// text, held by one or more documents), and the groups that are near copies of
// one another, found through an LSH band index (a group is compared only with the
// groups sharing one of its band buckets, never with all of them). Adding or
// removing a document costs its buckets; the pairs found are kept, so the copies
// of a document are looked up, not searched. The editor keeps one index per file
// and follows the edits; the command line builds one per run. Both find the same
// pairs whatever the order of adds and removes: a pair is two groups sharing a
// bucket whose similarity reaches FLOOR.

import { BANDS, bandKeys, DocSignature, score, Similarity, similarity } from './signature';

/** The least similarity kept (the lowest threshold the configuration accepts). */
export const FLOOR = 0.3;

interface Group<K> {
  sig: DocSignature;
  members: Set<K>;
  near: Map<number, Similarity>;
}

export class CopyIndex<K> {
  private readonly groups = new Map<number, Group<K>>();
  private readonly groupOfKey = new Map<K, number>();
  /** Per band, the groups in each bucket. */
  private readonly buckets: Map<number, Bucket>[] = Array.from({ length: BANDS }, () => new Map<number, Bucket>());
  /** Bumped when what can be reported changes (a group of two or more, or a near pair, made or unmade). */
  version = 0;
  /** Similarities computed (for tests: the work is bounded by the buckets). */
  comparisons = 0;

  get size(): number {
    return this.groupOfKey.size;
  }

  has(key: K): boolean {
    return this.groupOfKey.has(key);
  }

  add(key: K, sig: DocSignature): void {
    if (this.groupOfKey.has(key)) this.remove(key);
    this.groupOfKey.set(key, sig.exact);
    const g = this.groups.get(sig.exact);
    if (g) {
      g.members.add(key);
      if (g.members.size === 2 || g.near.size > 0) this.version++;
      return;
    }
    const group: Group<K> = { sig, members: new Set([key]), near: new Map() };
    this.groups.set(sig.exact, group);
    const seen = new Set<number>();
    const keys = bandKeys(sig);
    for (let band = 0; band < keys.length; band++) {
      const map = this.buckets[band];
      const bucket = map.get(keys[band]);
      if (bucket === undefined) {
        map.set(keys[band], sig.exact);
        continue;
      }
      const list = typeof bucket === 'number' ? [bucket] : bucket;
      for (const other of list) {
        if (seen.has(other)) continue;
        seen.add(other);
        const o = this.groups.get(other);
        if (!o) continue;
        this.comparisons++;
        const s = similarity(sig, o.sig);
        if (score(s) < FLOOR) continue;
        group.near.set(other, s);
        o.near.set(sig.exact, { jaccard: s.jaccard, aInB: s.bInA, bInA: s.aInB });
      }
      list.push(sig.exact);
      if (typeof bucket === 'number') map.set(keys[band], list);
    }
    if (group.near.size > 0) this.version++;
  }

  remove(key: K): void {
    const id = this.groupOfKey.get(key);
    if (id === undefined) return;
    this.groupOfKey.delete(key);
    const g = this.groups.get(id);
    if (!g) return;
    g.members.delete(key);
    if (g.members.size > 0) {
      if (g.members.size === 1 || g.near.size > 0) this.version++;
      return;
    }
    this.groups.delete(id);
    const keys = bandKeys(g.sig);
    for (let band = 0; band < keys.length; band++) {
      const map = this.buckets[band];
      const bucket = map.get(keys[band]);
      if (bucket === undefined) continue;
      if (typeof bucket === 'number') {
        if (bucket === id) map.delete(keys[band]);
        continue;
      }
      const at = bucket.indexOf(id);
      if (at >= 0) bucket.splice(at, 1);
      if (bucket.length === 1) map.set(keys[band], bucket[0]);
    }
    if (g.near.size > 0) this.version++;
    for (const other of g.near.keys()) this.groups.get(other)?.near.delete(id);
  }

  /** The exact-copy group of a document (its text's hash), if it is indexed. */
  groupOf(key: K): number | undefined {
    return this.groupOfKey.get(key);
  }

  /** How many documents hold the group's text. */
  membersOf(group: number): number {
    return this.groups.get(group)?.members.size ?? 0;
  }

  /** The groups that are near copies of a group, with how alike they are (first: this group; second: the other). */
  nearOf(group: number): ReadonlyMap<number, Similarity> {
    return this.groups.get(group)?.near ?? NONE;
  }

  /**
   * The documents holding a signature's text (`exact`) and those alike to it (`near`,
   * with the signature first in each similarity), found through its buckets without
   * adding it: for looking a document of one file up in the index of others.
   */
  lookup(sig: DocSignature): { exact: readonly K[]; near: { key: K; similarity: Similarity }[] } {
    const same = this.groups.get(sig.exact);
    const near: { key: K; similarity: Similarity }[] = [];
    const seen = new Set<number>([sig.exact]);
    const keys = bandKeys(sig);
    for (let band = 0; band < keys.length; band++) {
      const bucket = this.buckets[band].get(keys[band]);
      for (const other of bucket === undefined ? [] : typeof bucket === 'number' ? [bucket] : bucket) {
        if (seen.has(other)) continue;
        seen.add(other);
        const o = this.groups.get(other);
        if (!o) continue;
        const s = similarity(sig, o.sig);
        if (score(s) < FLOOR) continue;
        for (const key of o.members) near.push({ key, similarity: s });
      }
    }
    return { exact: same ? [...same.members] : [], near };
  }

  /** The signature of a group. */
  signatureOf(group: number): DocSignature | undefined {
    return this.groups.get(group)?.sig;
  }
}

const NONE: ReadonlyMap<number, Similarity> = new Map();

/** The groups in a bucket: most buckets hold one, kept without an array. */
type Bucket = number | number[];
