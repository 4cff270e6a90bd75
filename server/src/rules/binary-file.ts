// `binary-file`: the file is not text at all (NUL bytes, or mostly control bytes,
// in its first 8,000 bytes: an image, an archive, a word-processor file). Found
// from the bytes (../encoding/bytes.ts) by the adapters that read them; the file
// then gets this one note and is not checked as a corpus.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: {
    code: 'binary-file',
    severity: 'error',
    description: 'The file is not a text file (NUL or control bytes): it is not checked as a corpus.',
    fixable: false,
    scope: 'file',
  },
};
