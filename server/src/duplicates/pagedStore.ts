// An append-only list of 32-bit values in fixed-size pages, with at most a given
// number of pages in memory: the others are written once to a spill file (given by
// the adapter: the command line's is a temporary file; without one every page stays
// in memory) and read back through a small least-recently-used cache. The index of
// copies of `corpus lint` keeps its signatures and band keys here, so a file of a
// million documents holds a few megabytes of them, not a gigabyte.
// Pure: the spill file is an interface.

/** A scratch file for pages that do not fit in memory. Positions are in bytes. */
export interface SpillFile {
  write(data: Uint32Array, position: number): void;
  read(into: Uint32Array, position: number): void;
  /** Closes and deletes the file. */
  close(): void;
}

/** Opens a new spill file (called the first time a page leaves memory). */
export type SpillOpener = () => SpillFile;

/** The spill file shared by several stores: pages are given slots in the order they leave memory. */
export class SpillPool {
  private file: SpillFile | undefined;
  private next = 0;
  /** Bytes written to the spill file. */
  written = 0;

  constructor(private readonly open: SpillOpener) {}

  /** Writes a page; returns its position. */
  put(page: Uint32Array): number {
    this.file ??= this.open();
    const at = this.next;
    this.file.write(page, at);
    this.next += page.byteLength;
    this.written += page.byteLength;
    return at;
  }

  get(into: Uint32Array, position: number): void {
    if (!this.file) throw new Error('spill file not open');
    this.file.read(into, position);
  }

  close(): void {
    this.file?.close();
    this.file = undefined;
  }
}

export class PagedU32 {
  /** The pages in memory, by page number (the last page, being filled, is always here). */
  private readonly resident = new Map<number, Uint32Array>();
  /** The position in the spill file of each page written there (-1: never written). */
  private readonly spilled: number[] = [];
  private last: Uint32Array;
  length = 0;

  /**
   * @param pageSize values per page (a record read with `read` must not cross a page: make it a multiple of the record size)
   * @param maxResident pages kept in memory besides the one being filled (ignored without a pool: all pages stay)
   */
  constructor(
    private readonly pageSize: number,
    private readonly pool: SpillPool | undefined,
    private readonly maxResident: number,
  ) {
    this.last = new Uint32Array(pageSize);
  }

  /** Bytes held in memory. */
  get residentBytes(): number {
    return (this.resident.size + 1) * this.pageSize * 4;
  }

  push(v: number): void {
    const at = this.length % this.pageSize;
    this.last[at] = v;
    this.length++;
    if (at === this.pageSize - 1) this.seal();
  }

  /** Appends `count` values of `from` (starting at `start`). */
  pushAll(from: Uint32Array, start: number, count: number): void {
    for (let k = 0; k < count; k++) this.push(from[start + k]);
  }

  get(i: number): number {
    const at = i % this.pageSize;
    return this.pageOf((i - at) / this.pageSize)[at];
  }

  /** Copies `count` values from index `i` into `into` (they must lie in one page). */
  read(i: number, count: number, into: Uint32Array): void {
    const at = i % this.pageSize;
    const page = this.pageOf((i - at) / this.pageSize);
    for (let k = 0; k < count; k++) into[k] = page[at + k];
  }

  /** The full last page becomes a resident page (and the oldest one beyond the budget leaves memory). */
  private seal(): void {
    const page = (this.length - 1 - ((this.length - 1) % this.pageSize)) / this.pageSize;
    this.spilled[page] = -1;
    this.keep(page, this.last);
    this.last = new Uint32Array(this.pageSize);
  }

  private keep(page: number, data: Uint32Array): void {
    this.resident.set(page, data);
    if (!this.pool) return;
    while (this.resident.size > this.maxResident) {
      const [oldest, old] = this.resident.entries().next().value as [number, Uint32Array];
      this.resident.delete(oldest);
      if (this.spilled[oldest] < 0) this.spilled[oldest] = this.pool.put(old);
    }
  }

  private pageOf(page: number): Uint32Array {
    const full = (this.length - (this.length % this.pageSize)) / this.pageSize;
    if (page >= full) return this.last;
    const hit = this.resident.get(page);
    if (hit) {
      // Most recently used last (without a pool nothing leaves memory: no order to keep).
      if (this.pool && this.resident.size > 1) {
        this.resident.delete(page);
        this.resident.set(page, hit);
      }
      return hit;
    }
    const data = new Uint32Array(this.pageSize);
    this.pool?.get(data, this.spilled[page]);
    this.keep(page, data);
    return data;
  }
}
