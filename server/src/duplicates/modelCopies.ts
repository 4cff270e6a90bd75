// The copies of an open file: each segment's signature, cached with the segment
// (segments are immutable, so an edit costs the signatures of the documents it
// replaced), and one CopyIndex per model that follows the model's splice journal:
// the replaced segments leave the index and the new ones enter it, so an edit never
// compares all documents. Opening a file takes the signatures known so far; the
// background pass of the text rules (../diagnostics/textPass.ts) computes the rest,
// and they enter the index as they become known.

import { NEAR_DUPLICATE_THRESHOLD, type CorpusConfig } from '../config';
import { mayBeOn } from '../configScopes';
import type { CorpusModel } from '../model/corpusModel';
import type { DocFacts } from '../model/facts';
import type { Segment } from '../model/segment';
import type { CopyElsewhere, CopyView } from '../rules/types';
import { CopyIndex } from './copyIndex';
import { DocSignature, signatureOf } from './signature';
import type { ElsewhereCopies } from './workspaceCopies';

export const COPY_CODES = ['duplicate-document', 'near-duplicate-document'] as const;

/** Whether a configuration may report copies (then signatures are computed). */
export function copiesOn(config: CorpusConfig): boolean {
  return config.reportSuppressed === true || COPY_CODES.some((c) => mayBeOn(config, c, true));
}

export function thresholdOf(config: CorpusConfig): number {
  return config.nearDuplicateThreshold ?? NEAR_DUPLICATE_THRESHOLD;
}

/** The body a document's copies are compared on: after the header line and a date line, before an end line. */
export function comparedBody(text: string, lineStarts: readonly number[], doc: DocFacts): string {
  let start = doc.bodyStart;
  if (doc.dateLine && lineStarts.length > 2) start = Math.max(start, lineStarts[2]);
  return start < doc.bodyEnd ? text.slice(start, doc.bodyEnd) : '';
}

const signatures = new WeakMap<Segment, DocSignature | null>();

/** A segment's signature: null when it holds no document long enough; undefined when not computed and `compute` is false. */
export function segmentSignature(seg: Segment, compute: boolean): DocSignature | null | undefined {
  const doc = seg.doc;
  if (!doc || doc.empty) return null;
  const hit = signatures.get(seg);
  if (hit !== undefined || !compute) return hit;
  let sig: DocSignature | null = null;
  try {
    sig = signatureOf(comparedBody(seg.text, seg.lineStarts, doc)) ?? null;
  } catch {
    sig = null;
  }
  signatures.set(seg, sig);
  return sig;
}

interface ModelCopies {
  index: CopyIndex<Segment>;
  /** The model's segments as the index knows them (undefined: a hole to fill). */
  mirror: (Segment | undefined)[];
  /** Segments whose signature is not known yet. */
  missing: Set<Segment>;
  generation: number;
}

const states = new WeakMap<CorpusModel, ModelCopies>();

function enter(state: ModelCopies, seg: Segment, compute: boolean): void {
  const sig = segmentSignature(seg, compute);
  if (sig === undefined) state.missing.add(seg);
  else if (sig) state.index.add(seg, sig);
}

/**
 * The model's index of copies, brought up to date: the segments replaced since the
 * last call leave it, the new ones enter it (their signatures computed now when
 * `compute` is true), and those whose signature became known meanwhile join.
 */
export function syncCopies(model: CorpusModel, compute: boolean): CopyIndex<Segment> {
  let state = states.get(model);
  const splices = state ? model.changesSince(state.generation) : undefined;
  if (!state || !splices) {
    state = { index: new CopyIndex(), mirror: [], missing: new Set(), generation: model.generation };
    for (let i = 0; i < model.segmentCount; i++) {
      const seg = model.segmentAt(i);
      state.mirror.push(seg);
      enter(state, seg, compute);
    }
    states.set(model, state);
    return state.index;
  }
  const s = state;
  if (splices.length > 0) {
    for (const sp of splices) {
      const gone = s.mirror.splice(sp.first, sp.removed, ...new Array<undefined>(sp.inserted).fill(undefined));
      for (const g of gone) {
        if (!g) continue;
        s.index.remove(g);
        s.missing.delete(g);
      }
    }
    for (let i = 0; i < s.mirror.length; i++) {
      if (s.mirror[i] !== undefined) continue;
      const seg = model.segmentAt(i);
      s.mirror[i] = seg;
      enter(s, seg, compute);
    }
    s.generation = model.generation;
  }
  if (s.missing.size > 0) {
    for (const seg of [...s.missing]) {
      const sig = segmentSignature(seg, false);
      if (sig === undefined) continue;
      s.missing.delete(seg);
      if (sig) s.index.add(seg, sig);
    }
  }
  return s.index;
}

/** The copy view of a model's table (document i is segment i + 1), or undefined when the configuration reports no copies. */
export function modelCopyView(model: CorpusModel, config: CorpusConfig, compute: boolean, elsewhere?: ElsewhereCopies): CopyView | undefined {
  if (!copiesOn(config)) return undefined;
  const index = syncCopies(model, compute);
  return {
    threshold: thresholdOf(config),
    group: (i) => index.groupOf(model.segmentAt(i + 1)),
    nearOf: (g) => index.nearOf(g),
    elsewhere: elsewhere ? elsewhereOf(index, elsewhere) : undefined,
  };
}

/** A view's look-up of a group's copies in other files. */
export function elsewhereOf(index: { signatureOf(group: number): DocSignature | undefined }, elsewhere: ElsewhereCopies): NonNullable<CopyView['elsewhere']> {
  return (group, similar) => {
    const sig = index.signatureOf(group);
    return sig ? elsewhere.find(sig, similar) : [];
  };
}

/**
 * The copies of a signature in an open file's model (for the other files' rules):
 * its documents holding the text, or alike to it (the other document first).
 */
export function modelCopiesOf(model: CorpusModel, uri: string, label: string, sig: DocSignature, similar: boolean): CopyElsewhere[] {
  const found = syncCopies(model, false).lookup(sig);
  const hits = new Map<Segment, CopyElsewhere['similarity']>();
  if (similar) for (const n of found.near) hits.set(n.key, { jaccard: n.similarity.jaccard, aInB: n.similarity.bInA, bInA: n.similarity.aInB });
  else for (const seg of found.exact) hits.set(seg, undefined);
  if (hits.size === 0) return [];
  const out: CopyElsewhere[] = [];
  for (let i = 1; i < model.segmentCount; i++) {
    const seg = model.segmentAt(i);
    if (!hits.has(seg)) continue;
    const similarity = hits.get(seg);
    out.push({ uri, label, name: seg.doc?.name ?? '', range: model.nameRangeOf(i), ...(similarity ? { similarity } : {}) });
  }
  return out;
}
