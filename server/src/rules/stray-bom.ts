// `stray-bom`: a byte-order mark (U+FEFF) that is not at the very start of the
// file (format spec, section 1, allows it only there). It is left in the middle
// when files that start with one are packed or concatenated: invisible, it can
// hide a header (the line is then text of the document above) or a date line.
// The fix removes it.

import { readDateLine } from '../model/dateLine';
import { isDocumentStart } from '../model/header';
import { lineText } from '../model/lines';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'stray-bom', severity: 'warning', description: 'A byte-order mark (U+FEFF) that is not at the start of the file.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const r of ctx.charRuns()) {
      if (r.kind !== 'bom') continue;
      // The segment's first character is the file's first only: a mark there is allowed (a document
      // opening line starts with one nowhere else, and the prelude is the file's start).
      const start = r.line === 0 && r.start === 0 ? 1 : r.start;
      const count = r.end - start;
      if (count <= 0) continue;
      const { line, end } = r;
      const rest = start === 0 ? lineText(ctx.text, ctx.lineStarts, line).slice(end) : '';
      const what =
        start === 0 && isDocumentStart(rest)
          ? 'hides the header on this line, so the line is read as text of the document above.'
          : start === 0 && ctx.doc?.firstTextLine === line && readDateLine(rest) !== undefined
            ? "hides this date line, so the document's date is not read."
            : 'is in the middle of the file; such marks are left when files that start with one are packed together.';
      ctx.report({
        code: 'stray-bom',
        message: `${count === 1 ? 'An invisible byte-order mark (U+FEFF)' : `${count} invisible byte-order marks (U+FEFF)`} ${what} Remove ${count === 1 ? 'it' : 'them'}.`,
        line,
        start,
        endLine: line,
        end,
        fixes: () => [{ title: count === 1 ? 'Remove the byte-order mark' : 'Remove the byte-order marks', preferred: true, edits: [{ line, start, endLine: line, end, newText: '' }] }],
      });
    }
  },
};
