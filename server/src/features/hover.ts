// Hover: on a header name (the document at a glance) and on a date value (the
// date written out, with its weekday and precision). Corpus text that reaches a
// hover is escaped so that it shows as text and nothing in it can act.

import type { CorpusModel } from '../model/corpusModel';
import { describeIsoDate } from '../model/isoDate';
import { dateHover } from './statedDates';
import { CancellationToken, NEVER_CANCELLED, Position, Range } from '../model/types';

export interface Hover {
  /** Markdown (never trusted: no command links, no HTML). */
  markdown: string;
  range: Range;
}

/** Escapes text for Markdown so it shows literally (no links, emphasis, HTML or code spans). */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+\-.!|~"'=:]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n|\r|\n/g, ' ');
}

function inside(p: Position, r: Range): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

export function hover(model: CorpusModel, position: Position, token: CancellationToken = NEVER_CANCELLED): Hover | undefined {
  if (token.isCancellationRequested) return undefined;
  const doc = model.documentAtLine(position.line);
  if (!doc) return undefined;
  const f = doc.facts;
  for (const d of f.dates) {
    const range = { start: { line: doc.headerLine + d.range.line, character: d.range.start }, end: { line: doc.headerLine + d.range.endLine, character: d.range.end } };
    if (!inside(position, range)) continue;
    const where = d.source === 'attribute' ? 'header attribute `date=`' : 'date line';
    const parts = [
      d.check.ok
        ? `**${escapeMarkdown(describeIsoDate(d.check.date))}**\n\n${d.check.date.precision} precision, from the ${where}`
        : `**Not a valid date:** ${escapeMarkdown(d.check.reason)}\n\nWrite YYYY-MM-DD, YYYY-MM or YYYY.`,
    ];
    const stated = dateHover(model, doc, undefined);
    if (stated.stated.length > 0) {
      parts.push(
        `Dates stated in the text:\n\n${stated.stated.map((s) => `- “${escapeMarkdown(s.text)}” (line ${s.line + 1}) → ${s.value}`).join('\n')}${stated.more > 0 ? `\n- … and ${stated.more} more` : ''}`,
      );
    } else {
      parts.push('The text states no date.');
    }
    return { markdown: parts.join('\n\n'), range };
  }
  if (inside(position, doc.nameRange)) {
    const lines = doc.range.end.line - doc.range.start.line + 1;
    const date = f.dates.find((x) => x.check.ok);
    const parts = [
      `**${escapeMarkdown(doc.name || '(no name)')}**: document ${doc.index + 1} of ${model.documentCount}`,
      `${lines} line${lines === 1 ? '' : 's'}${f.endLine !== undefined ? ', closed by `<<<END>>>`' : ''}`,
      date && date.check.ok ? `Date: ${escapeMarkdown(describeIsoDate(date.check.date))}` : 'No date',
    ];
    if (f.lang) parts.push(`Language: ${escapeMarkdown(f.lang)}`);
    if (f.firstWords) parts.push(`> ${escapeMarkdown(f.firstWords)}`);
    return { markdown: parts.join('\n\n'), range: doc.nameRange };
  }
  return undefined;
}
