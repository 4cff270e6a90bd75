// `unchecked-file`: with workspace problems on, a corpus file that is not open and
// too large to check in the background is listed with this note instead of its
// problems (reported by the service's workspace problems). Metadata only.

import type { AuxiliaryRule } from './types';

export const rule: AuxiliaryRule = {
  kind: 'auxiliary',
  meta: {
    code: 'unchecked-file',
    severity: 'information',
    description: 'A corpus file not open in the editor and too large to check in the background; open it or run corpus lint.',
    fixable: false,
    scope: 'file',
  },
};
