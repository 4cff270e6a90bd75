// `control-character`: a C0 control character other than tab, LF and CR. The fix removes it.

import type { SegmentRule } from './types';

export const rule: SegmentRule = {
  kind: 'segment',
  meta: { code: 'control-character', severity: 'warning', description: 'An invisible control character (other than tab and line breaks) in the text.', fixable: true, scope: 'document' },
  check(ctx) {
    for (const r of ctx.charRuns()) {
      if (r.kind !== 'control') continue;
      const count = r.text.length;
      const codes = [...new Set(r.text)].slice(0, 3).map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
      const { line, start, end } = r;
      ctx.report({
        code: 'control-character',
        message: `${count === 1 ? 'An invisible control character' : `${count} invisible control characters`} (${codes.join(', ')}) ${count === 1 ? 'is' : 'are'} here. Such characters usually come from a broken copy or conversion; remove ${count === 1 ? 'it' : 'them'}.`,
        line,
        start,
        endLine: line,
        end,
        fixes: () => [{ title: count === 1 ? 'Remove the control character' : 'Remove the control characters', preferred: true, edits: [{ line, start, endLine: line, end, newText: '' }] }],
      });
    }
  },
};
