// `text-outside-document`: non-blank text before the first header or after an
// end line. The fix inserts a header above it.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'text-outside-document', severity: 'error', description: 'Text before the first header or after an end line.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const t of ctx.trailer) {
      if (t.kind !== 'text') continue;
      const eol = ctx.eol;
      ctx.report({
        code: 'text-outside-document',
        message: ctx.isPrelude
          ? 'This text comes before the first header, so it belongs to no document. Put a header line `<<<FILE name>>>` above it, or remove it.'
          : 'This text comes after an end line `<<<END>>>`, so it belongs to no document. Put a header line `<<<FILE name>>>` above it, or remove it.',
        line: t.line,
        start: t.start,
        endLine: t.endLine,
        end: t.end,
        fixes: () => [{ title: 'Insert a header above this text', preferred: true, edits: [{ line: t.line, start: 0, endLine: t.line, end: 0, newText: `<<<FILE untitled.txt>>>${eol}` }] }],
      });
    }
  },
};
