// The trained weights of the candidate scorer (data/model.json, written by
// scripts/train-people.mjs): an averaged perceptron over the features of
// ./features.ts, stored as sorted 32-bit feature hashes with 16-bit weights.
// Decoded on first use.

import modelData from './data/model.json';
import { featureHash } from './features';

export interface Model {
  weights: Map<number, number>;
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
  const weights = new Map<number, number>();
  const hb = decodeBase64(data.hashes);
  const wb = decodeBase64(data.weights);
  const hashes = new Int32Array(hb.buffer, hb.byteOffset, hb.byteLength >> 2);
  const ws = new Int16Array(wb.buffer, wb.byteOffset, wb.byteLength >> 1);
  const scale = data.scale ?? 1;
  for (let i = 0; i < hashes.length; i++) weights.set(hashes[i], ws[i] * scale);
  return { weights, threshold: data.threshold ?? 0 };
}

/** The trained passes (decoded on the first call); a first pass with no weights when none is trained. */
export function loadModels(): Models {
  if (models) return models;
  const data = modelData as { first?: StoredModel; second?: StoredModel };
  models = { first: decodeModel(data.first) ?? { weights: new Map(), threshold: 0 }, second: decodeModel(data.second) };
  return models;
}

/** The score of a set of features (plus the previous token's label, when in a run). */
export function scoreOf(m: Model, features: readonly string[], extra: readonly string[]): number {
  let sum = 0;
  for (const f of features) sum += m.weights.get(featureHash(f)) ?? 0;
  for (const f of extra) sum += m.weights.get(featureHash(f)) ?? 0;
  return sum;
}

/** The features that depend on the label given to the previous token of the run. */
export function labelFeatures(prev: 0 | 1 | -1, features: readonly string[]): string[] {
  if (prev < 0) return [];
  const pos = features.find((f) => f.startsWith('pos=')) ?? '';
  const shape = features.find((f) => f.startsWith('shape=')) ?? 'ar';
  return [`pl=${prev}`, `pl=${prev}|${pos}`, `pl=${prev}|${shape}`];
}
