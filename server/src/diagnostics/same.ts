// Diagnostics compared by value, so an unchanged list keeps its identity and an
// adapter sends nothing for it. Shared objects compare in one step.

import type { Diagnostic, Range } from '../model/types';

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  if (a === b) return true;
  if (a.code !== b.code || a.severity !== b.severity || a.message !== b.message || !sameRange(a.range, b.range)) return false;
  const x = a.related ?? [];
  const y = b.related ?? [];
  return x.length === y.length && x.every((r, i) => r.message === y[i].message && sameRange(r.range, y[i].range));
}

export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameDiagnostic(a[i], b[i])) return false;
  return true;
}
