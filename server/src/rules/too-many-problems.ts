// `too-many-problems`: a file with more problems than the editor is sent (the
// language server shows the first ones and says how many there are). Metadata only.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: { code: 'too-many-problems', severity: 'information', description: 'A file has more problems than the editor shows; the command line lists them all.', fixable: false, scope: 'file' },
};
