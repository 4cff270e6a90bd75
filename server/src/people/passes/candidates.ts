// Pass: every capitalised run (Latin script) or Arabic word not taken by an
// earlier pass, scored token by token by the trained model from its form, the
// word lists and its context.

import type { DetectState } from '../state';

export function candidatesPass(s: DetectState): void {
  void s;
}
