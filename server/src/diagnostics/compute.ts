// The editor's diagnostics: what the segment rules found (kept with each segment,
// so only touched documents are examined again), what the text rules found
// (./textPass.ts: cached per segment, filled in the background after an open),
// then the file rules over the documents' facts. The command line's stream
// (./stream.ts) gives exactly the same list for the same text and configuration.
//
// The list is kept per model and updated from the model's splice journal: an edit
// costs the documents it replaced (and, when it adds or removes lines, re-basing
// the diagnostics below it), never a walk over the file. When the result equals
// the last one, the very same array is returned, so an adapter can tell "nothing
// changed" by identity (no publication, an `unchanged` pull report).

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import type { Segment } from '../model/segment';
import { CancellationToken, Diagnostic, NEVER_CANCELLED } from '../model/types';
import type { TextRule } from '../rules/types';
import { activeTextRules, allowedKeys, pushProblems } from './convert';
import { modelDocumentTable, pushFileDiagnostics } from './fileRules';
import { sameDiagnostics } from './same';
import { knownCount, sameList, textEpoch, textProblems } from './textPass';
import { copiesOn, modelCopyView, syncCopies } from '../duplicates/modelCopies';
import type { ElsewhereCopies } from '../duplicates/workspaceCopies';

export { checkTextRulesStep, textRulesDone } from './textPass';

export interface DiagnosticOptions {
  /**
   * The text rules (`date-mismatch`, …) read each document's text: true runs them
   * now for every document (the command line, tests); 'cached' (the language
   * server) runs them now only for the documents an edit replaced and otherwise
   * reports what the background pass committed; false skips them.
   */
  text?: boolean | 'cached';
  /** The copies in the workspace's other files, for the copy rules (duplicate-document, near-duplicate-document). */
  elsewhere?: ElsewhereCopies;
}

/** What the last call computed for a model, so the next one redoes only what the edits since then touched. */
interface ModelState {
  config: CorpusConfig;
  mode: boolean | 'cached';
  /** The text rules the entries were computed with. */
  rules: readonly TextRule[];
  generation: number;
  epoch: number;
  /** Per segment: the segment the entry is for (undefined while it is to be redone), its start line, its diagnostics, how many text results it holds. */
  segments: (Segment | undefined)[];
  bases: number[];
  perSegment: (readonly Diagnostic[])[];
  known: number[];
  nameCount: Map<string, number>;
  /** Names held by two or more documents. */
  duplicated: number;
  docs: number;
  closed: number;
  fileList: Diagnostic[];
  list: Diagnostic[];
  /** The versions of the indexes of copies (the model's, the other files') the file diagnostics were computed with ('': copies not reported). */
  copies: string;
  elsewhere: ElsewhereCopies | undefined;
}
const states = new WeakMap<CorpusModel, ModelState>();
const NONE: readonly Diagnostic[] = [];

function countSegment(state: ModelState, seg: Segment, delta: 1 | -1): void {
  const f = seg.doc;
  if (f === undefined) return;
  state.docs += delta;
  if (f.endLine !== undefined) state.closed += delta;
  if (f.name === '') return;
  const before = state.nameCount.get(f.name) ?? 0;
  const after = before + delta;
  if (after === 0) state.nameCount.delete(f.name);
  else state.nameCount.set(f.name, after);
  if (before < 2 && after >= 2) state.duplicated++;
  else if (before >= 2 && after < 2) state.duplicated--;
}

/** Whether two segments look the same to the file rules (name, where it is, end line). */
function sameForFileRules(a: Segment, b: Segment): boolean {
  const x = a.doc;
  const y = b.doc;
  if (!x || !y) return x === y;
  const span = x.header.nameSpan;
  const other = y.header.nameSpan;
  // An unnamed document's range is its whole header line.
  return x.name === y.name && (x.endLine === undefined) === (y.endLine === undefined) && span.start === other.start && span.end === other.end && (x.name !== '' || x.headerLength === y.headerLength);
}

