// `missing-date`: a document with neither a `date=` attribute nor a date line.
// Its fixes propose the dates the article's own text supports (../dates), each
// titled with its evidence, then a date line to fill in. A proposal is preferred
// (what "Fix all" writes without asking) only when the evidence is strong: the
// page states the full date in its byline, dateline or lead.

import { proposeDates } from '../dates';
import { formatName } from '../model/header';
import { insertAfterLine, RelEdit } from '../model/edits';
import { readDateLine } from '../model/dateLine';
import { spanRange } from '../model/facts';
import { lineText } from '../model/lines';
import { short } from '../model/text';
import type { DocFacts } from '../model/facts';
import type { FixContext, LocalFix, SegmentRule } from './types';

/** How many date proposals a document gets at most. */
const MAX_PROPOSALS = 3;

/** The edit that gives a document its date, as a date line or a `date=` attribute. */
export function dateEdit(text: string, lineStarts: readonly number[], eol: string, doc: DocFacts, iso: string, style: FixContext['dateStyle']): RelEdit {
  const close = doc.header.close;
  if (style === 'attribute' && close !== undefined && close > 0 && doc.header.fault === undefined) {
    return { line: 0, start: close, endLine: 0, end: close, newText: ` date=${formatName(iso)}` };
  }
  return insertAfterLine(text, lineStarts, 0, `date ${iso}`, eol);
}

function proposals(text: string, lineStarts: readonly number[], eol: string, doc: DocFacts, fx: FixContext): LocalFix[] {
  const out: LocalFix[] = [];
  const seen = new Set<string>();
  const body = text.slice(doc.bodyStart, doc.bodyEnd);
  for (const c of proposeDates(body, { documentName: doc.name, lang: doc.lang, ...fx.neighbourDates() })) {
    if (c.yearOpen || !c.iso || seen.has(c.iso)) continue;
    seen.add(c.iso);
    out.push({
      title: `Insert date ${c.iso} (${c.reason})`,
      // only a strong candidate is written without asking ("Fix all", fix on save, corpus lint --fix)
      preferred: c.preferred && fx.preferDateFixes,
      edits: [dateEdit(text, lineStarts, eol, doc, c.iso, fx.dateStyle)],
    });
    if (out.length === MAX_PROPOSALS) break;
  }
  return out;
}

/** True when the first text line is a date line behind a byte-order mark (U+FEFF). */
export function hiddenDateLine(text: string, lineStarts: readonly number[], line: number | undefined): boolean {
  if (line === undefined || text.charCodeAt(lineStarts[line]) !== 0xfeff) return false;
  let rest = lineText(text, lineStarts, line);
  while (rest.charCodeAt(0) === 0xfeff) rest = rest.slice(1);
  return readDateLine(rest) !== undefined;
}

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'missing-date', severity: 'warning', description: 'A document has neither a date attribute nor a date line.', fixable: true, scope: 'document' },
  check(ctx) {
    const doc = ctx.doc;
    // A broken header may hold a date that could not be read: then its fault is the one to fix first.
    // An empty document is one fault (empty-document), not also a missing date.
    if (!doc || doc.empty || doc.dates.length > 0 || doc.dateAttempt || doc.header.mentionsDate) return;
    const h = doc.header;
    const { text, lineStarts, eol } = ctx;
    // A byte-order mark before a date line hides it: stray-bom says so, and removing the mark gives the date.
    if (hiddenDateLine(text, lineStarts, doc.firstTextLine)) return;
    const what = (name: string): string => `The document ${name} has no date. Add a first body line \`date YYYY-MM-DD\` or a \`date=\` attribute in its header.`;
    ctx.report({
      code: 'missing-date',
      message: what(h.name !== '' ? `\`${short(h.name)}\`` : 'without a name'),
      messageAt: h.name !== '' ? undefined : (line) => what(`on line ${line}`),
      ...spanRange(0, h.name !== '' ? h.nameSpan : { start: 0, end: doc.headerLength }),
      fixes: (fx) => [
        ...proposals(text, lineStarts, eol, doc, fx),
        { title: 'Insert a date line to fill in (date YYYY-MM-DD)', preferred: false, edits: [insertAfterLine(text, lineStarts, 0, 'date YYYY-MM-DD', eol)] },
      ],
    });
  },
};
