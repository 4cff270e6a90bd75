// The background pass that reads the people of every document of a file, a
// document (or a piece of a long one) at a time, so hovers, references and the
// People view answer from what is known. It keeps its place across edits (the
// model's splice journal): documents an edit put after its place are read when it
// gets there, those put before it are read again next (or at once when a request
// needs them), so after the first read an edit costs only what it touched.

import type { CorpusModel } from '../../model/corpusModel';
import { detectStep, knownDocPeople, KnownPeople } from './cache';

interface PeoplePass {
  version: number;
  generation: number;
  /** The next document to look at. */
  cursor: number;
  /** The first document behind the cursor that an edit replaced (Infinity: none). */
  redo: number;
  /** Whether this pass read any document itself (a request may have read them first). */
  read: boolean;
  done: boolean;
}

const passes = new WeakMap<CorpusModel, PeoplePass>();

/** Where an index ends up after a splice of documents [first, first + removed) by `inserted` new ones; those replaced go to `first`. */
function moved(index: number, first: number, removed: number, inserted: number): number {
  if (index >= first + removed) return index + inserted - removed;
  return index > first ? Math.max(0, first) : index;
}

function follow(p: PeoplePass, model: CorpusModel): void {
  const splices = model.changesSince(p.generation);
  p.generation = model.generation;
  p.done = false;
  p.read = false;
  if (!splices) {
    p.cursor = 0;
    p.redo = Infinity;
    return;
  }
  for (const s of splices) {
    // Segment i holds document i - 1: the journal's indices are segments'.
    const first = s.first - 1;
    p.cursor = moved(p.cursor, first, s.removed, s.inserted);
    if (p.redo !== Infinity) p.redo = moved(p.redo, first, s.removed, s.inserted);
    if (s.inserted > 0 && first < p.cursor) p.redo = Math.min(p.redo, Math.max(0, first));
  }
}

/** True when every document of the model has its people read (under these people files). */
export function peopleDone(model: CorpusModel, known: KnownPeople): boolean {
  const p = passes.get(model);
  return p !== undefined && p.done && p.version === known.version && p.generation === model.generation;
}

/** True when the last pass over the model read documents itself (what the file shows may have changed). */
export function peoplePassRead(model: CorpusModel): boolean {
  return passes.get(model)?.read === true;
}

/**
 * Reads the people of documents not read yet until `deadline` (at least one
 * unit: a document, or a piece of a long one). Returns true when all are read.
 */
export function peopleStep(model: CorpusModel, known: KnownPeople, deadline: number): boolean {
  let p = passes.get(model);
  if (!p || p.version !== known.version) {
    p = { version: known.version, generation: model.generation, cursor: 0, redo: Infinity, read: false, done: false };
    passes.set(model, p);
  }
  if (p.generation !== model.generation) follow(p, model);
  if (p.done) return true;
  const n = model.documentCount;
  let ran = 0;
  let looked = 0;
  for (;;) {
    while (p.cursor < n) {
      if (!knownDocPeople(model, p.cursor, known)) {
        if (ran > 0 && performance.now() > deadline) return false;
        ran++;
        p.read = true;
        // A long document takes several steps: stay on it.
        if (!detectStep(model, p.cursor, known)) return false;
      } else if (++looked % 256 === 0 && performance.now() > deadline) {
        // Every step moves on (at least 256 documents already known), whatever its budget.
        p.cursor++;
        return false;
      }
      p.cursor++;
    }
    if (p.redo >= n) break;
    p.cursor = p.redo;
    p.redo = Infinity;
  }
  p.done = true;
  return true;
}