function fileDiagnostics(model: CorpusModel, state: ModelState): Diagnostic[] {
  const out: Diagnostic[] = [];
  const table = modelDocumentTable(model, state);
  if (state.copies !== '') table.copies = modelCopyView(model, state.config, false, state.elsewhere);
  pushFileDiagnostics(table, state.config, out);
  return out;
}

/** The versions of the indexes of copies after this call's edits (new documents' signatures computed when `compute`), or '' when copies are not reported. */
function copiesVersion(model: CorpusModel, config: CorpusConfig, mode: boolean | 'cached', compute: boolean, elsewhere: ElsewhereCopies | undefined): string {
  return mode !== false && copiesOn(config) ? `${syncCopies(model, compute).version}:${elsewhere?.version ?? -1}` : '';
}

function flatten(state: ModelState): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const list of state.perSegment) for (let k = 0; k < list.length; k++) out.push(list[k]);
  for (const d of state.fileList) out.push(d);
  return out;
}

/** Every diagnostic of a model under a configuration. The returned array and its objects may be shared between calls: do not modify them. */
export function computeDiagnostics(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED, options: DiagnosticOptions = {}): Diagnostic[] {
  const mode = options.text ?? false;
  const rules = mode ? activeTextRules(config) : [];
  const old = states.get(model);
  const epoch = rules.length > 0 || (mode !== false && copiesOn(config)) ? textEpoch(model) : 0;
  const splices = old && old.config === config && old.mode === mode && sameList(old.rules, rules) ? model.changesSince(old.generation) : undefined;
  if (!old || !splices) return fullBuild(model, config, mode, rules, epoch, token, options.elsewhere);
  if (splices.length === 0 && old.epoch === epoch && (old.copies === '' || copiesVersion(model, config, mode, false, options.elsewhere) === old.copies)) return old.list;

  const state = old;
  const allowed = allowedKeys(config);
  const convert = (i: number, runText: boolean): void => {
    const seg = model.segmentAt(i);
    state.segments[i] = seg;
    state.bases[i] = model.segmentStartLine(i);
    const text = rules.length > 0 ? textProblems(seg, rules, !runText) : undefined;
    state.known[i] = knownCount(seg, rules);
    if (seg.problems.length === 0 && (!text || text.length === 0)) {
      state.perSegment[i] = NONE;
      return;
    }
    const out: Diagnostic[] = [];
    const name = seg.doc?.name;
    pushProblems(seg.problems, state.bases[i], config, allowed, out, undefined, name);
    if (text) pushProblems(text, state.bases[i], config, allowed, out, undefined, name);
    state.perSegment[i] = out;
  };

  // Replay the splices on the entries: removed segments are uncounted, new ones are holes to fill.
  let lo = Infinity;
  let hi = -Infinity;
  let moved = -1;
  const removedLists: (readonly Diagnostic[])[] = [];
  const removedSegments: Segment[] = [];
  for (const sp of splices) {
    const holes = new Array<undefined>(sp.inserted).fill(undefined);
    const gone = state.segments.splice(sp.first, sp.removed, ...holes);
    for (const g of gone) if (g) countSegment(state, g, -1);
    const goneLists = state.perSegment.splice(sp.first, sp.removed, ...holes.map(() => NONE));
    state.bases.splice(sp.first, sp.removed, ...holes.map(() => -1));
    state.known.splice(sp.first, sp.removed, ...holes.map(() => 0));
    gone.forEach((g, k) => {
      if (!g) return;
      removedSegments.push(g);
      removedLists.push(goneLists[k]);
    });
    // The holes are within [lo, hi), mapped through this splice.
    const d = sp.inserted - sp.removed;
    if (hi > sp.first) hi = hi >= sp.first + sp.removed ? hi + d : sp.first;
    hi = Math.max(hi, sp.first + sp.inserted);
    lo = Math.min(lo, sp.first);
    if (sp.lineDelta !== 0) moved = moved < 0 ? sp.first : Math.min(moved, sp.first);
  }
  const inserted: Segment[] = [];
  for (let i = Math.max(lo, 0); i < hi && i < state.segments.length; i++) {
    if (state.segments[i] !== undefined) continue;
    convert(i, mode !== false);
    const seg = state.segments[i] as Segment;
    countSegment(state, seg, 1);
    inserted.push(seg);
  }
  // Lines added or removed: the diagnostics below move (the protocol's positions are absolute).
  let rebased = false;
  if (moved >= 0) {
    for (let i = moved; i < state.segments.length; i++) {
      if (state.bases[i] === model.segmentStartLine(i)) continue;
      convert(i, false);
      rebased = true;
    }
  }
  // A background pass committed its findings: the entries that gained some are redone.
  let gained = false;
  if (epoch !== state.epoch) {
    for (let i = 0; i < state.segments.length; i++) {
      const seg = state.segments[i] as Segment;
      if (knownCount(seg, rules) === state.known[i]) continue;
      convert(i, false);
      gained = true;
    }
  }
  state.generation = model.generation;
  state.epoch = epoch;

  const copies = copiesVersion(model, config, mode, mode !== false, options.elsewhere);
  const structure = moved >= 0 || removedSegments.length !== inserted.length || removedSegments.some((s, k) => !sameForFileRules(s, inserted[k])) || copies !== state.copies;
  state.copies = copies;
  state.elsewhere = options.elsewhere;
  let fileChanged = false;
  if (structure) {
    const next = fileDiagnostics(model, state);
    fileChanged = !sameDiagnostics(next, state.fileList);
    state.fileList = next;
  }
  // Unchanged when the redone entries say exactly what the removed ones said, in the same places.
  if (!rebased && !gained && !fileChanged) {
    const before: Diagnostic[] = [];
    for (const l of removedLists) for (const d of l) before.push(d);
    const after: Diagnostic[] = [];
    for (let i = Math.max(lo, 0); i < hi && i < state.perSegment.length; i++) for (const d of state.perSegment[i]) after.push(d);
    if (splices.length === 1 && sameDiagnostics(before, after)) return state.list;
  }
  const list = flatten(state);
  if (sameDiagnostics(list, state.list)) return state.list;
  state.list = list;
  return list;
}

