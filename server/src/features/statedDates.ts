// Dates from the text, wired into the model: date proposals for `missing-date`,
// the expressions listed on a date hover, and the `date-mismatch` check. Results
// are cached per document analysis (a document's facts object is replaced only
// when an edit touches it), so unchanged documents are never read again.

import type { CorpusConfig } from '../config';
import { DateCandidate, datesContradict, describeDate, findDateExpressions, proposeDates } from '../dates';
import type { DateExpression } from '../dates';
import type { CorpusDocument, CorpusModel } from '../model/corpusModel';
import { formatName } from '../model/header';
import { DocFacts, insertAfterLine, lineAt } from '../model/segment';
import { CancellationToken, DEFAULT_SEVERITY, Diagnostic, NEVER_CANCELLED, Position, Range, TextEdit } from '../model/types';
import type { CodeAction } from './codeActions';

/** How much of a document's text the `date-mismatch` check reads: the dateline and first sentence live there. */
const LEAD_CHARS = 600;

export interface DocumentBody {
  text: string;
  /** Position of an offset in `text`. */
  positionOf(offset: number): Position;
}

/** A document's body text (header and end line excluded) and the way back to positions. */
export function documentBody(model: CorpusModel, doc: CorpusDocument, maxChars = Infinity): DocumentBody {
  const seg = model.segmentAt(doc.index + 1);
  const starts = seg.lineStarts;
  const from = starts.length > 1 ? starts[1] : seg.text.length;
  const to = doc.facts.endLine !== undefined ? starts[doc.facts.endLine] : seg.text.length;
  const text = seg.text.slice(from, Math.max(from, Math.min(to, from + maxChars)));
  const base = doc.headerLine;
  return {
    text,
    positionOf(offset: number): Position {
      const abs = from + offset;
      const li = lineAt(starts, abs);
      return { line: base + li, character: abs - starts[li] };
    },
  };
}

const expressionCache = new WeakMap<DocFacts, DateExpression[]>();
const mismatchCache = new WeakMap<DocFacts, Diagnostic | null>();

/** The date expressions of a document's text (cached). */
export function dateExpressions(model: CorpusModel, doc: CorpusDocument): DateExpression[] {
  let hit = expressionCache.get(doc.facts);
  if (!hit) {
    hit = findDateExpressions(documentBody(model, doc).text, { lang: doc.facts.lang });
    expressionCache.set(doc.facts, hit);
  }
  return hit;
}

function isoOf(facts: DocFacts): string | undefined {
  const d = facts.dates.find((x) => x.check.ok);
  return d && d.check.ok ? d.check.date.text : undefined;
}

/** The nearest dates before and after a document, for resolving a year. */
function neighbourDates(model: CorpusModel, doc: CorpusDocument): { previousDate?: string; nextDate?: string } {
  const docs = model.documents;
  let previousDate: string | undefined;
  let nextDate: string | undefined;
  for (let i = doc.index - 1; i >= 0 && previousDate === undefined; i--) previousDate = isoOf(docs[i].facts);
  for (let i = doc.index + 1; i < docs.length && nextDate === undefined; i++) nextDate = isoOf(docs[i].facts);
  return { previousDate, nextDate };
}

/** Dates the text supports, best first (only candidates with a year the text, name or neighbours give). */
export function dateCandidates(model: CorpusModel, doc: CorpusDocument): DateCandidate[] {
  const body = documentBody(model, doc);
  return proposeDates(body.text, { documentName: doc.name, lang: doc.facts.lang, ...neighbourDates(model, doc) });
}

/** The edit that gives a document its date, as a date line or a `date=` attribute. */
function dateEdit(model: CorpusModel, doc: CorpusDocument, iso: string, style: CorpusConfig['dateStyle']): TextEdit {
  const seg = model.segmentAt(doc.index + 1);
  const header = model.lineText(doc.headerLine);
  const close = header.lastIndexOf('>>>');
  if (style === 'attribute' && close > 0 && doc.facts.header.fault === undefined) {
    const pos = { line: doc.headerLine, character: close };
    return { range: { start: pos, end: pos }, newText: ` date=${formatName(iso)}` };
  }
  const e = insertAfterLine(seg.text, seg.lineStarts, 0, `date ${iso}`, seg.eol);
  return { range: model.toAbsolute(doc.index + 1, e), newText: e.newText };
}

/** Quick fixes for `missing-date`: the dates the text supports, at most three, the best one preferred. */
export function missingDateFixes(model: CorpusModel, config: CorpusConfig, range: Range): CodeAction[] {
  const doc = model.documentAtLine(range.start.line);
  if (!doc) return [];
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const c of dateCandidates(model, doc)) {
    if (c.yearOpen || !c.iso || seen.has(c.iso)) continue;
    seen.add(c.iso);
    out.push({
      title: `Insert date ${c.iso} (${c.reason})`,
      kind: 'quickfix',
      diagnostic: { code: 'missing-date', range },
      isPreferred: out.length === 0,
      edits: [dateEdit(model, doc, c.iso, config.dateStyle)],
    });
    if (out.length === 3) break;
  }
  return out;
}

