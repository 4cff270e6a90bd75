// The editor's diagnostics: what the segment rules found (kept with each segment,
// so only touched documents are examined again), what the text rules found
// (cached per segment; run in the background by the language server), then the
// file rules over the documents' facts. The command line's stream (./stream.ts)
// gives exactly the same list for the same text and configuration.

import type { CorpusConfig } from '../config';
import type { CorpusModel } from '../model/corpusModel';
import type { Segment } from '../model/segment';
import { CancellationToken, Diagnostic, NEVER_CANCELLED } from '../model/types';
import type { LocalProblem, TextRule } from '../rules/types';
import { activeTextRules, allowedKeys, pushProblems, runTextRule } from './convert';
import { modelDocumentTable, pushFileDiagnostics } from './fileRules';

// ---------------------------------------------------------------- text rules, cached per segment

/** What each text rule found in a segment (by rule); segments are immutable, so identity is the key. */
const textCache = new WeakMap<Segment, Map<TextRule, LocalProblem[]>>();

/** The text rules' problems of a segment: computed now, or (with `cachedOnly`) only those known; undefined when some are not known yet. */
function textProblems(seg: Segment, rules: readonly TextRule[], cachedOnly: boolean): LocalProblem[] | undefined {
  const doc = seg.doc;
  if (!doc || doc.empty || rules.length === 0) return [];
  let per = textCache.get(seg);
  const out: LocalProblem[] = [];
  let complete = true;
  for (const rule of rules) {
    let found = per?.get(rule);
    if (!found) {
      if (cachedOnly) {
        complete = false;
        continue;
      }
      found = runTextRule(rule, { text: seg.text, lineStarts: seg.lineStarts, doc });
      if (!per) textCache.set(seg, (per = new Map()));
      per.set(rule, found);
    }
    for (const p of found) out.push(p);
  }
  return complete ? out : out.length > 0 ? out : undefined;
}

/**
 * Runs the text rules on documents not yet checked, until `budgetMs` has passed.
 * Returns true when every document is checked. The language server calls it in
 * slices so a large file never blocks requests.
 */
export function checkTextRulesStep(model: CorpusModel, config: CorpusConfig, budgetMs: number): boolean {
  const rules = activeTextRules(config);
  if (rules.length === 0) return true;
  const until = performance.now() + budgetMs;
  const n = model.segmentCount;
  for (let i = 1; i < n; i++) {
    const seg = model.segmentAt(i);
    if (isComplete(seg, rules)) continue;
    if (performance.now() > until) return false;
    textProblems(seg, rules, false);
  }
  return true;
}

function isComplete(seg: Segment, rules: readonly TextRule[]): boolean {
  return knownCount(seg, rules) === rules.length;
}

/** True when every document's text rules are known (nothing for the background to do). */
export function textRulesDone(model: CorpusModel, config: CorpusConfig): boolean {
  const rules = activeTextRules(config);
  if (rules.length === 0) return true;
  for (let i = 1; i < model.segmentCount; i++) if (!isComplete(model.segmentAt(i), rules)) return false;
  return true;
}

// ---------------------------------------------------------------- the whole list, incrementally

/** How many of the rules' results a segment has in the cache. */
function knownCount(seg: Segment, rules: readonly TextRule[]): number {
  if (rules.length === 0 || !seg.doc || seg.doc.empty) return rules.length;
  const per = textCache.get(seg);
  let k = 0;
  for (const r of rules) if (per?.has(r)) k++;
  return k;
}

/**
 * What the last call computed for a model, so the next one redoes only what an
 * edit touched. Segments are immutable objects that an edit replaces, so the
 * segments that are still the same objects (compared by identity) keep their
 * converted diagnostics, re-based only when lines were added or removed above
 * them, and redone when more of their text-rule results became known. Document
 * names are counted incrementally, so the check for duplicate names walks the
 * documents only when some name is taken twice.
 */
interface ModelState {
  config: CorpusConfig;
  /** The text rules the entries were computed with. */
  rules: readonly TextRule[];
  segments: Segment[];
  bases: number[];
  perSegment: (readonly Diagnostic[])[];
  /** How many text-rule results each entry holds. */
  known: number[];
  nameCount: Map<string, number>;
  /** Names held by two or more documents. */
  duplicated: number;
  docs: number;
  closed: number;
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

export interface DiagnosticOptions {
  /**
   * The text rules (`date-mismatch`, …) read each document's text: true runs them
   * now (the command line, tests); 'cached' reports only what is already known
   * (the language server, whose background pass fills the cache); false skips them.
   */
  text?: boolean | 'cached';
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Every diagnostic of a model under a configuration. The returned objects may be shared between calls: do not modify them. */
export function computeDiagnostics(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED, options: DiagnosticOptions = {}): Diagnostic[] {
  const allowed = allowedKeys(config);
  const rules = options.text ? activeTextRules(config) : [];
  const cachedOnly = options.text === 'cached';
  const n = model.segmentCount;
  const old = states.get(model);
  const segments: Segment[] = new Array<Segment>(n);
  const bases: number[] = new Array<number>(n);
  const perSegment: (readonly Diagnostic[])[] = new Array<readonly Diagnostic[]>(n);
  const known: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    segments[i] = model.segmentAt(i);
    bases[i] = model.segmentStartLine(i);
  }
  const convert = (i: number): void => {
    const seg = segments[i];
    const text = rules.length > 0 ? textProblems(seg, rules, cachedOnly) : undefined;
    known[i] = knownCount(seg, rules);
    if (seg.problems.length === 0 && (!text || text.length === 0)) {
      perSegment[i] = NONE;
      return;
    }
    const out: Diagnostic[] = [];
    const name = seg.doc?.name;
    pushProblems(seg.problems, bases[i], config, allowed, out, undefined, name);
    if (text) pushProblems(text, bases[i], config, allowed, out, undefined, name);
    perSegment[i] = out;
  };
  let state: ModelState;
  if (old === undefined || old.config !== config || !sameList(old.rules, rules)) {
    state = { config, rules, segments, bases, perSegment, known, nameCount: new Map(), duplicated: 0, docs: 0, closed: 0 };
    for (let i = 0; i < n; i++) {
      if ((i & 1023) === 0 && token.isCancellationRequested) return [];
      convert(i);
      countSegment(state, segments[i], 1);
    }
  } else {
    // The unchanged segments before and after the edited region, by identity.
    const m = old.segments.length;
    let head = 0;
    while (head < n && head < m && segments[head] === old.segments[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && segments[n - 1 - tail] === old.segments[m - 1 - tail]) tail++;
    state = { ...old, segments, bases, perSegment, known };
    for (let i = head; i < m - tail; i++) countSegment(state, old.segments[i], -1);
    for (let i = head; i < n - tail; i++) countSegment(state, segments[i], 1);
    for (let i = 0; i < n; i++) {
      const j = i < n - tail ? i : i - n + m; // index of the same segment in the old state
      const same = (i < head || i >= n - tail) && old.bases[j] === bases[i];
      if (same && (rules.length === 0 || old.known[j] === knownCount(segments[i], rules))) {
        perSegment[i] = old.perSegment[j];
        known[i] = old.known[j];
      } else {
        convert(i);
      }
    }
  }
  states.set(model, state);
  const out: Diagnostic[] = [];
  for (let i = 0; i < n; i++) {
    const list = perSegment[i];
    for (let k = 0; k < list.length; k++) out.push(list[k]);
  }
  pushFileDiagnostics(modelDocumentTable(model, state), config, out);
  return out;
}
