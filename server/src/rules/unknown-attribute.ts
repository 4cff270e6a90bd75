// `unknown-attribute`: a header key that is neither known nor configured. The key
// travels with the problem so that keys allowed by the configuration are let through.

import { removeAttributeEdit } from '../model/edits';
import { spanRange } from '../model/facts';
import { short } from '../model/text';
import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'unknown-attribute', severity: 'information', description: 'An attribute key that is neither known nor configured.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const a of ctx.doc?.attributes ?? []) {
      if (a.repeats || a.known) continue;
      const text = ctx.text;
      ctx.report({
        code: 'unknown-attribute',
        message: `\`${a.attr.key}\` is not a known header attribute (date, lang, title, source). Remove it, or allow it with "attributes" in .corpusrc.json or the corpus.attributes setting.`,
        ...spanRange(0, a.attr.keySpan),
        key: a.attr.key,
        fixes: () => [{ title: `Remove the attribute \`${short(text.slice(a.attr.span.start, a.attr.span.end))}\``, preferred: true, edits: [removeAttributeEdit(text, a.attr)] }],
      });
    }
  },
};