/** A document as the date checks need it, without building every document object of the file. */
function docAt(model: CorpusModel, segIndex: number): CorpusDocument | undefined {
  const facts = model.segmentAt(segIndex).doc;
  if (!facts) return undefined;
  const headerLine = model.segmentStartLine(segIndex);
  return {
    index: segIndex - 1,
    name: facts.name,
    nameRange: { start: { line: headerLine, character: 0 }, end: { line: headerLine, character: 0 } },
    range: { start: { line: headerLine, character: 0 }, end: { line: headerLine + facts.lastLine, character: 0 } },
    headerLine,
    facts,
    lastContentLine: headerLine + facts.lastContentLine,
  };
}

/** Shifts a diagnostic's lines (cached results are kept relative to their header line). */
function shift(d: Diagnostic, by: number): Diagnostic {
  const mv = (r: Range): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });
  return { ...d, range: mv(d.range), related: d.related?.map((x) => ({ ...x, range: mv(x.range) })) };
}

/** `date-mismatch`: the text's lead states a day or month outside the document's date. */
export function dateMismatch(model: CorpusModel, doc: CorpusDocument): Diagnostic | undefined {
  const cached = mismatchCache.get(doc.facts);
  if (cached !== undefined) return cached === null ? undefined : shift(cached, doc.headerLine);
  let result: Diagnostic | undefined;
  const entry = doc.facts.dates.find((x) => x.check.ok);
  if (entry && entry.check.ok) {
    const body = documentBody(model, doc, LEAD_CHARS);
    const found = datesContradict(entry.check.date.text, proposeDates(body.text, { documentName: doc.name, lang: doc.facts.lang }));
    if (found) {
      const e = found.candidate.expression;
      const rel = (p: Position): Position => ({ line: p.line - doc.headerLine, character: p.character });
      result = {
        code: 'date-mismatch',
        severity: DEFAULT_SEVERITY['date-mismatch'],
        message: `${found.message} Check the document's date, or the text.`,
        range: { start: { line: entry.range.line, character: entry.range.start }, end: { line: entry.range.endLine, character: entry.range.end } },
        related: [{ range: { start: rel(body.positionOf(e.start)), end: rel(body.positionOf(e.end)) }, message: `The text states '${e.text}' here` }],
      };
    }
  }
  // Kept relative to the header line: lines added above the document must not leave it stale.
  mismatchCache.set(doc.facts, result ?? null);
  return result ? shift(result, doc.headerLine) : undefined;
}

/**
 * `date-mismatch` for every dated document, under the configuration. Reads each
 * document's lead once and caches it; with `cachedOnly`, only documents already
 * checked are reported (nothing is read).
 */
export function dateMismatches(model: CorpusModel, config: CorpusConfig, token: CancellationToken = NEVER_CANCELLED, cachedOnly = false): Diagnostic[] | undefined {
  const severity = config.rules['date-mismatch'] ?? DEFAULT_SEVERITY['date-mismatch'];
  if (severity === 'off') return [];
  const out: Diagnostic[] = [];
  const n = model.segmentCount;
  for (let i = 1; i < n; i++) {
    if ((i & 255) === 0 && token.isCancellationRequested) return undefined;
    const facts = model.segmentAt(i).doc;
    if (!facts) continue;
    const cached = mismatchCache.get(facts);
    if (cached === null || (cached === undefined && cachedOnly)) continue;
    if (cached === undefined && !facts.dates.some((x) => x.check.ok)) continue;
    const d = cached ? shift(cached, model.segmentStartLine(i)) : dateMismatch(model, docAt(model, i) as CorpusDocument);
    if (d) out.push({ ...d, severity });
  }
  return out;
}

export interface StatedDate {
  /** The expression as written in the text. */
  text: string;
  line: number;
  /** What it states: YYYY-MM-DD, YYYY-MM, MM-DD or MM. */
  value: string;
}

/** For a date hover: the date written out and the dates the text states (at most six, with the count left). */
export function dateHover(model: CorpusModel, doc: CorpusDocument, iso: string | undefined): { described?: string; stated: StatedDate[]; more: number } {
  const expressions = dateExpressions(model, doc).filter((e) => e.kind === 'date' || e.kind === 'month');
  const body = documentBody(model, doc);
  const pad = (x: number) => String(x).padStart(2, '0');
  const stated = expressions.slice(0, 6).map((e) => {
    const parts = e.year !== undefined ? [String(e.year), e.month, e.day] : [e.month, e.day];
    const value = parts.filter((x) => x !== undefined).map((x) => (typeof x === 'number' ? pad(x) : x)).join('-');
    return { text: e.text, line: body.positionOf(e.start).line, value };
  });
  return { described: iso ? describeDate(iso) : undefined, stated, more: expressions.length - stated.length };
}

/**
 * Computes `date-mismatch` for documents not yet checked, until `budgetMs` has
 * passed. Returns true when every document is checked. The language server calls
 * it in slices so a large file never blocks requests.
 */
export function checkDatesStep(model: CorpusModel, budgetMs: number): boolean {
  const until = Date.now() + budgetMs;
  const n = model.segmentCount;
  for (let i = 1; i < n; i++) {
    const facts = model.segmentAt(i).doc;
    if (!facts || mismatchCache.has(facts) || !facts.dates.some((x) => x.check.ok)) continue;
    if (Date.now() > until) return false;
    dateMismatch(model, docAt(model, i) as CorpusDocument);
  }
  return true;
}
