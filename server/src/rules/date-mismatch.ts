// `date-mismatch`: the document has a date, and its dateline or first sentence
// states a day or month that cannot fall within it. A text rule: it reads the
// document's lead, so the editor runs it in the background (cached per segment)
// and the command line inline. No fix: only the editor can tell whether the date
// or the text is wrong (the date hover lists the dates the text states).

import { datesContradict, proposeDates } from '../dates';
import { lineAt } from '../model/lines';
import type { RelRange } from '../model/edits';
import type { LocalProblem, TextRule } from './types';

/** How much of a document's text the check reads: the dateline and first sentence live there. */
export const LEAD_CHARS = 600;

export const rule: TextRule = {
  kind: 'text',
  meta: { code: 'date-mismatch', severity: 'information', description: "The dateline or first sentence states another day than the document's date.", fixable: false, scope: 'document' },
  check({ text, lineStarts, doc }): LocalProblem[] {
    const entry = doc.dates.find((x) => x.check.ok);
    if (!entry || !entry.check.ok) return [];
    const from = doc.bodyStart;
    const lead = text.slice(from, Math.min(doc.bodyEnd, from + LEAD_CHARS));
    const found = datesContradict(entry.check.date.text, proposeDates(lead, { documentName: doc.name, lang: doc.lang }));
    if (!found) return [];
    const e = found.candidate.expression;
    const at = (offset: number): { line: number; character: number } => {
      const abs = from + offset;
      const line = lineAt(lineStarts, abs);
      return { line, character: abs - lineStarts[line] };
    };
    const a = at(e.start);
    const b = at(e.end);
    const related: RelRange = { line: a.line, start: a.character, endLine: b.line, end: b.character };
    return [
      {
        code: 'date-mismatch',
        message: `${found.message} Check the document's date, or the text.`,
        ...entry.range,
        related: [{ range: related, message: `The text states '${e.text}' here` }],
      },
    ];
  },
};
