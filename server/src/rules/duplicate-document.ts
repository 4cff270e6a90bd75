// `duplicate-document`: a document holds the same text as an earlier one (after
// spacing is made uniform and the text put in NFC), in this file or in another
// corpus file of the workspace. A file rule over the documents' signatures
// (../duplicates): each document's text is hashed once, when it changes. The fix
// removes this copy; it is never preferred (see docs/rules/duplicate-document.md).

import { removeCopyFix, reportCopies } from '../duplicates/report';
import type { FileRule } from './types';

export const rule: FileRule = {
  kind: 'file',
  meta: { code: 'duplicate-document', severity: 'warning', description: 'A document has the same text as another one (an exact copy).', fixable: true, scope: 'file' },
  check(t, report) {
    reportCopies(t, true, report);
  },
  fixes(p, ctx, t) {
    return removeCopyFix(p, t, ctx.removeDocumentEdit?.bind(ctx));
  },
};
