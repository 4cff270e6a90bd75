// `not-utf8`: the file's bytes are not UTF-8 (a Latin-1, windows-1252, Shift_JIS
// or UTF-16 file). Found from the bytes (../encoding/bytes.ts), so reported by the
// adapters that read them: the command line, and the Node language server for
// `file:` documents. One diagnostic, naming the likely charset, replaces the
// replacement-character warnings the bytes would give. No edit can fix it: the
// editor offers to reopen the file with that encoding, `corpus convert` writes a
// UTF-8 copy.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: {
    code: 'not-utf8',
    severity: 'error',
    description: 'The file is not UTF-8 (Latin-1, windows-1252, UTF-16, …): reopen it with its encoding or convert it.',
    fixable: false,
    scope: 'file',
  },
};
