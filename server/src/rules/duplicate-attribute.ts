// `duplicate-attribute`: the same key twice in one header. The fix removes the repeat.

import { removeAttributeEdit } from '../model/edits';
import { spanRange } from '../model/facts';
import { short } from '../model/text';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'duplicate-attribute', severity: 'error', description: 'The same key twice in one header.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const a of ctx.doc?.attributes ?? []) {
      const first = a.repeats;
      if (!first) continue;
      const text = ctx.text;
      ctx.report({
        code: 'duplicate-attribute',
        message: `\`${a.attr.key}\` is given twice in this header (first as \`${short(first.key + '=' + first.value)}\`). Keep one and remove the other.`,
        ...spanRange(0, a.attr.span),
        fixes: () => [{ title: `Remove the attribute \`${short(text.slice(a.attr.span.start, a.attr.span.end))}\``, preferred: true, edits: [removeAttributeEdit(text, a.attr)] }],
      });
    }
  },
};