function fullBuild(
  model: CorpusModel,
  config: CorpusConfig,
  mode: boolean | 'cached',
  rules: readonly TextRule[],
  epoch: number,
  token: CancellationToken,
  elsewhere: ElsewhereCopies | undefined,
): Diagnostic[] {
  const allowed = allowedKeys(config);
  const n = model.segmentCount;
  const state: ModelState = {
    config,
    mode,
    rules,
    generation: model.generation,
    epoch,
    segments: new Array<Segment | undefined>(n),
    bases: new Array<number>(n),
    perSegment: new Array<readonly Diagnostic[]>(n),
    known: new Array<number>(n),
    nameCount: new Map(),
    duplicated: 0,
    docs: 0,
    closed: 0,
    fileList: [],
    list: [],
    copies: copiesVersion(model, config, mode, mode === true, elsewhere),
    elsewhere,
  };
  // Opening a file (or a new configuration) reports the text rules' findings known so far; the background pass does the rest.
  const cachedOnly = mode !== true;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) return [];
    const seg = model.segmentAt(i);
    const base = model.segmentStartLine(i);
    state.segments[i] = seg;
    state.bases[i] = base;
    const text = rules.length > 0 ? textProblems(seg, rules, cachedOnly) : undefined;
    state.known[i] = knownCount(seg, rules);
    countSegment(state, seg, 1);
    if (seg.problems.length === 0 && (!text || text.length === 0)) {
      state.perSegment[i] = NONE;
      continue;
    }
    const out: Diagnostic[] = [];
    const name = seg.doc?.name;
    pushProblems(seg.problems, base, config, allowed, out, undefined, name);
    if (text) pushProblems(text, base, config, allowed, out, undefined, name);
    state.perSegment[i] = out;
  }
  state.fileList = fileDiagnostics(model, state);
  const previous = states.get(model);
  state.list = flatten(state);
  // A configuration change that changes nothing keeps the list (and its identity).
  if (previous && sameDiagnostics(previous.list, state.list)) state.list = previous.list;
  states.set(model, state);
  return state.list;
}
