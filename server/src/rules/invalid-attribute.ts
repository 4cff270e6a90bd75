// `invalid-attribute`: a known key with a bad value (empty `lang`, `lang=english`,
// `source=not-a-url`). The fix removes the attribute.

import { removeAttributeEdit } from '../model/edits';
import { spanRange } from '../model/facts';
import { short } from '../model/text';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: {
    code: 'invalid-attribute',
    severity: 'error',
    description: 'A known attribute with a bad value (an empty or unknown language tag, a source that is not a web address).',
    fixable: true,
    scope: 'document',
  },
  check(ctx) {
    for (const a of ctx.doc?.attributes ?? []) {
      if (!a.valueProblem) continue;
      const text = ctx.text;
      ctx.report({
        code: 'invalid-attribute',
        message: a.valueProblem,
        ...spanRange(0, a.attr.value === '' ? a.attr.span : a.attr.valueSpan),
        fixes: () => [{ title: `Remove the attribute \`${short(text.slice(a.attr.span.start, a.attr.span.end))}\``, preferred: true, edits: [removeAttributeEdit(text, a.attr)] }],
      });
    }
  },
};
