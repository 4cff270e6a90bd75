// Diagnostics: the per-segment problems found by the parser (kept with each
// segment, so only touched documents are examined again) plus the checks that
// look across documents (duplicate names, end-line consistency).

import type { CorpusConfig } from '../config';
import type { CorpusDocument, CorpusModel } from '../model/corpusModel';
import { DocFacts, Segment, short } from '../model/segment';
import { CancellationToken, Code, DEFAULT_SEVERITY, Diagnostic, NEVER_CANCELLED, Range, RelatedInformation } from '../model/types';
import { formatName } from '../model/header';
import { dateMismatches } from './dates';

/** A problem that involves several documents, with what a fix needs to know. */
export interface CrossProblem {
  code: Code;
  message: string;
  range: Range;
  related?: RelatedInformation[];
  doc: CorpusDocument;
}

/** Duplicate names and unterminated documents, from the documents' facts (no text is read). */
export function crossDocumentProblems(model: CorpusModel): CrossProblem[] {
  const docs = model.documents;
  const out: CrossProblem[] = [];
  const first = new Map<string, CorpusDocument>();
  let closed = 0;
  for (const d of docs) {
    if (d.facts.endLine !== undefined) closed++;
    if (d.name === '') continue;
    const earlier = first.get(d.name);
    if (earlier) {
      out.push({
        code: 'duplicate-name',
        message: `Another document is already named \`${short(d.name)}\` (line ${earlier.headerLine + 1}). Give this document a different name.`,
        range: d.nameRange,
        related: [{ range: earlier.nameRange, message: `First document named \`${short(d.name)}\`` }],
        doc: d,
      });
    } else {
      first.set(d.name, d);
    }
  }
  if (closed > 0 && closed < docs.length) {
    for (const d of docs) {
      if (d.facts.endLine !== undefined) continue;
      out.push({
        code: 'unterminated-document',
        message: `This document has no end line \`<<<END>>>\`, while ${closed} other ${closed === 1 ? 'document has one' : 'documents have one'}. Add \`<<<END>>>\` after its last line (or remove the end lines everywhere).`,
        range: d.nameRange,
        doc: d,
      });
    }
  }
  return out;
}

/**
 * What the last call computed for a model, so the next one redoes only what an
 * edit touched. Segments are immutable objects that an edit replaces, so the
 * segments that are still the same objects (compared by identity) keep their
 * converted diagnostics, re-based only when lines were added or removed above
 * them. Document names are counted incrementally, so the check for duplicate
 * names walks the documents only when some name is taken twice.
 */
interface ModelState {
  config: CorpusConfig;
  segments: Segment[];
  bases: number[];
  perSegment: (readonly Diagnostic[])[];
  nameCount: Map<string, number>;
  /** Names held by two or more documents. */
  duplicated: number;
  docs: number;
  closed: number;
}
const states = new WeakMap<CorpusModel, ModelState>();
const NONE: readonly Diagnostic[] = [];

function segmentDiagnostics(seg: Segment, base: number, config: CorpusConfig, allowed: ReadonlySet<string> | undefined): readonly Diagnostic[] {
  const problems = seg.problems;
  if (problems.length === 0) return NONE;
  const rules = config.rules;
  const out: Diagnostic[] = [];
  for (const p of problems) {
    const severity = rules[p.code] ?? DEFAULT_SEVERITY[p.code];
    if (severity === 'off') continue;
    if (p.key !== undefined && allowed?.has(p.key)) continue;
    out.push({
      code: p.code,
      severity,
      message: p.message,
      range: { start: { line: base + p.line, character: p.start }, end: { line: base + p.endLine, character: p.end } },
    });
  }
  return out;
}

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
   * Also read each dated document's text for dates that contradict its date
   * (`date-mismatch`). Slower than the structural checks: the language server runs
   * it in the background after publishing the rest ('cached': only documents
   * already checked); the command line runs it inline (true).
   */
  dates?: boolean | 'cached';
}

