// `stray-end`: an end line with no open document. The fix removes it.

import { removeLineEdit } from '../model/edits';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'stray-end', severity: 'error', description: 'An end line with no open document.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const t of ctx.trailer) {
      if (t.kind !== 'end') continue;
      const { text, lineStarts } = ctx;
      ctx.report({
        code: 'stray-end',
        message: ctx.isPrelude
          ? 'This end line `<<<END>>>` comes before any header, so it closes nothing. Remove it.'
          : 'This end line `<<<END>>>` comes after the document was already closed. Remove it.',
        line: t.line,
        start: 0,
        endLine: t.line,
        end: 9,
        fixes: () => [{ title: 'Remove this end line', preferred: true, edits: [removeLineEdit(text, lineStarts, t.line, t.length)] }],
      });
    }
  },
};
