// `replacement-character`: U+FFFD in the text, a sign of a broken conversion to
// UTF-8. No fix: the lost characters cannot be known.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'replacement-character', severity: 'warning', description: 'U+FFFD in the text: a broken conversion to UTF-8.', fixable: false, scope: 'document' },
  check(ctx) {
    for (const r of ctx.charRuns()) {
      if (r.kind !== 'replacement') continue;
      const count = r.text.length;
      ctx.report({
        code: 'replacement-character',
        message: `${count === 1 ? 'A replacement character �' : `${count} replacement characters �`} here ${count === 1 ? 'marks' : 'mark'} text that was damaged when it was converted to UTF-8. Restore the original characters from the source.`,
        line: r.line,
        start: r.start,
        endLine: r.line,
        end: r.end,
      });
    }
  },
};
