// `invalid-config`: a `.corpusrc.json` that is not valid (reported on that file by
// the adapters, from ../config's parser). Metadata only.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: { code: 'invalid-config', severity: 'error', description: 'A problem in a .corpusrc.json configuration file.', fixable: false, scope: 'configuration' },
};
