// Which of a file's diagnostics VS Code gets when the file has more than VS Code
// keeps (1,000 per file: past that it drops the rest, errors first, whatever is on
// screen). Pure: no `vscode`, so the choice is unit-tested.
//
// The order, within the budget:
//   1. every problem on screen (in a visible range of an editor of the file, or on a
//      cursor's line), nearest to a cursor first if even those are too many;
//   2. then the errors, nearest to what is on screen first;
//   3. then the warnings, notes and hints, nearest first.
// Ties keep the server's order. The result is in that order of priority, not the
// file's: VS Code's editor draws squiggles for only the first 500 markers of a file
// (MarkerDecorationsService), so what is on screen must come first in the list.

/** VS Code's ExtHostDiagnosticCollection keeps at most this many diagnostics per file. */
export const VSCODE_LIMIT = 1000;

/** Where a problem is, and whether it is an error. Lines are 0-based. */
export interface Spot {
  startLine: number;
  endLine: number;
  error: boolean;
}

/** What the user sees of one file: the line ranges on screen (inclusive) and the cursors' lines. */
export interface View {
  ranges: readonly { start: number; end: number }[];
  cursors: readonly number[];
}

export const NO_VIEW: View = { ranges: [], cursors: [] };

/** Lines between a problem and the nearest thing on screen (0 when it is on screen); Infinity with no view. */
export function distance(startLine: number, endLine: number, view: View): number {
  let best = Infinity;
  for (const r of view.ranges) {
    const d = endLine < r.start ? r.start - endLine : startLine > r.end ? startLine - r.end : 0;
    if (d < best) best = d;
  }
  for (const c of view.cursors) {
    const d = endLine < c ? c - endLine : startLine > c ? startLine - c : 0;
    if (d < best) best = d;
  }
  return best;
}

/**
 * The indices of the items VS Code gets: all of them in order when they fit in
 * `limit`, else `limit` of them chosen as above, most wanted first.
 */
export function chooseWindow<T>(items: readonly T[], spot: (item: T) => Spot, view: View, limit: number = VSCODE_LIMIT): number[] {
  const n = items.length;
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const tier = new Uint8Array(n);
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = spot(items[i]);
    const d = distance(s.startLine, s.endLine, view);
    tier[i] = d === 0 ? 0 : s.error ? 1 : 2;
    dist[i] = d === 0 && view.cursors.length > 0 ? distance(s.startLine, s.endLine, { ranges: [], cursors: view.cursors }) : d;
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => tier[a] - tier[b] || dist[a] - dist[b] || a - b);
  return order.slice(0, Math.max(0, limit));
}

/** True when two windows hold the same indices in the same order. */
export function sameWindow(a: readonly number[] | undefined, b: readonly number[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
