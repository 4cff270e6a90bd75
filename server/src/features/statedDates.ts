// The dates a document's text states, read through the model for the features
// that show them: the date hover and completion after `date=`. Results are
// cached per document analysis (a document's facts object is replaced only when
// an edit touches it), so unchanged documents are never read again.

import { DateCandidate, describeDate, findDateExpressions, proposeDates } from '../dates';
import type { DateExpression } from '../dates';
import type { CorpusDocument, CorpusModel } from '../model/corpusModel';
import type { DocFacts } from '../model/facts';

const expressionCache = new WeakMap<DocFacts, DateExpression[]>();

/** The date expressions of a document's text (cached). */
export function dateExpressions(model: CorpusModel, doc: CorpusDocument): DateExpression[] {
  let hit = expressionCache.get(doc.facts);
  if (!hit) {
    hit = findDateExpressions(model.body(doc.index).text, { lang: doc.facts.lang });
    expressionCache.set(doc.facts, hit);
  }
  return hit;
}

const NO_DATES: { dates: readonly DocFacts['dates'][number][] } = { dates: [] };

function isoOf(facts: { dates: readonly DocFacts['dates'][number][] }): string | undefined {
  const d = facts.dates.find((x) => x.check.ok);
  return d && d.check.ok ? d.check.date.text : undefined;
}

/** The nearest dates before and after a document, for resolving a year. */
function neighbourDates(model: CorpusModel, doc: CorpusDocument): { previousDate?: string; nextDate?: string } {
  let previousDate: string | undefined;
  let nextDate: string | undefined;
  // Segment i + 1 holds document i: read the facts without building the documents.
  const factsOf = (i: number) => model.segmentAt(i + 1)?.doc;
  for (let i = doc.index - 1; i >= 0 && previousDate === undefined; i--) previousDate = isoOf(factsOf(i) ?? NO_DATES);
  for (let i = doc.index + 1; i < model.documentCount && nextDate === undefined; i++) nextDate = isoOf(factsOf(i) ?? NO_DATES);
  return { previousDate, nextDate };
}

/** Dates the text supports, best first (only candidates with a year the text, name or neighbours give). */
export function dateCandidates(model: CorpusModel, doc: CorpusDocument): DateCandidate[] {
  return proposeDates(model.body(doc.index).text, { documentName: doc.name, lang: doc.facts.lang, ...neighbourDates(model, doc) });
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
  const body = model.body(doc.index);
  const pad = (x: number) => String(x).padStart(2, '0');
  const stated = expressions.slice(0, 6).map((e) => {
    const parts = e.year !== undefined ? [String(e.year), e.month, e.day] : [e.month, e.day];
    const value = parts
      .filter((x) => x !== undefined)
      .map((x) => (typeof x === 'number' ? pad(x) : x))
      .join('-');
    return { text: e.text, line: body.positionOf(e.start).line, value };
  });
  return { described: iso ? describeDate(iso) : undefined, stated, more: expressions.length - stated.length };
}
