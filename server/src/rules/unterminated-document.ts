// `unterminated-document`: some documents of the file are closed by end lines and
// others are not. The fix adds the missing end line; "Fix all" adds them all.

import type { FileRule } from './types';

export const rule: FileRule = {
  kind: 'file',
  meta: { code: 'unterminated-document', severity: 'warning', description: 'Some documents are closed by end lines and others are not.', fixable: true, scope: 'file' },
  check(t, report) {
    const closed = t.closedCount;
    if (closed === 0 || closed >= t.count) return;
    const message = `This document has no end line \`<<<END>>>\`, while ${closed} other ${closed === 1 ? 'document has one' : 'documents have one'}. Add \`<<<END>>>\` after its last line (or remove the end lines everywhere).`;
    for (let i = 0; i < t.count; i++) {
      if (!t.isClosed(i)) report({ code: 'unterminated-document', message, range: t.nameRange(i), doc: i });
    }
  },
  fixes(p, ctx) {
    const unclosed = ctx.unclosed();
    const fixes = [{ title: 'Add an end line `<<<END>>>` after this document', preferred: true, edits: [ctx.endLineEdit(p.doc)] }];
    if (unclosed.length > 1) {
      fixes.push({ title: `Add the missing end lines to all ${unclosed.length} documents`, preferred: false, edits: unclosed.map((d) => ctx.endLineEdit(d)) });
    }
    return fixes;
  },
  fixAll(ctx) {
    return ctx
      .unclosed()
      .filter((d) => (ctx.on?.(d) ?? true) && (ctx.only === undefined || ctx.only === d))
      .map((d) => ctx.endLineEdit(d));
  },
};
