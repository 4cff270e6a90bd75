/**
 * Append-only lists of numbers in typed arrays, doubling when full: compact where a
 * plain array of numbers would cost several times the memory (a million documents'
 * hashes, every feature of a document's tokens, the stream's line starts).
 */

type Typed = Int32Array | Uint32Array | Float64Array;

class Growable<T extends Typed> {
  /** The values; only the first `length` are meaningful. */
  data: T;
  length = 0;

  constructor(
    private readonly make: (n: number) => T,
    initial: number,
  ) {
    this.data = make(Math.max(1, initial));
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }

  get(i: number): number {
    return this.data[i];
  }

  /** Forgets the values, keeping the storage. */
  clear(): void {
    this.length = 0;
  }
}

/** 32-bit signed integers. */
export class Int32List extends Growable<Int32Array> {
  constructor(initial = 1024) {
    super((n) => new Int32Array(n), initial);
  }
}

/** Doubles (any JavaScript number, 53-bit integers included). */
export class Float64List extends Growable<Float64Array> {
  constructor(initial = 1024) {
    super((n) => new Float64Array(n), initial);
  }
}
