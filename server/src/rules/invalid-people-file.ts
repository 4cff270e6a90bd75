// `invalid-people-file`: a people file with a syntax or schema error (reported on
// that file, from ../people's parser). Metadata only.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: { code: 'invalid-people-file', severity: 'error', description: 'A problem in a people file (*.people.json).', fixable: false, scope: 'configuration' },
};
