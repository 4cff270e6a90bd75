// Which code actions an LSP `only` filter asks for: quick fixes, "Fix all" (kind
// source.fixAll.corpus, also asked as "source" or "source.fixAll"), the refactors, and
// "Fix all <code> in this file" (kind source.fixAll.corpus.<code>, asked for by name).

export const FIX_ALL = 'source.fixAll.corpus';

/** Which code actions an `only` filter (LSP code action kinds, such as "quickfix" or "source") asks for. */
export function wanted(only: readonly string[] | undefined): { quickFix: boolean; fixAll: boolean; refactor: boolean; fixAllOf: string[] } {
  if (!only) return { quickFix: true, fixAll: false, refactor: true, fixAllOf: [] };
  const quickFix = only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k));
  return {
    quickFix,
    fixAll: only.some((k) => k !== '' && FIX_ALL.startsWith(k)),
    refactor: quickFix || only.some((k) => k === 'refactor'),
    // "Fix all <code> in this file": kind source.fixAll.corpus.<code>, asked for by name only.
    fixAllOf: only.filter((k) => k.startsWith(`${FIX_ALL}.`)).map((k) => k.slice(FIX_ALL.length + 1)),
  };
}
