// Diagnostics: the per-segment problems found by the parser (kept with each
// segment, so only touched documents are examined again) plus the checks that
// look across documents (duplicate names, end-line consistency).

import type { CorpusConfig } from '../config';
import type { CorpusDocument, CorpusModel } from '../model/corpusModel';
import { short } from '../model/segment';
import { CancellationToken, Code, DEFAULT_SEVERITY, Diagnostic, NEVER_CANCELLED, Range, RelatedInformation } from '../model/types';
import { formatName } from '../model/header';

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

/** Every diagnostic of a model under a configuration. */
export function computeDiagnostics(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED): Diagnostic[] {
  const out: Diagnostic[] = [];
  const rules = config.rules;
  const allowed = config.attributes.length > 0 ? new Set(config.attributes) : undefined;
  const n = model.segmentCount;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0 && token.isCancellationRequested) return out;
    const problems = model.problemsOf(i);
    if (problems.length === 0) continue;
    const base = model.segmentStartLine(i);
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
  }
  for (const c of crossDocumentProblems(model)) {
    const severity = rules[c.code] ?? DEFAULT_SEVERITY[c.code];
    if (severity === 'off') continue;
    out.push({ code: c.code, severity, message: c.message, range: c.range, related: c.related });
  }
  return out;
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
