// `near-duplicate-document`: most of a document's text is also in another one (the
// same article republished by another site, or scraped again with small changes),
// in this file or in another corpus file of the workspace. Found from MinHash
// sketches of the documents' word shingles through an LSH band index
// (../duplicates); the threshold is the `nearDuplicates.threshold` setting. The fix
// removes this copy and is never preferred.

import { removeCopyFix, reportCopies } from '../duplicates/report';
import type { FileRule } from './types';

export const rule: FileRule = {
  kind: 'file',
  meta: { code: 'near-duplicate-document', severity: 'information', description: 'Most of a document’s text is also in another one (a near copy).', fixable: true, scope: 'file' },
  check(t, report) {
    reportCopies(t, false, report);
  },
  fixes(p, ctx, t) {
    return removeCopyFix(p, t, ctx.removeDocumentEdit?.bind(ctx));
  },
};
