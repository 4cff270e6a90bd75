// `empty-document`: a document with no non-blank body line. The fix (not
// preferred: the text may be coming) removes the header and its blank lines.

import { lineLengthAt } from '../model/lines';
import { short } from '../model/text';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'empty-document', severity: 'warning', description: 'A document with no text.', fixable: true, scope: 'document' },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc || !doc.empty) return;
    const { text, lineStarts } = ctx;
    const nLines = lineStarts.length;
    const last = doc.endLine ?? nLines - 1;
    const name = doc.header.name;
    const what = (n: string): string => `The document ${n} has no text. Add its text below the header, or remove the header.`;
    ctx.report({
      code: 'empty-document',
      message: what(name !== '' ? `\`${short(name)}\`` : 'without a name'),
      messageAt: name !== '' ? undefined : (line) => what(`on line ${line}`),
      line: 0,
      start: 0,
      endLine: 0,
      end: doc.headerLength,
      fixes: () => [
        {
          title: 'Remove this empty document (its header and blank lines)',
          preferred: false,
          // Up to the start of what follows (the next header), or to the end of the text
          // (the end of the last line when the file does not end with a line break).
          edits: [
            last + 1 < nLines || text.length - lineStarts[last] > lineLengthAt(text, lineStarts, last)
              ? { line: 0, start: 0, endLine: last + 1, end: 0, newText: '' }
              : { line: 0, start: 0, endLine: last, end: lineLengthAt(text, lineStarts, last), newText: '' },
          ],
        },
      ],
    });
  },
};
