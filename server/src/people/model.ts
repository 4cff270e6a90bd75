// The trained weights of the candidate scorer (data/model.json, written by
// scripts/train-people.mjs): two averaged perceptrons over the features of
// ./features.ts (the second also reads the first's answer for the document),
// stored as sorted 32-bit feature hashes with 16-bit weights, decoded on first
// use into an open-addressing table.

import modelData from './data/model.json';

/** Feature hash → weight, in an open-addressing table (faster than a Map on the detector's hot path). */
export class WeightTable {
  private readonly keys: Int32Array;
  private readonly values: Float32Array;
  private readonly used: Uint8Array;
  private readonly mask: number;
  readonly size: number;

  constructor(hashes: Int32Array, weights: ArrayLike<number>, scale: number) {
    let cap = 16;
    while (cap < hashes.length * 2) cap *= 2;
    this.keys = new Int32Array(cap);
    this.values = new Float32Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = hashes.length;
    for (let i = 0; i < hashes.length; i++) {
      let slot = (hashes[i] ^ (hashes[i] >>> 16)) & this.mask;
      while (this.used[slot] && this.keys[slot] !== hashes[i]) slot = (slot + 1) & this.mask;
      this.used[slot] = 1;
      this.keys[slot] = hashes[i];
      this.values[slot] = weights[i] * scale;
    }
  }

  get(h: number): number {
    let slot = (h ^ (h >>> 16)) & this.mask;
    while (this.used[slot]) {
      if (this.keys[slot] === h) return this.values[slot];
      slot = (slot + 1) & this.mask;
    }
    return 0;
  }
}

export interface Model {
  weights: WeightTable;
  /** A token is part of a name when its score is above this. */
  threshold: number;
}

/** The two passes: the first from each token's own features, the second also from the first's answer for the whole document. */
export interface Models {
  first: Model;
  second: Model | undefined;
}

let models: Models | undefined;

function decodeBase64(b64: string): Uint8Array {
  // atob exists in Node 16+ and in browsers: no Buffer needed.
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

interface StoredModel {
  hashes?: string;
  weights?: string;
  scale?: number;
  threshold?: number;
}

function decodeModel(data: StoredModel | undefined): Model | undefined {
  if (!data?.hashes || !data.weights) return undefined;
  const hb = decodeBase64(data.hashes);
  const wb = decodeBase64(data.weights);
  const hashes = new Int32Array(hb.buffer, hb.byteOffset, hb.byteLength >> 2);
  const ws = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength >> 1);
  return { weights: new WeightTable(hashes, ws, data.scale ?? 1), threshold: data.threshold ?? 0 };
}

const EMPTY: Model = { weights: new WeightTable(new Int32Array(0), [], 1), threshold: 0 };

/** The trained passes (decoded on the first call); a first pass with no weights when none is trained. */
export function loadModels(): Models {
  if (models) return models;
  const data = modelData as { first?: StoredModel; second?: StoredModel };
  models = { first: decodeModel(data.first) ?? EMPTY, second: decodeModel(data.second) };
  return models;
}