/** Every diagnostic of a model under a configuration. The returned objects may be shared between calls: do not modify them. */
export function computeDiagnostics(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED, options: DiagnosticOptions = {}): Diagnostic[] {
  const allowed = config.attributes.length > 0 ? new Set(config.attributes) : undefined;
  const n = model.segmentCount;
  const old = states.get(model);
  const segments: Segment[] = new Array<Segment>(n);
  const bases: number[] = new Array<number>(n);
  const perSegment: (readonly Diagnostic[])[] = new Array<readonly Diagnostic[]>(n);
  for (let i = 0; i < n; i++) {
    segments[i] = model.segmentAt(i);
    bases[i] = model.segmentStartLine(i);
  }
  let state: ModelState;
  if (old === undefined || old.config !== config) {
    state = { config, segments, bases, perSegment, nameCount: new Map(), duplicated: 0, docs: 0, closed: 0 };
    for (let i = 0; i < n; i++) {
      if ((i & 1023) === 0 && token.isCancellationRequested) return [];
      perSegment[i] = segmentDiagnostics(segments[i], bases[i], config, allowed);
      countSegment(state, segments[i], 1);
    }
  } else {
    // The unchanged segments before and after the edited region, by identity.
    const m = old.segments.length;
    let head = 0;
    while (head < n && head < m && segments[head] === old.segments[head]) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && segments[n - 1 - tail] === old.segments[m - 1 - tail]) tail++;
    state = { ...old, segments, bases, perSegment };
    for (let i = head; i < m - tail; i++) countSegment(state, old.segments[i], -1);
    for (let i = head; i < n - tail; i++) countSegment(state, segments[i], 1);
    for (let i = 0; i < n; i++) {
      const j = i < n - tail ? i : i - n + m; // index of the same segment in the old state
      const reusable = (i < head || i >= n - tail) && old.bases[j] === bases[i];
      perSegment[i] = reusable ? old.perSegment[j] : segmentDiagnostics(segments[i], bases[i], config, allowed);
    }
  }
  states.set(model, state);
  const out: Diagnostic[] = [];
  for (let i = 0; i < n; i++) {
    const list = perSegment[i];
    for (let k = 0; k < list.length; k++) out.push(list[k]);
  }
  crossDocumentDiagnostics(model, state, out);
  if (options.dates) out.push(...(dateMismatches(model, config, token, options.dates === 'cached') ?? []));
  return out;
}

/**
 * The diagnostics of `crossDocumentProblems`, in the same order and words, read
 * straight from the segments' facts: no document objects are built, so this
 * stays cheap on the keystroke path of a file with many thousand documents.
 */
function crossDocumentDiagnostics(model: CorpusModel, state: ModelState, out: Diagnostic[]): void {
  const config = state.config;
  const dupSeverity = config.rules['duplicate-name'] ?? DEFAULT_SEVERITY['duplicate-name'];
  const endSeverity = config.rules['unterminated-document'] ?? DEFAULT_SEVERITY['unterminated-document'];
  if (dupSeverity === 'off' && endSeverity === 'off') return;
  const n = model.segmentCount;
  const { docs, closed, nameCount } = state;
  /** Pairs (segment of a duplicate, segment of the first document with its name). */
  const dups: number[] = [];
  if (dupSeverity !== 'off' && state.duplicated > 0) {
    const first = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const f = model.segmentAt(i).doc;
      if (f === undefined || f.name === '' || (nameCount.get(f.name) ?? 0) < 2) continue;
      const earlier = first.get(f.name);
      if (earlier === undefined) first.set(f.name, i);
      else dups.push(i, earlier);
    }
  }
  if (dupSeverity !== 'off') {
    for (let k = 0; k < dups.length; k += 2) {
      const i = dups[k];
      const e = dups[k + 1];
      const name = (model.segmentAt(i).doc as DocFacts).name;
      out.push({
        code: 'duplicate-name',
        severity: dupSeverity,
        message: `Another document is already named \`${short(name)}\` (line ${model.segmentStartLine(e) + 1}). Give this document a different name.`,
        range: model.nameRangeOf(i),
        related: [{ range: model.nameRangeOf(e), message: `First document named \`${short(name)}\`` }],
      });
    }
  }
  if (endSeverity !== 'off' && closed > 0 && closed < docs) {
    for (let i = 0; i < n; i++) {
      const f = model.segmentAt(i).doc;
      if (f === undefined || f.endLine !== undefined) continue;
      out.push({
        code: 'unterminated-document',
        severity: endSeverity,
        message: `This document has no end line \`<<<END>>>\`, while ${closed} other ${closed === 1 ? 'document has one' : 'documents have one'}. Add \`<<<END>>>\` after its last line (or remove the end lines everywhere).`,
        range: model.nameRangeOf(i),
        related: undefined,
      });
    }
  }
}

/** A name not used by any document: `name-2.txt`, `name-3.txt`, … */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let k = 2; ; k++) {
    const candidate = `${stem}-${k}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export { formatName };
